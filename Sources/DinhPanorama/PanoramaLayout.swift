/// Choices that change the tiles (and so are part of the cache key).
public struct PanoramaOptions: Sendable, Hashable {
    /// Edge of a square tile in pixels.
    public var tileSize: Int
    /// Edge of one face in the preview strip (six faces side by side), the first paint.
    public var previewFaceSize: Int
    /// Largest face edge to produce, whatever the source resolution (memory and disk bound).
    public var maxFaceSize: Int

    public init(tileSize: Int = 512, previewFaceSize: Int = 96, maxFaceSize: Int = 8192) {
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
public struct PanoramaLayout: Sendable, Hashable {
    public struct Level: Sendable, Hashable {
        public var faceSize: Int
        public var tilesPerSide: Int
    }

    public var tileSize: Int
    /// Coarsest (one tile per face side) first; the last level is the full resolution.
    public var levels: [Level]
    public var previewFaceSize: Int

    /// The face edge of the sharpest level.
    public var faceSize: Int { levels[levels.count - 1].faceSize }

    /// The layout for a source `sourceWidth` pixels wide (2:1). The sharpest face is about
    /// `width / π` (the source's resolution at the face centre), rounded to a tile multiple.
    public init(sourceWidth: Int, options: PanoramaOptions = PanoramaOptions()) {
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
    public var tiles: [TileID] {
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
public struct TileID: Sendable, Hashable, CustomStringConvertible {
    public var level: Int
    public var face: CubeFace
    public var row: Int
    public var column: Int

    public init(level: Int, face: CubeFace, row: Int, column: Int) {
        self.level = level
        self.face = face
        self.row = row
        self.column = column
    }

    /// Path relative to the scene's tile folder, as the viewer builds it: `2/f0_1.jpg`.
    public var path: String { "\(level)/\(face.rawValue)\(row)_\(column).jpg" }
    public var description: String { path }
}

/// A file the tiler produces, handed to the sink with its pixels.
public enum PanoramaFile: Sendable, Hashable, CustomStringConvertible {
    case tile(TileID)
    /// The six faces side by side in `CubeFace.stripOrder`, each `previewFaceSize` square.
    case preview

    /// Path relative to the scene's tile folder.
    public var path: String {
        switch self {
        case .tile(let id): return id.path
        case .preview: return "preview.jpg"
        }
    }
    public var description: String { path }
}
