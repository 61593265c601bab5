import DinhContent
import DinhCore
import Foundation

/// A published picture: where its files are, from the site root, and how big it is.
struct PublishedImage: Sendable {
    /// The file to use as `src` (a middle-sized variant).
    var src: String
    var width: Int?
    var height: Int?
    /// `(path, width)` of every variant, smallest first, for `srcset`.
    var variants: [(path: String, width: Int)]
    /// The largest variant, for Open Graph and feeds.
    var largest: String
}

/// What the media step made, looked up by source file.
struct PublishedMedia: Sendable {
    var images: [URL: PublishedImage] = [:]
    /// Audio, transcripts, videos: source → path from the site root.
    var files: [URL: String] = [:]
    var diagnostics = Diagnostics()

    func image(_ file: MediaFile) -> PublishedImage? { images[file.url] }
    func path(_ file: MediaFile) -> String? { files[file.url] }
}

/// Publishes every media file the content names, into the folder of the page that names it.
struct MediaStep {
    let content: Content
    let output: OutputFolder
    let options: BuildOptions

    func run() async throws -> PublishedMedia {
        var media = PublishedMedia()
        for site in content.heritage {
            let folder = PageRef.heritage(site.slug).folder
            for photo in site.gallery { media.images[photo.url] = try publishImage(photo, folder: folder) }
            for scene in site.scenes {
                media.images[scene.panorama.url] = try publishImage(scene.panorama, folder: folder)
                for file in scene.narration.values.sorted(by: { $0.path < $1.path }) { media.files[file.url] = try copy(file, folder: folder) }
            }
            for narration in site.narration.values.sorted(by: { $0.audio.path < $1.audio.path }) {
                media.files[narration.audio.url] = try copy(narration.audio, folder: folder)
                if let transcript = narration.transcript { media.files[transcript.url] = try copy(transcript, folder: folder) }
            }
            for video in site.videos {
                media.files[video.file.url] = try copy(video.file, folder: folder)
                for track in video.captions.values.sorted(by: { $0.path < $1.path }) { media.files[track.url] = try copy(track, folder: folder) }
                if let poster = video.poster { media.images[poster.url] = try publishImage(poster, folder: folder) }
            }
        }
        for product in content.products {
            let folder = PageRef.product(product.slug).folder
            for photo in product.images { media.images[photo.url] = try publishImage(photo, folder: folder) }
        }
        return media
    }

    private func copy(_ file: MediaFile, folder: String) throws -> String {
        let path = folder + file.path
        try output.copy(file.url, to: path)
        return path
    }

    private func publishImage(_ file: MediaFile, folder: String) throws -> PublishedImage {
        let path = try copy(file, folder: folder)
        return PublishedImage(src: path, width: nil, height: nil, variants: [], largest: path)
    }
}
