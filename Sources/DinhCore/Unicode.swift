import Foundation

extension Unicode.Scalar {
    /// A letter of the Latin ranges Vietnamese is written in, or ASCII (below U+0300, and the
    /// precomposed letters U+1E00–U+1EFF): a whole character on its own, never a combining mark
    /// nor a composition exclusion, so text made only of these needs no look at Unicode's tables.
    package var isPrecomposedLatin: Bool { value < 0x300 || (0x1E00...0x1EFF).contains(value) }
}

extension String {
    /// With Windows (CRLF) and old Mac (CR) line ends read as LF, as people's editors save them.
    package var unixLineEnds: String {
        utf8.contains(0x0D) ? replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : self
    }

    /// Unicode NFC. Text pasted from macOS or Word is often decomposed (NFD): "ệ" as e + ̣ + ̂.
    package var nfc: String {
        // Most text is already NFC (Unikey and phones type precomposed letters): skip Foundation's
        // round trip unless a scalar could change — a combining mark, Hangul jamo, a composition
        // exclusion (singletons like Å U+212B), or a script whose vowel signs compose.
        let mayChange = unicodeScalars.contains { scalar in
            guard !scalar.isPrecomposedLatin else { return false }
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
        // Most text has nothing to trim: it neither starts nor ends with a byte of those spaces.
        func isSpaceByte(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let whole = String(self)
        if let first = whole.utf8.first, let last = whole.utf8.last, !isSpaceByte(first), first != 0xC2, !isSpaceByte(last), last != 0xA0 {
            return whole
        }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension StringProtocol {
    /// Where `needle`'s UTF-8 bytes first appear in this text's, compared byte for byte: for the
    /// ASCII needles of paths, URLs and markup, where Foundation's `range(of:)` and `contains(_:)`
    /// go through NSString (a few percent of a 10,000-product build).
    package func utf8Range(of needle: String) -> Range<Index>? {
        let bytes = utf8
        // Native strings and their substrings hold their UTF-8 in one buffer: searched there, as
        // walking the view generically costs a protocol call per byte.
        if let found = bytes.withContiguousStorageIfAvailable({ Self.offsets(of: needle, in: $0) }) {
            guard let found else { return nil }
            let start = bytes.index(bytes.startIndex, offsetBy: found.lowerBound)
            return start..<bytes.index(start, offsetBy: found.count)
        }
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return startIndex..<startIndex }
        var start = bytes.startIndex
        while let candidate = bytes[start...].firstIndex(of: first) {
            var end = candidate, matched = 0
            while matched < pattern.count, end != bytes.endIndex, bytes[end] == pattern[matched] {
                bytes.formIndex(after: &end)
                matched += 1
            }
            if matched == pattern.count { return candidate..<end }
            start = bytes.index(after: candidate)
        }
        return nil
    }

    private static func offsets(of needle: String, in haystack: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard let first = pattern.first else { return 0..<0 }
            guard pattern.count <= haystack.count, let base = haystack.baseAddress else { return nil }
            for start in 0...(haystack.count - pattern.count) where base[start] == first
                && memcmp(base + start, pattern.baseAddress!, pattern.count) == 0 {
                return start..<(start + pattern.count)
            }
            return nil
        }
    }

    /// Whether this text's UTF-8 holds `needle`'s (see `utf8Range(of:)`).
    package func utf8Contains(_ needle: String) -> Bool { utf8Range(of: needle) != nil }
}

extension String {
    /// Runs `body` on this text's UTF-8 bytes where they are (a copy for the rare text that is not
    /// stored as UTF-8): a scan of them costs a fraction of a walk through `utf8`'s indices.
    package func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }

    /// The lines of this text, split at line feeds. Works on UTF-8 bytes: `split(separator: "\n")`
    /// compares whole Characters and was a hot spot of loading.
    package var lines: [Substring] {
        // The line feeds found on the bytes (a relic's history is long).
        let breaks = withUTF8Bytes { bytes in bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") } }
        var result: [Substring] = []
        result.reserveCapacity(breaks.count + 1)
        var start = startIndex
        for offset in breaks {
            let newline = utf8.index(startIndex, offsetBy: offset)
            result.append(self[start..<newline])
            start = utf8.index(after: newline)
        }
        result.append(self[start...])
        return result
    }
}

/// Vietnamese as search and slugs compare it: "Đình Hạ Mỗ" and "dinh ha mo" are the same words.
/// The one folding of the project: `Slug.suggest`, the search index and the search page's script
/// (`assets/search.js`, which must fold the same way) all follow it.
package enum Fold {
    /// Only the letters and digits of a text, folded (`ĐP 01` → `dp01`, `Vietin Bank` → `vietinbank`):
    /// how a word typed many ways is compared.
    package static func key(_ text: String) -> String {
        String(String.UnicodeScalarView(scalars(text).filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }))
    }

    /// The scalars of `text` decomposed (NFD), lowercased, without combining marks (tones and
    /// hats), `đ`/`Đ` as `d` (they have no decomposition).
    package static func scalars(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars { fold(scalar) { result.append($0) } }
        return result
    }

    /// Gives `scalar` folded to `take`, as none, one or a few scalars.
    @inline(__always)
    private static func fold(_ scalar: Unicode.Scalar, _ take: (Unicode.Scalar) -> Void) {
        if scalar.isASCII {
            take(("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar)
        } else if let index = latin(scalar.value) {
            for part in latinTable[index] { take(part) }
        } else {
            for part in fold(scalar) { take(part) }
        }
    }

    /// One scalar folded: its canonical decomposition (a scalar at a time is the whole string's NFD
    /// but for the order of marks, which are dropped), lowercased, without nonspacing marks.
    private static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
            if part == "đ" || part == "Đ" { result.append("d"); continue }
            for lower in part.properties.lowercaseMapping.unicodeScalars where lower.properties.generalCategory != .nonspacingMark {
                result.append(lower == "đ" ? "d" : lower)
            }
        }
        return result
    }

    /// Vietnamese letters (Latin-1, Latin Extended-A and B, Latin Extended Additional) folded once:
    /// names and descriptions of a 10,000-product site are folded in milliseconds, not seconds.
    private static func latin(_ value: UInt32) -> Int? {
        if value < 0x250 { return Int(value) - 0x80 }
        if (0x1E00..<0x1F00).contains(value) { return Int(value) - 0x1E00 + 0x1D0 }
        return nil
    }
    private static let latinTable: [[Unicode.Scalar]] = (Array(0x80..<0x250) + Array(0x1E00..<0x1F00)).map { value in
        Unicode.Scalar(UInt32(value)).map(fold) ?? []
    }

    /// The words of `text` folded: runs of letters and digits (`[\p{L}\p{N}]+`), anything else
    /// separates; the first `limit` of them.
    package static func words(_ text: String, limit: Int = .max) -> [String] {
        // Folded as it is read: a long text's first words cost what a short one's do. A word is
        // gathered as UTF-8 bytes (folded words are mostly ASCII), not scalar by scalar.
        var words: [String] = [], word: [UInt8] = []
        word.reserveCapacity(32)
        for scalar in text.unicodeScalars {
            fold(scalar) { folded in
                if isWordScalar(folded) {
                    if folded.isASCII { word.append(UInt8(folded.value)) } else { UTF8.encode(folded) { word.append($0) } }
                } else if !word.isEmpty {
                    words.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
            if words.count >= limit { return Array(words.prefix(limit)) }
        }
        if !word.isEmpty && words.count < limit { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// `text` folded with its words separated by one space: "  Quán  Phượng Trì " → "quan phuong tri".
    package static func text(_ text: String) -> String { words(text).joined(separator: " ") }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }
}
