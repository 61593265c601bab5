import DinhContent
import DinhCore
import Foundation

/// The site's service worker: the theme's `assets/sw.js`, published at the site root (a worker
/// controls only pages below its own folder) with the build's version in place of `DINH_VERSION`.
package enum ServiceWorker {
    static let asset = "sw.js"
    /// Where it is published, relative to the site root.
    package static let path = "sw.js"

    static func script(theme: Theme, version: String, site: Site) -> Data? {
        guard let source = theme.assets.first(where: { $0.name == asset })?.data else { return nil }
        return Data(String(decoding: source, as: UTF8.self).replacingOccurrences(of: "DINH_VERSION", with: version)
            .replacingOccurrences(of: "DINH_OFFLINE", with: offlineTexts(site)).utf8)
    }

    /// What the worker says for a page it has not kept, without network: per language (the
    /// default first) the folder of its pages and the words, escaped for HTML, as a JSON array.
    static func offlineTexts(_ site: Site) -> String {
        let router = Router(site: site)
        let languages = site.languages.map { language -> [String: String] in
            let t = Strings(language: language)
            var words = ["lang": language, "prefix": router.path(.home, language), "name": HTML.escape(LocalizedText.languageName(language))]
            for key in ["no_network", "no_network_kept", "no_network_none", "try_again"] { words[key] = HTML.escape(t[key]) }
            return words
        }
        let json = try? JSONSerialization.data(withJSONObject: languages, options: [.sortedKeys, .withoutEscapingSlashes])
        return json.map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
