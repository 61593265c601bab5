import DinhCore

/// RFC 4180 CSV: CRLF line ends; a field with a comma, quote, CR or LF is quoted with quotes doubled.
/// Every row must have the header's number of fields (checked by the caller's types, not at run time).
///
/// A field that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return, and is not a plain number) is written with a `'` in front and quoted, as OWASP
/// advises against CSV injection: cooperatives open the catalog in Excel or LibreOffice before they
/// upload it. Dinh's URLs, prices, ids and codes never start with those characters, so only text
/// fields (names, descriptions, brands) can ever get the `'`.
public struct CSVWriter: Sendable {
    public private(set) var output = ""
    public let separator: Character
    /// Off only for files no spreadsheet will open (another program's input that must be verbatim).
    public let neutralisesFormulas: Bool

    public init(separator: Character = ",", neutralisesFormulas: Bool = true) {
        self.separator = separator
        self.neutralisesFormulas = neutralisesFormulas
        output.reserveCapacity(1 << 16)
    }

    public mutating func row(_ fields: [String]) {
        var first = true
        for field in fields {
            if !first { output.append(separator) }
            first = false
            output += quote(field)
        }
        output += "\r\n"
    }

    private func quote(_ field: String) -> String {
        let clean = PlainText.removingControls(field)
        if neutralisesFormulas, SpreadsheetFormula.startsLikeFormula(clean) {
            return "\"'" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        let needsQuotes = clean.unicodeScalars.contains { $0 == "\"" || $0 == "\r" || $0 == "\n" || Character($0) == separator }
        guard needsQuotes else { return clean }
        return "\"" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
