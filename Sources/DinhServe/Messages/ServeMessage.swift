import DinhCore

/// What `dinh serve` says when it cannot listen.
/// English in ServeMessage+en.swift, Vietnamese in ServeMessage+vi.swift: one exhaustive `switch` each.
package enum ServeMessage: MessageTable {
    case cannotCreateFile(folder: String)
    case overlayHeading
    /// Over the page shown while no build has succeeded yet: there is no good version underneath.
    case overlayHeadingNoSite
    case noSiteYet
    case cannotListen(host: String, port: Int, reason: Message)
    case portInUse
    case noSuchAddress
    case notLocalAddress(host: String)
    case serverNotStarted
}

extension Diagnostics {
    package mutating func error(_ location: SourceLocation, _ message: ServeMessage) { error(location, Message(message)) }
    package mutating func warning(_ location: SourceLocation, _ message: ServeMessage, group: Message? = nil) {
        warning(location, Message(message), group: group)
    }
}

extension Diagnostic {
    package static func error(_ location: SourceLocation, _ message: ServeMessage) -> Diagnostic { .error(location, Message(message)) }
    package static func warning(_ location: SourceLocation, _ message: ServeMessage) -> Diagnostic { .warning(location, Message(message)) }
}

extension DinhError {
    package init(_ message: ServeMessage, at location: SourceLocation? = nil) { self.init(Message(message), at: location) }
}
