/// A table of messages: an enum whose cases carry the values a message names (a file, a field, what
/// was found), and one exhaustive `switch` per language that says each case in words. The compiler
/// then proves every message has its English and its Vietnamese text.
public protocol MessageTable: Sendable {
    func text(in language: Language) -> String
}

/// A table whose languages are written apart: `english` in `<Table>+en.swift`, `vietnamese` in
/// `<Table>+vi.swift`, each one exhaustive `switch` over the cases.
package protocol TranslatedTable: MessageTable {
    var english: String { get }
    var vietnamese: String { get }
}

extension TranslatedTable {
    package func text(in language: Language) -> String {
        switch language {
        case .en: english
        case .vi: vietnamese
        }
    }
}

/// A message kept apart from its language, so a library user renders it in either language and
/// the command line picks one at start. Equal when it reads the same in every language.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    public let value: any MessageTable

    public init(_ value: some MessageTable) { self.value = value }

    /// Words that are not Dinh's own (a system's reason, a library's error): the same in every language.
    public init(verbatim text: String) { self.value = Verbatim(text: text) }

    public func text(in language: Language) -> String { value.text(in: language) }

    /// The English text.
    public var description: String { text(in: .en) }

    public static func == (a: Message, b: Message) -> Bool {
        Language.allCases.allSatisfy { a.text(in: $0) == b.text(in: $0) }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(text(in: .en)) }
}

/// An error that says what went wrong in either language.
public protocol MessageError: Error {
    var text: Message { get }
}

extension Message {
    /// An error's words: its own in either language when it has them, else the system's reason.
    package static func reason(_ error: any Error) -> Message {
        (error as? any MessageError)?.text ?? Message(verbatim: "\(error)")
    }
}

/// Text that reads the same in every language.
struct Verbatim: MessageTable {
    var text: String
    func text(in language: Language) -> String { text }
}

extension Language {
    /// "1 error" / "3 errors" in English; Vietnamese nouns have no plural.
    package func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        number == 1 ? "\(number) \(singular)" : "\(number) \(plural ?? singular + "s")"
    }
}
