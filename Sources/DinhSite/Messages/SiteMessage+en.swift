import DinhCore

extension SiteMessage {
    var english: String {
        switch self {
        case .stepLoad: "load content"
        case .stepValidate: "theme and codes"
        case .stepMedia: "media"
        case .stepTiles: "360° tiles"
        case .stepCodes: "QR codes"
        case .stepPages: "pages"
        case .stepFeeds: "feeds and sitemap"
        case .stepLinks: "links"
        case .stepPublish: "publish"
        }
    }
}
