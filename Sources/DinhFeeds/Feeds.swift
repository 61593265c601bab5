import DinhContent
import DinhCore
import Foundation

/// One file of the output folder, path relative to it.
public struct FeedFile: Sendable, Hashable {
    public var path: String
    public var data: Data
}

/// Every feed of a site, as files for the build's output folder (`feeds/…`).
public enum Feeds {
    /// `feeds/google-merchant.xml` (+ `.<lang>.xml`), `feeds/meta-catalog.csv` (+ `.<lang>.csv`
    /// language feeds), `feeds/products.json` and `feeds/products.schema.json`, in a stable order.
    /// Items a marketplace would reject are left out of its feed; `diagnostics` says which and why.
    public static func files(for content: Content, options: FeedOptions) -> (files: [FeedFile], diagnostics: Diagnostics) {
        let site = content.site
        var files: [FeedFile] = []
        var diagnostics = Diagnostics()
        let perProduct = content.products.map { product in
            site.languages.map { FeedItem(product: product, language: $0, content: content, options: options) }
        }
        for items in perProduct {
            diagnostics.append(contentsOf: FeedChecks.diagnostics(for: items, defaultLanguage: site.defaultLanguage))
        }
        for (index, language) in site.languages.enumerated() {
            let items = perProduct.map { $0[index] }
            files.append(FeedFile(path: "feeds/" + GoogleMerchantFeed.fileName(language: language, site: site),
                                  data: Data(GoogleMerchantFeed.xml(items: items, language: language, site: site).utf8)))
            let csv = language == site.defaultLanguage ? MetaCatalogFeed.csv(items: items) : MetaCatalogFeed.languageCSV(items: items)
            files.append(FeedFile(path: "feeds/" + MetaCatalogFeed.fileName(language: language, site: site), data: Data(csv.utf8)))
        }
        files.append(FeedFile(path: "feeds/products.json", data: Data(ProductsJSON.json(content: content, options: options).utf8)))
        files.append(FeedFile(path: "feeds/products.schema.json", data: Data(ProductsSchema.json.utf8)))
        return (files, diagnostics)
    }
}
