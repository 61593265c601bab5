/// Escaping for text put into HTML or XML. Every piece of content text passes through here
/// (the template engine included) so content can never inject markup.
package enum HTML {
    package static func escape(_ text: String) -> String {
        var out = ""
        appendEscaped(text, to: &out)
        return out
    }

    /// Appends `text` with `& < > " '` escaped.
    package static func appendEscaped(_ text: String, to out: inout String) {
        // Most text has nothing to escape: one scan of its bytes, then one append.
        if !text.withUTF8Bytes({ $0.contains(where: isSpecial) }) {
            out += text
            return
        }
        var bytes: [UInt8] = []
        appendEscaped(text, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text`, escaped, as UTF-8 (a template's output).
    package static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        text.withUTF8Bytes { appendEscaped($0, to: &out) }
    }

    /// Appends UTF-8 `bytes`, escaped: runs of plain bytes are copied whole.
    package static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        for index in bytes.indices where isSpecial(bytes[index]) {
            out += UnsafeBufferPointer(rebasing: bytes[runStart..<index])
            entity(bytes[index]).withUTF8Buffer { out += $0 }
            runStart = index + 1
        }
        out += UnsafeBufferPointer(rebasing: bytes[runStart...])
    }

    private static func entity(_ byte: UInt8) -> StaticString {
        switch byte {
        case 0x26: "&amp;"
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x22: "&quot;"
        default: "&#39;"
        }
    }

    /// The character a reference names, from its name between `&` and `;` (`amp`, `nbsp`, `#39`,
    /// `#x1EA1`), or nil when it names none: the numeric ones, and the named ones found in text
    /// pasted from web pages and office documents. Every reader of references (Markdown text,
    /// descriptions imported as HTML, the link checker's attributes) decodes through here.
    package static func character(ofReference name: some StringProtocol) -> String? {
        // The five of escaped text first: feeds decode every description's `&amp;` several times.
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "#39", "apos": return "'"
        default: break
        }
        guard name.first == "#" else { return namedReferences[String(name)] }
        var digits = name.dropFirst()
        let hex = digits.first == "x" || digits.first == "X"
        if hex { digits = digits.dropFirst() }
        guard (1...8).contains(digits.count), digits.allSatisfy({ hex ? $0.isHexDigit : $0.isASCII && $0.isNumber }),
              let value = UInt32(digits, radix: hex ? 16 : 10), value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return String(Character(scalar))
    }

    /// The named references past the five of escaped text (answered above).
    private static let namedReferences: [String: String] = [
        "nbsp": "\u{A0}",
        "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "laquo": "«", "raquo": "»", "middot": "·", "bull": "•", "deg": "°", "times": "×", "copy": "©",
        "reg": "®", "trade": "™", "euro": "€", "frac12": "½", "shy": "\u{AD}",
    ]

    /// `text` with its character references decoded (`&amp;` → `&`); an `&` that starts none stays.
    package static func decodingReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";"), let decoded = character(ofReference: after[..<semicolon]) {
                result += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }

    /// `& < > " '`, tested with one shift: they are all below 64.
    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 64 && (UInt64(1) << byte) & (1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27) != 0
    }
}
