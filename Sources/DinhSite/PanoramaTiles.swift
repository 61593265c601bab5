import DinhContent
import DinhCore
import DinhImaging
import DinhPanorama
import Foundation

/// The 360° tours: every scene's panorama cut into cube tiles, through a cache so that a rebuild
/// re-tiles nothing unchanged, and published under `heritage/<slug>/tiles/<scene>/`. The media step
/// runs this beside the photos and puts each panorama's layout and bytes per level in its media.
/// A panorama is also a photo (the page's picture without WebGL, its share image): its variants are
/// made here from the tiler's decode, so a panorama is decoded once.
struct PanoramaTiles: Sendable {
    let content: Content
    /// Makes (and caches) the panoramas' photo variants, as it does every other photo's.
    let photos: ImagePipeline
    /// The panoramas' source files, each once (two scenes may show the same one).
    let files: [MediaFile]

    init(content: Content, photos: ImagePipeline) {
        self.content = content
        self.photos = photos
        var seen = Set<URL>()
        files = content.heritage.flatMap(\.scenes).map(\.panorama).filter { seen.insert($0.url).inserted }
    }

    /// What tiling the content's panoramas made: each one's layout and bytes of tiles per level
    /// (coarsest first), by source file, their photo variants, and the problems found (`unusable`:
    /// the panoramas that got an error, which the photo half then does not report a second time).
    struct Published: Sendable {
        var layouts: [URL: PanoramaLayout] = [:]
        var levelBytes: [URL: [Int]] = [:]
        var photos: [ProcessedImage] = []
        var photoFailures: [ImageError] = []
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
        for file in files {
            // The media step stopped (it threw): no more tiling for a build that is over.
            try Task.checkCancellation()
            guard let data = FileManager.default.contents(atPath: file.url.path) else {
                unusable(file, .panoramaUnreadable(path: file.path))
                continue
            }
            let info: ImageInfo
            do {
                info = try Self.header(data, path: file.path)
            } catch {
                unusable(file, .panoramaUnusable(path: file.path, reason: Self.reason(error)))
                continue
            }
            if Self.isBlurred(width: info.width) {
                published.diagnostics.warning(file.location, .panoramaBlurred(path: file.path, width: info.width))
            }
            // A stitched JPEG over the pixel limit (16384×8192 from PTGui) is read at half size or
            // less, still sharper than a phone shows a 360° view, rather than refused.
            let shrunk = info.format == .jpeg ? ImageDecoder().shrunkSize(width: info.width, height: info.height) : nil
            let layout = Self.tiler.layout(sourceWidth: shrunk?.width ?? info.width)
            let cache = cacheRoot.appendingPathComponent(Self.tiler.cacheKey(sourceBytes: data, encoder: "jpeg-q\(Self.quality)"))
            let photo = photos.input(ImageJob(source: file.url.standardizedFileURL), data: data)
            // Every tile checked against the sealed sizes and hashes: a damaged one is tiled again.
            let tilesIntact = TileCache.isIntact(cache, layout: layout)
            let cachedPhoto = try? photos.cached(photo)
            if tilesIntact, let cachedPhoto {
                published.photos.append(cachedPhoto)
            } else {
                do {
                    // On two cores when the build may use them: the tiles wait for the whole panorama.
                    let source = try ImageDecoder().load(data, path: file.path, inTwoParts: photos.concurrency > 1, shrinkingToLimit: shrunk != nil)
                    async let variants = Result { try cachedPhoto ?? photos.make(photo, decoded: source) }
                    if !tilesIntact { try await tile(source.finished(), into: cache, layout: layout) }
                    switch await variants {
                    case .success(let image): published.photos.append(image)
                    case .failure(let error): published.photoFailures.append(ImageError.about(photo.job.source.path, error))
                    }
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    unusable(file, .panoramaUnusable(path: file.path, reason: Self.reason(error)))
                    continue
                }
            }
            published.levelBytes[file.url] = try link(cache, layout: layout, into: output, folders: tileFolders(of: file))
            published.layouts[file.url] = layout
        }
        return published
    }

    /// Tiles a decoded panorama into its cache folder: aside first, then renamed into place, so a
    /// build running at the same time (a preview, a check) never sees half the tiles, nor loses them.
    private func tile(_ source: PixelImage, into cache: URL, layout: PanoramaLayout) async throws {
        let temporary = cache.deletingLastPathComponent().appendingPathComponent(".\(cache.lastPathComponent).\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        for level in layout.levels.indices {
            try FileManager.default.createDirectory(at: temporary.appendingPathComponent("\(level)"), withIntermediateDirectories: true)
        }
        try await Self.tiler.tile(source) { file, image in
            try PlainFile.write(JPEG.encode(image, quality: Self.quality, progressive: false), to: temporary.appendingPathComponent(file.path).path)
        }
        try TileCache.seal(temporary, layout: layout)
        if rename(temporary.path, cache.path) != 0 {
            // Another build got there first (keep its tiles), or an interrupted older version of
            // dinh left the folder unfinished, or a tile is damaged (replace it).
            if !TileCache.isIntact(cache, layout: layout) {
                try? FileManager.default.removeItem(at: cache)
                _ = rename(temporary.path, cache.path)
            }
        }
    }

    /// The tile folders of every scene that shows this panorama.
    private func tileFolders(of file: MediaFile) -> [String] {
        content.heritage.flatMap { relic in
            relic.scenes.filter { $0.panorama.url == file.url }.map { SitePaths.tiles(relic.slug, scene: $0.id) }
        }
    }

    /// Links the cached tiles and preview into each folder; returns the tiles' bytes per level.
    private func link(_ cache: URL, layout: PanoramaLayout, into output: OutputFolder, folders: [String]) throws -> [Int] {
        var bytes = [Int](repeating: 0, count: layout.levels.count)
        for tile in layout.tiles {
            var status = stat()
            if stat(cache.appendingPathComponent(tile.path).path, &status) == 0 { bytes[tile.level] += Int(status.st_size) }
        }
        for folder in folders {
            try output.link(cache.appendingPathComponent("preview.jpg"), to: folder + "preview.jpg")
            for tile in layout.tiles { try output.link(cache.appendingPathComponent(tile.path), to: folder + tile.path) }
        }
        return bytes
    }

    /// Below 2048 px across, a panorama looks blurred as soon as a visitor zooms.
    static func isBlurred(width: Int) -> Bool { width < 2048 }

    /// A panorama's size and format from its header, checked as the tiler needs them.
    static func header(_ data: Data, path: String) throws -> ImageInfo {
        let info = try ImageDecoder().info(data, path: path)
        try PanoramaTiler.validate(width: info.width, height: info.height)
        return info
    }

    /// What the headers of these panoramas already say is wrong with them (a photo not 2:1, not a
    /// JPEG or PNG): told by a build that stops at the content, so that the round after is the last.
    static func headerProblems(_ files: [MediaFile]) -> Diagnostics {
        var diagnostics = Diagnostics()
        for file in files {
            // Mapped, not read: only the header is looked at, of files of up to hundreds of megabytes.
            guard let data = try? Data(contentsOf: file.url, options: .alwaysMapped) else { continue }  // the loader told a missing file
            do { _ = try header(data, path: file.path) } catch {
                diagnostics.error(file.location, SiteMessage.panoramaUnusable(path: file.path, reason: reason(error)))
            }
        }
        return diagnostics
    }

    private static func reason(_ error: any Error) -> Message {
        if let error = error as? any MessageError { return error.text }
        return Message(verbatim: ErrorText.describe(error))
    }
}
