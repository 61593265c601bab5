import DinhCore
import Foundation

/// Plain text from the safe HTML our Markdown renderer makes: marketplaces want descriptions
/// without markup, and show entities such as `&amp;` literally.
public enum PlainText {
    /// Block ends become line breaks, other tags vanish, entities are decoded, spaces collapsed.
    /// Works on UTF-8 bytes: markup and entities are ASCII, and feeds of 10,000 products run this
    /// on every description in every language.
    public static func fromHTML(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        // Whitespace is collapsed as it is written: one space inside a line, one newline between blocks.
        var pendingSpace = false, pendingBreak = false
        func emit(_ byte: UInt8) {
            if !out.isEmpty {
                if pendingBreak { out.append(0x0A) } else if pendingSpace { out.append(0x20) }
            }
            pendingSpace = false
            pendingBreak = false
            out.append(byte)
        }
        func emit<S: Sequence>(_ text: S) where S.Element == UInt8 {
            for byte in text {
                if byte == 0x20 { pendingSpace = true } else { emit(byte) }
            }
        }
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "<"):
                guard let close = bytes[i...].firstIndex(of: UInt8(ascii: ">")) else { emit(byte); i += 1; continue }
                var nameStart = i + 1
                if nameStart < close, bytes[nameStart] == UInt8(ascii: "/") { nameStart += 1 }
                var nameEnd = nameStart
                while nameEnd < close, isAlphanumeric(bytes[nameEnd]) { nameEnd += 1 }
                if isBlockTag(bytes[nameStart..<nameEnd]) { pendingBreak = true }
                i = close + 1
            case UInt8(ascii: "&"):
                let limit = min(bytes.count, i + 12)
                if let semi = bytes[i..<limit].firstIndex(of: UInt8(ascii: ";")),
                   let decoded = entity(String(decoding: bytes[(i + 1)..<semi], as: UTF8.self)) {
                    emit(Array(decoded.utf8))
                    i = semi + 1
                } else {
                    emit(byte)
                    i += 1
                }
            case 0x0A, 0x0D:
                pendingBreak = true
                i += 1
            case 0x20, 0x09, 0x0B, 0x0C:
                pendingSpace = true
                i += 1
            case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xA0:   // no-break space
                pendingSpace = true
                i += 2
            default:
                if byte < 0x20 || byte == 0x7F { i += 1; continue }
                emit(byte)
                i += 1
            }
        }
        return removingControls(String(decoding: out, as: UTF8.self))
    }

    /// Tag names compared as bytes (every tag of every description passes here): names of up to
    /// eight letters and digits packed into an integer, lowercased, and the one longer name.
    private static func isBlockTag(_ name: ArraySlice<UInt8>) -> Bool {
        switch name.count {
        case 1...8: return blockTags.contains(tagKey(name))
        case 10: return tagKey(name.prefix(5)) == tagKey("block".utf8) && tagKey(name.suffix(5)) == tagKey("quote".utf8)
        default: return false
        }
    }

    private static let blockTags: Set<UInt64> = Set(["p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "div", "pre", "hr", "ul", "ol", "table"].map { tagKey($0.utf8) })

    /// ASCII letters lowercased by their 0x20 bit, which digits already have.
    private static func tagKey<C: Collection<UInt8>>(_ name: C) -> UInt64 {
        name.reduce(0) { $0 << 8 | UInt64($1 | 0x20) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func entity(_ name: String) -> String? {
        // A decoded space (`&nbsp;`, `&#32;`) collapses like any other.
        HTML.character(ofReference: name).map { text in
            text.unicodeScalars.allSatisfy { $0.value >= 0x80 ? $0.properties.isWhitespace : $0 == " " || $0 == "\t" || $0 == "\n" } ? " " : text
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
        // Fast path on bytes: C1 controls are encoded as 0xC2 0x80…0x9F, U+FFFE/F as 0xEF 0xBF 0xBE/F.
        guard text.withUTF8Bytes({ $0.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xEF } }),
              text.unicodeScalars.contains(where: isForbiddenControl) else { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.filter { !isForbiddenControl($0) })
        return String(out)
    }

    /// One line: for titles, where a line break would be shown raw.
    public static func singleLine(_ text: String) -> String {
        // Fast path: plain ASCII spacing, no controls, no Unicode spaces (C2 A0, E2 80 xx, E3 80 80).
        let bytes = text.utf8
        if bytes.first != 0x20, bytes.last != 0x20,
           !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 || $0 == 0xE3 }),
           !text.utf8Contains("  ") {
            return text
        }
        return removingControls(text).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
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
