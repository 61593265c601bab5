import Foundation
import DinhContent

/// Numbers as each language writes them.
enum Format {
    /// `45.000 ₫` in Vietnamese, `45,000 VND` in English.
    static func price(_ amount: Int, currency: String, language: String) -> String {
        let separator = language == "vi" ? "." : ","
        let digits = String(amount)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += separator }
            grouped.append(digit)
        }
        if language == "vi" && currency == "VND" { return "\(grouped) ₫" }
        return "\(grouped) \(currency)"
    }

    static func coordinate(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
