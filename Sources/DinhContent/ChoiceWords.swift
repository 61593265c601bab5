import DinhCore

/// The words people write for the content format's choices — a relic's ranking, a product's
/// category and availability, a producer's kind — in Vietnamese as the guide glosses them, or in an
/// English form that is not the value: the loader suggests the value to write, the importer reads
/// a spreadsheet's cell as that value.
package enum ChoiceWords {
    /// The value `text` names among `allowed`, if any.
    package static func value(of text: String, among allowed: [String]) -> String? {
        table[key(text)].flatMap { allowed.contains($0) ? $0 : nil }
    }

    /// Letters and digits only, folded: `Thủ công mỹ nghệ` → `thucongmynghe`.
    package static func key(_ text: String) -> String { Fold.key(text) }

    private static let table: [String: String] = {
        let words: [(String, [String])] = [
            ("special-national", ["quoc gia dac biet", "di tich quoc gia dac biet"]),
            ("national", ["quoc gia", "di tich quoc gia", "cap quoc gia"]),
            ("provincial", ["cap tinh", "tinh", "di tich cap tinh"]),
            ("none", ["chua xep hang"]),
            ("food", ["thuc pham"]),
            ("beverage", ["beverages", "do uong"]),
            ("herbal", ["thao duoc", "duoc lieu"]),
            ("handicraft", ["handicrafts", "thu cong my nghe", "thu cong", "luu niem noi that trang tri", "vai va may mac"]),
            ("ornamental", ["sinh vat canh", "hoa cay canh"]),
            ("tourism", ["du lich", "dich vu du lich", "dich vu du lich cong dong du lich sinh thai va diem du lich"]),
            ("cooperative", ["hop tac xa", "htx"]),
            ("enterprise", ["doanh nghiep", "cong ty"]),
            ("household", ["ho kinh doanh", "ho san xuat", "ho gia dinh"]),
            ("in_stock", ["con hang", "in stock", "san sang", "co"]),
            ("out_of_stock", ["het hang", "out of stock", "tam het"]),
            ("preorder", ["dat truoc", "pre order", "nhan dat truoc"]),
        ]
        var table: [String: String] = [:]
        for (value, names) in words {
            table[key(value)] = value
            for name in names { table[key(name)] = value }
        }
        return table
    }()
}
