import DinhCore

/// What a build says: its progress lines and the problems found by its steps (media, tiles, codes, theme, output).
/// English in SiteMessage+en.swift, Vietnamese in SiteMessage+vi.swift: one exhaustive `switch` each.
package enum SiteMessage: MessageTable {
    // The progress line of each build step: `[3/8] media`.
    case stepLoad, stepValidate, stepMedia, stepTiles, stepCodes, stepPages, stepFeeds, stepLinks, stepPublish
}

extension SiteMessage {
    package func text(in language: Language) -> String {
        switch language {
        case .en: english
        case .vi: vietnamese
        }
    }
}

extension Diagnostics {
    package mutating func error(_ location: SourceLocation, _ message: SiteMessage) { error(location, Message(message)) }
    package mutating func warning(_ location: SourceLocation, _ message: SiteMessage, group: Message? = nil) {
        warning(location, Message(message), group: group)
    }
}

extension Diagnostic {
    package static func error(_ location: SourceLocation, _ message: SiteMessage) -> Diagnostic { .error(location, Message(message)) }
    package static func warning(_ location: SourceLocation, _ message: SiteMessage) -> Diagnostic { .warning(location, Message(message)) }
}

extension DinhError {
    package init(_ message: SiteMessage, at location: SourceLocation? = nil) { self.init(Message(message), at: location) }
}
