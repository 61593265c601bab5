import DinhContent
import DinhCore

/// The marketplaces Dinh writes feeds for.
public enum Marketplace: String, Sendable, CaseIterable {
    case google
    case meta

    public var displayName: String { self == .google ? "Google Merchant Center" : "Meta (Facebook/Instagram) catalog" }

    // Limits from Google's and Meta's product data specifications.
    var maxTitle: Int { self == .google ? 150 : 200 }
    var maxDescription: Int { self == .google ? 5000 : 9999 }
    var maxID: Int { self == .google ? 50 : 100 }
    var minImageSide: Int { self == .google ? 100 : 500 }
}

/// What a marketplace would do with an item: errors where it would reject it (the item is left out
/// of that feed, so the feed as a whole stays accepted), warnings where it would show it less.
public enum FeedChecks {
    public struct Problem: Sendable, Hashable {
        public var severity: Diagnostic.Severity
        /// Where the problem applies; an error leaves the item out of these feeds.
        public var marketplaces: Set<Marketplace>
        public var message: String
        /// Set when the problem is in one language's text (its translation file), not the product as a whole.
        public var language: String?
    }

    /// Every problem of one item.
    public static func problems(_ item: FeedItem) -> [Problem] {
        var found: [Problem] = []
        func add(_ severity: Diagnostic.Severity, _ where: Set<Marketplace>, _ message: String, language: String? = nil) {
            found.append(Problem(severity: severity, marketplaces: `where`, message: message, language: language))
        }
        guard OCOPGroup.isPhysical(item.product.category) else { return [] }
        let language = item.language
        for market in Marketplace.allCases where item.title.unicodeScalars.count > market.maxTitle {
            add(.error, [market], "the name is \(item.title.unicodeScalars.count) characters long; \(market.displayName) accepts at most \(market.maxTitle), so the product is left out of its feed: shorten 'name'", language: language)
        }
        if !item.hasOwnDescription {
            add(.warning, Set(Marketplace.allCases), "the product has no description: marketplaces show products with a description more often; write a few sentences below the closing `---`", language: language)
        }
        for market in Marketplace.allCases where item.description.unicodeScalars.count > market.maxDescription {
            add(.error, [market], "the description is \(item.description.unicodeScalars.count) characters of plain text; \(market.displayName) accepts at most \(market.maxDescription), so the product is left out of its feed: shorten the text", language: language)
        }
        for market in Marketplace.allCases where item.id.count > market.maxID {
            add(.error, [market], "the feed id '\(item.id)' is \(item.id.count) characters long; \(market.displayName) accepts at most \(market.maxID): set a shorter 'sku'")
        }
        if item.price <= 0 {
            add(.error, Set(Marketplace.allCases), "the price must be more than 0; marketplaces refuse free or unpriced products")
        }
        if let sale = item.salePrice, sale >= item.price {
            add(.error, Set(Marketplace.allCases), "'sale_price' (\(sale)) must be lower than 'price' (\(item.price)); marketplaces refuse such an offer")
        }
        if let gtin = item.product.gtin, GTINRange.isRestricted(gtin) {
            add(.warning, Set(Marketplace.allCases), "the GTIN \(gtin) is a shop-internal or coupon number (restricted GS1 range), not a barcode marketplaces accept; it is left out of the feeds; use the number registered with GS1 Vietnam, or remove 'gtin'")
        }
        if item.product.gtin == nil && item.product.brand == nil {
            add(.warning, Set(Marketplace.allCases), "no 'gtin' and no 'brand': the feeds use the producer's name as brand and tell Google the product has no identifier, which it shows less often; add 'gtin' (the number under the barcode) or 'brand'")
        }
        if item.product.images.isEmpty {
            add(.error, Set(Marketplace.allCases), "the product has no photo; Google and Meta refuse products without an image, so it is left out of their feeds: add `images: [photo.jpg]`")
        } else if item.images.isEmpty {
            add(.error, Set(Marketplace.allCases), "none of the product's photos could be published, so it is left out of the Google and Meta feeds; see the messages about its images")
        } else if let main = item.images.first {
            for market in Marketplace.allCases where min(main.width, main.height) < market.minImageSide {
                add(.error, [market], "the main photo is \(main.width)×\(main.height) pixels; \(market.displayName) needs at least \(market.minImageSide)×\(market.minImageSide), so the product is left out of its feed: use a larger photo first in 'images'")
            }
        }
        if item.availability == .preorder, let date = item.availabilityDate {
            add(.warning, [.google], "pre-order: Google needs the date the product will ship; the feed says \(date) (one month after the build); set 'availability: in_stock' once it ships")
        }
        return found
    }

    /// Whether the item goes into a marketplace's feed (no error for it).
    public static func isAccepted(_ item: FeedItem, by market: Marketplace, problems: [Problem]? = nil) -> Bool {
        guard OCOPGroup.isPhysical(item.product.category) else { return false }
        return !(problems ?? Self.problems(item)).contains { $0.severity == .error && $0.marketplaces.contains(market) }
    }

    /// The checks of `dinh check`, located at each product's `index.md`. `imageSize` gives a
    /// source photo's pixel size (nil when unknown, and then its size is not judged);
    /// `ImageHeader.pixelSize(of:)` reads it from the file.
    public static func diagnostics(for content: Content, today: CalendarDate,
                                   imageSize: @escaping @Sendable (MediaFile) -> PixelSize? = { ImageHeader.pixelSize(of: $0.url) }) -> Diagnostics {
        let options = FeedOptions(today: today) { media in
            // Unknown sizes pass: an unreadable photo is reported by the loader and imaging.
            let size = imageSize(media) ?? PixelSize(width: .max, height: .max)
            return FeedImage(url: media.path, width: size.width, height: size.height)
        }
        var diagnostics = Diagnostics()
        for product in content.products {
            let items = content.site.languages.map { CheckedItem(FeedItem(product: product, language: $0, content: content, options: options)) }
            diagnostics.append(contentsOf: Self.diagnostics(for: items, defaultLanguage: content.site.defaultLanguage))
        }
        return diagnostics
    }

    /// The problems of one product in all its languages, at its `index.md`: a problem that is
    /// the same in every language is said once, without naming the language.
    static func diagnostics(for items: [CheckedItem], defaultLanguage: String) -> [Diagnostic] {
        var seen = Set<String>()
        var result: [Diagnostic] = []
        for checked in items {
            for problem in checked.problems where seen.insert(problem.message).inserted {
                var message = problem.message
                if let language = problem.language, language != defaultLanguage {
                    // The text comes from the translation file: say so, that is where to fix it.
                    message += " (in index.\(language).md)"
                }
                result.append(Diagnostic(problem.severity, checked.item.product.source, message))
            }
        }
        return result
    }
}

/// An item with its problems, worked out once and used by every feed and message.
struct CheckedItem: Sendable {
    var item: FeedItem
    var problems: [FeedChecks.Problem]

    init(_ item: FeedItem) {
        self.item = item
        problems = FeedChecks.problems(item)
    }

    func isAccepted(by market: Marketplace) -> Bool { FeedChecks.isAccepted(item, by: market, problems: problems) }
}
