import DinhCore
@testable import DinhContent
import Testing

/// Front matter is split off by looking at its lines only; the result must be what splitting the
/// whole text into lines gives (the reading every line number in messages depends on).
@Suite struct SourceTextTests {
    /// The plain reading: every line of the text, the fences found among them.
    static func byLines(_ text: String) -> (frontMatter: String?, body: String, bodyFirstLine: Int, closed: Bool) {
        let lines = text.lines
        guard lines.first.map({ $0.trimmed == "---" }) == true else { return (nil, text, 1, true) }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmed == "---" }) else {
            return (lines.dropFirst().joined(separator: "\n"), "", lines.count + 1, false)
        }
        return (lines[1..<close].joined(separator: "\n"), lines[(close + 1)...].joined(separator: "\n"), close + 2, true)
    }

    @Test func splitsAsReadingEveryLineDoes() {
        let pieces = ["---", " --- ", "-- -", "name: Đình Hạ Mỗ", "- a", "", "\u{A0}---", "body", "## Lịch sử", "----"]
        var generator = SystemRandomNumberGenerator()
        var texts = ["", "---", "---\n", "---\n---", "---\n---\n", "---\na: 1\n---\nbody\nmore", "no front matter\n---\n"]
        for _ in 0..<2000 {
            let count = Int.random(in: 1...7, using: &generator)
            let lines = (0..<count).map { _ in pieces.randomElement(using: &generator)! }
            texts.append(lines.joined(separator: "\n") + (Bool.random(using: &generator) ? "\n" : ""))
        }
        for text in texts {
            let split = SourceText.split(text, path: "index.md")
            let expected = Self.byLines(text)
            #expect(split.frontMatter == expected.frontMatter, "\(text.debugDescription)")
            #expect(split.body == expected.body, "\(text.debugDescription)")
            #expect(split.bodyFirstLine == expected.bodyFirstLine, "\(text.debugDescription)")
            #expect(split.frontMatterClosed == expected.closed, "\(text.debugDescription)")
        }
    }
}
