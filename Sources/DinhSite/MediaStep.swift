import DinhContent
import DinhCore
import DinhImaging
import DinhPanorama
import Foundation

/// A published picture: where its files are, from the site root, and how big it is.
struct PublishedImage: Sendable {
    /// The file to use as `src` (a middle-sized variant).
    var src: String
    var width: Int?
    var height: Int?
    /// `(path, width)` of every variant, smallest first, for `srcset`.
    var variants: [(path: String, width: Int)]
    /// The largest variant (1600 px wide at most), for Open Graph and the marketplaces: Google
    /// asks for 500×500 at least and recommends 1500×1500; only they fetch it, not phones.
    var largest: (path: String, width: Int, height: Int)
}

/// What the media step made, looked up by source file.
struct PublishedMedia: Sendable {
    var images: [URL: PublishedImage] = [:]
    /// Audio, transcripts, videos, documents: source → path from the site root, as a link
    /// (`SitePaths.link(toFile:)`: the file keeps its name, the link is percent-encoded).
    var files: [URL: String] = [:]
    /// How long each narration plays (`3:25`), where its file says.
    var lengths: [URL: String] = [:]
    var imagesProcessed = 0
    var imagesFromCache = 0
    /// Tiled panoramas, by source file.
    var panoramas: [URL: PanoramaLayout] = [:]
    /// Bytes of each tiled panorama's tiles per level (coarsest first), for the offline button.
    var panoramaBytes: [URL: [Int]] = [:]

    func image(_ file: MediaFile) -> PublishedImage? { images[file.url] }
    func path(_ file: MediaFile) -> String? { files[file.url] }
    func length(_ file: MediaFile) -> String? { lengths[file.url] }
}

/// Publishes every media file the content names, into the folder of the page that names it:
/// photos as responsive, metadata-free variants through the imaging pipeline and its cache,
/// audio, transcripts and videos as they are (with each narration's length), and the panoramas'
/// 360° tiles and photo variants (`PanoramaTiles`), made meanwhile: the photos take the cores a
/// panorama leaves.
/// Puts `media` (paths, sizes, tile layouts) in the context.
struct MediaStep: BuildStep {
    var name: String { "media" }
    func title(in language: Language) -> String { SiteMessage.stepMedia.text(in: language) }

    /// A photo and the page folder it is published in.
    private struct Photo {
        var file: MediaFile
        var folder: String
    }

    func run(_ context: inout BuildContext) async throws {
        let content = context.loaded, options = context.options
        let output = try context.output ?? OutputFolder(target: options.output, content: options.content,
                                                                  waiting: { [options] in options.log($0.text(in: options.language)) })
        context.output = output
        let pipeline = ImagePipeline(cacheDirectory: SitePaths.Cache.images.folder(in: content.root), concurrency: options.jobs)
        let panoramas = PanoramaTiles(content: content, photos: pipeline)
        async let tiles = panoramas.publish(to: output)
        var media = PublishedMedia()
        var photos: [Photo] = []
        var diagnostics = Diagnostics()
        // Published as it is, and its link noted; its bytes are returned, read once.
        @discardableResult
        func copy(_ file: MediaFile, folder: String) throws -> Data {
            let data = try output.copy(file.url, to: folder + file.path)
            media.files[file.url] = SitePaths.link(toFile: folder + file.path)
            return data
        }
        // Captions and transcripts as browsers read them: SubRip subtitles (`.srt`) published as
        // WebVTT beside them (`thuyet-minh.vtt`), WebVTT as it is.
        func copyCaptions(_ file: MediaFile, folder: String) throws {
            guard WebVTT.isSubRipFile(file.path), case .success(let text) = SourceText.read(file.url, path: file.path) else {
                _ = try copy(file, folder: folder)
                return
            }
            // `guide.srt` is published as `guide.vtt`, unless a `guide.vtt` stands beside it (another
            // language's, or a video's): then as `guide.srt.vtt`, so that neither replaces the other.
            let stem = (file.path as NSString).deletingPathExtension
            let beside = FileManager.default.fileExists(atPath: file.url.deletingPathExtension().appendingPathExtension("vtt").path)
            let published = folder + (beside ? file.path : stem) + ".vtt"
            try output.write(published, WebVTT.fromSubRip(text))
            media.files[file.url] = SitePaths.link(toFile: published)
        }
        // A narration's length, for the page to show before the visitor fetches it; returns it.
        @discardableResult
        func copyNarration(_ file: MediaFile, folder: String) throws -> Double? {
            guard let seconds = AudioLength.seconds(of: try copy(file, folder: folder)) else { return nil }
            media.lengths[file.url] = AudioLength.clock(seconds)
            return seconds
        }
        for site in content.heritage {
            let folder = PageRef.heritage(site.slug).folder
            photos += site.gallery.map { Photo(file: $0, folder: folder) }
            for scene in site.scenes {
                photos.append(Photo(file: scene.panorama, folder: folder))
                for file in scene.narration.values.sorted(by: { $0.path < $1.path }) { try copyNarration(file, folder: folder) }
            }
            for narration in site.narration.values.sorted(by: { $0.audio.path < $1.audio.path }) {
                let seconds = try copyNarration(narration.audio, folder: folder)
                if let transcript = narration.transcript {
                    try copyCaptions(transcript, folder: folder)
                    // A caption that starts after the recording ends is never shown: it belongs to
                    // another recording (a quarter second allows for how a length is read).
                    if let seconds, let last = narration.cues.last, last.start > seconds + 0.25 {
                        diagnostics.warning(transcript.location, .captionsAfterTheEnd(path: transcript.path, at: AudioLength.preciseClock(last.start),
                                                                                   audio: narration.audio.path, length: AudioLength.preciseClock(seconds)))
                    }
                }
            }
            for video in site.videos {
                try copy(video.file, folder: folder)
                for track in video.captions.values.sorted(by: { $0.path < $1.path }) { try copyCaptions(track, folder: folder) }
                if let poster = video.poster { photos.append(Photo(file: poster, folder: folder)) }
            }
        }
        for product in content.products {
            photos += product.images.map { Photo(file: $0, folder: PageRef.product(product.slug).folder) }
        }
        // 1.1: a meeting's documents, byte for byte (a PDF is never re-encoded).
        for meeting in content.meetings {
            for document in meeting.documents where media.files[document.file.url] == nil {
                try copy(document.file, folder: PageRef.meeting(meeting.slug).folder)
            }
        }
        for producer in content.producers {
            if let photo = producer.photo { photos.append(Photo(file: photo, folder: PageRef.producer(producer.slug).folder)) }
        }

        // The panoramas' variants come from the tiles half, made from its decode.
        let panoramaFiles = Set(panoramas.files.map(\.url))
        let jobs = photos.filter { !panoramaFiles.contains($0.file.url) }.map { ImageJob(source: $0.file.url) }
        let result = await pipeline.run(jobs) { progress in
            options.progress?(progress.completed, progress.total, progress.source.lastPathComponent)
        }
        let tours = try await tiles
        let images = result.images + tours.photos
        media.imagesProcessed = images.count { !$0.fromCache }
        media.imagesFromCache = images.count { $0.fromCache }
        let processed = Dictionary(images.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
        let failures = Dictionary((result.failures + tours.photoFailures).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for photo in photos where media.images[photo.file.url] == nil {
            guard let image = processed[photo.file.url.standardizedFileURL], !image.variants.isEmpty else {
                // A panorama that cannot be used is said once, as a panorama, by the tiles half.
                if tours.unusable.contains(photo.file.url) { continue }
                let reason = failures[photo.file.url.standardizedFileURL.path]?.text ?? Message(SiteMessage.notAnImage)
                diagnostics.error(photo.file.location, .photoUnusable(path: photo.file.path, reason: reason))
                continue
            }
            for variant in image.variants { try output.link(variant.file, to: photo.folder + variant.fileName) }
            // The middle width is the `src` for browsers without srcset: sharp on a phone, light on 4G.
            let main = image.variants.last { $0.width <= 960 } ?? image.variants[0]
            let largest = image.variants.last ?? main
            media.images[photo.file.url] = PublishedImage(
                src: photo.folder + main.fileName, width: main.width, height: main.height,
                variants: image.variants.map { (photo.folder + $0.fileName, $0.width) },
                largest: (photo.folder + largest.fileName, largest.width, largest.height))
        }
        media.panoramas = tours.layouts
        media.panoramaBytes = tours.levelBytes
        context.media = media
        context.diagnostics.append(contentsOf: diagnostics)
        context.diagnostics.append(contentsOf: tours.diagnostics)
    }
}
