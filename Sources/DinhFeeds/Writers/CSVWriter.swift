/// RFC 4180 CSV: CRLF line ends; a field with a comma, quote, CR or LF is quoted with quotes doubled.
/// Every row must have the header's number of fields (checked by the caller's types, not at run time).
public struct CSVWriter: Sendable {
    public private(set) var output = ""
    public let separator: Character

    public init(separator: Character = ",") {
        self.separator = separator
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
        let needsQuotes = clean.unicodeScalars.contains { $0 == "\"" || $0 == "\r" || $0 == "\n" || Character($0) == separator }
        guard needsQuotes else { return clean }
        return "\"" + clean.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
