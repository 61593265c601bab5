/// Text that a spreadsheet program (Excel, LibreOffice Calc, Google Sheets) takes for a formula
/// when it opens a CSV file: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return. A product named `=HYPERLINK("http://evil.example","Chè lam")`, pasted from a sheet,
/// would be a live link (or worse) in the catalog a cooperative opens before uploading it.
///
/// Following OWASP's advice on CSV injection, such a cell is written with a `'` in front, which
/// spreadsheets read as "this is text", and quoted. Numbers (`-5`, `+84`) are left as they are:
/// a spreadsheet reads them as numbers, never as formulas.
package enum SpreadsheetFormula {
    /// Whether a spreadsheet would read this text, put alone in a cell, as a formula.
    package static func startsLikeFormula<S: StringProtocol>(_ text: S) -> Bool {
        guard let first = text.utf8.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
            return !isPlainNumber(text)
        default:
            return false
        }
    }

    /// `-5`, `+3`, `-1.5`: a sign, digits and at most one decimal point.
    static func isPlainNumber<S: StringProtocol>(_ text: S) -> Bool {
        var digits = 0, points = 0, last: UInt8 = 0
        for (index, byte) in text.utf8.enumerated() {
            last = byte
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "-") where index == 0, UInt8(ascii: "+") where index == 0: continue
            case UInt8(ascii: ".") where digits > 0 && points == 0: points += 1
            default: return false
            }
        }
        return digits > 0 && last != UInt8(ascii: ".")
    }

    /// The text as a CSV cell shows it: with a `'` in front when it starts like a formula.
    package static func neutralised(_ text: String) -> String {
        startsLikeFormula(text) ? "'" + text : text
    }

    /// The warning of `dinh check` for a field whose text starts like a formula, saying how the
    /// marketplace CSV writes it and what to do. `field` is how the message names it (`'name'`);
    /// nil for the description.
    package static func warning(field: String?, text: String) -> Message {
        let first = text.unicodeScalars.first.map { String($0) } ?? ""
        var shown = String(text.prefix(40))
        if shown.count < text.count { shown += "…" }
        return Message(CoreMessage.formulaStart(field: field, first: first, shown: neutralised(shown)))
    }
}
