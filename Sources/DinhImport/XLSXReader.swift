import DinhCore
import Foundation

/// One worksheet of an Office Open XML workbook (the first, or the one named), and the names of
/// the others that hold rows, so that the import says they were not read. Cells keep what the user sees: shared and
/// inline strings as typed (a text `=HYPERLINK(…)` stays text), formulas as their cached value.
/// Text typed in a legacy Vietnamese font (TCVN3 `.VnTime…`, `VNI-…`) is converted to Unicode as
/// the font draws it: the font comes from the cell's style or a rich-text run's own `rFont`, and
/// for text in any other font from its letters (`LegacyVietnamese.guess`).
package enum XLSXReader {
    /// A workbook part larger than this is refused rather than inflated (a zip bomb, or not a product
    /// list): the size a part claims is checked first, then the bytes really inflated, since a zip
    /// bomb's header may claim a few bytes for gigabytes (see `ZipReader`).
    static let maxPartSize = Table.maximumBytes

    /// `sheet`: the worksheet's name as its tab shows it; nil for the first.
    static func read(_ url: URL, displayPath: String, sheet: String? = nil) throws(DinhError) -> Table {
        // The whole file is read (a workbook is compressed: a product list is well under a megabyte).
        var status = stat()
        if stat(url.path, &status) == 0, Int64(status.st_size) > Int64(Table.maximumBytes) {
            throw DinhError(ImportMessage.xlsxTooLarge(file: displayPath, megabytes: Int64(status.st_size) >> 20, limit: Table.maximumBytes >> 20))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DinhError(ImportMessage.cannotReadFile(file: displayPath))
        }
        let archive: ZipReader
        do {
            archive = try ZipReader(data)
        } catch {
            throw DinhError(ImportMessage.notXLSX(file: displayPath))
        }
        return try read(archive, displayPath: displayPath, sheet: sheet)
    }

    private static func read(_ archive: ZipReader, displayPath: String, sheet wanted: String?) throws(DinhError) -> Table {
        func part(_ path: String) throws(DinhError) -> Data? {
            do {
                return try archive.part(path, limit: maxPartSize)
            } catch .tooLarge {
                throw DinhError(ImportMessage.xlsxPartTooLarge(file: displayPath, limit: maxPartSize >> 20, part: path))
            } catch {
                throw DinhError(ImportMessage.xlsxDamaged(file: displayPath, part: path))
            }
        }
        let sheets = try worksheets(workbook: part("xl/workbook.xml"), relations: part("xl/_rels/workbook.xml.rels"))
        var chosen = 0
        if let wanted {
            // As the tab shows it, whatever its case or accents were typed as.
            guard let index = sheets.firstIndex(where: { $0.name.nfc == wanted.nfc }) ?? sheets.firstIndex(where: { Column.key($0.name) == Column.key(wanted) }) else {
                throw DinhError(ImportMessage.noSuchSheet(file: displayPath, sheet: wanted, sheets: sheets.map { "'\($0.name)'" }.joined(separator: ", ")))
            }
            chosen = index
        }
        var sheet = try part(sheets.indices.contains(chosen) ? sheets[chosen].path : "xl/worksheets/sheet1.xml")
        if sheet == nil && wanted == nil { sheet = try part("xl/worksheets/sheet1.xml") }
        guard let sheet else {
            throw DinhError(ImportMessage.noWorksheet(file: displayPath))
        }
        var fonts: [String?] = []
        if let data = try part("xl/styles.xml") { fonts = StylesParser.cellFonts(data) }
        var shared: [[TextRun]] = []
        if let data = try part("xl/sharedStrings.xml") {
            guard let strings = SharedStringsParser.parse(data) else {
                throw DinhError(ImportMessage.tooMuchText(file: displayPath, millions: Table.maximumCells / 1_000_000))
            }
            shared = strings
        }
        var table: Table
        switch SheetParser.parse(sheet, shared: shared, fonts: fonts) {
        case .rows(let rows, let conversions): table = Table(rows: rows, conversions: conversions)
        case .tooLarge: throw Table.tooLarge(displayPath)
        case .unreadable: throw DinhError(ImportMessage.sheetUnreadable(file: displayPath))
        }
        table.sheet = sheets.indices.contains(chosen) ? sheets[chosen].name : nil
        if sheets.indices.contains(chosen) { table.pictures = pictureCells(of: sheets[chosen].path, part: part) }
        // The other sheets' rows are counted, not imported: a second group of products on its own
        // tab ("Thủ công") would otherwise be left out without a word.
        for (index, other) in sheets.enumerated() where index != chosen {
            guard let data = try? part(other.path), case .rows(let rows, _) = SheetParser.parse(data, shared: shared, fonts: []) else { continue }
            let filled = rows.filter { !$0.isEmpty }.count
            if filled > 0 { table.otherSheets.append((other.name, filled)) }
        }
        return table
    }

    /// Every reader of a workbook's XML parts fed `data` as its part: the fuzz target
    /// `workbook-xml`, whose mutations reach the XML that a zip's compression hides from `xlsx`.
    package static func readEveryPart(_ data: Data) {
        _ = worksheets(workbook: data, relations: data)
        let fonts = StylesParser.cellFonts(data)
        _ = SheetParser.parse(data, shared: SharedStringsParser.parse(data) ?? [], fonts: fonts)
    }

    /// The rows of a worksheet part read alone (no shared strings, no styles), or nil when it is
    /// refused as too large or unreadable.
    static func sheetRows(_ data: Data) -> [Table.Row]? {
        if case .rows(let rows, _) = SheetParser.parse(data, shared: [], fonts: []) { return rows }
        return nil
    }

    /// The workbook's `<sheet>`s in tab order: each one's name and part (`xl/worksheets/…`, through
    /// its relationship id); those whose part is not found are left out.
    static func worksheets(workbook: Data?, relations: Data?) -> [(name: String, path: String)] {
        guard let workbook, let relations else { return [] }
        let rels = AttributeCollector.collect(relations, element: "Relationship")
        return AttributeCollector.collect(workbook, element: "sheet").compactMap { sheet in
            guard let id = sheet["r:id"] ?? sheet.first(where: { $0.key.hasSuffix(":id") })?.value,
                  let target = rels.first(where: { $0["Id"] == id })?["Target"] else { return nil }
            return (sheet["name"] ?? "", target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
        }
    }
}

extension XLSXReader {
    /// The cells (row, column; 1-based) where pictures pasted into the worksheet are anchored: its
    /// drawings, through the sheet's relationships. Photos pasted into a product's row are not read
    /// (the import takes photos by file name), and the import says so rather than drop them unseen.
    /// Parts it cannot read are passed over: the pictures only add a warning.
    static func pictureCells(of sheetPath: String, part: (String) throws(DinhError) -> Data?) -> [(row: Int, column: Int)] {
        let folder = sheetPath.split(separator: "/").dropLast().joined(separator: "/")
        let name = sheetPath.split(separator: "/").last.map(String.init) ?? ""
        guard let relations = (try? part("\(folder)/_rels/\(name).rels")) ?? nil else { return [] }
        var cells: [(row: Int, column: Int)] = []
        for relation in AttributeCollector.collect(relations, element: "Relationship")
        where relation["Type"]?.hasSuffix("/drawing") == true {
            guard let target = relation["Target"], let drawing = (try? part(resolve(target, from: folder))) ?? nil else { continue }
            // An anchor's `from` cell (0-based), kept when the anchor holds a picture.
            var inFrom = false, field = "", row = 0, column = 0, hasPicture = false
            XMLEvents.read(drawing) { event in
                switch event {
                case .start(let element, _):
                    switch element {
                    case "twoCellAnchor", "oneCellAnchor", "absoluteAnchor": (row, column, hasPicture) = (0, 0, false)
                    case "from": inFrom = true
                    case "row", "col": field = inFrom ? element : ""
                    case "pic": hasPicture = true
                    default: break
                    }
                case .text(let text):
                    if field == "row" { row = Int(text.trimmingCharacters(in: .whitespaces)) ?? row }
                    if field == "col" { column = Int(text.trimmingCharacters(in: .whitespaces)) ?? column }
                case .end(let element):
                    switch element {
                    case "from": inFrom = false
                    case "row", "col": field = ""
                    case "twoCellAnchor", "oneCellAnchor", "absoluteAnchor": if hasPicture { cells.append((row + 1, column + 1)) }
                    default: break
                    }
                }
                return cells.count < 10_000
            }
        }
        return cells.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    }

    /// A relationship's target (`../drawings/drawing1.xml`) as a part's path in the archive.
    private static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}

/// The attributes of every element of one name.
private enum AttributeCollector {
    static func collect(_ data: Data, element: String) -> [[String: String]] {
        var found: [[String: String]] = []
        XMLEvents.read(data) { event in
            if case .start(element, let attributes) = event { found.append(attributes) }
            return true
        }
        return found
    }
}

/// A piece of a cell's text and the font a rich-text run names for it (nil: the cell's font).
struct TextRun: Sendable {
    var font: String?
    var text: String
}

/// `xl/styles.xml`: the font name of each cell format (`cellXfs`), which a cell's `s` indexes.
private enum StylesParser {
    static func cellFonts(_ data: Data) -> [String?] {
        var fontNames: [String?] = []
        var formatFonts: [Int] = []
        var section = ""
        XMLEvents.read(data) { event in
            switch event {
            case .start(let name, let attributes):
                switch name {
                case "fonts", "cellXfs", "cellStyleXfs", "dxfs": section = name
                case "font" where section == "fonts": fontNames.append(nil)
                case "name" where section == "fonts": if !fontNames.isEmpty { fontNames[fontNames.count - 1] = attributes["val"] }
                case "xf" where section == "cellXfs":
                    // A bounded count: a hostile styles part does not grow this past a sheet's cells.
                    if formatFonts.count < 65_536 { formatFonts.append(attributes["fontId"].flatMap(Int.init) ?? 0) }
                default: break
                }
            case .end(let name): if name == section { section = "" }
            case .text: break
            }
            return true
        }
        return formatFonts.map { fontNames.indices.contains($0) ? fontNames[$0] : nil }
    }
}

/// Reads `<t>` texts as runs: `<r><rPr><rFont val="…"/></rPr><t>…</t></r>`, or a plain `<t>`.
/// Phonetic hints (`<rPh>`) are not text.
struct RunCollector {
    var runs: [TextRun] = []
    var length = 0
    private var runFont: String?
    private var inRun = false
    private var inText = false
    private var phonetic = 0

    mutating func reset() { self = RunCollector() }

    /// Whether the element was one of a text's.
    mutating func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "r": inRun = true; runFont = nil
        case "rFont" where inRun && phonetic == 0: runFont = attributes["val"]
        case "rPh": phonetic += 1
        case "t":
            inText = phonetic == 0
            if inText { runs.append(TextRun(font: inRun ? runFont : nil, text: "")) }
        default: break
        }
    }

    mutating func end(_ name: String) {
        switch name {
        case "r": inRun = false
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }

    mutating func characters(_ string: String) {
        guard inText, !runs.isEmpty else { return }
        runs[runs.count - 1].text += string
        length += string.utf16.count
    }
}

/// `<si>` items: plain `<t>` or rich-text runs `<r><t>`.
private enum SharedStringsParser {
    /// Excel's own limit on the characters of a cell.
    static let maximumCellLength = 32_767

    /// The strings, or nil when there are more than a sheet may have cells or one is longer than
    /// Excel allows (a hostile file: the strings would fill the memory).
    static func parse(_ data: Data) -> [[TextRun]]? {
        var strings: [[TextRun]] = []
        var current = RunCollector()
        var tooLarge = false
        XMLEvents.read(data) { event in
            switch event {
            case .start("si", _): current.reset()
            case .start(let name, let attributes): current.start(name, attributes)
            case .end("si"):
                strings.append(current.runs)
                tooLarge = strings.count > Table.maximumCells
            case .end(let name): current.end(name)
            case .text(let text):
                current.characters(text)
                tooLarge = current.length > maximumCellLength
            }
            return !tooLarge
        }
        return tooLarge ? nil : strings
    }
}

/// `<row r="7"><c r="C7" t="s"><v>3</v></c>…`.
private struct SheetParser {
    let shared: [[TextRun]]
    /// Cell format (`s`) → the legacy font it names, if any.
    let fonts: [LegacyVietnamese.Font?]
    var rows: [Table.Row] = []
    var row: Table.Row?
    var column = 0
    var type = ""
    var style = 0
    var value = "", formula = ""
    var inline = RunCollector()
    var reading: String?
    /// Between a cell's `<c>` and `</c>`, and the UTF-16 length of its value and formula so far.
    var inCell = false
    var valueLength = 0
    var failed = false
    var conversions: [LegacyEncoding: Int] = [:]
    var cellCount = 0
    var tooLarge = false
    /// Merged cells that span rows (`<mergeCell ref="B3:B6"/>`): first column, first and last row.
    var mergedDown: [(column: Int, rows: ClosedRange<Int>)] = []

    init(shared: [[TextRun]], fonts: [String?]) {
        self.shared = shared
        self.fonts = fonts.map { $0.flatMap(LegacyVietnamese.font(named:)) }
    }

    enum Outcome { case rows([Table.Row], conversions: [LegacyEncoding: Int]), tooLarge, unreadable }

    static func parse(_ data: Data, shared: [[TextRun]], fonts: [String?]) -> Outcome {
        var parser = SheetParser(shared: shared, fonts: fonts)
        let parsed = XMLEvents.read(data) { parser.take($0) }
        if parser.tooLarge { return .tooLarge }
        guard parsed, !parser.failed else { return .unreadable }
        return .rows(parser.fillingMergedCells(), conversions: parser.conversions)
    }

    /// Whether to read on.
    private mutating func take(_ event: XMLEvents.Event) -> Bool {
        switch event {
        case .start(let name, let attributes): start(name, attributes)
        case .text(let text):
            // Only a cell's own text counts (Excel's extensions after the cells hold formulas too).
            guard inCell else { break }
            switch reading {
            case "v": value += text
            case "f": formula += text
            default: inline.characters(text)
            }
            if reading != nil { valueLength += text.utf16.count }
            tooLarge = valueLength + inline.length > 2 * SharedStringsParser.maximumCellLength
        case .end(let name): end(name)
        }
        return !tooLarge
    }

    private mutating func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "row":
            let number = attributes["r"].flatMap(Int.init) ?? (rows.last?.number ?? 0) + 1
            row = Table.Row(number: number, cells: [:], hidden: ["1", "true"].contains(attributes["hidden"]))
            column = 0
        case "c":
            column = attributes["r"].flatMap(Self.column(of:)) ?? column + 1
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = ""; formula = ""; valueLength = 0; inline.reset()
            inCell = true
        case "v", "f": if inCell { reading = name }
        case "mergeCell" where !inCell:
            let corners = (attributes["ref"] ?? "").split(separator: ":").map(String.init)
            if corners.count == 2, let column = Self.column(of: corners[0]),
               let first = Self.row(of: corners[0]), let last = Self.row(of: corners[1]), first < last {
                mergedDown.append((column, first...last))
            }
        default: if inCell { inline.start(name, attributes) }
        }
    }

    /// The rows, with the value of a cell merged over several rows (a cooperative's name beside
    /// each of its products) in each row of the sheet it spans, as the sheet shows it; a merge
    /// across columns leaves the columns to its right empty, as they are not that field.
    private func fillingMergedCells() -> [Table.Row] {
        guard !mergedDown.isEmpty else { return rows }
        var rows = rows
        let index = Dictionary(rows.indices.map { (rows[$0].number, $0) }, uniquingKeysWith: { first, _ in first })
        let numbers = index.keys.sorted()
        // Overlapping merges (Excel writes none) may not make a small file fill millions of cells.
        var budget = Table.maximumCells
        for merge in mergedDown {
            guard let first = index[merge.rows.lowerBound], let value = rows[first].cells[merge.column], !value.isEmpty else { continue }
            // Only the sheet's rows within the merge: a merge may claim far more rows than hold anything.
            var low = 0, high = numbers.count
            while low < high {
                let middle = (low + high) / 2
                if numbers[middle] > merge.rows.lowerBound { high = middle } else { low = middle + 1 }
            }
            while low < numbers.count, numbers[low] <= merge.rows.upperBound, budget > 0 {
                rows[index[numbers[low]]!].cells[merge.column] = value
                low += 1
                budget -= 1
            }
        }
        return rows
    }

    private mutating func end(_ name: String) {
        switch name {
        case "v", "f": reading = nil
        case "c":
            inCell = false
            let cell = text()
            row?.cells[column] = cell
            cellCount += 1
            tooLarge = cellCount > Table.maximumCells
        case "row":
            if let row { rows.append(row) }
            row = nil
            tooLarge = rows.count > Table.maximumRows
        default: if inCell { inline.end(name) }
        }
    }

    private mutating func text() -> String {
        switch type {
        case "s":
            guard let index = Int(value), shared.indices.contains(index) else { failed = true; return "" }
            return legible(shared[index])
        case "inlineStr": return legible(inline.runs)
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "str": return value.isEmpty && !formula.isEmpty ? "=" + formula : legible([TextRun(text: value)])
        case "e": return value.isEmpty && !formula.isEmpty ? "=" + formula : value
        default:
            // A formula never calculated (files written by scripts) shows as what was typed.
            if value.isEmpty && !formula.isEmpty { return "=" + formula }
            return Self.number(value)
        }
    }

    /// A text cell as its fonts draw it, counting the cells converted from a legacy encoding.
    private mutating func legible(_ runs: [TextRun]) -> String {
        let cellFont = fonts.indices.contains(style) ? fonts[style] : nil
        var encoding: LegacyEncoding?
        var anyLegacyFont = false
        var text = ""
        for run in runs {
            let font = run.font.map(LegacyVietnamese.font(named:)) ?? cellFont
            anyLegacyFont = anyLegacyFont || font != nil
            if let converted = LegacyVietnamese.convert(run.text, font: font) {
                encoding = encoding ?? converted.encoding
                text += converted.text
            } else {
                text += run.text
            }
        }
        // Told by its letters only when no font of the cell says what it is.
        if !anyLegacyFont, let guessed = LegacyVietnamese.guess(text) {
            encoding = guessed.encoding
            text = guessed.text
        }
        if let encoding { conversions[encoding, default: 0] += 1 }
        return text
    }

    /// Numbers as a person would type them: `45000`, not `45000.0` or `4.5E4`.
    static func number(_ text: String) -> String {
        guard let double = Double(text), double.isFinite else { return text }
        if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
        return text
    }

    /// The row of a reference such as `B12`.
    static func row(of reference: String) -> Int? {
        Int(String(reference.unicodeScalars.drop { ("A"..."Z").contains($0) }))
    }

    /// `C7` → 3.
    static func column(of reference: String) -> Int? {
        var column = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            column = column * 26 + Int(scalar.value - 64)
            // Past XFD, Excel's last column, the reference is not one (and would overflow).
            guard column <= 16_384 else { return nil }
        }
        return column > 0 ? column : nil
    }
}
