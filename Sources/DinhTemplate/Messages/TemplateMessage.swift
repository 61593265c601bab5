import DinhCore

/// What reading a Mustache template says (for theme authors).
/// English in TemplateMessage+en.swift, Vietnamese in TemplateMessage+vi.swift: one exhaustive `switch` each.
package enum TemplateMessage: MessageTable {
    case tagNotFinished(missing: String)
    case tagNoName
    case dynamicName(tag: String)
    case outsideBlocks(written: String, parent: String, line: Int)
    case badDelimiters
    case neverClosed(what: TemplatePart, name: String)
    case closesUnopened(name: String)
    case closesOther(name: String, what: TemplatePart, line: Int, expected: String)
    case fillsTwice(block: String, parent: String)
}

extension Diagnostics {
    package mutating func error(_ location: SourceLocation, _ message: TemplateMessage) { error(location, Message(message)) }
    package mutating func warning(_ location: SourceLocation, _ message: TemplateMessage, group: Message? = nil) {
        warning(location, Message(message), group: group)
    }
}

extension Diagnostic {
    package static func error(_ location: SourceLocation, _ message: TemplateMessage) -> Diagnostic { .error(location, Message(message)) }
    package static func warning(_ location: SourceLocation, _ message: TemplateMessage) -> Diagnostic { .warning(location, Message(message)) }
}

extension DinhError {
    package init(_ message: TemplateMessage, at location: SourceLocation? = nil) { self.init(Message(message), at: location) }
}

/// What a template error names: a section, a block, a parent, or the template itself.
package enum TemplatePart: MessageTable, Hashable {
    case section(String), block(String), parent(String), template

    package func text(in language: Language) -> String {
        switch (self, language) {
        case (.section(let tag), .en): "the section \(tag)"
        case (.section(let tag), .vi): "đoạn \(tag)"
        case (.block(let tag), .en): "the block \(tag)"
        case (.block(let tag), .vi): "khối \(tag)"
        case (.parent(let tag), .en): "the parent \(tag)"
        case (.parent(let tag), .vi): "mẫu cha \(tag)"
        case (.template, .en): "the template"
        case (.template, .vi): "mẫu"
        }
    }
}
