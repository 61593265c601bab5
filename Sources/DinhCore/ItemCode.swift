/// The permanent code of a relic, product, page or meeting (`DP01`, `HT42`): printed on its QR
/// boards, so limited to what a board shows plainly and QR's alphanumeric mode stores small.
public enum ItemCode {
    /// 2–12 characters, `A`–`Z` and `0`–`9`.
    public static func isValid(_ text: String) -> Bool {
        (2...12).contains(text.unicodeScalars.count) && text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }
}
