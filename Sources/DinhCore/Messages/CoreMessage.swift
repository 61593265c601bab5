

/// What the shared helpers say: a text that spreadsheets would take for a formula, a file that cannot be written.
/// English in CoreMessage+en.swift, Vietnamese in CoreMessage+vi.swift: one exhaustive `switch` each.
package enum CoreMessage: MessageTable {
    /// `field` nil: the description (the Markdown text).
    case formulaStart(field: String?, first: String, shown: String)
    case cannotWrite(path: String, reason: String)
}

extension Diagnostics {
    package mutating func error(_ location: SourceLocation, _ message: CoreMessage) { error(location, Message(message)) }
    package mutating func warning(_ location: SourceLocation, _ message: CoreMessage, group: Message? = nil) {
        warning(location, Message(message), group: group)
    }
}

extension Diagnostic {
    package static func error(_ location: SourceLocation, _ message: CoreMessage) -> Diagnostic { .error(location, Message(message)) }
    package static func warning(_ location: SourceLocation, _ message: CoreMessage) -> Diagnostic { .warning(location, Message(message)) }
}

extension DinhError {
    package init(_ message: CoreMessage, at location: SourceLocation? = nil) { self.init(Message(message), at: location) }
}

extension CoreMessage {
    /// A character as a message names it: 'x', or a tab or a carriage return in words.
    static func character(_ text: String, in language: Language) -> String {
        switch (text, language) {
        case ("\t", .en): "a tab"
        case ("\t", .vi): "một dấu Tab"
        case ("\r", .en): "a carriage return"
        case ("\r", .vi): "một dấu xuống dòng (CR)"
        default: "'\(text)'"
        }
    }
}
