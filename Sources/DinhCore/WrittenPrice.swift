import Foundation

/// A price in đồng as people write it, read only where it cannot mean two things: the importer
/// takes `45.000đ` from a spreadsheet, and the content loader offers it as the fix for a
/// `price:` written that way. `45k`, `4.5` or `45.000,5` are never guessed.
public enum WrittenPrice {
    /// `45000`, `45.000`, `45.000đ`, `45,000 VND`, `45 000 ₫`, `1.250.000 đồng`.
    public static func dong(_ text: String) -> Int? {
        var digits = text.lowercased().nfc.filter { !$0.isWhitespace }
        // The currency as a word or sign, before or after the number.
        for word in ["vnđ", "vnd", "đồng", "dong", "đ", "₫", "d"] {
            if digits.hasSuffix(word) { digits.removeLast(word.count) }
            if digits.hasPrefix(word) { digits.removeFirst(word.count) }
        }
        guard !digits.isEmpty else { return nil }
        if digits.allSatisfy({ $0.isASCII && $0.isNumber }) { return Int(digits).flatMap { $0 > 0 ? $0 : nil } }
        // Two zero decimals, as an accounting format shows đồng (45.000,00, 45,000.00): the price before them.
        if digits.count > 3, digits.hasSuffix("00"), let mark = digits.dropLast(2).last, mark == "." || mark == "," {
            let whole = String(digits.dropLast(3))
            if !whole.contains(mark) { return dong(whole) }
        }
        // Grouped thousands with one kind of separator: 45.000 or 45,000 (never a decimal: VND has none).
        for separator in [".", ","] {
            let groups = digits.split(separator: Character(separator), omittingEmptySubsequences: false)
            guard groups.count > 1 else { continue }
            guard groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                  (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            return Int(groups.joined()).flatMap { $0 > 0 ? $0 : nil }
        }
        return nil
    }
}
