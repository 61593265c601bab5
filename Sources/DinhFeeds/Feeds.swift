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
    /// Items a marketplace would reject are left out of its feed; `diagnostics` says which and why
    /// (the same messages as `FeedChecks.diagnostics`, judged on the published images).
    /// Each language and products.json are made on their own core.
    public static func files(for content: Content, options: FeedOptions) -> (files: [FeedFile], diagnostics: Diagnostics) {
        files(for: content, options: options, catalog: FeedCatalog(content: content, options: options))
    }

    /// The same, from feed items already made.
    public static func files(for content: Content, options: FeedOptions, catalog: FeedCatalog) -> (files: [FeedFile], diagnostics: Diagnostics) {
        let site = content.site
        let languages = site.languages
        let results = Results(count: languages.count + 1)
        DispatchQueue.concurrentPerform(iterations: languages.count + 1) { task in
            guard task < languages.count else {
                results.set(task, Part(items: [], files: [
                    FeedFile(path: "feeds/products.json", data: Data(ProductsJSON.utf8(content: content, options: options, catalog: catalog))),
                    FeedFile(path: "feeds/products.schema.json", data: Data(ProductsSchema.json.utf8)),
                ]))
                return
            }
            let language = languages[task]
            let items = catalog.items(language).map(CheckedItem.init)
            let translated = items.filter(\.item.isTranslated)
            let xml = GoogleMerchantFeed.xml(items: translated, language: language, site: site)
            let csv = language == site.defaultLanguage ? MetaCatalogFeed.csv(items: items) : MetaCatalogFeed.languageCSV(items: translated)
            results.set(task, Part(items: items, files: [
                FeedFile(path: "feeds/" + GoogleMerchantFeed.fileName(language: language, site: site), data: Data(xml.utf8)),
                FeedFile(path: "feeds/" + MetaCatalogFeed.fileName(language: language, site: site), data: Data(csv.utf8)),
            ]))
        }
        let parts = results.all
        var diagnostics = Diagnostics()
        for index in content.products.indices {
            let items = parts.prefix(languages.count).map { $0.items[index] }
            diagnostics.append(contentsOf: FeedChecks.diagnostics(for: items, defaultLanguage: site.defaultLanguage))
        }
        return (parts.flatMap(\.files), diagnostics)
    }

    private struct Part: Sendable {
        var items: [CheckedItem]
        var files: [FeedFile]
    }

    /// Slots filled by concurrent tasks, each its own index; the lock keeps the array itself safe.
    private final class Results: @unchecked Sendable {
        private var parts: [Part]
        private let lock = NSLock()

        init(count: Int) { parts = Array(repeating: Part(items: [], files: []), count: count) }

        func set(_ index: Int, _ part: Part) { lock.withLock { parts[index] = part } }
        var all: [Part] { lock.withLock { parts } }
    }
}

/// Every product's feed item in every language, made once on all cores: the feeds, products.json,
/// and the pages' JSON-LD and descriptions all read them.
public struct FeedCatalog: Sendable {
    private let byLanguage: [String: [FeedItem]]
    private let indexBySlug: [String: Int]

    public init(content: Content, options: FeedOptions) {
        let languages = content.site.languages, products = content.products
        let slots = Slots<FeedItem>(count: languages.count * products.count)
        DispatchQueue.concurrentPerform(iterations: languages.count * products.count) { index in
            slots[index] = FeedItem(product: products[index % products.count], language: languages[index / products.count],
                                    content: content, options: options)
        }
        let all = slots.values.compactMap { $0 }
        var byLanguage: [String: [FeedItem]] = [:]
        for (number, language) in languages.enumerated() {
            byLanguage[language] = Array(all[(number * products.count)..<((number + 1) * products.count)])
        }
        self.byLanguage = byLanguage
        indexBySlug = Dictionary(products.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The items of one language, in the content's order.
    public func items(_ language: String) -> [FeedItem] { byLanguage[language] ?? [] }

    public func item(_ slug: String, language: String) -> FeedItem? {
        guard let index = indexBySlug[slug], let items = byLanguage[language] else { return nil }
        return items[index]
    }
}
