import DinhContent
import DinhCore
import DinhImaging
import DinhPanorama
import Foundation

/// The 360° tours: every scene's panorama cut into cube tiles, through a cache so that a rebuild
/// re-tiles nothing unchanged, and published under `heritage/<slug>/tiles/<scene>/`. The media step
/// runs this beside the photos and puts each panorama's layout and bytes per level in its media.
struct PanoramaTiles: Sendable {
    let content: Content

    /// What tiling the content's panoramas made: each one's layout and bytes of tiles per level
    /// (coarsest first), by source file, and the problems found (`unusable`: the panoramas that got
    /// an error, which the photo half then does not report a second time).
    struct Published: Sendable {
        var layouts: [URL: PanoramaLayout] = [:]
        var levelBytes: [URL: [Int]] = [:]
        var unusable: Set<URL> = []
        var diagnostics = Diagnostics()
    }

    /// JPEG quality of tiles: tiles are seen magnified while zooming, so a little above photos.
    static let quality = 82
    static let tiler = PanoramaTiler()

    func publish(to output: OutputFolder) async throws -> Published {
        var published = Published()
        func unusable(_ file: MediaFile, _ message: SiteMessage) {
            published.diagnostics.error(file.location, message)
            published.unusable.insert(file.url)
        }
        let cacheRoot = SitePaths.Cache.tiles.folder(in: content.root)
        for relic in content.heritage {
            for scene in relic.scenes {
                // The media step stopped (it threw): no more tiling for a build that is over.
                try Task.checkCancellation()
                let file = scene.panorama
                guard let data = FileManager.default.contents(atPath: file.url.path) else {
                    unusable(file, .panoramaUnreadable(path: file.path))
                    continue
                }
                let info: ImageInfo
                do {
                    info = try ImageDecoder().info(data, path: file.path)
                    try PanoramaTiler.validate(width: info.width, height: info.height)
                } catch {
                    unusable(file, .panoramaUnusable(path: file.path, reason: Self.reason(error)))
                    continue
                }
                if Self.isBlurred(width: info.width) {
                    published.diagnostics.warning(file.location, .panoramaBlurred(path: file.path, width: info.width))
                }
                let layout = Self.tiler.layout(sourceWidth: info.width)
                let cache = cacheRoot.appendingPathComponent(Self.tiler.cacheKey(sourceBytes: data, encoder: "jpeg-q\(Self.quality)"))
                // Every tile checked against the sealed sizes and hashes: a damaged one is tiled again.
                if !TileCache.isIntact(cache, layout: layout) {
                    // Tiled aside and renamed into place: a build running at the same time (a preview,
                    // a check) never sees half the tiles, nor loses them to this one.
                    let temporary = cacheRoot.appendingPathComponent(".\(cache.lastPathComponent).\(UUID().uuidString)")
                    do {
                        try await tile(data, path: file.path, into: temporary, layout: layout)
                        try TileCache.seal(temporary, layout: layout)
                        if rename(temporary.path, cache.path) != 0 {
                            // Another build got there first (keep its tiles), or an interrupted older
                            // version of dinh left the folder unfinished, or a tile is damaged (replace it).
                            if !TileCache.isIntact(cache, layout: layout) {
                                try? FileManager.default.removeItem(at: cache)
                                _ = rename(temporary.path, cache.path)
                            }
                            try? FileManager.default.removeItem(at: temporary)
                        }
                    } catch is CancellationError {
                        try? FileManager.default.removeItem(at: temporary)
                        throw CancellationError()
                    } catch {
                        try? FileManager.default.removeItem(at: temporary)
                        unusable(file, .panoramaUnusable(path: file.path, reason: Self.reason(error)))
                        continue
                    }
                }
                let folder = SitePaths.tiles(relic.slug, scene: scene.id)
                try output.link(cache.appendingPathComponent("preview.jpg"), to: folder + "preview.jpg")
                var bytes = [Int](repeating: 0, count: layout.levels.count)
                for tile in layout.tiles {
                    let source = cache.appendingPathComponent(tile.path)
                    try output.link(source, to: folder + tile.path)
                    var status = stat()
                    if stat(source.path, &status) == 0 { bytes[tile.level] += Int(status.st_size) }
                }
                published.layouts[file.url] = layout
                published.levelBytes[file.url] = bytes
            }
        }
        return published
    }

    private func tile(_ data: Data, path: String, into cache: URL, layout: PanoramaLayout) async throws {
        for level in layout.levels.indices {
            try FileManager.default.createDirectory(at: cache.appendingPathComponent("\(level)"), withIntermediateDirectories: true)
        }
        let source = try ImageDecoder().decode(data, path: path)
        try await Self.tiler.tile(source) { file, image in
            try PlainFile.write(JPEG.encode(image, quality: Self.quality, progressive: false), to: cache.appendingPathComponent(file.path).path)
        }
    }

    /// Below 2048 px across, a panorama looks blurred as soon as a visitor zooms.
    static func isBlurred(width: Int) -> Bool { width < 2048 }

    private static func reason(_ error: any Error) -> Message {
        if let error = error as? ImageError { return error.text }
        return Message(verbatim: ErrorText.describe(error))
    }
}
