import Foundation

extension String {
    /// Unicode NFC. Text pasted from macOS or Word is often decomposed (NFD): "ệ" as e + ̣ + ̂.
    package var nfc: String {
        // Most text is already NFC (Unikey and phones type precomposed letters): skip Foundation's
        // round trip unless a scalar could change — a combining mark, Hangul jamo, a composition
        // exclusion (singletons like Å U+212B), or a script whose vowel signs compose.
        let mayChange = unicodeScalars.contains { scalar in
            guard scalar.value >= 0x300 else { return false }
            let properties = scalar.properties
            return properties.canonicalCombiningClass.rawValue != 0 || properties.isFullCompositionExclusion
                || (0x0900...0x0DFF).contains(scalar.value) || (0x1000...0x11FF).contains(scalar.value)
                || (0x1B00...0x1B7F).contains(scalar.value) || (0x3099...0x309A).contains(scalar.value)
        }
        return mayChange ? precomposedStringWithCanonicalMapping : self
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks. Pure Swift: Foundation's
    /// `trimmingCharacters(in:)` goes through NSString and was the hot spot of loading.
    package var trimmed: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// The lines of this text, split at line feeds. Works on UTF-8 bytes: `split(separator: "\n")`
    /// compares whole Characters and was a hot spot of loading.
    package var lines: [Substring] {
        var result: [Substring] = []
        var start = startIndex
        while let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) {
            result.append(self[start..<newline])
            start = utf8.index(after: newline)
        }
        result.append(self[start...])
        return result
    }
}
