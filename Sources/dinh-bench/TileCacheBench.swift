import DinhPanorama
import Foundation

/// `dinh-bench tile-check FOLDER SOURCE_WIDTH [RUNS]`: how long checking one cached tile folder
/// (`content/.dinh-cache/tiles/<key>`) takes, as each build does before publishing it: by the
/// recorded sizes and times, and by reading and hashing every tile.
enum TileCacheBench {
    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count >= 2, let width = Int(arguments[1]) else {
            print("usage: dinh-bench tile-check FOLDER SOURCE_WIDTH [RUNS]")
            return 2
        }
        let folder = URL(fileURLWithPath: arguments[0], isDirectory: true)
        let layout = PanoramaTiler().layout(sourceWidth: width)
        let runs = arguments.count > 2 ? Int(arguments[2]) ?? 100 : 100
        for (name, hashEverything) in [("by sizes and times", false), ("reading every tile", true)] {
            var intact = true
            let start = Date()
            for _ in 0..<runs { intact = intact && TileCache.isIntact(folder, layout: layout, hashEverything: hashEverything) }
            let each = Date().timeIntervalSince(start) / Double(runs)
            print(String(format: "tile-check %@: %.2f ms per folder (%d tiles)%@", name, each * 1000, layout.tiles.count + 1, intact ? "" : ", NOT INTACT"))
        }
        return 0
    }
}
