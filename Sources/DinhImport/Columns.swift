import DinhContent
import DinhCore
import Foundation

/// The columns an import understands, recognised from Vietnamese or English headers whatever
/// their case, accents or spacing (`Tên sản phẩm`, `TEN SAN PHAM`, `Name`).
enum Column: String, CaseIterable, Sendable {
    case name, englishName, price, salePrice, stars, year, date, decision, category, producer, description
    case images, code, sku, unit, weight, gtin, brand, availability, stock, phone
    /// Links to the product's shop on a marketplace: named as `Product.Marketplace`.
    case shopee, lazada, tiki, tiktok, zalo

    static let headers: [Column: [String]] = [
        .name: ["tên sản phẩm", "tên", "sản phẩm", "name", "product name", "product", "title"],
        .englishName: ["tên tiếng anh", "english name", "name en", "tên (en)"],
        .price: ["giá", "giá bán", "giá bán lẻ", "đơn giá", "giá niêm yết", "price"],
        .salePrice: ["giá khuyến mãi", "giá khuyến mại", "giá giảm", "sale price", "sale_price"],
        .stars: ["số sao ocop", "số sao", "hạng sao", "sao", "hạng ocop", "hạng", "xếp hạng ocop", "xếp hạng", "stars", "ocop stars", "rating"],
        .year: ["năm công nhận", "năm", "năm đạt", "năm đạt ocop", "năm xếp hạng", "năm được công nhận", "year", "ocop year"],
        .date: ["ngày công nhận", "ngày quyết định", "date", "recognition date"],
        .decision: ["quyết định", "số quyết định", "decision"],
        .category: ["nhóm", "nhóm sản phẩm", "nhóm ocop", "phân nhóm", "phân loại", "loại sản phẩm", "ngành hàng", "category", "group"],
        // District OCOP lists name the producer "chủ thể" (the programme's word), often with its kind.
        .producer: ["HTX", "tên htx", "hợp tác xã", "tên hợp tác xã", "nhà sản xuất", "chủ thể", "tên chủ thể", "cơ sở sản xuất", "đơn vị sản xuất",
                      "htx/nhà sản xuất", "chủ thể sản xuất", "tên chủ thể sản xuất", "chủ thể ocop", "tên chủ thể ocop", "chủ thể/htx",
                      "tên chủ thể/htx", "htx/chủ thể", "tên htx/chủ thể", "tên cơ sở", "cơ sở", "doanh nghiệp", "tên doanh nghiệp",
                      "producer", "manufacturer"],
        .description: ["mô tả", "mô tả sản phẩm", "giới thiệu", "description"],
        .images: ["ảnh", "hình ảnh", "hình", "images", "image", "photos", "photo"],
        .code: ["mã", "mã sản phẩm", "mã qr", "code"],
        .sku: ["sku", "mã sku", "mã hàng"],
        .unit: ["đơn vị", "đơn vị tính", "quy cách", "unit"],
        .weight: ["khối lượng", "trọng lượng", "weight", "net weight"],
        .gtin: ["gtin", "mã vạch", "barcode", "ean"],
        .brand: ["thương hiệu", "nhãn hiệu", "brand"],
        // Not `stock`: that is the count's own name (`Column.stock`).
        .availability: ["tình trạng", "tình trạng hàng", "availability"],
        // How many are in stock: 0 is out of stock (the content format has no count, only `availability`).
        .stock: ["số lượng tồn", "số lượng tồn kho", "tồn kho", "số lượng", "tồn", "quantity", "stock quantity", "qty"],
        // The producer's: buyers call or message it (Zalo is a phone number's chat).
        .phone: ["số điện thoại", "sđt", "số đt", "điện thoại", "điện thoại liên hệ", "hotline", "phone", "phone number", "telephone"],
        .shopee: ["shopee", "link shopee", "shopee link", "gian hàng shopee"],
        .lazada: ["lazada", "link lazada", "lazada link", "gian hàng lazada"],
        .tiki: ["tiki", "link tiki", "tiki link", "gian hàng tiki"],
        .tiktok: ["tiktok", "tiktok shop", "link tiktok", "link tiktok shop", "tiktok link"],
        .zalo: ["zalo", "link zalo", "zalo link", "zalo oa"],
    ]

    static let required: [Column] = [.name, .price, .stars, .category, .producer]

    /// The marketplace a shop link column is for.
    var marketplace: Product.Marketplace? { Product.Marketplace(rawValue: rawValue) }

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
        return byKey[key(withoutUnit(header))]
    }

    /// The unit a heading names in brackets, lower-cased: `Khối lượng (g)` → `g`.
    static func unit(in header: String) -> String? {
        guard let open = header.firstIndex(where: { $0 == "(" || $0 == "[" }),
              let close = header[open...].firstIndex(where: { $0 == ")" || $0 == "]" }) else { return nil }
        return header[header.index(after: open)..<close].trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// A heading without the unit in brackets: `Giá bán (đồng)` → `Giá bán`.
    static func withoutUnit(_ header: String) -> String {
        String(header.prefix(while: { $0 != "(" && $0 != "[" })).trimmingCharacters(in: .whitespaces)
    }

    /// How many đồng a bare number in a price column is, from the heading's unit: `Giá bán (nghìn đồng)`,
    /// `Giá (1.000 đ)`, `Giá (k)`, `Giá (x1000)` → 1,000; `Giá (triệu đồng)` → 1,000,000; else 1.
    static func priceScale(in header: String) -> Int {
        guard let unit = unit(in: header) else { return 1 }
        switch key(unit) {
        case "nghindong", "ngandong", "nghind", "ngand", "nghin", "ngan", "1000d", "1000dong", "1000vnd", "k", "x1000": return 1000
        case "trieudong", "trieud", "trieu", "tr": return 1_000_000
        default: return 1
        }
    }

    /// The heading among `unknown` (column number, heading) most likely meant for one of `columns`:
    /// one a slip of the keyboard from a name Dinh knows for them (`Gía bán`), else one holding such
    /// a name (`Số sao đạt được`); nil when none is.
    static func meant(for columns: [Column], among unknown: [(number: Int, header: String)]) -> (number: Int, header: String)? {
        let names = columns.flatMap { headers[$0] ?? [] }.map(key)
        let keys = unknown.map { key(withoutUnit($0.header)) }
        if let index = keys.firstIndex(where: { DidYouMean.suggestion(for: $0, among: names) != nil }) { return unknown[index] }
        // Three letters at least: `sao` or `htx` say what a column is, `ma` (mã) is in too many words.
        return keys.firstIndex { key in names.contains { $0.count >= 3 && key.contains($0) } }.map { unknown[$0] }
    }

    /// Headings of columns a list often has and an import has no use for (row numbers, notes).
    static func isIgnorable(_ header: String) -> Bool {
        ["stt", "tt", "sott", "sothutu", "no", "ghichu", "note", "notes"].contains(key(header))
    }
}

/// Values as people type them into spreadsheets.
enum CellValue {
    /// `45000`, `45.000`, `45.000đ`, `45,000 VND`, `45 000 ₫`, `1.250.000 đồng` (`WrittenPrice`); in
    /// thousands or millions as people say prices: `45k`, `45 nghìn`, `1,2 triệu`, `1.2tr`. A bare
    /// number is in `scale` đồng (the heading's unit, `Giá (nghìn đồng)`). Nil when the text is no
    /// price, or could be read two ways: `1.250 triệu` is 1.25 or 1,250 million.
    static func price(_ text: String, scale: Int = 1) -> Int? {
        var number = text.lowercased().nfc.filter { !$0.isWhitespace }
        var scale = scale
        if let (word, factor) = priceMultipliers.first(where: { number.hasSuffix($0.word) }) {
            number.removeLast(word.count)
            scale = factor
        } else if scale == 1 || !number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) {
            return WrittenPrice.dong(text)  // in đồng, also in a column of thousands when the cell says đ
        }
        // A whole number, or one with a decimal part of one or two digits: three would be Vietnamese
        // thousands grouping as much as decimals.
        let parts = number.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "," })
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.count == 1 || parts[1].count < 3, let whole = Int(parts[0]) else { return nil }
        let decimals = parts.count == 2 ? parts[1].count : 0
        let divisor = decimals == 0 ? 1 : decimals == 1 ? 10 : 100
        let fraction = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        let (wholeDong, overflow) = whole.multipliedReportingOverflow(by: scale)
        guard !overflow, (fraction * scale) % divisor == 0 else { return nil }
        let dong = wholeDong + fraction * scale / divisor
        return dong > 0 ? dong : nil
    }

    /// A number without a word or a currency after it (`45`, `45000`, `1.250`, `0,5`): what a price
    /// heading's unit multiplies.
    static func isBareNumber(_ text: String) -> Bool {
        let number = text.filter { !$0.isWhitespace }
        return !number.isEmpty && number.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }
    }

    /// The words for thousands and millions after a price (`45k`, `1,2 triệu`), spaces removed;
    /// longest first, so that `nghìnđồng` is taken whole.
    private static let priceMultipliers: [(word: String, factor: Int)] = [
        ("triệuđồng", 1_000_000), ("nghìnđồng", 1000), ("ngànđồng", 1000), ("triệuđ", 1_000_000), ("nghìnđ", 1000), ("ngànđ", 1000),
        ("triệu", 1_000_000), ("nghìn", 1000), ("ngàn", 1000), ("trđ", 1_000_000), ("tr", 1_000_000), ("k", 1000),
    ]

    /// `4`, `4 sao`, `4*`, `★★★★`.
    static func stars(_ text: String) -> Int? {
        let stars = text.filter { $0 == "★" || $0 == "⭐" }.count
        if stars > 0 { return stars }
        let digits = text.filter { $0.isASCII && $0.isNumber }
        let rest = Column.key(text).filter { !$0.isNumber }
        guard digits.count == 1, ["", "sao", "star", "stars"].contains(rest) else { return nil }
        return Int(digits)
    }

    /// The OCOP programme's six groups by their numbers (Decision 490/QĐ-TTg): food, drinks,
    /// herbs, textiles and clothing, souvenirs-furniture-decoration (both handicraft here), and
    /// rural tourism. Ornamental plants have no number of their own.
    private static let officialGroups = ["food", "beverage", "herbal", "handicraft", "handicraft", "tourism"]

    /// The category a cell names (`ChoiceWords`), or its OCOP group's number (`Nhóm 1`, `1`).
    static func category(_ text: String) -> String? {
        let categories = Product.Category.allCases.map(\.rawValue)
        if let value = ChoiceWords.value(of: text, among: categories) { return value }
        var key = Column.key(text)
        if key.hasPrefix("nhom") { key.removeFirst(4) }
        // `5`, `Nhóm 5`, or the number before the group's name (`6 - Dịch vụ du lịch cộng đồng`).
        let digits = key.prefix { $0.isNumber }
        if let number = Int(digits), officialGroups.indices.contains(number - 1) {
            return officialGroups[number - 1]
        }
        key.removeFirst(digits.count)
        if key.hasPrefix("dichvudulich") || key.hasPrefix("dulich") { return "tourism" }
        return ChoiceWords.value(of: String(key), among: categories)
    }

    static func availability(_ text: String) -> String? {
        ChoiceWords.value(of: text, among: Product.Availability.allCases.map(\.rawValue))
    }

    /// A count in stock: `12`, `1.200`, `0`.
    static func stock(_ text: String) -> Int? {
        let digits = text.filter { !$0.isWhitespace && $0 != "." && $0 != "," }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// One phone number as people write it (`PhoneNumber`), and nothing else: the page dials the
    /// cell's digits, so words (whose digits might be anything) are not imported as a phone.
    static func phone(_ text: String) -> String? {
        let number = text.trimmingCharacters(in: .whitespaces)
        let rest = number.hasPrefix("+") ? number.dropFirst() : Substring(number)
        guard rest.allSatisfy({ ($0.isASCII && $0.isNumber) || " .-()".contains($0) }) else { return nil }
        return PhoneNumber.isOne(number) ? number : nil
    }

    /// A shop's address, as a page's `buy:` link must be (`WebAddress`); in the Zalo column also
    /// a phone number, which Zalo opens as `https://zalo.me/<number>`.
    static func shopLink(_ text: String, marketplace: Product.Marketplace) -> String? {
        if WebAddress.isValid(text) { return text }
        guard marketplace == .zalo, PhoneNumber.restoringZero(text) == nil, let number = phone(text) else { return nil }
        return "https://zalo.me/" + number.filter(\.isNumber)
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

    /// A year as written in a year column: `2024`, `năm 2024`, `Năm 2024`.
    static func year(_ text: String) -> Int? {
        var rest = text.nfc.trimmingCharacters(in: .whitespaces)
        if rest.lowercased().hasPrefix("năm") { rest.removeFirst(3) }
        return Int(rest.filter { !$0.isWhitespace })
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
