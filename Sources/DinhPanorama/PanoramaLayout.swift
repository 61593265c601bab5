/// Choices that change the tiles (and so are part of the cache key).
package struct PanoramaOptions: Sendable, Hashable {
    /// Edge of a square tile in pixels.
    package var tileSize: Int
    /// Edge of one face in the preview strip (six faces side by side), the first paint.
    package var previewFaceSize: Int
    /// Largest face edge to produce, whatever the source resolution (memory and disk bound).
    package var maxFaceSize: Int

    package init(tileSize: Int = 512, previewFaceSize: Int = 96, maxFaceSize: Int = 8192) {
        self.tileSize = tileSize
        self.previewFaceSize = previewFaceSize
        self.maxFaceSize = maxFaceSize
    }
}

/// Which tiles a panorama has: face sizes per level, coarsest first.
///
/// Every level's face is a whole number of full tiles: the number of tiles per face side goes
/// k, ⌈k/2⌉, ⌈k/4⌉ … 1, so there are never sliver tiles, at the cost of levels that are not exact halves
/// (5 → 3 → 2 → 1 tiles for an 8192-wide source).
package struct PanoramaLayout: Sendable, Hashable {
    package struct Level: Sendable, Hashable {
        package var faceSize: Int
        package var tilesPerSide: Int
    }

    package var tileSize: Int
    /// Coarsest (one tile per face side) first; the last level is the full resolution.
    package var levels: [Level]
    package var previewFaceSize: Int

    /// The face edge of the sharpest level.
    package var faceSize: Int { levels[levels.count - 1].faceSize }

    /// The layout for a source `sourceWidth` pixels wide (2:1). The sharpest face is about
    /// `width / π` (the source's resolution at the face centre), rounded to a tile multiple.
    package init(sourceWidth: Int, options: PanoramaOptions = PanoramaOptions()) {
        let tile = max(16, options.tileSize)
        let ideal = Double(sourceWidth) / Double.pi
        var perSide = Int((ideal / Double(tile)).rounded())
        perSide = min(perSide, max(1, options.maxFaceSize / tile))
        if perSide == 0 {
            // Smaller than half a tile: one level of one tile, a multiple of 16 (JPEG blocks), so a tiny
            // source is not blown up to a full tile.
            let size = max(16, Int((ideal / 16).rounded()) * 16)
            self.tileSize = size
            self.levels = [Level(faceSize: size, tilesPerSide: 1)]
        } else {
            var counts = [perSide]
            while counts[counts.count - 1] > 1 { counts.append((counts[counts.count - 1] + 1) / 2) }
            self.tileSize = tile
            self.levels = counts.reversed().map { Level(faceSize: $0 * tile, tilesPerSide: $0) }
        }
        self.previewFaceSize = min(max(8, options.previewFaceSize), levels[0].faceSize)
    }

    /// Every tile, level by level (coarsest first), faces in strip order, rows then columns.
    package var tiles: [TileID] {
        var result: [TileID] = []
        for (index, level) in levels.enumerated() {
            for face in CubeFace.stripOrder {
                for row in 0..<level.tilesPerSide {
                    for column in 0..<level.tilesPerSide {
                        result.append(TileID(level: index, face: face, row: row, column: column))
                    }
                }
            }
        }
        return result
    }
}

/// One tile: level index (0 = coarsest), face, row and column (from the face's top left).
package struct TileID: Sendable, Hashable, CustomStringConvertible {
    package var level: Int
    package var face: CubeFace
    package var row: Int
    package var column: Int

    package init(level: Int, face: CubeFace, row: Int, column: Int) {
        self.level = level
        self.face = face
        self.row = row
        self.column = column
    }

    /// Path relative to the scene's tile folder, as the viewer builds it: `2/f0_1.jpg`.
    package var path: String { "\(level)/\(face.rawValue)\(row)_\(column).jpg" }
    package var description: String { path }
}

/// A file the tiler produces, handed to the sink with its pixels.
package enum PanoramaFile: Sendable, Hashable, CustomStringConvertible {
    case tile(TileID)
    /// The six faces side by side in `CubeFace.stripOrder`, each `previewFaceSize` square.
    case preview

    /// Path relative to the scene's tile folder.
    package var path: String {
        switch self {
        case .tile(let id): return id.path
        case .preview: return "preview.jpg"
        }
    }
    package var description: String { path }
}
