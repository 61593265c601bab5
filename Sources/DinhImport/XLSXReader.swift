import DinhCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The first worksheet of an Office Open XML workbook. Cells keep what the user sees: shared and
/// inline strings as typed (a text `=HYPERLINK(…)` stays text), formulas as their cached value.
enum XLSXReader {
    /// A workbook part larger than this is refused rather than inflated (a zip bomb, or not a product
    /// list): the size a part claims is checked first, then the bytes really inflated, since a zip
    /// bomb's header may claim a few bytes for gigabytes (see `ZipReader`).
    static let maxPartSize = Table.maximumBytes

    static func read(_ url: URL, displayPath: String) throws(DinhError) -> Table {
        // The whole file is read (a workbook is compressed: a product list is well under a megabyte).
        var status = stat()
        if stat(url.path, &status) == 0, Int64(status.st_size) > Int64(Table.maximumBytes) {
            throw DinhError("\(displayPath) is \(Int64(status.st_size) >> 20) MB, far more than a product list (10,000 products take about 1 MB as .xlsx); Dinh reads workbooks of up to \(Table.maximumBytes >> 20) MB: split the list, or check that it is the right file")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DinhError("cannot read the file \(displayPath); check that it exists and is not open in another program")
        }
        let archive: ZipReader
        do {
            archive = try ZipReader(data)
        } catch {
            throw DinhError("\(displayPath) is not a valid .xlsx file (it cannot be opened as a workbook); open it in Excel and save it again as Excel Workbook (.xlsx)")
        }
        return try read(archive, displayPath: displayPath)
    }

    private static func read(_ archive: ZipReader, displayPath: String) throws(DinhError) -> Table {
        func part(_ path: String) throws(DinhError) -> Data? {
            do {
                return try archive.part(path, limit: maxPartSize)
            } catch .tooLarge {
                throw DinhError("\(displayPath) unpacks to more than \(maxPartSize >> 20) MB (its part \(path)), far more than a product list (10,000 products take about 5 MB): it is not a product list, or it is damaged; open it in Excel and save it again, or split the list")
            } catch {
                throw DinhError("\(displayPath) is damaged (\(path) cannot be unpacked); open it in Excel and save it again")
            }
        }
        let sheetPath = try firstSheetPath(workbook: part("xl/workbook.xml"), relations: part("xl/_rels/workbook.xml.rels"))
        var sheet = try part(sheetPath)
        if sheet == nil { sheet = try part("xl/worksheets/sheet1.xml") }
        guard let sheet else {
            throw DinhError("\(displayPath) has no worksheet; put the product list on the first sheet")
        }
        var shared: [String] = []
        if let data = try part("xl/sharedStrings.xml") {
            guard let strings = SharedStringsParser.parse(data) else {
                throw DinhError("\(displayPath) holds more text than a spreadsheet can (a cell longer than Excel's 32,767 characters, or more than \(Table.maximumCells / 1_000_000) million texts): it is damaged or not a product list; open it in Excel and save it again")
            }
            shared = strings
        }
        switch SheetParser.parse(sheet, shared: shared) {
        case .rows(let rows): return Table(rows: rows)
        case .tooLarge: throw Table.tooLarge(displayPath)
        case .unreadable: throw DinhError("\(displayPath): the first worksheet cannot be read; open the file in Excel and save it again")
        }
    }

    /// `xl/worksheets/…` of the workbook's first `<sheet>`, through its relationship id.
    static func firstSheetPath(workbook: Data?, relations: Data?) -> String {
        let fallback = "xl/worksheets/sheet1.xml"
        guard let workbook, let relations else { return fallback }
        let sheets = AttributeCollector.collect(workbook, element: "sheet")
        let rels = AttributeCollector.collect(relations, element: "Relationship")
        guard let id = sheets.first?["r:id"] ?? sheets.first?.first(where: { $0.key.hasSuffix(":id") })?.value,
              let target = rels.first(where: { $0["Id"] == id })?["Target"] else { return fallback }
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        return "xl/" + target
    }
}

/// The attributes of every element of one name.
private final class AttributeCollector: NSObject, XMLParserDelegate {
    let element: String
    var found: [[String: String]] = []

    init(element: String) { self.element = element }

    static func collect(_ data: Data, element: String) -> [[String: String]] {
        let collector = AttributeCollector(element: element)
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = collector
        _ = parser.parse()
        return collector.found
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        if name == element || name.hasSuffix(":" + element) { found.append(attributes) }
    }
}

/// `<si>` items: plain `<t>` or rich-text runs `<r><t>`; phonetic hints `<rPh>` are not text.
private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false
    var phonetic = 0
    var tooLarge = false

    /// Excel's own limit on the characters of a cell.
    static let maximumCellLength = 32_767

    /// The strings, or nil when there are more than a sheet may have cells or one is longer than
    /// Excel allows (a hostile file: the strings would fill the memory).
    static func parse(_ data: Data) -> [String]? {
        let delegate = SharedStringsParser()
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = delegate
        _ = parser.parse()
        return delegate.tooLarge ? nil : delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "rPh": phonetic += 1
        case "t": inText = phonetic == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "si":
            strings.append(current)
            if strings.count > Table.maximumCells { tooLarge = true; parser.abortParsing() }
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText else { return }
        current += string
        if current.utf16.count > Self.maximumCellLength { tooLarge = true; parser.abortParsing() }
    }
}

/// `<row r="7"><c r="C7" t="s"><v>3</v></c>…`.
private final class SheetParser: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [Table.Row] = []
    var row: Table.Row?
    var column = 0
    var type = ""
    var value = "", formula = "", inline = ""
    var reading: String?
    var failed = false

    init(shared: [String]) { self.shared = shared }

    enum Outcome { case rows([Table.Row]), tooLarge, unreadable }
    var cellCount = 0
    var tooLarge = false

    static func parse(_ data: Data, shared: [String]) -> Outcome {
        let delegate = SheetParser(shared: shared)
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = delegate
        let parsed = parser.parse()
        if delegate.tooLarge { return .tooLarge }
        guard parsed, !delegate.failed else { return .unreadable }
        return .rows(delegate.rows)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        switch name {
        case "row":
            let number = attributes["r"].flatMap(Int.init) ?? (rows.last?.number ?? 0) + 1
            row = Table.Row(number: number, cells: [:])
            column = 0
        case "c":
            column = attributes["r"].flatMap(Self.column(of:)) ?? column + 1
            type = attributes["t"] ?? "n"
            value = ""; formula = ""; inline = ""
        case "v", "f": reading = name
        case "t": reading = "t"
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        switch reading {
        case "v": value += string
        case "f": formula += string
        case "t": inline += string
        default: return
        }
        if value.utf16.count + formula.utf16.count + inline.utf16.count > 2 * SharedStringsParser.maximumCellLength {
            tooLarge = true
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "f", "t": reading = nil
        case "c":
            row?.cells[column] = text()
            cellCount += 1
            if cellCount > Table.maximumCells { tooLarge = true; parser.abortParsing() }
        case "row":
            if let row { rows.append(row) }
            row = nil
            if rows.count > Table.maximumRows { tooLarge = true; parser.abortParsing() }
        default: break
        }
    }

    private func text() -> String {
        switch type {
        case "s":
            guard let index = Int(value), shared.indices.contains(index) else { failed = true; return "" }
            return shared[index]
        case "inlineStr": return inline
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "str", "e": return value.isEmpty && !formula.isEmpty ? "=" + formula : value
        default:
            // A formula never calculated (files written by scripts) shows as what was typed.
            if value.isEmpty && !formula.isEmpty { return "=" + formula }
            return Self.number(value)
        }
    }

    /// Numbers as a person would type them: `45000`, not `45000.0` or `4.5E4`.
    static func number(_ text: String) -> String {
        guard let double = Double(text), double.isFinite else { return text }
        if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
        return text
    }

    /// `C7` → 3.
    static func column(of reference: String) -> Int? {
        var column = 0
        for scalar in reference.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { break }
            column = column * 26 + Int(scalar.value - 64)
        }
        return column > 0 ? column : nil
    }
}
