import DinhCore
import Foundation

/// Plain text from the safe HTML our Markdown renderer makes: marketplaces want descriptions
/// without markup, and show entities such as `&amp;` literally.
public enum PlainText {
    /// Block ends become line breaks, other tags vanish, entities are decoded, spaces collapsed.
    public static func fromHTML(_ html: String) -> String {
        var text = ""
        text.reserveCapacity(html.utf8.count)
        var index = html.startIndex
        while index < html.endIndex {
            let ch = html[index]
            if ch == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = html[html.index(after: index)..<close].lowercased()
                let name = tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
                if ["p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "div", "pre", "hr"].contains(String(name)) {
                    text += "\n"
                }
                index = html.index(after: close)
            } else if ch == "&", let semi = html[index...].prefix(12).firstIndex(of: ";"),
                      let decoded = entity(String(html[html.index(after: index)..<semi])) {
                text += decoded
                index = html.index(after: semi)
            } else {
                text.append(ch)
                index = html.index(after: index)
            }
        }
        // Collapse runs of spaces within lines and drop empty lines.
        let lines = text.split(whereSeparator: \.isNewline).map { line in
            line.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return removingControls(lines.filter { !$0.isEmpty }.joined(separator: "\n"))
    }

    private static func entity(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos", "#39": return "'"
        case "nbsp": return " "
        default:
            var digits = Substring(name)
            guard digits.first == "#" else { return nil }
            digits = digits.dropFirst()
            let radix = digits.first == "x" || digits.first == "X" ? 16 : 10
            if radix == 16 { digits = digits.dropFirst() }
            guard let value = UInt32(digits, radix: radix), let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
    }

    /// Characters no feed may carry: C0/C1 controls other than tab and line breaks, and the
    /// XML non-characters U+FFFE/U+FFFF.
    public static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    public static func removingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbiddenControl) else { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.filter { !isForbiddenControl($0) })
        return String(out)
    }

    /// One line: for titles, where a line break would be shown raw.
    public static func singleLine(_ text: String) -> String {
        removingControls(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The spoken text of a WebVTT file: cue text without the header, timings, cue ids or tags.
    public static func fromWebVTT(_ vtt: String) -> String {
        var lines: [String] = []
        var skippingBlock = false
        let rows = vtt.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, raw) in rows.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { skippingBlock = false; continue }
            if index == 0 && line.hasPrefix("WEBVTT") { skippingBlock = true; continue }
            if line.hasPrefix("NOTE") || line.hasPrefix("STYLE") || line.hasPrefix("REGION") { skippingBlock = true; continue }
            if skippingBlock { continue }
            if line.contains("-->") { continue }
            // A cue identifier is the line right before a timing line.
            if index + 1 < rows.count, rows[index + 1].contains("-->") { continue }
            lines.append(fromHTML(line))
        }
        return lines.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
