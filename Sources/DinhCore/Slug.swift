/// Folder names become page paths, so they are limited to `a-z 0-9 -`.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.first != "-", text.last != "-" else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// The slug a user most likely meant: `Quán Phượng Trì` → `quan-phuong-tri`.
    /// `đ`/`Đ` have no Unicode decomposition, so they are mapped explicitly.
    public static func suggest(for text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.nfc.decomposedStringWithCanonicalMapping.unicodeScalars {
            let mapped: Unicode.Scalar?
            switch scalar {
            case "đ", "Đ": mapped = "d"
            case "A"..."Z": mapped = Unicode.Scalar(scalar.value + 32)
            case "a"..."z", "0"..."9": mapped = scalar
            default:
                // Combining marks (the tones and hats of Vietnamese) are dropped; anything else separates words.
                if scalar.properties.generalCategory == .nonspacingMark { continue }
                mapped = nil
            }
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
