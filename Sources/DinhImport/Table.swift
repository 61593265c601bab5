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
        /// Hidden in the workbook (`<row hidden="1">`): a row the cooperative put out of sight.
        package var hidden: Bool

        package init(number: Int, cells: [Int: String], hidden: Bool = false) {
            self.number = number
            self.cells = cells
            self.hidden = hidden
        }

        package var isEmpty: Bool { cells.values.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
    }

    package var rows: [Row]
    /// The worksheet read, by its name (a workbook's); nil for a CSV file.
    package var sheet: String?
    /// A workbook's other worksheets that hold rows, with the count of their rows that are not empty.
    package var otherSheets: [(name: String, rows: Int)] = []
    /// Cells (row, column) where a workbook has pictures pasted: the import does not read them.
    package var pictures: [(row: Int, column: Int)] = []
    /// Cells whose text was converted to Unicode, by the legacy encoding it was typed in.
    package var conversions: [LegacyEncoding: Int]

    package init(rows: [Row], conversions: [LegacyEncoding: Int] = [:]) {
        self.rows = rows
        self.conversions = conversions
    }

    // Bounds on what a spreadsheet may make the importer hold, so that a hostile or wrong file is
    // refused with a message rather than filling the memory: far above any cooperative's list.
    /// A CSV file, or an unpacked part of a workbook.
    static let maximumBytes = 64 << 20
    static let maximumRows = 50_000
    static let maximumCells = 1_000_000

    static func tooLarge(_ displayPath: String) -> DinhError {
        DinhError(ImportMessage.tooManyRows(file: displayPath, thousands: maximumRows / 1000, millionCells: maximumCells / 1_000_000))
    }

    /// Reads `.csv` (or `.txt`) and `.xlsx` files; of a workbook, the worksheet named `sheet`, or the first.
    package static func read(_ url: URL, displayPath: String, sheet: String? = nil) throws(DinhError) -> Table {
        switch url.pathExtension.lowercased() {
        case "xlsx", "xlsm": return try XLSXReader.read(url, displayPath: displayPath, sheet: sheet)
        case "csv", "txt", "tsv":
            var status = stat()
            if stat(url.path, &status) == 0, Int64(status.st_size) > Int64(maximumBytes) {
                throw DinhError(ImportMessage.csvTooLarge(file: displayPath, megabytes: Int64(status.st_size) >> 20, limit: maximumBytes >> 20))
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw DinhError(ImportMessage.cannotReadFile(file: displayPath))
            }
            return try CSVReader.read(data, displayPath: displayPath)
        case "xls":
            throw DinhError(ImportMessage.oldExcel(file: displayPath))
        default:
            throw DinhError(ImportMessage.notASpreadsheet(file: displayPath))
        }
    }

    /// CSV text's bytes, as `read(_:displayPath:)` reads a `.csv` file.
    package static func read(csv data: Data, displayPath: String) throws(DinhError) -> Table {
        if data.count > maximumBytes { throw tooLarge(displayPath) }
        return try CSVReader.read(data, displayPath: displayPath)
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
/// A file that is not UTF-8 was saved by an old Excel or program in Windows-1258, or typed in the
/// TCVN3 or VNI fonts: it is read in whichever of these gives Vietnamese words (`legacyText`).
/// In a UTF-8 file, a cell copied from a legacy font ("Ninh B×nh") is told by its letters.
enum CSVReader {
    static func read(_ data: Data, displayPath: String) throws(DinhError) -> Table {
        let decodedText: String
        let bytes = [UInt8](data.prefix(3))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let decoded = String(data: data.dropFirst(3), encoding: .utf8) else {
                throw DinhError(ImportMessage.falseUTF8(file: displayPath))
            }
            decodedText = decoded
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let decoded = String(data: data, encoding: .utf16) else {
                throw DinhError(ImportMessage.notUnicode(file: displayPath))
            }
            decodedText = decoded
        } else {
            if let decoded = String(data: data, encoding: .utf8) {
                decodedText = decoded
            } else {
                let (encoding, decoded) = try legacyText(data, displayPath: displayPath)
                var table = try read(text: decoded, displayPath: displayPath, guessing: false)
                table.conversions[encoding] = table.rows.reduce(0) { sum, row in
                    sum + row.cells.values.filter { $0.unicodeScalars.contains { $0.value >= 0x80 } }.count
                }
                return table
            }
        }
        return try read(text: decodedText, displayPath: displayPath, guessing: true)
    }

    /// The text of a file that is not UTF-8, in the legacy encoding whose decoding reads as
    /// Vietnamese: the one with the most words that are Vietnamese syllables, provided at most one
    /// word in ten is not one (a name, a unit) and no other encoding comes as close.
    static func legacyText(_ data: Data, displayPath: String) throws(DinhError) -> (LegacyEncoding, String) {
        let sample = data.prefix(1 << 20)
        var scored: [(encoding: LegacyEncoding, valid: Int, invalid: Int)] = []
        for encoding in [LegacyEncoding.windows1258, .tcvn3, .vni] {
            let text: String
            switch encoding {
            case .windows1258: text = LegacyVietnamese.decodeWindows1258(bytes: sample)
            case .tcvn3: text = LegacyVietnamese.decodeTCVN3(bytes: sample)
            case .vni: text = LegacyVietnamese.decodeVNI(bytes: sample)
            }
            let words = LegacyVietnamese.words(text).filter { $0.unicodeScalars.contains { $0.value >= 0x80 } }
            let valid = words.filter(LegacyVietnamese.isSyllable).count
            scored.append((encoding, valid, words.count - valid))
        }
        let plausible = scored.filter { $0.valid > 0 && $0.invalid * 10 <= $0.valid + $0.invalid }.sorted { $0.valid - $0.invalid > $1.valid - $1.invalid }
        guard let best = plausible.first, plausible.dropFirst().first.map({ $0.valid - $0.invalid < best.valid - best.invalid }) ?? true else {
            throw DinhError(ImportMessage.notUTF8(file: displayPath))
        }
        switch best.encoding {
        case .windows1258: return (best.encoding, LegacyVietnamese.decodeWindows1258(bytes: data))
        case .tcvn3: return (best.encoding, LegacyVietnamese.decodeTCVN3(bytes: data))
        case .vni: return (best.encoding, LegacyVietnamese.decodeVNI(bytes: data))
        }
    }

    /// `guessing`: each cell holding letters of a legacy font is converted when its letters say so.
    static func read(text decodedText: String, displayPath: String, guessing: Bool) throws(DinhError) -> Table {
        var conversions: [LegacyEncoding: Int] = [:]
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
        var cellCount = 0
        func endField() {
            if guessing, let converted = LegacyVietnamese.guess(field) {
                field = converted.text
                conversions[converted.encoding, default: 0] += 1
            }
            cells[cells.count + 1] = field
            field = ""
            wasQuoted = false
            cellCount += 1
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
            // Excel's limit on a cell's characters (with room for quotes): a longer field is not a
            // product's, and is most often a quote opened and never closed.
            if field.utf8.count > 4 * 32_767 {
                throw DinhError(ImportMessage.cellTooLong(file: displayPath, row: record))
            }
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
            if cellCount > Table.maximumCells || rows.count > Table.maximumRows { throw Table.tooLarge(displayPath) }
        }
        if !field.isEmpty || !cells.isEmpty || wasQuoted { endRecord() }
        return Table(rows: rows, conversions: conversions)
    }

    /// The separator used most in the first line (outside quotes), judged on its first 64 KB: the
    /// separators and quotes are ASCII, so bytes suffice, and a file without line breaks is not
    /// read to its end for this.
    static func guessSeparator(_ text: String) -> Character {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in text.utf8.prefix(1 << 16) {
            if byte == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        let best = [UInt8(ascii: ";"), UInt8(ascii: "\t")].reduce(UInt8(ascii: ",")) { best, candidate in (counts[candidate] ?? 0) > (counts[best] ?? 0) ? candidate : best }
        return Character(Unicode.Scalar(best))
    }
}
