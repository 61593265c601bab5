import DinhContent
import DinhCore

/// Google Merchant Center RSS 2.0 feed. Merchant Center takes one language per data source, so
/// there is one feed per language: `feeds/google-merchant.xml` in the default language and
/// `feeds/google-merchant.<lang>.xml` for the others. Items Google would reject are left out
/// (and reported by `FeedChecks`); tourism services are not products Shopping takes.
public enum GoogleMerchantFeed {
    public static let namespace = "http://base.google.com/ns/1.0"

    public static func fileName(language: String, site: Site) -> String {
        language == site.defaultLanguage ? "google-merchant.xml" : "google-merchant.\(language).xml"
    }

    public static func xml(items: [FeedItem], language: String, site: Site) -> String {
        xml(items: items.map(CheckedItem.init), language: language, site: site)
    }

    static func xml(items: [CheckedItem], language: String, site: Site) -> String {
        let urls = SiteURLs(site: site)
        var xml = XMLWriter()
        xml.start("rss", ["version": "2.0", "xmlns:g": namespace])
        xml.start("channel")
        xml.element("title", PlainText.singleLine(site.title.resolve(language, default: site.defaultLanguage)))
        xml.element("link", urls.page("", language: language))
        xml.element("description", language == "vi" ? "Sản phẩm OCOP" : "OCOP products")
        xml.element("language", language)
        for checked in items where checked.isAccepted(by: .google) {
            let item = checked.item
            xml.start("item")
            xml.element("g:id", item.id)
            xml.element("g:title", item.title)
            xml.element("g:description", item.description)
            xml.element("g:link", item.link)
            let images = item.images.filter { min($0.width, $0.height) >= Marketplace.google.minImageSide(on: item.today) }
            if let main = images.first { xml.element("g:image_link", main.url) }
            for extra in images.dropFirst().prefix(10) { xml.element("g:additional_image_link", extra.url) }
            xml.element("g:availability", item.availability.rawValue)
            if let date = item.availabilityDate {
                // Midnight in Viet Nam, in the ISO 8601 form Google's examples use.
                xml.element("g:availability_date", "\(date)T00:00+07:00")
            }
            xml.element("g:price", item.money(item.price))
            if let sale = item.salePrice { xml.element("g:sale_price", item.money(sale)) }
            xml.element("g:brand", item.brand)
            if let gtin = item.gtin {
                xml.element("g:gtin", gtin)
            } else {
                xml.element("g:identifier_exists", "no")
            }
            xml.element("g:condition", "new")
            if let category = item.googleCategory { xml.element("g:google_product_category", String(category)) }
            xml.element("g:product_type", item.productType)
            if let weight = item.shippingWeight { xml.element("g:shipping_weight", weight) }
            // OCOP is not one of the certifications Google accepts (`g:certification` is for EU
            // energy labels and the like): it goes as a highlight, beside who makes the product
            // (Google takes highlights two or more at a time), and as details of an "OCOP"
            // section, only while the recognition is valid.
            if item.ocopValid {
                let ocop = item.product.ocop, vi = language == "vi"
                xml.element("g:product_highlight", vi ? "Sản phẩm OCOP \(ocop.stars) sao, công nhận năm \(ocop.year)"
                                                      : "\(ocop.stars)-star OCOP product, recognised in \(ocop.year)")
                xml.element("g:product_highlight", (vi ? "Sản xuất bởi " : "Made by ") + item.producerName)
                for (name, value) in [(vi ? "Hạng sao" : "Stars", "\(ocop.stars)/5"), (vi ? "Năm công nhận" : "Year recognised", "\(ocop.year)")] {
                    xml.start("g:product_detail")
                    xml.element("g:section_name", "OCOP")
                    xml.element("g:attribute_name", name)
                    xml.element("g:attribute_value", value)
                    xml.end()
                }
            }
            xml.end()
        }
        xml.end()
        xml.end()
        return xml.output
    }
}
