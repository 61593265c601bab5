import DinhContent
import DinhCore

/// How feeds see the published site: today's date (for OCOP validity and pre-orders) and the
/// published image for a source photo. The site builder supplies the images (responsive
/// variants with absolute URLs); feeds never touch pixels.
public struct FeedOptions: Sendable {
    public var today: CalendarDate
    public var image: @Sendable (MediaFile) -> FeedImage?
    /// Google wants a date for pre-orders and the content has none: the feed promises this many
    /// months after the build, and the checks warn about it.
    public var preorderMonths: Int

    public init(today: CalendarDate, preorderMonths: Int = 1, image: @escaping @Sendable (MediaFile) -> FeedImage?) {
        self.today = today
        self.image = image
        self.preorderMonths = preorderMonths
    }
}

/// One product as marketplaces see it, in one language: plain text, absolute links, prices in
/// whole currency units. Feeds of other layouts (see `Examples/feed-example`) start from this.
public struct FeedItem: Sendable {
    public var product: Product
    public var language: String
    /// `sku`, else `code`.
    public var id: String
    public var title: String
    /// Plain text from the body; the name (and unit) when the body is empty.
    public var description: String
    public var hasOwnDescription: Bool
    public var link: String
    /// Published images in content order; the first is the main image.
    public var images: [FeedImage]
    public var availability: Product.Availability
    /// For `preorder`: the date promised to Google.
    public var availabilityDate: CalendarDate?
    public var price: Int
    public var salePrice: Int?
    public var currency: String
    /// `brand`, else the producer's name.
    public var brand: String
    public var producerName: String
    /// A GTIN marketplaces accept: nil when absent or in a restricted-circulation range.
    public var gtin: String?
    public var productType: String
    public var googleCategory: Int?
    /// `300 g`, `1.5 kg`.
    public var shippingWeight: String?
    /// The OCOP certificate is valid on the build date (the star mark may be used).
    public var ocopValid: Bool
    /// The build date: marketplaces' rules change on dates.
    public var today: CalendarDate
    /// Its page offers a way to buy it: a marketplace link, the producer's phone, or a payment code.
    public var canBeOrdered: Bool
    /// Its name and description are in `language` (always, in the site's first language): a
    /// feed of another language holds only such items, as marketplaces refuse text of another language.
    public var isTranslated: Bool

    public func money(_ amount: Int) -> String { "\(amount) \(currency)" }

    public init(product: Product, language: String, content: Content, options: FeedOptions) {
        let site = content.site
        let defaultLanguage = site.defaultLanguage
        let urls = SiteURLs(site: site)
        self.product = product
        self.language = language
        id = product.sku
        title = PlainText.singleLine(product.name.resolve(language, default: defaultLanguage))
        let body = product.body[language] ?? product.body[defaultLanguage] ?? ""
        let text = PlainText.fromHTML(body)
        hasOwnDescription = !text.isEmpty
        if text.isEmpty {
            // The unit in the feed's language only: an English feed said "peanut candy (gói 200 g)",
            // and marketplaces want a feed in the language it declares.
            let unit = product.unit?.values[language].map { " (" + PlainText.singleLine($0) + ")" } ?? ""
            description = title + unit
        } else {
            description = text
        }
        link = urls.product(product.slug, language: language)
        images = product.images.compactMap { options.image($0) }
        availability = product.availability
        availabilityDate = product.availability == .preorder ? options.today.adding(months: options.preorderMonths) : nil
        price = product.price
        salePrice = product.salePrice
        currency = site.currency
        producerName = PlainText.singleLine(content.producer(product.producer)?.name.resolve(language, default: defaultLanguage) ?? product.producer)
        brand = PlainText.singleLine(product.brand ?? producerName)
        gtin = product.gtin.flatMap { GTINRange.isRestricted($0) ? nil : $0 }
        productType = OCOPGroup.productType(product.category, language: language)
        googleCategory = OCOPGroup.googleCategory(product)
        shippingWeight = product.weight?.description
        ocopValid = product.ocop.isValid(on: options.today)
        today = options.today
        let producer = content.producer(product.producer)
        canBeOrdered = !product.buy.isEmpty || producer?.phone != nil || product.hasPaymentCode(producer: producer)
        isTranslated = language == defaultLanguage || (product.name.values[language] != nil && (product.body[language] != nil || !hasOwnDescription))
    }
}

/// GS1 ranges that are not global trade item numbers: shops' own in-store codes (prefix 2,
/// and 02/04 for 12-digit UPCs, 0/2 for GTIN-8) and coupons (98–99). Marketplaces refuse them.
public enum GTINRange {
    public static func isRestricted(_ gtin: String) -> Bool {
        // GTIN-12 and GTIN-14 are GTIN-13 with a leading 0 / an indicator digit: compare as 13 digits.
        let digits = Array(gtin)
        switch digits.count {
        case 8: return digits[0] == "0" || digits[0] == "2"
        case 12: return digits[0] == "2" || digits[0] == "4" || digits[0] == "5"
        case 13: return digits[0] == "2" || (digits[0] == "9" && (digits[1] == "8" || digits[1] == "9"))
        case 14: return digits[1] == "2" || (digits[1] == "9" && (digits[2] == "8" || digits[2] == "9"))
        default: return false
        }
    }
}
