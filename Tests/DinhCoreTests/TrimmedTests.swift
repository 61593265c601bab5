import DinhCore
import Testing

/// `trimmed` skips the work when no edge byte could be a space: it must agree with trimming
/// Character by Character whatever the text.
@Suite struct TrimmedTests {
    static func byCharacters(_ text: Substring) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{A0}" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }

    @Test func agreesWithTrimmingCharacterByCharacter() {
        let pieces = [" ", "\t", "\n", "\r", "\r\n", "\u{A0}", "a", "Đình", "\u{301}", "x y", "Â", "\u{C2}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(text.trimmed == Self.byCharacters(text[...]), "\(text.debugDescription)")
            #expect(text[...].trimmed == Self.byCharacters(text[...]), "\(text.debugDescription)")
        }
    }
}
