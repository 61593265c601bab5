import DinhCore
import Foundation

/// A spreadsheet's first sheet as text cells, with the row and column numbers a user sees in
/// Excel, so every message can point at the cell to fix.
package struct Table: Sendable {
    package struct Row: Sendable {
        /// 1-based, as Excel numbers rows (for CSV: the record number).
        package var number: Int
        /// Column number (1-based) → text.
        package var cells: [Int: String]

        package init(number: Int, cells: [Int: String]) {
            self.number = number
            self.cells = cells
        }

        package var isEmpty: Bool { cells.values.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
    }

    package var rows: [Row]

    package init(rows: [Row]) { self.rows = rows }

    /// Reads `.csv` (or `.txt`) and `.xlsx` files.
    package static func read(_ url: URL, displayPath: String) throws(DinhError) -> Table {
        switch url.pathExtension.lowercased() {
        case "xlsx", "xlsm": return try XLSXReader.read(url, displayPath: displayPath)
        case "csv", "txt", "tsv":
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw DinhError("cannot read the file \(displayPath); check that it exists and is not open in another program")
            }
            return try CSVReader.read(data, displayPath: displayPath)
        case "xls":
            throw DinhError("\(displayPath) is an old Excel 97–2003 file; in Excel choose File › Save As › Excel Workbook (.xlsx) or CSV UTF-8, then import that file")
        default:
            throw DinhError("\(displayPath) is not a spreadsheet Dinh can read; give a .xlsx file or a .csv file (CSV UTF-8)")
        }
    }

    /// `A`, `B`, … `AA` for a column number.
    package static func columnLetters(_ column: Int) -> String {
        var n = column, letters = ""
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            n = (n - 1) / 26
        }
        return letters
    }
}

/// RFC 4180 CSV as Excel writes it: UTF-8 with or without BOM (or UTF-16 with BOM), `,` or `;`
/// (Excel in a Vietnamese locale) or tab separators, quoted fields with doubled quotes and line breaks.
enum CSVReader {
    static func read(_ data: Data, displayPath: String) throws(DinhError) -> Table {
        let decodedText: String
        let bytes = [UInt8](data.prefix(3))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let decoded = String(data: data.dropFirst(3), encoding: .utf8) else {
                throw DinhError("\(displayPath) says it is UTF-8 but is not; in Excel save it again as “CSV UTF-8 (Comma delimited)”")
            }
            decodedText = decoded
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let decoded = String(data: data, encoding: .utf16) else {
                throw DinhError("\(displayPath) could not be read as Unicode text; in Excel save it as “CSV UTF-8 (Comma delimited)”")
            }
            decodedText = decoded
        } else {
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw DinhError("\(displayPath) is not UTF-8 text (Vietnamese letters would be garbled); in Excel choose File › Save As › “CSV UTF-8 (Comma delimited)”, or import the .xlsx file itself")
            }
            decodedText = decoded
        }
        var text = decodedText
        var separator = guessSeparator(text)
        // Excel's `sep=;` hint line: it names the separator and is not shown as a row.
        if text.hasPrefix("sep="), let end = text.firstIndex(where: \.isNewline) {
            let hint = text[text.index(text.startIndex, offsetBy: 4)..<end]
            if hint.count == 1, let character = hint.first { separator = character }
            text = String(text[end...].drop(while: \.isNewline))
        }
        var rows: [Table.Row] = []
        var cells: [Int: String] = [:]
        var field = ""
        var quoted = false, wasQuoted = false
        var record = 1
        func endField() {
            cells[cells.count + 1] = field
            field = ""
            wasQuoted = false
        }
        func endRecord() {
            endField()
            rows.append(Table.Row(number: record, cells: cells))
            cells = [:]
            record += 1
        }
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !wasQuoted:
                quoted = true
                wasQuoted = true
            case "\r":
                let next = iterator.next()
                if next != "\n" { pending = next }
                endRecord()
            case "\n":
                endRecord()
            default:
                if Character(scalar) == separator { endField() } else { field.unicodeScalars.append(scalar) }
            }
        }
        if !field.isEmpty || !cells.isEmpty || wasQuoted { endRecord() }
        return Table(rows: rows)
    }

    /// The separator used most in the first line (outside quotes).
    static func guessSeparator(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for ch in text {
            if ch == "\"" { quoted.toggle(); continue }
            if quoted { continue }
            if ch == "\n" || ch == "\r" { break }
            if counts[ch] != nil { counts[ch, default: 0] += 1 }
        }
        return [";", "\t"].reduce(Character(",")) { best, candidate in (counts[candidate] ?? 0) > (counts[best] ?? 0) ? candidate : best }
    }
}
