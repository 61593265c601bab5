import DinhContent
import DinhCore
import DinhFeeds
import Foundation

/// schema.org JSON-LD for page heads (JSON already safe inside the layout's `<script>`), from the published media.
struct StructuredData: Sendable {
    let content: Content
    let media: PublishedMedia
    let today: CalendarDate

    /// A published photo as marketplaces and search engines see it: absolute URL and size.
    func image(_ file: MediaFile) -> FeedImage? {
        media.image(file).map { FeedImage(url: content.site.baseURL + $0.largest.path, width: $0.largest.width, height: $0.largest.height) }
    }

    func producer(_ producer: Producer, _ language: String) -> String {
        JSONLD.producer(producer, content: content, language: language)
    }

    /// The relic's photos (its panoramas only when it has none: stretched 2:1, they make poor pictures
    /// of a place), and the narration the page plays: each language's page names its own. Without
    /// its transcript: the page shows it, and a phone at the gate would fetch the text twice.
    func heritage(_ relic: HeritageSite, _ language: String) -> String {
        let photos = (relic.gallery.isEmpty ? relic.scenes.map(\.panorama) : relic.gallery).compactMap(image)
        let code = relic.narration[language] != nil ? language : content.site.defaultLanguage
        let narration = relic.narration[code].flatMap { track -> AudioLink? in
            media.path(track.audio).map { AudioLink(language: code, url: content.site.baseURL + $0) }
        }
        return JSONLD.heritage(relic, content: content, language: language, images: photos, narration: narration.map { [$0] } ?? [])
    }
}
