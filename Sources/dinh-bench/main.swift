if CommandLine.arguments.count > 1, CommandLine.arguments[1].hasPrefix("panorama") { await PanoramaBench.main(CommandLine.arguments) }
print("bench")
