import DinhContent
import DinhCore

/// `feeds/products.json`: every product with every field and all languages, for integrations
/// that want more than a marketplace feed. Documented by `feeds/products.schema.json`; bump
/// `version` when a field changes meaning.
public enum ProductsJSON {
    public static let version = 1
    public static let schemaID = "products.schema.json"

    public static func json(content: Content, options: FeedOptions) -> String {
        json(content: content, options: options, catalog: FeedCatalog(content: content, options: options))
    }

    public static func json(content: Content, options: FeedOptions, catalog: FeedCatalog) -> String {
        String(decoding: utf8(content: content, options: options, catalog: catalog), as: UTF8.self)
    }

    /// The file's bytes (tens of megabytes for 10,000 products: no string made of them).
    package static func utf8(content: Content, options: FeedOptions, catalog: FeedCatalog) -> [UInt8] {
        let site = content.site
        let urls = SiteURLs(site: site)
        func text(_ value: LocalizedText?) -> JSONValue? {
            guard let value else { return nil }
            return .object(site.languages.map { ($0, .string(value.resolve($0, default: site.defaultLanguage))) })
        }
        func perLanguage(_ make: (String) -> String) -> JSONValue {
            .object(site.languages.map { ($0, .string(make($0))) })
        }
        let products: [JSONValue] = content.products.map { product in
            let producer = content.producer(product.producer)
            let images: [JSONValue] = product.images.map { media in
                let published = options.image(media)
                return .fields([
                    "file": .string(media.path),
                    "url": published.map { .string($0.url) },
                    "width": published.map { .int($0.width) },
                    "height": published.map { .int($0.height) },
                ])
            }
            let ocop = product.ocop
            return .fields([
                "id": .string(product.sku),
                "code": .string(product.code),
                "sku": .string(product.sku),
                "slug": .string(product.slug),
                "name": text(product.name),
                "description": perLanguage { language in
                    catalog.item(product.slug, language: language).map { $0.hasOwnDescription ? $0.description : "" } ?? ""
                },
                "description_html": perLanguage { product.body[$0] ?? product.body[site.defaultLanguage] ?? "" },
                "url": perLanguage { urls.product(product.slug, language: $0) },
                "qr_url": .string(urls.code(product.code)),
                "category": .string(product.category.rawValue),
                "product_type": perLanguage { OCOPGroup.productType(product.category, language: $0) },
                "google_product_category": OCOPGroup.googleCategory(product).map(JSONValue.int),
                "ocop": .fields([
                    "stars": .int(ocop.stars),
                    "year": .int(ocop.year),
                    "date": ocop.date.map { .string($0.description) },
                    "decision": ocop.decision.map(JSONValue.string),
                    "expires": .string(ocop.expires.description),
                    "valid": .bool(ocop.isValid(on: options.today)),
                ]),
                "price": .int(product.price),
                "sale_price": product.salePrice.map(JSONValue.int),
                "currency": .string(site.currency),
                "unit": text(product.unit),
                "weight": product.weight.map { .fields(["value": .double($0.value), "unit": .string($0.unit), "grams": .double($0.grams)]) },
                "gtin": product.gtin.map(JSONValue.string),
                "brand": .string(PlainText.singleLine(product.brand ?? producer?.name.resolve(site.defaultLanguage, default: site.defaultLanguage) ?? product.producer)),
                "availability": .string(product.availability.rawValue),
                "images": .array(images),
                "buy": .object(product.buy.map { ($0.marketplace.rawValue, .string($0.url)) }),
                "producer": .fields([
                    "slug": .string(product.producer),
                    "name": text(producer?.name),
                    "kind": producer.map { .string($0.kind.rawValue) },
                    "url": perLanguage { urls.producer(product.producer, language: $0) },
                ]),
            ])
        }
        let document: JSONValue = .fields([
            "$schema": .string(schemaID),
            "version": .int(version),
            "site": .fields([
                "title": text(site.title),
                "base_url": .string(urls.baseURL),
                "languages": .array(site.languages.map(JSONValue.string)),
                "currency": .string(site.currency),
            ]),
            "products": .array(products),
        ])
        return document.serializedUTF8(pretty: true) + [0x0A]
    }
}
