import DinhContent
import DinhCore

/// A published narration for a relic's JSON-LD: the site builder knows where the audio went.
public struct AudioLink: Sendable, Hashable {
    public var language: String
    public var url: String
    public var encodingFormat: String
    /// The spoken text (e.g. `PlainText.fromWebVTT` of the transcript file), when there is one.
    public var transcript: String?

    public init(language: String, url: String, encodingFormat: String? = nil, transcript: String? = nil) {
        self.language = language
        self.url = url
        self.encodingFormat = encodingFormat ?? Self.mediaType(forPath: url)
        self.transcript = transcript
    }

    public static func mediaType(forPath path: String) -> String {
        switch path.split(separator: ".").last?.lowercased() {
        case "mp3": return "audio/mpeg"
        case "m4a": return "audio/mp4"
        case "ogg": return "audio/ogg"
        case "opus": return "audio/ogg; codecs=opus"
        default: return "application/octet-stream"
        }
    }
}

/// schema.org JSON-LD for page heads. Each function returns the JSON text, already safe to put
/// inside `<script type="application/ld+json">` (`<`, `>`, `&` escaped); `script(_:)` wraps it.
/// Page addresses default to the site's layout (`SiteURLs`); pass `url` to override.
public enum JSONLD {
    public static func script(_ json: String) -> String {
        "<script type=\"application/ld+json\">\(json)</script>"
    }

    /// `Product` with an `Offer`, and the OCOP certificate (`hasCertification` and `award`) only
    /// while it is valid on `today`: the OCOP mark may not be claimed after expiry.
    public static func product(_ product: Product, content: Content, language: String, today: CalendarDate,
                               images: [FeedImage], url: String? = nil) -> String {
        var item = FeedItem(product: product, language: language, content: content, options: FeedOptions(today: today) { _ in nil })
        item.images = images
        return self.product(item, content: content, today: today, url: url)
    }

    /// The same, from the product's feed item in the page's language (a build makes those once).
    public static func product(_ item: FeedItem, content: Content, today: CalendarDate, url: String? = nil) -> String {
        String(decoding: productUTF8(item, content: content, today: today, url: url), as: UTF8.self)
    }

    /// The same as UTF-8, as the page holds it.
    package static func productUTF8(_ item: FeedItem, content: Content, today: CalendarDate, url: String? = nil) -> [UInt8] {
        let product = item.product, language = item.language
        let site = content.site
        let urls = SiteURLs(site: site)
        let pageURL = url ?? urls.product(product.slug, language: language)
        let producerURL = urls.producer(product.producer, language: language)
        let seller: JSONValue = .fields(["@type": "Organization", "@id": .string(producerURL + "#organization"),
                                         "name": .string(item.producerName), "url": .string(producerURL)])
        var offer: [(String, JSONValue)] = [
            ("@type", "Offer"),
            ("url", .string(pageURL)),
            ("price", .int(product.salePrice ?? product.price)),
            ("priceCurrency", .string(site.currency)),
            ("availability", .string(schemaAvailability(product.availability))),
            ("itemCondition", "https://schema.org/NewCondition"),
            ("seller", seller),
        ]
        if let sale = product.salePrice {
            // Google reads the struck-through regular price from a StrikethroughPrice specification.
            offer.append(("priceSpecification", [
                .fields(["@type": "UnitPriceSpecification", "price": .int(sale), "priceCurrency": .string(site.currency)]),
                .fields(["@type": "UnitPriceSpecification", "priceType": "https://schema.org/StrikethroughPrice",
                         "price": .int(product.price), "priceCurrency": .string(site.currency)]),
            ]))
        }
        if let date = item.availabilityDate { offer.append(("availabilityStarts", .string(date.description))) }
        var fields: [(String, JSONValue)] = [
            ("@context", "https://schema.org"),
            ("@type", "Product"),
            ("@id", .string(pageURL + "#product")),
            ("name", .string(item.title)),
            ("description", .string(item.description)),
            ("url", .string(pageURL)),
            ("sku", .string(product.sku)),
            ("productID", .string(product.code)),
        ]
        if !item.images.isEmpty { fields.append(("image", .array(item.images.map { .string($0.url) }))) }
        // As in the feeds: a shop's own in-store code is no GTIN.
        if let gtin = item.gtin { fields.append(("gtin", .string(gtin))) }
        fields.append(("brand", .fields(["@type": "Brand", "name": .string(item.brand)])))
        fields.append(("manufacturer", seller))
        fields.append(("category", .string(item.productType)))
        if let weight = product.weight {
            fields.append(("weight", .fields(["@type": "QuantitativeValue", "value": .double(weight.value),
                                               "unitCode": .string(weight.unit == "kg" ? "KGM" : "GRM"), "unitText": .string(weight.unit)])))
        }
        if product.ocop.isValid(on: today) {
            let ocop = product.ocop
            let vietnamese = language == "vi"
            fields.append(("hasCertification", .fields([
                "@type": "Certification",
                "name": "OCOP",
                "description": .string(vietnamese ? "Sản phẩm OCOP (Chương trình Mỗi xã một sản phẩm) \(ocop.stars) sao"
                                                  : "OCOP (One Commune One Product) \(ocop.stars)-star product"),
                "certificationIdentification": ocop.decision.map(JSONValue.string),
                "certificationStatus": "https://schema.org/CertificationActive",
                "certificationRating": .fields(["@type": "Rating", "ratingValue": .int(ocop.stars), "bestRating": 5, "worstRating": 3]),
                "issuedBy": .fields(["@type": "Organization",
                                     "name": .string(vietnamese ? "Chương trình Mỗi xã một sản phẩm (OCOP), Việt Nam"
                                                                : "One Commune One Product (OCOP) programme, Viet Nam")]),
                "validFrom": .string(ocop.date?.description ?? String(ocop.year)),
                "expires": .string(ocop.expires.description),
            ])))
            fields.append(("award", .string(vietnamese ? "OCOP \(ocop.stars) sao" : "OCOP \(ocop.stars) stars")))
        }
        fields.append(("offers", .object(offer)))
        return JSONValue.object(fields).serializedUTF8(htmlSafe: true)
    }

    /// `Organization` for a producer page.
    public static func producer(_ producer: Producer, content: Content, language: String, url: String? = nil) -> String {
        let site = content.site
        let pageURL = url ?? SiteURLs(site: site).producer(producer.slug, language: language)
        let address = producer.address.map { address -> JSONValue in
            .fields(["@type": "PostalAddress", "streetAddress": .string(address.resolve(language, default: site.defaultLanguage)),
                     "addressCountry": "VN"])
        }
        let json: JSONValue = .fields([
            "@context": "https://schema.org",
            "@type": "Organization",
            "@id": .string(pageURL + "#organization"),
            "name": .string(producer.name.resolve(language, default: site.defaultLanguage)),
            "url": .string(pageURL),
            "address": address,
            "telephone": producer.phone.map(JSONValue.string),
            "email": producer.email.map(JSONValue.string),
            "sameAs": producer.website.map(JSONValue.string),
            "location": producer.geo.map { .fields(["@type": "Place", "geo": geo($0)]) },
        ])
        return json.serialized(htmlSafe: true)
    }

    /// `TouristAttraction` + `LandmarksOrHistoricalBuildings` for a relic, with its position,
    /// photos and narrations (`subjectOf` audio).
    public static func heritage(_ relic: HeritageSite, content: Content, language: String, images: [FeedImage],
                                narration: [AudioLink], url: String? = nil) -> String {
        let site = content.site
        let resolve = { (text: LocalizedText) in text.resolve(language, default: site.defaultLanguage) }
        let pageURL = url ?? SiteURLs(site: site).heritage(relic.slug, language: language)
        let audio: [JSONValue] = narration.map { link in
            .fields([
                "@type": "AudioObject",
                "name": .string(resolve(relic.name) + (language == "vi" ? " – thuyết minh" : " – audio guide")),
                "contentUrl": .string(link.url),
                "encodingFormat": .string(link.encodingFormat),
                "inLanguage": .string(link.language),
                "transcript": link.transcript.map(JSONValue.string),
            ])
        }
        // schema.org openingHours wants days; `07:00-17:00` in the content means every day.
        let hours = relic.openingHours.flatMap { text -> JSONValue? in
            let isRange = text.count == 11 && text.enumerated().allSatisfy { index, ch in
                [2, 8].contains(index) ? ch == ":" : index == 5 ? ch == "-" : ch.isASCII && ch.isNumber
            }
            return isRange ? .string("Mo-Su " + text) : nil
        }
        let json: JSONValue = .fields([
            "@context": "https://schema.org",
            "@type": ["TouristAttraction", "LandmarksOrHistoricalBuildings"],
            "name": .string(resolve(relic.name)),
            "description": relic.summary.map { .string(PlainText.singleLine(resolve($0))) },
            "url": .string(pageURL),
            "identifier": .string(relic.code),
            "address": .fields(["@type": "PostalAddress", "streetAddress": .string(resolve(relic.address)), "addressCountry": "VN"]),
            "geo": relic.geo.map(geo),
            "image": images.isEmpty ? nil : .array(images.map { .string($0.url) }),
            "openingHours": hours,
            "subjectOf": audio.isEmpty ? nil : .array(audio),
        ])
        return json.serialized(htmlSafe: true)
    }

    public static func schemaAvailability(_ value: Product.Availability) -> String {
        switch value {
        case .inStock: return "https://schema.org/InStock"
        case .outOfStock: return "https://schema.org/OutOfStock"
        case .preorder: return "https://schema.org/PreOrder"
        }
    }

    private static func geo(_ coordinate: Coordinate) -> JSONValue {
        .fields(["@type": "GeoCoordinates", "latitude": .double(coordinate.latitude), "longitude": .double(coordinate.longitude)])
    }
}
