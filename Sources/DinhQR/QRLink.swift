import DinhCore
import Foundation

/// The permanent short link of a code, `<base_url>q/<CODE>`, and the symbol that carries it.
///
/// A scanner only needs to reach the page, so the symbol may carry the URL in upper case:
/// `HTTPS://HOST/Q/CODE` fits QR's alphanumeric mode (5.5 bits a character instead of 8),
/// which for a typical district domain is the difference between version 4 and version 3.
/// That is safe only when every upper-cased part is case-insensitive or served in both cases:
/// scheme and host are case-insensitive, and the site writes `Q/<CODE>/` beside `q/<CODE>/`.
/// A base URL with a path of its own (`https://host/dinh/`) rules it out: servers treat
/// path segments case-sensitively.
public struct QRLink: Sendable, Hashable {
    /// The code, e.g. `DP01`.
    public let code: String
    /// The canonical link, `https://host/q/DP01`: the one printed, linked and put in sitemaps.
    public let url: String
    /// The link for typing by hand, without scheme: `host/q/DP01`.
    public let displayURL: String
    /// The symbol; its `text` is `url` or `url` in upper case.
    public let symbol: QRCode

    /// Whether the symbol carries the upper-case form (then the site must serve `Q/<CODE>/` too).
    public var isUppercase: Bool { symbol.text != url }
    /// What a scanner reads.
    public var payload: String { symbol.text }
    /// QR version, 1…40.
    public var version: Int { symbol.version }
    /// Modules per side without the quiet zone.
    public var moduleCount: Int { symbol.size }

    /// Picks, for `baseURL` (e.g. `https://disan.danphuong.example.vn/`) and `code`, the payload
    /// that gives the smaller symbol: the upper-case form whenever it names the same page. QR's
    /// alphanumeric mode stores a character in 5.5 bits where byte mode needs 8, and its segment
    /// headers are at most one bit longer, so that form is never the larger symbol (a tie goes to it
    /// too: all its bits are data) and the mixed-case one need not be encoded to compare.
    public init(baseURL: String, code: String, errorCorrection: QRCode.ErrorCorrection = .q) throws(QRError) {
        let (url, uppercase) = QRLink.payloads(baseURL: baseURL, code: code)
        self.code = code
        self.url = url
        self.symbol = try QRCode(uppercase ?? url, errorCorrection: errorCorrection)
        if let range = url.utf8Range(of: "://") {
            displayURL = String(url[range.upperBound...])
        } else {
            displayURL = url
        }
    }

    /// Whether the symbol of `code` at `baseURL` carries the upper-case form (`isUppercase`),
    /// known without encoding it.
    public static func isUppercase(baseURL: String, code: String) -> Bool {
        let (url, uppercase) = payloads(baseURL: baseURL, code: code)
        return uppercase.map { $0 != url } ?? false
    }

    /// The link of `code` under `baseURL` (with or without its final `/`), and its upper-case
    /// form when that names the same page.
    private static func payloads(baseURL: String, code: String) -> (url: String, uppercase: String?) {
        let base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        return (base + "q/" + code, uppercasePayload(baseURL: base, code: code))
    }

    /// QR alphanumeric mode's 45 characters.
    static let alphanumeric = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".unicodeScalars)

    /// `HTTPS://HOST/Q/CODE` for a base URL ending in `/`, when it names the same page as
    /// `https://host/q/CODE`, else nil. The code is a path segment: it must be upper-case
    /// letters and digits already (as every code Dinh gives out is).
    static func uppercasePayload(baseURL: String, code: String) -> String? {
        guard !code.isEmpty, code.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let base = lastBase.uppercase(of: baseURL, uppercaseBase)
        else { return nil }
        return base + "Q/" + code
    }

    /// The upper-case form of a base URL ending in `/`, when scheme, host and port are all it has
    /// and it is made of alphanumeric characters, else nil.
    static func uppercaseBase(_ baseURL: String) -> String? {
        guard let components = URLComponents(string: baseURL),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              components.user == nil, components.password == nil,
              components.query == nil, components.fragment == nil,
              components.path.isEmpty || components.path == "/"
        else { return nil }
        let upper = baseURL.uppercased()
        guard upper.unicodeScalars.allSatisfy({ alphanumeric.contains($0) }) else { return nil }
        // The upper-case URL must still parse to the same scheme, host and port.
        guard let check = URLComponents(string: upper),
              check.scheme?.lowercased() == scheme,
              check.host?.lowercased() == host.lowercased(),
              check.port == components.port
        else { return nil }
        return upper
    }

    /// The base URL last worked out: a site's codes all share one, and parsing it for each code
    /// cost a build of 1,000 codes 1.5 % of its time.
    private static let lastBase = LastBase()

    private final class LastBase: @unchecked Sendable {
        private let lock = NSLock()
        private var last: (base: String, uppercase: String?)?

        func uppercase(of base: String, _ make: (String) -> String?) -> String? {
            lock.lock()
            let known = last
            lock.unlock()
            if let known, known.base == base { return known.uppercase }
            let uppercase = make(base)
            lock.lock()
            last = (base, uppercase)
            lock.unlock()
            return uppercase
        }
    }
}
