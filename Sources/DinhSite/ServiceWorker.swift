import Foundation

/// The site's service worker: the theme's `assets/sw.js`, published at the site root (a worker
/// controls only pages below its own folder) with the build's version in place of `DINH_VERSION`.
package enum ServiceWorker {
    static let asset = "sw.js"
    /// Where it is published, relative to the site root.
    package static let path = "sw.js"

    static func script(theme: Theme, version: String) -> Data? {
        guard let source = theme.assets.first(where: { $0.name == asset })?.data else { return nil }
        return Data(String(decoding: source, as: UTF8.self).replacingOccurrences(of: "DINH_VERSION", with: version).utf8)
    }
}
