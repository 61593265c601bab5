/// Why a QR code could not be made or written. A struct around a private enum, so cases can be
/// added without breaking callers that switch on nothing but the message.
public struct QRError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case empty
        case containsNUL
        case tooLong(bytes: Int, level: QRCode.ErrorCorrection)
        case encoder(errno: Int32)
        case png(String)
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    public var description: String {
        switch kind {
        case .empty:
            return "a QR code needs some text to encode"
        case .containsNUL:
            return "the text to encode contains a NUL character"
        case let .tooLong(bytes, level):
            return "\(bytes) bytes do not fit in the largest QR code (version 40) at error-correction level \(level.rawValue); use a shorter base_url or a lower level"
        case let .encoder(code):
            return "libqrencode failed (errno \(code))"
        case let .png(message):
            return "could not write the QR code as PNG: \(message)"
        }
    }
}
