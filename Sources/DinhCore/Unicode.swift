import Foundation

extension String {
    /// Unicode NFC. Text pasted from macOS or Word is often decomposed (NFD): "ệ" as e + ̣ + ̂.
    public var nfc: String {
        // Plain ASCII is already NFC; skipping it saves the Foundation round trip for most keys.
        utf8.allSatisfy({ $0 < 0x80 }) ? self : precomposedStringWithCanonicalMapping
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks. Pure Swift: Foundation's
    /// `trimmingCharacters(in:)` goes through NSString and was the hot spot of loading.
    public var trimmed: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
