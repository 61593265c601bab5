import Foundation

if CommandLine.arguments.dropFirst().first == "qr" {
    exit(await QRBench.run(Array(CommandLine.arguments.dropFirst(2))))
}
print("bench")
