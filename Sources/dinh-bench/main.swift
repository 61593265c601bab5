import Foundation

// Subcommands live in their own files; this only dispatches.
let benchArguments = Array(CommandLine.arguments.dropFirst())
switch benchArguments.first {
case "images":
    exit(await imagesBench(Array(benchArguments.dropFirst())))
default:
    print("bench")
}
