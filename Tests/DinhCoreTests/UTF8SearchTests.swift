import DinhCore
import Foundation
import Testing

/// `utf8Range(of:)` searches bytes: it must find what a byte-by-byte scan finds, in strings and
/// substrings (contiguous UTF-8) and in bridged or foreign ones (the generic walk).
@Suite struct UTF8SearchTests {
    static func byBytes(_ haystack: [UInt8], _ needle: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty else { return 0..<0 }
        guard needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle {
            return start..<(start + needle.count)
        }
        return nil
    }

    @Test func findsWhatAByteScanFinds() {
        let pieces = ["/", ".", "..", "a", "Đình", "\u{301}", " ", "://", "q/", "ắ"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let needle = (0..<Int.random(in: 0...2, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = Self.byBytes(Array(text.utf8), Array(needle.utf8))
            let found = text.utf8Range(of: needle).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound)..<text.utf8.distance(from: text.startIndex, to: $0.upperBound) }
            #expect(found == expected, "\(text.debugDescription) ∋ \(needle.debugDescription)")
            #expect(text.utf8Contains(needle) == (expected != nil))
            // A substring that starts inside the text: offsets count from its own start.
            let dropped = text.dropFirst(min(1, text.count))
            let inSubstring = Self.byBytes(Array(dropped.utf8), Array(needle.utf8))
            #expect(dropped.utf8Range(of: needle).map { dropped.utf8.distance(from: dropped.startIndex, to: $0.lowerBound) } == inSubstring?.lowerBound)
            // Bridged from NSString: foreign, not contiguous UTF-8, on Apple platforms.
            let bridged = NSString(string: text).appending("") as String
            #expect(bridged.utf8Contains(needle) == (expected != nil))
        }
    }
}
