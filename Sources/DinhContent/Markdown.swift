import DinhCore

/// A small Markdown renderer (the CommonMark features content needs: headings, paragraphs,
/// lists, quotes, code, rules, emphasis, links). Written for Dinh rather than borrowed because
/// content must never inject markup: every character of text is escaped, raw HTML is shown as
/// text, and only web, mail and phone links are kept (no `javascript:`).
public struct Markdown: Sendable {
    /// Problems worth telling the writer (a picture in the text, an unsafe link), with their lines.
    public private(set) var notes: [(line: Int, message: String)] = []
    /// Headings in the body start at this level (the page title is the `h1`).
    var topHeadingLevel = 2
    private var lastHeadingLevel = 1

    public init() {}

    /// Renders `source` whose first line is line `firstLine` of its file.
    public static func render(_ source: String, firstLine: Int = 1) -> (html: String, notes: [(line: Int, message: String)]) {
        var renderer = Markdown()
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let html = renderer.blocks(lines, firstLine: firstLine)
        return (html, renderer.notes)
    }

    // MARK: Blocks

    private mutating func blocks(_ lines: [String], firstLine: Int) -> String {
        var out: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmed
            let lineNumber = firstLine + i
            if trimmed.isEmpty { i += 1; continue }

            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let fence = String(trimmed.prefix(3))
                var code: [String] = []
                i += 1
                while i < lines.count, !lines[i].trimmed.hasPrefix(fence) {
                    code.append(lines[i]); i += 1
                }
                i += 1
                out.append("<pre><code>\(HTML.escape(code.joined(separator: "\n")))</code></pre>")
                continue
            }
            if let (level, text) = Self.heading(trimmed) {
                // Levels never skip (h2 → h4 would confuse screen readers and validators).
                let wanted = min(6, level + topHeadingLevel - 1)
                let actual = max(topHeadingLevel, min(wanted, lastHeadingLevel + 1))
                lastHeadingLevel = actual
                out.append("<h\(actual)>\(inline(text, line: lineNumber))</h\(actual)>")
                i += 1
                continue
            }
            if Self.isRule(trimmed) {
                out.append("<hr>")
                i += 1
                continue
            }
            if trimmed.hasPrefix(">") {
                var quoted: [String] = []
                let start = i
                while i < lines.count, lines[i].trimmed.hasPrefix(">") {
                    var inner = Substring(lines[i].trimmed.dropFirst())
                    if inner.first == " " { inner = inner.dropFirst() }
                    quoted.append(String(inner)); i += 1
                }
                out.append("<blockquote>\n\(blocks(quoted, firstLine: firstLine + start))\n</blockquote>")
                continue
            }
            if let ordered = Self.listMarker(trimmed)?.ordered {
                var items: [(text: [String], line: Int)] = []
                while i < lines.count {
                    let current = lines[i].trimmed
                    if let marker = Self.listMarker(current), marker.ordered == ordered {
                        items.append(([marker.rest], firstLine + i))
                    } else if !current.isEmpty, !items.isEmpty, lines[i].hasPrefix(" ") || lines[i].hasPrefix("\t") {
                        items[items.count - 1].text.append(current)
                    } else if current.isEmpty, i + 1 < lines.count,
                              Self.listMarker(lines[i + 1].trimmed)?.ordered == ordered {
                        // a blank line between items keeps the list going
                    } else {
                        break
                    }
                    i += 1
                }
                let tag = ordered ? "ol" : "ul"
                let body = items.map { "<li>\(inline($0.text.joined(separator: "\n"), line: $0.line))</li>" }.joined(separator: "\n")
                out.append("<\(tag)>\n\(body)\n</\(tag)>")
                continue
            }
            // A paragraph runs until a blank line or the start of another block.
            var paragraph: [String] = []
            let start = i
            while i < lines.count {
                let current = lines[i].trimmed
                if current.isEmpty || (!paragraph.isEmpty && (Self.heading(current) != nil || current.hasPrefix(">")
                    || current.hasPrefix("```") || Self.listMarker(current) != nil)) { break }
                paragraph.append(lines[i].trimmed.isEmpty ? "" : Self.trimLeading(lines[i]))
                i += 1
            }
            out.append("<p>\(inline(paragraph.joined(separator: "\n"), line: firstLine + start))</p>")
        }
        return out.joined(separator: "\n")
    }

    private static func trimLeading(_ line: String) -> String {
        String(line.drop(while: { $0 == " " || $0 == "\t" }))
    }

    private static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = rest.trimmed
        while text.hasSuffix("#") { text.removeLast() }
        return (hashes, text.trimmed)
    }

    private static func isRule(_ line: String) -> Bool {
        guard let first = line.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_") else { return false }
        let compact = line.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    private static func listMarker(_ line: String) -> (ordered: Bool, rest: String)? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return (false, String(line.dropFirst(2)))
        }
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        if (1...9).contains(digits.count) {
            let after = line.dropFirst(digits.count)
            if let mark = after.first, mark == "." || mark == ")", after.dropFirst().first == " " {
                return (true, String(after.dropFirst(2)))
            }
        }
        return nil
    }

    // MARK: Inline

    private mutating func inline(_ text: String, line: Int) -> String {
        let chars = Array(text.unicodeScalars)  // delimiters are ASCII; scalars avoid grapheme breaking
        var out = ""
        var i = 0
        func find(_ needle: [Unicode.Scalar], from start: Int) -> Int? {
            guard !needle.isEmpty, start + needle.count <= chars.count else { return nil }
            var j = start
            while j + needle.count <= chars.count {
                if Array(chars[j..<j + needle.count]) == needle { return j }
                j += 1
            }
            return nil
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\" where i + 1 < chars.count && "\\`*_[]()#+-.!<>{}".unicodeScalars.contains(chars[i + 1]):
                out += HTML.escape(String(Character(chars[i + 1]))); i += 2
            case "\\" where i + 1 < chars.count && chars[i + 1] == "\n":
                out += "<br>\n"; i += 2
            case "\n":
                // Two trailing spaces make a hard line break.
                if out.hasSuffix("  ") { out = String(out.dropLast(2)) + "<br>" }
                out += "\n"; i += 1
            case "`":
                if let end = find(["`"], from: i + 1) {
                    out += "<code>\(HTML.escape(Self.string(chars[(i + 1)..<end])))</code>"; i = end + 1
                } else { out += "`"; i += 1 }
            case "*", "_":
                let double = i + 1 < chars.count && chars[i + 1] == c
                let delimiter: [Unicode.Scalar] = double ? [c, c] : [c]
                let start = i + delimiter.count
                // Emphasis needs text right after the opener; `_` inside words stays literal.
                let opensWord = start < chars.count && !chars[start].properties.isWhitespace
                let insideWord = c == "_" && i > 0 && chars[i - 1].properties.isAlphabetic
                if opensWord, !insideWord, let end = find(delimiter, from: start + 1), !chars[end - 1].properties.isWhitespace {
                    let tag = double ? "strong" : "em"
                    out += "<\(tag)>\(inline(Self.string(chars[start..<end]), line: line))</\(tag)>"
                    i = end + delimiter.count
                } else {
                    out.unicodeScalars.append(contentsOf: delimiter); i += delimiter.count
                }
            case "!" where i + 1 < chars.count && chars[i + 1] == "[":
                if let (label, _, end) = Self.link(chars, at: i + 1) {
                    notes.append((line, "a picture in the text is not shown; list photos under 'gallery:' instead"))
                    out += HTML.escape(label); i = end
                } else { out += "!"; i += 1 }
            case "[":
                if let (label, target, end) = Self.link(chars, at: i) {
                    if let safe = Self.safeURL(target) {
                        let external = safe.hasPrefix("http") ? " rel=\"noopener\"" : ""
                        out += "<a href=\"\(HTML.escape(safe))\"\(external)>\(inline(label, line: line))</a>"
                    } else {
                        notes.append((line, "the link '\(target)' is not a web, mail or phone address; it is shown as plain text"))
                        out += inline(label, line: line)
                    }
                    i = end
                } else { out += "["; i += 1 }
            case "<":
                // Autolinks `<https://…>`; anything else that looks like HTML is shown as text.
                if let end = find([">"], from: i + 1) {
                    let inner = Self.string(chars[(i + 1)..<end])
                    if !inner.contains(" "), let safe = Self.safeURL(inner), inner.contains(":") {
                        out += "<a href=\"\(HTML.escape(safe))\">\(HTML.escape(inner))</a>"; i = end + 1
                        continue
                    }
                }
                out += "&lt;"; i += 1
            default:
                // Plain text runs to the next character that may start markup; escaped in one go.
                var end = i + 1
                while end < chars.count, !Self.markupStarts.contains(chars[end]) { end += 1 }
                out += HTML.escape(Self.string(chars[i..<end])); i = end
            }
        }
        return out
    }

    private static let markupStarts: Set<Unicode.Scalar> = ["\\", "\n", "`", "*", "_", "!", "[", "<"]

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    /// `[label](target)` starting at `start` (the `[`): the label, the target and the index after `)`.
    private static func link(_ chars: [Unicode.Scalar], at start: Int) -> (String, String, Int)? {
        var depth = 0
        var j = start
        while j < chars.count {
            if chars[j] == "[" { depth += 1 }
            if chars[j] == "]" { depth -= 1; if depth == 0 { break } }
            j += 1
        }
        guard j + 1 < chars.count, chars[j + 1] == "(" else { return nil }
        // The target ends at the `)` that balances the opening one: `(javascript:alert(1))`.
        var close = j + 2, parens = 1
        while close < chars.count {
            if chars[close] == "(" { parens += 1 }
            if chars[close] == ")" { parens -= 1; if parens == 0 { break } }
            close += 1
        }
        guard close < chars.count else { return nil }
        let label = string(chars[(start + 1)..<j])
        var target = string(chars[(j + 2)..<close]).trimmed
        if let space = target.firstIndex(of: " ") { target = String(target[..<space]) }  // drop a "title"
        return (label, target, close + 1)
    }

    /// Web, mail and phone links, and links within the site; nothing that runs code.
    static func safeURL(_ target: String) -> String? {
        let lower = target.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") {
            return target
        }
        if lower.hasPrefix("//") { return nil }
        let scheme = lower.prefix(while: { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" })
        if scheme.count < lower.count, lower.dropFirst(scheme.count).first == ":" { return nil }
        return target.isEmpty ? nil : target
    }
}
