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

    /// Spaces that look like spaces but are not (the non-breaking ones Word, Zalo and web pages
    /// paste, and their wider kin) at the start of a line, or after a field's `:` or a list's `-`:
    /// YAML does not count them, so the line's field would be lost or misplaced. Made plain
    /// spaces, and the lines where it was done, to tell. Within a text they stay as written.
    static func plainingSpaces(_ text: String) -> (text: String, lines: [Int]) {
        guard hasUnusualSpace(text.utf8) else { return (text, []) }
        var lines: [Int] = []
        let out = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { number, line -> String in
            var scalars = Array(line.unicodeScalars), changed = false
            func plain(from start: Int) -> Int {
                var index = start
                while index < scalars.count, scalars[index] == " " || isUnusualSpace(scalars[index]) {
                    if scalars[index] != " " { scalars[index] = " "; changed = true }
                    index += 1
                }
                return index
            }
            var index = plain(from: 0)
            if index < scalars.count, scalars[index] == "-" {
                _ = plain(from: index + 1)
            } else {
                while index < scalars.count, scalars[index].properties.isAlphabetic || scalars[index].properties.numericType != nil
                        || scalars[index] == "_" { index += 1 }
                if index < scalars.count, scalars[index] == ":" { _ = plain(from: index + 1) }
            }
            guard changed else { return String(line) }
            lines.append(number + 1)
            var plained = String.UnicodeScalarView()
            plained.append(contentsOf: scalars)
            return String(plained)
        }
        return (out.joined(separator: "\n"), lines)
    }

    private static func isUnusualSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{A0}" || scalar == "\u{202F}" || scalar == "\u{3000}" || ("\u{2000}"..."\u{200A}").contains(scalar)
    }

    /// Whether the text holds any of those spaces, by their UTF-8 bytes (C2 A0, E2 80 80–8A, E2 80 AF, E3 80 80).
    private static func hasUnusualSpace(_ bytes: String.UTF8View) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            if previous == 0xC2 && byte == 0xA0 { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && (byte <= 0x8A || byte == 0xAF) { return true }
            if beforePrevious == 0xE3 && previous == 0x80 && byte == 0x80 { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
