import DinhContent
import DinhCore
import Foundation

/// The site's service worker: the theme's `assets/sw.js`, published at the site root (a worker
/// controls only pages below its own folder) with the build's version in place of `DINH_VERSION`.
/// Beside it, the script of a relic page's button that keeps the page for offline use.
package enum ServiceWorker {
    static let asset = "sw.js"
    /// Where it is published, relative to the site root.
    package static let path = "sw.js"
    /// The relic page's offline button, published in `assets/` with its words in place of `DINH_WORDS`.
    static let offlineButtonAsset = "offline.js"

    /// A theme's asset as published: the two scripts above with the build's texts filled in.
    static func published(_ asset: (name: String, data: Data), version: String, site: Site) -> (path: String, data: Data) {
        let text = { String(decoding: asset.data, as: UTF8.self) }
        switch asset.name {
        case Self.asset:
            return (path, Data(text().replacingOccurrences(of: "DINH_VERSION", with: version)
                .replacingOccurrences(of: "DINH_OFFLINE", with: offlineTexts(site)).utf8))
        case offlineButtonAsset:
            return ("assets/\(asset.name)", Data(text().replacingOccurrences(of: "DINH_WORDS", with: offlineButtonWords(site)).utf8))
        default:
            return ("assets/\(asset.name)", asset.data)
        }
    }

    /// The offline button's words in every language of the site, `{"vi":{"label":…},…}`: the script
    /// comes after the page's load, so they do not weigh on its first view as the page's own would.
    static func offlineButtonWords(_ site: Site) -> String {
        var words: [String: [String: String]] = [:]
        for language in site.languages {
            let t = Strings(language: language)
            words[language] = Dictionary(uniqueKeysWithValues: ["label", "saving", "ready", "saved", "failed"].map { ($0, t["offline_\($0)"]) })
        }
        return json(words)
    }

    private static func json(_ value: Any) -> String {
        let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// What the worker says for a page it has not kept, without network: per language (the
    /// default first) the folder of its pages and the words, escaped for HTML, as a JSON array.
    static func offlineTexts(_ site: Site) -> String {
        let router = Router(site: site)
        let languages = site.languages.map { language -> [String: String] in
            let t = Strings(language: language)
            var words = ["lang": language, "prefix": router.path(.home, language), "name": HTML.escape(LocalizedText.languageName(language))]
            for key in ["no_network", "no_network_kept", "no_network_none", "try_again", "code"] { words[key] = HTML.escape(t[key]) }
            return words
        }
        return json(languages)
    }
}
