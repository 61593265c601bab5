/// A place in a source file, 1-based, as editors and compilers print it.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}

/// One problem found in the content, printed as `path:line:column: error: message`.
/// Content problems are values collected through a whole run, never thrown one at a time,
/// so a culture officer sees every mistake of a file at once. The message is kept apart from its
/// language (`text`); `message` is its English text, `description(in:)` the line in either language.
/// The `path:line:column: error:` start stays the same in every language: editors read it.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var text: Message
    /// Diagnostics of one group are also counted together at the end of a run, e.g.
    /// "Not yet translated into English (en): 3".
    public var group: Message?

    public init(_ severity: Severity, _ location: SourceLocation, _ text: Message, group: Message? = nil) {
        self.severity = severity
        self.location = location
        self.text = text
        self.group = group
    }

    /// A diagnostic with words of its own (the same in every language).
    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, group: String? = nil) {
        self.init(severity, location, Message(verbatim: message), group: group.map { Message(verbatim: $0) })
    }

    public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, location, message)
    }

    public static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, location, message)
    }

    public static func error(_ location: SourceLocation, _ text: Message) -> Diagnostic { Diagnostic(.error, location, text) }
    public static func warning(_ location: SourceLocation, _ text: Message) -> Diagnostic { Diagnostic(.warning, location, text) }

    /// The message in English.
    public var message: String { text.text(in: .en) }

    public func message(in language: Language) -> String { text.text(in: language) }

    public var description: String { description(in: .en) }

    public func description(in language: Language) -> String { "\(location): \(severity.rawValue): \(message(in: language))" }
}

/// Collects diagnostics during a run. A value type: each step owns its own and merges it.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func error(_ location: SourceLocation, _ message: String) {
        all.append(.error(location, message))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String, group: String? = nil) {
        all.append(Diagnostic(.warning, location, message, group: group))
    }

    public mutating func error(_ location: SourceLocation, _ text: Message) {
        all.append(.error(location, text))
    }

    public mutating func warning(_ location: SourceLocation, _ text: Message, group: Message? = nil) {
        all.append(Diagnostic(.warning, location, text, group: group))
    }

    /// How many diagnostics each group has, in name order (English names).
    public var groupCounts: [(group: String, count: Int)] {
        messageGroupCounts(in: .en)
    }

    /// How many diagnostics each group has, named in `language`, in name order.
    public func messageGroupCounts(in language: Language) -> [(group: String, count: Int)] {
        Self.groupCounts(of: sorted, in: language)
    }

    /// How many of `diagnostics` (without duplicates: `sorted`) each group has, in name order.
    public static func groupCounts(of diagnostics: [Diagnostic], in language: Language) -> [(group: String, count: Int)] {
        var counts: [String: Int] = [:]
        for group in diagnostics.compactMap(\.group) { counts[group.text(in: language), default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { $0.group < $1.group }
    }

    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func removeAll(where shouldBeRemoved: (Diagnostic) -> Bool) { all.removeAll(where: shouldBeRemoved) }
    public mutating func append(contentsOf other: Diagnostics) { all.append(contentsOf: other.all) }
    public mutating func append(contentsOf list: [Diagnostic]) { all.append(contentsOf: list) }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }

    /// In file order, so the output reads like the content folder; duplicates dropped (a page
    /// checked twice says it once).
    public var sorted: [Diagnostic] {
        // Each message worded once, not at every comparison, and duplicates found next to each
        // other once sorted: hashing a build's 30,000 warnings cost more than sorting them.
        let keyed = all.map { (diagnostic: $0, message: $0.message) }.sorted {
            ($0.diagnostic.location, $0.diagnostic.severity == .error ? 0 : 1, $0.message)
                < ($1.diagnostic.location, $1.diagnostic.severity == .error ? 0 : 1, $1.message)
        }
        var result: [Diagnostic] = [], sameKey = 0   // where the run of equal keys starts in `result`
        result.reserveCapacity(keyed.count)
        for (index, (diagnostic, message)) in keyed.enumerated() {
            if index == 0 || keyed[index - 1].message != message || keyed[index - 1].diagnostic.location != diagnostic.location
                || keyed[index - 1].diagnostic.severity != diagnostic.severity {
                sameKey = result.count
            }
            if !result[sameKey...].contains(diagnostic) { result.append(diagnostic) }
        }
        return result
    }
}

/// A problem that stops a run as a whole (unreadable folder, output not writable): not tied to
/// a content line, but still said in words a user can act on.
public struct DinhError: MessageError, Sendable, CustomStringConvertible {
    public var text: Message
    public var location: SourceLocation?

    /// An error with words of its own (the same in every language).
    public init(_ message: String, at location: SourceLocation? = nil) {
        self.init(Message(verbatim: message), at: location)
    }

    public init(_ text: Message, at location: SourceLocation? = nil) {
        self.text = text
        self.location = location
    }

    /// The message in English.
    public var message: String { text.text(in: .en) }

    public var description: String { description(in: .en) }

    public func description(in language: Language) -> String {
        if let location { return "\(location): error: \(text.text(in: language))" }
        return "error: \(text.text(in: language))"
    }
}
