import DinhContent
import DinhCore

/// Meta Commerce catalog CSV (RFC 4180, UTF-8). `feeds/meta-catalog.csv` is the full catalog in
/// the default language; each other language gets Meta's language feed
/// `feeds/meta-catalog.<lang>.csv` (`id`, `override`, and the translated fields), which Commerce
/// Manager adds to the same catalog.
public enum MetaCatalogFeed {
    public static let columns = ["id", "title", "description", "availability", "condition", "price", "sale_price", "link",
                                 "image_link", "additional_image_link", "brand", "gtin", "google_product_category",
                                 "product_type", "shipping_weight"]
    /// What a language feed may change (Meta's "Localized Catalog: Supported Fields" lists title,
    /// description and link among them, not product_type).
    public static let languageColumns = ["id", "override", "title", "description", "link"]

    public static func fileName(language: String, site: Site) -> String {
        language == site.defaultLanguage ? "meta-catalog.csv" : "meta-catalog.\(language).csv"
    }

    /// Meta's availability words, with spaces.
    public static func availability(_ value: Product.Availability) -> String {
        switch value {
        case .inStock: return "in stock"
        case .outOfStock: return "out of stock"
        case .preorder: return "preorder"
        }
    }

    /// Meta's locale codes for language feeds.
    public static func override(language: String) -> String {
        switch language {
        case "vi": return "vi_VN"
        case "zh": return "zh_CN"
        case "ja": return "ja_JP"
        case "ko": return "ko_KR"
        default: return "\(language)_XX"
        }
    }

    public static func csv(items: [FeedItem]) -> String { csv(items: items.map(CheckedItem.init)) }

    static func csv(items: [CheckedItem]) -> String {
        var csv = CSVWriter()
        csv.row(columns)
        for checked in items where checked.isAccepted(by: .meta) {
            let item = checked.item
            let images = item.images.filter { min($0.width, $0.height) >= Marketplace.meta.minImageSide(on: item.today) }
            // Meta splits this field on commas, so a comma inside a URL must be percent-encoded.
            let extra = images.dropFirst().prefix(20).map { $0.url.utf8.contains(UInt8(ascii: ",")) ? $0.url.replacingOccurrences(of: ",", with: "%2C") : $0.url }
            csv.row([
                item.id, item.title, item.description, availability(item.availability), "new",
                item.money(item.price), item.salePrice.map(item.money) ?? "", item.link,
                images.first?.url ?? "", extra.joined(separator: ","), item.brand, item.gtin ?? "",
                item.googleCategory.map(String.init) ?? "", item.productType, item.shippingWeight ?? "",
            ])
        }
        return csv.output
    }

    /// A language feed: translations of the catalog's items, matched by `id`.
    public static func languageCSV(items: [FeedItem]) -> String { languageCSV(items: items.map(CheckedItem.init)) }

    static func languageCSV(items: [CheckedItem]) -> String {
        var csv = CSVWriter()
        csv.row(languageColumns)
        for checked in items where checked.isAccepted(by: .meta) {
            let item = checked.item
            csv.row([item.id, override(language: item.language), item.title, item.description, item.link])
        }
        return csv.output
    }
}
