import DinhCore

/// What `dinh import products` says: problems in the spreadsheet, and its summary.
/// English in ImportMessage+en.swift, Vietnamese in ImportMessage+vi.swift: one exhaustive `switch` each.
package enum ImportMessage: MessageTable {
    case nothingImported
    /// `converted`: cells whose text was converted to Unicode from a legacy encoding.
    case imported(products: Int, producers: Int, updated: Int, unchanged: Int, converted: [LegacyEncoding: Int] = [:])
}

extension ImportMessage {
    package func text(in language: Language) -> String {
        switch language {
        case .en: english
        case .vi: vietnamese
        }
    }
}

extension Diagnostics {
    package mutating func error(_ location: SourceLocation, _ message: ImportMessage) { error(location, Message(message)) }
    package mutating func warning(_ location: SourceLocation, _ message: ImportMessage, group: Message? = nil) {
        warning(location, Message(message), group: group)
    }
}

extension Diagnostic {
    package static func error(_ location: SourceLocation, _ message: ImportMessage) -> Diagnostic { .error(location, Message(message)) }
    package static func warning(_ location: SourceLocation, _ message: ImportMessage) -> Diagnostic { .warning(location, Message(message)) }
}

extension DinhError {
    package init(_ message: ImportMessage, at location: SourceLocation? = nil) { self.init(Message(message), at: location) }
}
