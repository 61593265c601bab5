/// Where each kind of page lives in the built site: the one definition the site builder, the
/// feeds and the QR codes share. Paths are folders from the site root, ending in `/`.
public enum SitePaths {
    public static func heritage(_ slug: String) -> String { "heritage/\(slug)/" }
    public static func product(_ slug: String) -> String { "products/\(slug)/" }
    public static func producer(_ slug: String) -> String { "producers/\(slug)/" }
    public static func page(_ slug: String) -> String { "pages/\(slug)/" }
    public static let products = "products/"
    /// The permanent landing a QR code opens.
    public static func code(_ code: String) -> String { "q/\(code)/" }

    /// A page's folder in one language: the default language at the root, the others under `<lang>/`.
    public static func inLanguage(_ path: String, _ language: String, site: Site) -> String {
        language == site.defaultLanguage ? path : "\(language)/\(path)"
    }
}
