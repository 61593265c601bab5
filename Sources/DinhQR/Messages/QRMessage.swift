import DinhCore

/// What checking codes.lock and making QR codes says: codes moved, retired, dropped or declared twice.
/// English in QRMessage+en.swift, Vietnamese in QRMessage+vi.swift: one exhaustive `switch` each.
package enum QRMessage: MessageTable {
    case codeDeclaredTwice(code: String, also: String)
    case declaredButCarried(code: String, retired: Bool, target: String, at: String)
    case movedToNothing(code: String, to: String)
    case moveLoops(code: String, chain: [String])
    case movedToUnknown(code: String, to: String)
    case targetNotRecordable(code: String, target: String, file: String)
    case retiredNowOpens(code: String, at: String, target: String)
    case movedNowOpens(code: String, to: String, at: String, target: String)
    case declaredNeverPublished(code: String, retired: Bool, lock: String)
    /// `publishedFor` and `movedTo` nil: the code was retired.
    /// `lock`: the lock and the code's line there.
    case publishedCodeDropped(code: String, publishedFor: String?, movedTo: String?, lock: String)
    case publishedCodeChanged(code: String, now: String, lock: String)
    /// `lock`: the lock and the code's line there.
    case printedCodeTaken(code: String, printedFor: String, now: String, lock: String)
    case boardPaymentChanged(code: String, printed: String, now: String?, lock: String)
    case printedCodeFollows(code: String, printedFor: String, lock: String)
    case printedAddressChanged(printed: String, now: String, lock: String)
    case formerAddressTaken(path: String, code: String, now: String)
    case notAQRCode(code: String, file: String)
    case lockLineFromLaterDinh(file: String)
    case lockLineUnreadable(file: String)
    case lockCodeTwice(code: String, file: String, line: Int)
    case lockUnreadable(file: String)
    case lockNotUTF8(file: String)
    case qrEmpty
    case qrNUL
    case qrTooLong(bytes: Int, level: String)
    case qrEncoder(errno: Int)
    case qrPNG(detail: String)
}

extension Diagnostics {
    package mutating func error(_ location: SourceLocation, _ message: QRMessage) { error(location, Message(message)) }
    package mutating func warning(_ location: SourceLocation, _ message: QRMessage, group: Message? = nil) {
        warning(location, Message(message), group: group)
    }
}

extension Diagnostic {
    package static func error(_ location: SourceLocation, _ message: QRMessage) -> Diagnostic { .error(location, Message(message)) }
    package static func warning(_ location: SourceLocation, _ message: QRMessage) -> Diagnostic { .warning(location, Message(message)) }
}

extension DinhError {
    package init(_ message: QRMessage, at location: SourceLocation? = nil) { self.init(Message(message), at: location) }
}
