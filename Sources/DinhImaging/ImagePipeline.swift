import DinhCore
import Foundation

/// Makes responsive variants of many images in parallel, through a processed-media cache.
///
/// Each source is decoded once (JPEGs shrunk on load to no less than twice the largest width),
/// then resized for each width from the closest larger result, converted to sRGB, oriented
/// and encoded: JPEG (progressive) for opaque images, PNG for images with alpha. Outputs
/// carry no metadata.
///
/// The cache folder (e.g. `content/.dinh-cache/images`, ignored by git) holds one entry per
/// source content and settings: the key is an XXH64 hash of the source bytes plus a hash of
/// the widths, quality and pipeline version. A rebuild in which nothing changed re-reads and
/// hashes the sources but decodes nothing (`processedCount == 0`).
package struct ImagePipeline: Sendable {
    /// Widths of photo variants: a phone, a tablet or laptop, a large screen.
    package static let defaultWidths = [480, 960, 1600]

    package var cacheDirectory: URL
    /// When set, variants are also placed there (hard-linked from the cache when possible).
    package var outputDirectory: URL?
    package var quality: Int
    package var decoder: ImageDecoder
    /// Images processed at once; defaults to the number of cores.
    package var concurrency: Int

    /// Bump when output bytes change for the same settings, so old cache entries are not used.
    static let version = 1

    package init(cacheDirectory: URL, outputDirectory: URL? = nil, quality: Int = 80,
                decoder: ImageDecoder = ImageDecoder(),
                concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.cacheDirectory = cacheDirectory
        self.outputDirectory = outputDirectory
        self.quality = quality
        self.decoder = decoder
        self.concurrency = max(1, concurrency)
    }

    /// Processes all jobs (duplicates once), at most ``concurrency`` at a time. `progress` is
    /// called once per source, never concurrently.
    package func run(_ jobs: [ImageJob], progress: (@Sendable (ImageProgress) -> Void)? = nil) async -> ImagePipelineResult {
        var unique: [ImageJob] = []
        var seen = Set<ImageJob>()
        for job in jobs {
            let normalised = ImageJob(source: job.source.standardizedFileURL, widths: job.widths)
            if seen.insert(normalised).inserted { unique.append(normalised) }
        }
        var outcomes = [Result<ProcessedImage, ImageError>?](repeating: nil, count: unique.count)
        var completed = 0
        await withTaskGroup(of: (Int, Result<ProcessedImage, ImageError>).self) { group in
            var next = 0
            func addNext() {
                guard next < unique.count else { return }
                let index = next, job = unique[index]
                next += 1
                group.addTask { (index, Result { try self.process(job) }.mapError { ImageError.about(job.source.path, $0) }) }
            }
            for _ in 0..<min(concurrency, unique.count) { addNext() }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                completed += 1
                let cached = (try? outcome.get())?.fromCache ?? false
                progress?(ImageProgress(completed: completed, total: unique.count, source: unique[index].source, fromCache: cached))
                addNext()
            }
        }
        var result = ImagePipelineResult(images: [], failures: [], processedCount: 0, cachedCount: 0)
        for outcome in outcomes {
            switch outcome {
            case .success(let image)?:
                result.images.append(image)
                if image.fromCache { result.cachedCount += 1 } else { result.processedCount += 1 }
            case .failure(let error)?: result.failures.append(error)
            case nil: break
            }
        }
        return result
    }

    /// The widths actually produced: ascending, none above the source, duplicates merged.
    static func plannedWidths(_ requested: [Int], sourceWidth: Int) -> [Int] {
        let widths = Set(requested.filter { $0 > 0 }.map { min($0, sourceWidth) })
        return widths.isEmpty ? [sourceWidth] : widths.sorted()
    }

    // MARK: One source

    func process(_ job: ImageJob) throws -> ProcessedImage {
        let input = input(job, data: try ImageDecoder.read(job.source))
        return try cached(input) ?? make(input)
    }

    /// A source's bytes and its cache entry, hashed once whether its variants are in the cache or
    /// must be made.
    package struct Input: Sendable {
        package let job: ImageJob
        package let data: Data
        let entry: URL
    }

    /// The input of `data`, the bytes of `job.source`. The stem is part of the entry's key because
    /// variant names start with it.
    package func input(_ job: ImageJob, data: Data) -> Input {
        let settings = "v\(Self.version) q\(quality) w\(job.widths.map(String.init).joined(separator: ",")) \(Self.stem(job.source))"
        let key = ContentHash.hex(ContentHash.xxh64(data)) + "-" + ContentHash.hex(ContentHash.xxh64(Array(settings.utf8)), digits: 8)
        return Input(job: job, data: data, entry: cacheDirectory.appendingPathComponent(key, isDirectory: true))
    }

    /// The variants from the cache, or nil when they must be made.
    package func cached(_ input: Input) throws -> ProcessedImage? {
        guard let cached = CacheEntry.read(input.entry) else { return nil }
        return try publish(ProcessedImage(source: input.job.source, original: cached.original,
                                          variants: cached.variants, fromCache: true))
    }

    /// Makes and caches the variants. `decoded`, the source decoded in full by a caller that needed
    /// every pixel (the panorama tiler), spares a second decode; without it the source is decoded
    /// here, JPEGs shrunk on load.
    package func make(_ input: Input, decoded: SourceImage? = nil) throws -> ProcessedImage {
        let job = input.job, data = input.data, entry = input.entry
        let path = job.source.path
        // The pixel limit is `load`'s (a PNG over it refused before decoding, a JPEG shrunk as it is decoded).
        let info = try decoder.info(data, path: path)
        let widths = Self.plannedWidths(job.widths, sourceWidth: info.width)
        let largest = widths[widths.count - 1]
        // Target sizes in stored orientation (quarter-turned photos resize their height).
        let turned = info.orientation >= 5
        let largestHeight = Self.height(for: largest, info)
        let minimum = turned ? (largestHeight * 2, largest * 2) : (largest * 2, largestHeight * 2)
        // Merged chroma upsampling and the fast IDCT are invisible once reduced by 1.5× or more.
        let fast = largest * 3 <= info.width * 2
        let source = try decoded ?? decoder.load(data, path: path, minimumWidth: minimum.0, minimumHeight: minimum.1, fast: fast, shrinkingToLimit: true)

        let format: ImageFormat = source.pixels.channels == 4 ? .png : .jpeg
        try FileManager.default.createDirectory(at: entry, withIntermediateDirectories: true)
        let stem = Self.stem(job.source)
        var variants: [ImageVariant] = []
        var base = source.pixels  // the closest larger result so far, in stored orientation
        for width in widths.reversed() {
            let height = Self.height(for: width, info)
            let (storedWidth, storedHeight) = turned ? (height, width) : (width, height)
            let resized = (storedWidth == base.width && storedHeight == base.height)
                ? base : base.resized(width: storedWidth, height: storedHeight)
            base = resized
            let final = source.finish(resized)
            let bytes = format == .png ? try PNG.encode(final) : try JPEG.encode(final, quality: quality)
            let fingerprint = ContentHash.hex(ContentHash.xxh64(bytes), digits: 8)
            let name = "\(stem)-\(width)w.\(fingerprint).\(format.fileExtension)"
            let file = entry.appendingPathComponent(name)
            do {
                try Data(bytes).write(to: file, options: .atomic)
            } catch {
                throw ImageError(path: file.path, code: .writeFailed, .cannotWrite(reason: ErrorText.reason(error)))
            }
            variants.insert(ImageVariant(width: final.width, height: final.height, format: format, fileName: name,
                                         file: file, byteCount: bytes.count), at: 0)
        }
        // Written last: an entry without its manifest (an interrupted build) is simply redone.
        try CacheEntry.write(entry, original: info, variants: variants)
        return try publish(ProcessedImage(source: job.source, original: info, variants: variants, fromCache: false))
    }

    static func height(for width: Int, _ info: ImageInfo) -> Int {
        width == info.width ? info.height : max(1, Int((Double(info.height) * Double(width) / Double(info.width)).rounded()))
    }

    /// The file name without extension, as the start of variant names, in plain letters
    /// (`Ảnh bánh gai 1.JPG` → `anh-banh-gai-1`): the variants' addresses go into marketplace
    /// feeds and onto servers and USB sticks as they are, so they need no escaping anywhere.
    static func stem(_ url: URL) -> String {
        let safe = Slug.suggest(for: url.deletingPathExtension().lastPathComponent)
        return safe.isEmpty ? "image" : safe
    }

    /// Places the variants in the output folder when one is set.
    private func publish(_ image: ProcessedImage) throws -> ProcessedImage {
        guard let outputDirectory else { return image }
        var image = image
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw ImageError(path: outputDirectory.path, code: .writeFailed, .cannotCreateFolder(reason: ErrorText.reason(error)))
        }
        for index in image.variants.indices {
            let target = outputDirectory.appendingPathComponent(image.variants[index].fileName)
            // Same name means same bytes (the name holds their hash), so an existing file is kept:
            // unless the image was just made again, after its cache entry was found damaged, and the
            // file there is a link to the damaged one.
            if !image.fromCache, !Self.sameFile(target.path, image.variants[index].file.path) {
                try? manager.removeItem(at: target)
            }
            if !manager.fileExists(atPath: target.path) {
                do {
                    do { try manager.linkItem(at: image.variants[index].file, to: target) }
                    catch { try manager.copyItem(at: image.variants[index].file, to: target) }
                } catch {
                    if !manager.fileExists(atPath: target.path) {
                        throw ImageError(path: target.path, code: .writeFailed, .cannotWrite(reason: ErrorText.reason(error)))
                    }
                }
            }
            image.variants[index].file = target
        }
        return image
    }

    private static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        return stat(a, &first) == 0 && stat(b, &second) == 0 && first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}
