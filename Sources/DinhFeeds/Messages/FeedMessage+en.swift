import DinhCore

extension FeedMessage: TranslatedTable {
    package var english: String {
        switch self {
        case .titleTooLong(let length, let market, let maximum):
            "the name is \(length) characters long; \(market.displayName) accepts at most \(maximum), so the product is left out of its feed: shorten 'name'"
        case .nameNotTranslated(let language):
            "the product has no name in \(LocalizedText.languageName(language, in: .en)): the \(language) feeds leave it out; write name: in index.\(language).md, or name: {…, \(language): …} in index.md"
        case .noDescription: "the product has no description: marketplaces show products with a description more often; write a few sentences below the closing `---`"
        case .descriptionTooLong(let length, let market, let maximum):
            "the description is \(length) characters of plain text; \(market.displayName) accepts at most \(maximum), so the product is left out of its feed: shorten the text"
        case .idTooLong(let id, let length, let market, let maximum):
            "the feed id '\(id)' is \(length) characters long; \(market.displayName) accepts at most \(maximum): set a shorter 'sku'"
        case .priceZero: "the price must be more than 0; marketplaces refuse free or unpriced products"
        case .saleNotLower(let sale, let price): "'sale_price' (\(sale)) must be lower than 'price' (\(price)); marketplaces refuse such an offer"
        case .restrictedGTIN(let gtin):
            "the GTIN \(gtin) is a shop-internal or coupon number (restricted GS1 range), not a barcode marketplaces accept; it is left out of the feeds; use the number registered with GS1 Vietnam, or remove 'gtin'"
        case .noIdentifier:
            "no 'gtin' and no 'brand': the feeds use the producer's name as brand and tell Google the product has no identifier, which it shows less often; add 'gtin' (the number under the barcode) or 'brand'"
        case .noWayToOrder:
            "its page offers no way to buy it (no 'buy:' link, no phone for its producer, no payment code), and Google and Meta may refuse a product its page does not sell: add 'buy: {shopee: …}', the producer's 'phone:', or its 'bank:' for a payment code"
        case .noPhoto: "the product has no photo; Google and Meta refuse products without an image, so it is left out of their feeds: add `images: [photo.jpg]`"
        case .noPublishedPhoto: "none of the product's photos could be published, so it is left out of the Google and Meta feeds; see the messages about its images"
        case .photoTooSmall(let width, let height, let minimum, let googleFrom?):
            "the main photo is \(width)×\(height) pixels; Meta needs at least \(minimum)×\(minimum), so the product is left out of its catalog, and Google will need the same from \(googleFrom): use a larger photo first in 'images'"
        case .photoTooSmall(let width, let height, let minimum, nil):
            "the main photo is \(width)×\(height) pixels; Google and Meta need at least \(minimum)×\(minimum), so the product is left out of their feeds: use a larger photo first in 'images'"
        case .preorderDate(let date):
            "pre-order: Google needs the date the product will ship; the feed says \(date) (one month after the build); set 'availability: in_stock' once it ships"
        case .inTranslation(let problem, let language): "\(problem.text(in: .en)) (in index.\(language).md)"
        }
    }
}
