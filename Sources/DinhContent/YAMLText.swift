import DinhCore

/// YAML scalars written so that any text reads back exactly: every string double-quoted with
/// escapes, because a name like `Chè: "ngon" #1` or `yes` or `- 5` would otherwise change meaning.
package enum YAMLText {
    package static func quoted(_ text: String) -> String { QuotedString.quoted(text, printableOnly: true) }

    package static func list(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }
}
