import Foundation

// Benchmarks used by scripts/bench-*.sh. Subcommands live in their own files; this only dispatches.
let benchArguments = Array(CommandLine.arguments.dropFirst())
switch benchArguments.first {
case "images":
    exit(await imagesBench(Array(benchArguments.dropFirst())))
case "qr":
    exit(await QRBench.run(Array(benchArguments.dropFirst())))
case "feeds":
    exit(FeedsBench.run(Array(benchArguments.dropFirst())))
case "tile-check":
    exit(TileCacheBench.run(Array(benchArguments.dropFirst())))
case "panorama", "panorama-synth":
    await PanoramaBench.main(CommandLine.arguments)
default:
    print("usage: dinh-bench images|qr|feeds|panorama|panorama-synth|tile-check …")
    exit(2)
}
