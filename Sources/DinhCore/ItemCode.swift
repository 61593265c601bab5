/// The permanent code of a relic, product, page or meeting (`DP01`, `HT42`): printed on its QR
/// boards, so limited to what a board shows plainly and QR's alphanumeric mode stores small.
public enum ItemCode {
    /// 2–12 characters, `A`–`Z` and `0`–`9`.
    public static func isValid(_ text: String) -> Bool {
        (2...12).contains(text.unicodeScalars.count) && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    /// The code a text not valid as one most likely means: folded as slugs are (`ĐP 01`, `dp01` →
    /// `DP01`), not stripped of its Vietnamese letters; nil when that is no code either.
    package static func meant(by text: String) -> String? {
        let folded = Fold.key(text).uppercased()
        return isValid(folded) ? folded : nil
    }
}
