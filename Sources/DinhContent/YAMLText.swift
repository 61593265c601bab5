import DinhCore

/// YAML scalars written so that any text reads back exactly: every string double-quoted with
/// escapes, because a name like `Chè: "ngon" #1` or `yes` or `- 5` would otherwise change meaning.
package enum YAMLText {
    package static func quoted(_ text: String) -> String { QuotedString.quoted(text, printableOnly: true) }

    package static func list(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }

    /// Values written between a word processor's curly quotes (`name: “Đình Hạ Mỗ”`), which YAML
    /// takes for letters of the text (and then stops at a `:` inside): single-quoted instead, and
    /// the lines where it was done, to tell. Only a whole value after `key: ` or `- ` is.
    static func straighteningCurlyQuotes(_ text: String) -> (text: String, lines: [Int]) {
        guard text.utf8Range(of: "“") != nil || text.utf8Range(of: "‘") != nil else { return (text, []) }
        var lines: [Int] = []
        let out = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { number, line -> Substring in
            guard let close = line.lastIndex(where: { !$0.isWhitespace }), line[close] == "”" || line[close] == "’",
                  let open = line.firstIndex(where: { $0 == "“" || $0 == "‘" }), open < close else { return line }
            let before = line[..<open]
            guard before.hasSuffix(": ") || before.trimmingCharacters(in: .whitespaces) == "-" else { return line }
            lines.append(number + 1)
            let inside = line[line.index(after: open)..<close].replacingOccurrences(of: "'", with: "''")
            return before + "'" + inside + "'" + line[line.index(after: close)...]
        }
        return (out.joined(separator: "\n"), lines)
    }
}
