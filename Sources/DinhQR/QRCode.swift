import CQRencode
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A QR code symbol: the dark and light modules of one encoded text, without quiet zone.
///
/// Encoding goes through libqrencode, which picks the densest mix of numeric, alphanumeric
/// and byte segments for the text, so an upper-case URL is stored in alphanumeric mode by itself.
public struct QRCode: Sendable, Hashable {
    /// QR error-correction levels: the share of the symbol that may be damaged and still read.
    public enum ErrorCorrection: String, Sendable, Hashable, CaseIterable {
        /// About 7 %.
        case l = "L"
        /// About 15 %.
        case m = "M"
        /// About 25 %: the default, for boards that weather in sun and rain.
        case q = "Q"
        /// About 30 %.
        case h = "H"

        /// Parses `L`, `M`, `Q` or `H` in either case, as written in `site.yaml`.
        public init?(letter: String) {
            self.init(rawValue: letter.uppercased())
        }

        var c: QRecLevel {
            switch self {
            case .l: return QR_ECLEVEL_L
            case .m: return QR_ECLEVEL_M
            case .q: return QR_ECLEVEL_Q
            case .h: return QR_ECLEVEL_H
            }
        }
    }

    /// The text the symbol carries, exactly as a scanner reads it.
    public let text: String
    public let errorCorrection: ErrorCorrection
    /// The QR version, 1…40; version v has 17 + 4v modules a side.
    public let version: Int
    /// Modules per side, without quiet zone.
    public let size: Int
    /// Row-major, `size * size` values, `true` for dark.
    public let modules: [Bool]

    /// Encodes `text` in the smallest version that holds it at `errorCorrection`; with `byteMode`,
    /// the whole text is one 8-bit segment (as payment payloads are usually written) rather than
    /// the densest mix of segments.
    public init(_ text: String, errorCorrection: ErrorCorrection = .q, byteMode: Bool = false) throws(QRError) {
        if text.isEmpty { throw QRError(.empty) }
        if text.utf8.contains(0) { throw QRError(.containsNUL) }
        // With mask 0, then the mask chosen here (QRMask) where libqrencode allows it.
        let withFirstMask = QRMask.encodeWithFirstMask(text, level: errorCorrection.c, byteMode: byteMode)
        if let symbol = withFirstMask, Int(symbol.pointee.width) <= QRMask.maximumWidth, let data = symbol.pointee.data {
            defer { QRcode_free(symbol) }
            let width = Int(symbol.pointee.width)
            self.init(text, errorCorrection, version: Int(symbol.pointee.version), size: width,
                      modules: QRMask.bestModules(width: width, data: data, level: errorCorrection))
            return
        }
        QRcode_free(withFirstMask)
        try self.init(maskChosenByLibqrencode: text, errorCorrection: errorCorrection, byteMode: byteMode)
    }

    /// The same symbol, its mask chosen by libqrencode's public API.
    init(maskChosenByLibqrencode text: String, errorCorrection: ErrorCorrection, byteMode: Bool) throws(QRError) {
        errno = 0
        // casesensitive = 1: never fold the text's case; upper-casing is the caller's decision.
        let encoded = byteMode ? QRcode_encodeString8bit(text, 0, errorCorrection.c) : QRcode_encodeString(text, 0, errorCorrection.c, QR_MODE_8, 1)
        guard let symbol = encoded else {
            if errno == ERANGE { throw QRError(.tooLong(bytes: text.utf8.count, level: errorCorrection)) }
            throw QRError(.encoder(errno: errno))
        }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        var modules = [Bool](repeating: false, count: width * width)
        if let data = symbol.pointee.data {
            // Bit 0 of each byte is the module colour; the other bits are libqrencode's bookkeeping.
            for i in 0..<(width * width) { modules[i] = data[i] & 1 == 1 }
        }
        self.init(text, errorCorrection, version: Int(symbol.pointee.version), size: width, modules: modules)
    }

    private init(_ text: String, _ errorCorrection: ErrorCorrection, version: Int, size: Int, modules: [Bool]) {
        self.text = text
        self.errorCorrection = errorCorrection
        self.version = version
        self.size = size
        self.modules = modules
    }

    /// Whether the module at column `x`, row `y` is dark; outside the symbol (the quiet zone) is light.
    public subscript(x: Int, y: Int) -> Bool {
        guard x >= 0, y >= 0, x < size, y < size else { return false }
        return modules[y * size + x]
    }
}
