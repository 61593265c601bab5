import DinhCore
import Foundation

/// Everything in a content folder, loaded and checked. Lists are sorted by slug so that
/// everything built from them is in a stable order.
public struct Content: Sendable {
    public var root: URL
    public var site: Site
    public var heritage: [HeritageSite]
    public var products: [Product]
    public var producers: [Producer]
    public var pages: [Page]
    /// *1.1*: meetings' document packs. Unlisted ones (`listed == false`, the default) appear in no
    /// menu, list, sitemap, feed or search: only their QR code and address lead to them.
    public var meetings: [Meeting]
    /// Where each item writes its `code:` and its name (`name:`, a page's `title:`), by file and
    /// field, for messages about them; an item not in it (content made in code) is pointed at by
    /// its `source`.
    public var fieldLocations: [FieldPlace: SourceLocation] = [:]

    public init(root: URL, site: Site, heritage: [HeritageSite], products: [Product], producers: [Producer], pages: [Page], meetings: [Meeting] = []) {
        self.root = root
        self.site = site
        self.heritage = heritage
        self.products = products
        self.producers = producers
        self.pages = pages
        self.meetings = meetings
    }

    public func producer(_ slug: String) -> Producer? { producers.first { $0.slug == slug } }

    /// Where the item of `source` writes its code.
    public func codeLocation(of source: SourceLocation) -> SourceLocation { fieldLocations.codeLocation(of: source) }

    /// Where the item of `source` writes its name in `language`: its translation's `name:`, else its own.
    public func nameLocation(of source: SourceLocation, language: String) -> SourceLocation {
        let translation = source.path.hasSuffix("/index.md") ? String(source.path.dropLast("index.md".count)) + "index.\(language).md" : source.path
        return fieldLocations[FieldPlace(translation, "name")] ?? fieldLocations[FieldPlace(source.path, "name.\(language)")]
            ?? fieldLocations[FieldPlace(source.path, "name")] ?? codeLocation(of: source)
    }
}

extension [FieldPlace: SourceLocation] {
    /// Where the item of `source` writes its code, else its source.
    func codeLocation(of source: SourceLocation) -> SourceLocation { self[FieldPlace(source.path, "code")] ?? source }
}

/// A field of a file, `content/heritage/dinh-ha-mo/index.md` and `code`: where a message points.
public struct FieldPlace: Hashable, Sendable {
    public var path: String
    public var field: String
    public init(_ path: String, _ field: String) {
        self.path = path
        self.field = field
    }
}

/// `site.yaml`.
public struct Site: Sendable {
    public var title: LocalizedText
    /// Absolute, always ending in `/`.
    public var baseURL: String
    /// The first is the default language, published at `/`; the others at `/<lang>/`.
    public var languages: [String]
    public var currency: String
    public var publisher: Publisher
    public var qrErrorCorrection: String
    /// Codes once printed that now point elsewhere: old code → new code.
    public var movedCodes: [String: String]
    /// Codes once printed and now retired: code → a kind word for visitors.
    public var retiredCodes: [String: LocalizedText]
    public var source: SourceLocation

    public init(title: LocalizedText, baseURL: String, languages: [String], currency: String = "VND", publisher: Publisher, qrErrorCorrection: String = "Q", movedCodes: [String: String] = [:], retiredCodes: [String: LocalizedText] = [:], source: SourceLocation = SourceLocation(path: "site.yaml")) {
        self.title = title
        self.baseURL = baseURL
        self.languages = languages
        self.currency = currency
        self.publisher = publisher
        self.qrErrorCorrection = qrErrorCorrection
        self.movedCodes = movedCodes
        self.retiredCodes = retiredCodes
        self.source = source
    }

    public var defaultLanguage: String { languages[0] }

    /// Whether `base_url` is still an example: boards printed from it open nothing.
    public var hasExampleAddress: Bool { Self.isExampleAddress(baseURL) }

    /// An address under a name kept for examples (example.com, .org, .net; .example, .invalid,
    /// .test), as `dinh init` writes one for the officer to replace. (localhost is a test server's.)
    public static func isExampleAddress(_ baseURL: String) -> Bool {
        guard let host = URL(string: baseURL)?.host?.lowercased() else { return false }
        let reserved = ["example.com", "example.org", "example.net", "example", "invalid", "test"]
        return reserved.contains { host == $0 || host.hasSuffix("." + $0) }
    }
}

public struct Publisher: Sendable {
    public var name: LocalizedText
    public var email: String?
    public var phone: String?

    public init(name: LocalizedText, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }
}

/// A file that sits in a page's folder (photo, panorama, audio, transcript).
public struct MediaFile: Sendable, Hashable {
    /// As written in the content, relative to the page's folder.
    public var path: String
    /// On disk.
    public var url: URL
    /// Where the content names it, for messages about the file.
    public var location: SourceLocation

    public init(path: String, url: URL, location: SourceLocation) {
        self.path = path
        self.url = url
        self.location = location
    }
}

/// Markdown bodies, already rendered to safe HTML, per language.
public typealias Body = [String: String]

/// One relic (di tích): `heritage/<slug>/index.md`.
public struct HeritageSite: Sendable {
    public var slug: String
    public var folder: URL
    public var source: SourceLocation
    public var code: String
    public var name: LocalizedText
    public var kind: LocalizedText
    public var ranking: Ranking
    public var rankedYear: Int?
    public var address: LocalizedText
    public var geo: Coordinate?
    public var summary: LocalizedText?
    public var festival: LocalizedText?
    public var openingHours: String?
    public var scenes: [Scene]
    public var narration: [String: Narration]
    public var gallery: [MediaFile]
    /// *1.1*: the caption of each gallery photo, in the same order (nil when it has none).
    public var galleryCaptions: [LocalizedText?] = []
    public var videos: [Video]
    public var body: Body

    public init(slug: String, folder: URL, source: SourceLocation, code: String, name: LocalizedText, kind: LocalizedText, ranking: Ranking, rankedYear: Int? = nil, address: LocalizedText, geo: Coordinate? = nil, summary: LocalizedText? = nil, festival: LocalizedText? = nil, openingHours: String? = nil, scenes: [Scene] = [], narration: [String: Narration] = [:], gallery: [MediaFile] = [], galleryCaptions: [LocalizedText?] = [], videos: [Video] = [], body: Body = [:]) {
        self.slug = slug
        self.folder = folder
        self.source = source
        self.code = code
        self.name = name
        self.kind = kind
        self.ranking = ranking
        self.rankedYear = rankedYear
        self.address = address
        self.geo = geo
        self.summary = summary
        self.festival = festival
        self.openingHours = openingHours
        self.scenes = scenes
        self.narration = narration
        self.gallery = gallery
        self.galleryCaptions = galleryCaptions
        self.videos = videos
        self.body = body
    }

    /// An audio guide in some language: the relic's own narration or a scene's.
    public var hasNarration: Bool { !narration.isEmpty || scenes.contains { !$0.narration.isEmpty } }

    public enum Ranking: String, Sendable, CaseIterable {
        case specialNational = "special-national"
        case national
        case provincial
        case none
    }
}

public struct Scene: Sendable {
    public var id: String
    public var title: LocalizedText
    public var panorama: MediaFile
    /// Yaw (degrees) of true north in this panorama, when the content says it.
    public var north: Double?
    public var view: View
    public var narration: [String: MediaFile]
    public var hotspots: [Hotspot]
    public var location: SourceLocation

    public init(id: String, title: LocalizedText, panorama: MediaFile, north: Double? = nil, view: View, narration: [String: MediaFile], hotspots: [Hotspot], location: SourceLocation) {
        self.id = id
        self.title = title
        self.panorama = panorama
        self.north = north
        self.view = view
        self.narration = narration
        self.hotspots = hotspots
        self.location = location
    }

    public struct View: Sendable, Hashable {
        public var yaw: Double
        public var pitch: Double
        public var fov: Double

        public init(yaw: Double, pitch: Double, fov: Double) {
            self.yaw = yaw
            self.pitch = pitch
            self.fov = fov
        }
    }
}

public struct Hotspot: Sendable {
    public enum Target: Sendable {
        case scene(String)
        case text(LocalizedText)
    }

    public var yaw: Double
    public var pitch: Double
    public var target: Target
    public var label: LocalizedText?
    public var location: SourceLocation

    public init(yaw: Double, pitch: Double, target: Target, label: LocalizedText? = nil, location: SourceLocation) {
        self.yaw = yaw
        self.pitch = pitch
        self.target = target
        self.label = label
        self.location = location
    }
}

/// The guide for a whole site in one language.
public struct Narration: Sendable {
    public var audio: MediaFile
    public var transcript: MediaFile?
    /// The transcript's cues, read when the content was loaded.
    public var cues: [WebVTT.Cue]

    public init(audio: MediaFile, transcript: MediaFile? = nil, cues: [WebVTT.Cue] = []) {
        self.audio = audio
        self.transcript = transcript
        self.cues = cues
    }
}

public struct Video: Sendable {
    public var file: MediaFile
    public var title: LocalizedText?
    public var captions: [String: MediaFile]
    /// Each language's caption cues, read when the content was loaded.
    public var cues: [String: [WebVTT.Cue]]
    public var poster: MediaFile?

    public init(file: MediaFile, title: LocalizedText? = nil, captions: [String: MediaFile] = [:], cues: [String: [WebVTT.Cue]] = [:], poster: MediaFile? = nil) {
        self.file = file
        self.title = title
        self.captions = captions
        self.cues = cues
        self.poster = poster
    }
}

/// One OCOP product: `products/<slug>/index.md`.
public struct Product: Sendable {
    public var slug: String
    public var folder: URL
    public var source: SourceLocation
    public var code: String
    public var sku: String
    public var name: LocalizedText
    public var producer: String
    public var category: Category
    public var ocop: OCOP
    public var price: Int
    public var salePrice: Int?
    public var unit: LocalizedText?
    public var weight: Weight?
    public var gtin: String?
    public var brand: String?
    public var availability: Availability
    public var images: [MediaFile]
    /// Marketplace → URL, in the order of `Marketplace.allCases`.
    public var buy: [(marketplace: Marketplace, url: String)]
    public var body: Body
    /// *1.1*: whether the product gets a VietQR payment code when its producer has a `bank:`
    /// (`pay_qr: false` opts out).
    public var payQR: Bool = true

    /// What a payment is for: the sale price, else the price (whole đồng).
    public var amountDue: Int { salePrice ?? price }

    /// Whether its page has a VietQR payment code: its producer has an account at a known bank,
    /// there is an amount to pay, it is not out of stock (nobody pays for what cannot be sent), and
    /// `pay_qr` is not off.
    public func hasPaymentCode(producer: Producer?) -> Bool {
        payQR && amountDue > 0 && availability != .outOfStock && producer?.bank?.bank != nil
    }

    public init(slug: String, folder: URL, source: SourceLocation, code: String, sku: String, name: LocalizedText, producer: String, category: Category, ocop: OCOP, price: Int, salePrice: Int? = nil, unit: LocalizedText? = nil, weight: Weight? = nil, gtin: String? = nil, brand: String? = nil, availability: Availability = .inStock, images: [MediaFile] = [], buy: [(marketplace: Marketplace, url: String)] = [], body: Body = [:], payQR: Bool = true) {
        self.slug = slug
        self.folder = folder
        self.source = source
        self.code = code
        self.sku = sku
        self.name = name
        self.producer = producer
        self.category = category
        self.ocop = ocop
        self.price = price
        self.salePrice = salePrice
        self.unit = unit
        self.weight = weight
        self.gtin = gtin
        self.brand = brand
        self.availability = availability
        self.images = images
        self.buy = buy
        self.body = body
        self.payQR = payQR
    }

    /// OCOP groups (Decision 148/QĐ-TTg, 2023).
    public enum Category: String, Sendable, CaseIterable {
        case food, beverage, herbal, handicraft, ornamental, tourism
    }

    public enum Availability: String, Sendable, CaseIterable {
        case inStock = "in_stock"
        case outOfStock = "out_of_stock"
        case preorder
    }

    public enum Marketplace: String, Sendable, CaseIterable {
        case shopee, lazada, tiki, tiktok, zalo
    }
}

public struct OCOP: Sendable {
    public var stars: Int
    /// The recognition decision's date, when known to the day.
    public var date: CalendarDate?
    public var year: Int
    public var decision: String?
    /// Given, or 36 months after `date` (or the end of `year` + 3 when only the year is known).
    public var expires: CalendarDate

    public init(stars: Int, date: CalendarDate? = nil, year: Int, decision: String? = nil, expires: CalendarDate) {
        self.stars = stars
        self.date = date
        self.year = year
        self.decision = decision
        self.expires = expires
    }

    public func isValid(on today: CalendarDate) -> Bool { today <= expires }
}

/// A weight for shipping: `300 g`, `1.5 kg`.
public struct Weight: Sendable, Hashable, CustomStringConvertible {
    public var value: Double
    public var unit: String

    public init(value: Double, unit: String) {
        self.value = value
        self.unit = unit
    }

    public var grams: Double { unit == "kg" ? value * 1000 : value }
    public var description: String { "\(FieldReader.format(value)) \(unit)" }
}

/// A cooperative, enterprise or household: `producers/<slug>.yaml`.
public struct Producer: Sendable {
    public var slug: String
    public var source: SourceLocation
    public var name: LocalizedText
    public var kind: Kind
    public var address: LocalizedText?
    public var geo: Coordinate?
    public var phone: String?
    public var email: String?
    public var website: String?
    /// *1.1*: what the producer is and does (Markdown, rendered), per language.
    public var description: Body = [:]
    /// *1.1*: a photo next to `producers/<slug>.yaml`.
    public var photo: MediaFile?
    /// *1.1*: the account its products' VietQR payment codes pay into.
    public var bank: BankAccount?

    public init(slug: String, source: SourceLocation, name: LocalizedText, kind: Kind, address: LocalizedText? = nil, geo: Coordinate? = nil, phone: String? = nil, email: String? = nil, website: String? = nil, description: Body = [:], photo: MediaFile? = nil, bank: BankAccount? = nil) {
        self.slug = slug
        self.source = source
        self.name = name
        self.kind = kind
        self.address = address
        self.geo = geo
        self.phone = phone
        self.email = email
        self.website = website
        self.description = description
        self.photo = photo
        self.bank = bank
    }

    public enum Kind: String, Sendable, CaseIterable {
        case cooperative, enterprise, household
    }
}

/// *1.1*: a producer's bank account for VietQR transfers (NAPAS 247), from `bank:` in its YAML.
public struct BankAccount: Sendable, Hashable {
    /// The 6-digit NAPAS BIN of the bank (a key of `VietnameseBank.all`).
    public var bin: String
    /// The account number, digits only.
    public var account: String
    /// The account holder as the bank shows it: capitals without diacritics.
    public var name: String

    public init(bin: String, account: String, name: String) {
        self.bin = bin
        self.account = account
        self.name = name
    }

    /// The bank, when the BIN is a known one.
    public var bank: VietnameseBank? { VietnameseBank.bank(bin: bin) }
}

/// A free page: `pages/<slug>/index.md`.
public struct Page: Sendable {
    public var slug: String
    public var source: SourceLocation
    public var title: LocalizedText
    public var code: String?
    public var body: Body

    public init(slug: String, source: SourceLocation, title: LocalizedText, code: String? = nil, body: Body = [:]) {
        self.slug = slug
        self.source = source
        self.title = title
        self.code = code
        self.body = body
    }
}

/// *1.1*: a meeting's document pack, `meetings/<slug>/index.md`: one QR code on the agenda or the
/// table opens a page with every document. Hidden (unlisted) by default, never private: whoever has
/// the address can open it.
public struct Meeting: Sendable {
    public var slug: String
    public var folder: URL
    public var source: SourceLocation
    public var code: String
    public var title: LocalizedText
    public var date: CalendarDate
    /// `HH:MM`, 24-hour, when given.
    public var time: String?
    public var place: LocalizedText?
    /// In agenda order.
    public var documents: [Document]
    /// Whether the page is in the sitemap and search (never in menus or lists); false by default.
    public var listed: Bool
    /// The note for delegates (Markdown, rendered), per language.
    public var body: Body

    public init(slug: String, folder: URL, source: SourceLocation, code: String, title: LocalizedText, date: CalendarDate,
                time: String? = nil, place: LocalizedText? = nil, documents: [Document] = [], listed: Bool = false, body: Body = [:]) {
        self.slug = slug
        self.folder = folder
        self.source = source
        self.code = code
        self.title = title
        self.date = date
        self.time = time
        self.place = place
        self.documents = documents
        self.listed = listed
        self.body = body
    }

    /// One PDF of the pack, published as it is (byte for byte).
    public struct Document: Sendable {
        public var file: MediaFile
        public var title: LocalizedText
        /// Its size in bytes, read when the content was loaded (shown beside its title).
        public var bytes: Int64

        public init(file: MediaFile, title: LocalizedText, bytes: Int64) {
            self.file = file
            self.title = title
            self.bytes = bytes
        }
    }
}

/// Items by slug, for builds that look every page up (a linear search per page made large
/// sites quadratic). Made once from a `Content` value.
public struct ContentIndex: Sendable {
    public let heritage: [String: HeritageSite]
    public let products: [String: Product]
    public let producers: [String: Producer]
    public let pages: [String: Page]
    public let meetings: [String: Meeting]

    public init(_ content: Content) {
        heritage = Dictionary(content.heritage.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        products = Dictionary(content.products.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        producers = Dictionary(content.producers.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        pages = Dictionary(content.pages.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        meetings = Dictionary(content.meetings.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
