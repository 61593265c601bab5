import DinhContent
import DinhCore
import Foundation

/// The columns an import understands, recognised from Vietnamese or English headers whatever
/// their case, accents or spacing (`Tên sản phẩm`, `TEN SAN PHAM`, `Name`).
enum Column: String, CaseIterable, Sendable {
    case name, englishName, price, salePrice, stars, year, date, decision, category, producer, description
    case images, code, sku, unit, weight, gtin, brand, availability

    static let headers: [Column: [String]] = [
        .name: ["tên sản phẩm", "tên", "sản phẩm", "name", "product name", "product", "title"],
        .englishName: ["tên tiếng anh", "english name", "name en", "tên (en)"],
        .price: ["giá", "giá bán", "đơn giá", "giá niêm yết", "price"],
        .salePrice: ["giá khuyến mãi", "giá khuyến mại", "giá giảm", "sale price", "sale_price"],
        .stars: ["số sao ocop", "số sao", "hạng sao", "sao", "xếp hạng ocop", "stars", "ocop stars", "rating"],
        .year: ["năm công nhận", "năm", "năm đạt", "year", "ocop year"],
        .date: ["ngày công nhận", "ngày quyết định", "date", "recognition date"],
        .decision: ["quyết định", "số quyết định", "decision"],
        .category: ["nhóm", "nhóm sản phẩm", "nhóm ocop", "phân nhóm", "category", "group"],
        .producer: ["htx", "nhà sản xuất", "chủ thể", "cơ sở sản xuất", "đơn vị sản xuất", "htx/nhà sản xuất", "producer", "manufacturer"],
        .description: ["mô tả", "mô tả sản phẩm", "giới thiệu", "description"],
        .images: ["ảnh", "hình ảnh", "hình", "images", "image", "photos", "photo"],
        .code: ["mã", "mã sản phẩm", "mã qr", "code"],
        .sku: ["sku", "mã sku", "mã hàng"],
        .unit: ["đơn vị", "đơn vị tính", "quy cách", "unit"],
        .weight: ["khối lượng", "trọng lượng", "weight", "net weight"],
        .gtin: ["gtin", "mã vạch", "barcode", "ean"],
        .brand: ["thương hiệu", "nhãn hiệu", "brand"],
        .availability: ["tình trạng", "tình trạng hàng", "availability", "stock"],
    ]

    static let required: [Column] = [.name, .price, .stars, .category, .producer]

    /// The words for messages: what a user would write as the header.
    var example: String { Column.headers[self]?.first.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? rawValue }

    /// Lower case, no accents (đ → d), letters and digits only: `Tên Sản-phẩm` → `tensanpham`.
    static func key(_ text: String) -> String { ChoiceWords.key(text) }

    private static let byKey: [String: Column] = {
        var map: [String: Column] = [:]
        for (column, names) in headers {
            for name in names { map[key(name)] = column }
            map[key(column.rawValue)] = column
        }
        return map
    }()

    /// A heading, also when it carries a unit in brackets: `Giá bán (đồng)`, `Khối lượng (g)`.
    static func recognise(_ header: String) -> Column? {
        if let column = byKey[key(header)] { return column }
        guard let open = header.firstIndex(where: { $0 == "(" || $0 == "[" }) else { return nil }
        return byKey[key(String(header[..<open]))]
    }

    /// The unit a heading names in brackets, lower-cased: `Khối lượng (g)` → `g`.
    static func unit(in header: String) -> String? {
        guard let open = header.firstIndex(where: { $0 == "(" || $0 == "[" }),
              let close = header[open...].firstIndex(where: { $0 == ")" || $0 == "]" }) else { return nil }
        return header[header.index(after: open)..<close].trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Headings of columns a list often has and an import has no use for (row numbers, notes).
    static func isIgnorable(_ header: String) -> Bool {
        ["stt", "tt", "sott", "sothutu", "no", "ghichu", "note", "notes"].contains(key(header))
    }
}

/// Values as people type them into spreadsheets.
enum CellValue {
    /// `45000`, `45.000`, `45.000đ`, `45,000 VND`, `45 000 ₫`, `1.250.000 đồng` (`WrittenPrice`).
    static func price(_ text: String) -> Int? { WrittenPrice.dong(text) }

    /// `4`, `4 sao`, `4*`, `★★★★`.
    static func stars(_ text: String) -> Int? {
        let stars = text.filter { $0 == "★" || $0 == "⭐" }.count
        if stars > 0 { return stars }
        let digits = text.filter { $0.isASCII && $0.isNumber }
        let rest = Column.key(text).filter { !$0.isNumber }
        guard digits.count == 1, ["", "sao", "star", "stars"].contains(rest) else { return nil }
        return Int(digits)
    }

    /// The category a cell names (`ChoiceWords`), or its OCOP group's number (`Nhóm 1`, `1`).
    static func category(_ text: String) -> String? {
        let categories = Product.Category.allCases.map(\.rawValue)
        if let value = ChoiceWords.value(of: text, among: categories) { return value }
        let key = Column.key(text)
        if let number = Int(key.hasPrefix("nhom") ? String(key.dropFirst(4)) : key), categories.indices.contains(number - 1) {
            return categories[number - 1]
        }
        if key.hasPrefix("dichvudulich") || key.hasPrefix("dulich") { return "tourism" }
        return nil
    }

    static func availability(_ text: String) -> String? {
        ChoiceWords.value(of: text, among: Product.Availability.allCases.map(\.rawValue))
    }

    /// `300 g`, `300g`, `0,3 kg`, `1.5kg`, `300 gram` → `300 g`, `0.3 kg`.
    static func weight(_ text: String) -> String? {
        let lower = text.lowercased().replacingOccurrences(of: ",", with: ".").filter { !$0.isWhitespace }
        let number = lower.prefix(while: { $0.isNumber || $0 == "." })
        let unit = lower.dropFirst(number.count)
        guard let value = Double(number), value > 0 else { return nil }
        let kind: String
        switch unit {
        case "g", "gr", "gram", "grams", "gam": kind = "g"
        case "kg", "kgs", "kilogram", "kilôgam": kind = "kg"
        default: return nil
        }
        let shown = value == value.rounded() ? String(Int(value)) : String(value)
        return "\(shown) \(kind)"
    }

    /// A year, or a recognition date as `30/06/2023`, `2023-06-30` or an Excel date serial.
    static func date(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let serial = Int(trimmed), serial > 3000 {
            // Excel counts days from 1899-12-30 (its phantom 1900-02-29 included).
            let seconds = (serial - 25569) * 86_400
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            guard let y = parts.year, let m = parts.month, let d = parts.day else { return nil }
            return (y, m, d)
        }
        let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        let (y, m, d) = parts[0].count == 4 ? (a, b, c) : (c, b, a)   // Vietnamese order: day/month/year
        guard (2000...2100).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return (y, m, d)
    }
}
