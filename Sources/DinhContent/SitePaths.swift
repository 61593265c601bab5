import Foundation

/// Where each kind of page lives in the built site: the one definition the site builder, the
/// feeds and the QR codes share. Paths are folders from the site root, ending in `/`.
public enum SitePaths {
    public static func heritage(_ slug: String) -> String { "heritage/\(slug)/" }
    public static func product(_ slug: String) -> String { "products/\(slug)/" }
    public static func producer(_ slug: String) -> String { "producers/\(slug)/" }
    public static func page(_ slug: String) -> String { "pages/\(slug)/" }
    public static let products = "products/"
    /// *1.1*: the search page, with its index `search/index.js`, in each language's tree.
    public static let search = "search/"
    /// *1.1*: a meeting's document pack.
    public static func meeting(_ slug: String) -> String { "meetings/\(slug)/" }
    /// The permanent landing a QR code opens.
    public static func code(_ code: String) -> String { "q/\(code)/" }
    /// QR images, placards and the printable sheet.
    public static let qr = "qr/"
    /// A scene's cube tiles.
    public static func tiles(_ relic: String, scene: String) -> String { "heritage/\(relic)/tiles/\(scene)/" }
    /// An item's folder in the content and in the site, without the trailing `/` (the lock's form).
    public static func target(_ folder: String) -> String { String(folder.dropLast()) }

    /// The processed-media cache of a content folder (ignored by git): photo variants, tiles, QR drawings.
    public enum Cache: String, Sendable {
        case images, tiles, qr
        public func folder(in content: URL) -> URL {
            content.appendingPathComponent(".dinh-cache", isDirectory: true).appendingPathComponent(rawValue, isDirectory: true)
        }
    }

    /// A page's folder in one language: the default language at the root, the others under `<lang>/`.
    public static func inLanguage(_ path: String, _ language: String, site: Site) -> String {
        language == site.defaultLanguage ? path : "\(language)/\(path)"
    }

    /// A published file's path as it goes into a link: each part percent-encoded, since files keep
    /// the names officers gave them (`Thuyết minh #1.mp3`, `Tờ trình số 01.pdf`) and a space or `#`
    /// left as it is breaks the link in players, feeds and validators.
    public static func link(toFile path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? String($0) }
            .joined(separator: "/")
    }

    private static let segmentCharacters: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        // `:` too: a relative link `QĐ:12.pdf` would read as an address of a scheme `QĐ`.
        allowed.remove(charactersIn: "/;,?#:")
        return allowed
    }()
}
