/// Folder names become page paths, so they are limited to `a-z 0-9 -`.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.first != "-", text.last != "-" else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// The slug a user most likely meant: `Quán Phượng Trì` → `quan-phuong-tri`: the text folded
    /// as search folds it (`Fold`), anything but `a-z 0-9` separating words.
    public static func suggest(for text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in Fold.scalars(text) {
            let mapped: Unicode.Scalar? = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? scalar : nil
            if let mapped {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(mapped)
            } else {
                pendingDash = true
            }
        }
        return result
    }
}
