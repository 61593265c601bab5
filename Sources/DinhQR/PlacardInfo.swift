import DinhCore

/// What goes on one printed QR board. The site builder fills it from the content; the placard
/// functions only lay it out.
public struct PlacardInfo: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A relic (di tích): the call to action names what its page has, and nothing more
        /// (a printed board stays for years).
        case relic(RelicGuide)
        /// An OCOP product: shows its stars.
        case product
        /// A free page, such as a guide to an administrative procedure.
        case page
        /// A meeting's document pack.
        case meeting
    }

    /// What a relic's page offers a visitor beyond its photos and history.
    public struct RelicGuide: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Narration, for the whole relic or for a scene.
        public static let audioGuide = RelicGuide(rawValue: 1)
        /// A 360° tour (at least one scene).
        public static let tour = RelicGuide(rawValue: 2)
    }

    public var code: String
    /// The item's name; placards print `vi` and `en` (each falling back to the other).
    public var name: LocalizedText
    public var kind: Kind
    /// OCOP stars (3…5) for a product whose certificate is valid; nil shows none.
    public var stars: Int?
    /// The years the stars' certificate holds (`2024...2027`), printed beside them: a board hangs
    /// for years, and may only show the stars while the certificate does.
    public var starYears: ClosedRange<Int>?
    /// The link printed for typing, without scheme: `disan.danphuong.example.vn/q/DP01`.
    public var shortURL: String
    /// The symbol printed (usually `QRLink.symbol`).
    public var symbol: QRCode
    /// Printed at the foot, e.g. `UBND huyện Đan Phượng`.
    public var publisher: String
    /// *1.1*: a product's VietQR payment code, drawn smaller under the main code.
    public var pay: PayCode?
    /// *1.1*: short lines printed under the name, such as a meeting's date, time and place.
    public var details: [String] = []

    /// A second, smaller code on a product's placard: pay the producer by bank transfer.
    public struct PayCode: Sendable, Hashable {
        /// The VietQR symbol (its text is the EMVCo payload).
        public var symbol: QRCode
        /// One line under the caption, e.g. `Vietcombank · 0011000000000 · 40.000 đ`.
        public var detail: String

        public init(symbol: QRCode, detail: String) {
            self.symbol = symbol
            self.detail = detail
        }
    }

    public init(code: String, name: LocalizedText, kind: Kind, stars: Int? = nil,
                shortURL: String, symbol: QRCode, publisher: String, pay: PayCode? = nil, details: [String] = []) {
        self.code = code
        self.pay = pay
        self.details = details
        self.name = name
        self.kind = kind
        self.stars = stars
        self.shortURL = shortURL
        self.symbol = symbol
        self.publisher = publisher
    }

    /// From a code's link: the short URL and symbol come from it.
    public init(link: QRLink, name: LocalizedText, kind: Kind, stars: Int? = nil, publisher: String, pay: PayCode? = nil, details: [String] = []) {
        self.init(code: link.code, name: name, kind: kind, stars: stars,
                  shortURL: link.displayURL, symbol: link.symbol, publisher: publisher, pay: pay, details: details)
    }
}

/// Paper sizes for placards, portrait. ISO A sizes share one aspect ratio, so one layout
/// scaled by the width serves them all.
public enum PlacardSize: String, Sendable, Hashable, CaseIterable {
    /// For a board at a gate, read from a few steps away.
    case a3 = "A3"
    case a4 = "A4"
    case a5 = "A5"
    case a6 = "A6"

    /// Width and height in millimetres.
    public var millimetres: (width: Int, height: Int) {
        switch self {
        case .a3: return (297, 420)
        case .a4: return (210, 297)
        case .a5: return (148, 210)
        case .a6: return (105, 148)
        }
    }
}
