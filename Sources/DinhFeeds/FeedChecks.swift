import DinhContent
import DinhCore

/// The marketplaces Dinh writes feeds for.
public enum Marketplace: String, Sendable, CaseIterable {
    case google
    case meta

    public var displayName: String { name(in: .en) }

    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.google, _): "Google Merchant Center"
        case (.meta, .en): "Meta (Facebook/Instagram) catalog"
        case (.meta, .vi): "danh mục Meta (Facebook/Instagram)"
        }
    }

    // Limits from Google's and Meta's product data specifications.
    var maxTitle: Int { self == .google ? 150 : 200 }
    var maxDescription: Int { self == .google ? 5000 : 9999 }
    var maxID: Int { self == .google ? 50 : 100 }
    /// A photo's smallest side: Meta's 500, and Google's 500 from 31 January 2027 (100 before;
    /// Merchant Center help, "Image link [image_link]").
    func minImageSide(on today: CalendarDate) -> Int { self == .meta || today >= Self.googleMinimumFrom ? 500 : 100 }
    static let googleMinimumFrom = CalendarDate(year: 2027, month: 1, day: 31)!
}

/// What a marketplace would do with an item: errors where it would reject it (the item is left out
/// of that feed, so the feed as a whole stays accepted), warnings where it would show it less.
public enum FeedChecks {
    public struct Problem: Sendable, Hashable {
        public var severity: Diagnostic.Severity
        /// Where the problem applies; an error leaves the item out of these feeds.
        public var marketplaces: Set<Marketplace>
        public var text: Message
        /// What is wrong, in English.
        public var message: String { text.text(in: .en) }
        /// Set when the problem is in one language's text (its translation file), not the product as a whole.
        public var language: String?
    }

    /// The length of `text` in characters as marketplaces count them (Unicode scalars) when it is
    /// over `limit`, else nil. A character is a byte or more, so text of no more bytes than the
    /// limit is within it without being walked.
    static func length(_ text: String, over limit: Int) -> Int? {
        guard text.utf8.count > limit else { return nil }
        let length = text.unicodeScalars.count
        return length > limit ? length : nil
    }

    /// Every problem of one item.
    public static func problems(_ item: FeedItem) -> [Problem] {
        var found: [Problem] = []
        func add(_ severity: Diagnostic.Severity, _ where: Set<Marketplace>, _ message: FeedMessage, language: String? = nil) {
            found.append(Problem(severity: severity, marketplaces: `where`, text: Message(message), language: language))
        }
        guard OCOPGroup.isPhysical(item.product.category) else { return [] }
        let language = item.language
        for market in Marketplace.allCases {
            if let length = Self.length(item.title, over: market.maxTitle) {
                add(.error, [market], .titleTooLong(length: length, market: market, maximum: market.maxTitle), language: language)
            }
        }
        if !item.hasOwnDescription {
            add(.warning, Set(Marketplace.allCases), .noDescription, language: language)
        }
        // Translated text without a translated name: this language's feeds leave the product out
        // (the loader warns only where the whole translation is missing).
        if !item.isTranslated, item.product.body[language] != nil {
            add(.warning, Set(Marketplace.allCases), .nameNotTranslated(language: language))
        }
        for market in Marketplace.allCases {
            if let length = Self.length(item.description, over: market.maxDescription) {
                add(.error, [market], .descriptionTooLong(length: length, market: market, maximum: market.maxDescription), language: language)
            }
        }
        for market in Marketplace.allCases where item.id.count > market.maxID {
            add(.error, [market], .idTooLong(id: item.id, length: item.id.count, market: market, maximum: market.maxID))
        }
        if item.price <= 0 {
            add(.error, Set(Marketplace.allCases), .priceZero)
        }
        if let sale = item.salePrice, sale >= item.price {
            add(.error, Set(Marketplace.allCases), .saleNotLower(sale: sale, price: item.price))
        }
        if let gtin = item.product.gtin, GTINRange.isRestricted(gtin) {
            add(.warning, Set(Marketplace.allCases), .restrictedGTIN(gtin: gtin))
        }
        if item.product.gtin == nil && item.product.brand == nil {
            add(.warning, Set(Marketplace.allCases), .noIdentifier)
        }
        if item.product.images.isEmpty {
            add(.error, Set(Marketplace.allCases), .noPhoto)
        } else if item.images.isEmpty {
            add(.error, Set(Marketplace.allCases), .noPublishedPhoto)
        } else if let main = item.images.first {
            let side = min(main.width, main.height), minimum = Marketplace.meta.minImageSide(on: item.today)
            let refusing = Set(Marketplace.allCases.filter { side < $0.minImageSide(on: item.today) })
            if refusing.count == Marketplace.allCases.count {
                add(.error, refusing, .photoTooSmall(width: main.width, height: main.height, minimum: minimum, googleFrom: nil))
            } else if !refusing.isEmpty {
                // Until its rule starts, Google still takes it, and the message gives the date.
                add(.error, refusing, .photoTooSmall(width: main.width, height: main.height, minimum: minimum, googleFrom: "\(Marketplace.googleMinimumFrom)"))
            }
        }
        if !item.canBeOrdered {
            // Google disapproves a product its page does not sell ("user cannot purchase"), and Meta's
            // link must sell it too; a warning, as a phone number or a shop may be on the page in its text.
            add(.warning, Set(Marketplace.allCases), .noWayToOrder)
        }
        if item.availability == .preorder, let date = item.availabilityDate {
            add(.warning, [.google], .preorderDate(date: "\(date)"))
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
                var message = problem.text
                if let language = problem.language, language != defaultLanguage {
                    // The text comes from the translation file: say so, that is where to fix it.
                    message = Message(FeedMessage.inTranslation(problem: message, language: language))
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
