import Foundation
import DinhContent
import DinhCore

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

    /// A product's weight as the page's language writes decimals: `1,2 kg` in Vietnamese (beside
    /// `45.000 ₫`), `1.2 kg` in English; feeds keep `1.2 kg`.
    static func weight(_ weight: Weight, language: String) -> String {
        language == "vi" ? weight.description.replacingOccurrences(of: ".", with: ",") : weight.description
    }

    /// A meeting's day (and hour): `Thứ Ba, ngày 15/12/2026, lúc 08:00`, `Tuesday 15 December 2026, 08:00`.
    static func meetingDate(_ date: CalendarDate, time: String?, language: String) -> String {
        let weekday = date.weekday
        if language == "vi" {
            let days = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]
            let day = "\(days[weekday]), ngày \(date.day < 10 ? "0" : "")\(date.day)/\(date.month < 10 ? "0" : "")\(date.month)/\(date.year)"
            return time.map { "\(day), lúc \($0)" } ?? day
        }
        let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let day = "\(days[weekday]) \(date.day) \(months[date.month - 1]) \(date.year)"
        return time.map { "\(day), \($0)" } ?? day
    }

    /// A file's size as people read it: `340 KB`, `1,2 MB` in Vietnamese, `1.2 MB` in English.
    static func fileSize(_ bytes: Int64, language: String) -> String {
        if bytes < 1 << 20 { return "\(max(1, (bytes + 512) >> 10)) KB" }
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        let whole = tenths / 10, fraction = tenths % 10
        if whole >= 100 || fraction == 0 { return "\(whole) MB" }
        return "\(whole)\(language == "vi" ? "," : ".")\(fraction) MB"
    }

    /// A coordinate with up to six decimals (about 10 cm on the ground), as `%.6f` writes it
    /// without its trailing zeros. Written by hand, but for a value at a tie (21.0285005, from a
    /// map link) or next to zero, where printf's rounding of the exact binary value decides.
    static func coordinate(_ value: Double) -> String {
        let scaled = value * 1e6
        guard abs(scaled - scaled.rounded(.down) - 0.5) < 1e-6 || abs(scaled) < 1 else { return Decimals.string(value, places: 6) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
