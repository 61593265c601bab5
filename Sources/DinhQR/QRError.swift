import DinhCore

/// Why a QR code could not be made or written. A struct around a private enum, so cases can be
/// added without breaking callers that switch on nothing but the message.
public struct QRError: MessageError, Sendable, Hashable, CustomStringConvertible {
    enum Kind: Sendable, Hashable {
        case empty
        case containsNUL
        case tooLong(bytes: Int, level: QRCode.ErrorCorrection)
        case encoder(errno: Int32)
        case png(String)
    }

    let kind: Kind

    init(_ kind: Kind) { self.kind = kind }

    /// What went wrong, in either language.
    public var text: Message {
        switch kind {
        case .empty: Message(QRMessage.qrEmpty)
        case .containsNUL: Message(QRMessage.qrNUL)
        case let .tooLong(bytes, level): Message(QRMessage.qrTooLong(bytes: bytes, level: level.rawValue))
        case let .encoder(code): Message(QRMessage.qrEncoder(errno: Int(code)))
        case let .png(message): Message(QRMessage.qrPNG(detail: message))
        }
    }

    public var description: String { text.text(in: .en) }
}
