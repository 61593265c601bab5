@testable import DinhImport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The workbook XML reader against libxml2 (Foundation's `XMLParser`) as the oracle: the same
/// elements, attributes and text for random documents full of references, CDATA, comments and
/// line ends. Broken documents are refused (the oracle cannot judge those: on Linux `XMLParser`
/// says yes to many, `<a>` or `<a/><b/>`, having stopped at the error).
@Suite struct XMLEventsTests {
    /// One event as both readers report it; texts between two element events are joined.
    enum Seen: Equatable, CustomStringConvertible {
        case start(String, [String: String]), end(String), text(String)
        var description: String {
            switch self {
            case .start(let name, let attributes): "<\(name) \(attributes.sorted { $0.key < $1.key })>"
            case .end(let name): "</\(name)>"
            case .text(let text): text.debugDescription
            }
        }
    }

    static func joined(_ events: [Seen]) -> [Seen] {
        var result: [Seen] = []
        for event in events {
            if case .text(let more) = event, case .text(let text)? = result.last {
                result[result.count - 1] = .text(text + more)
            } else if event != .text("") {
                result.append(event)
            }
        }
        return result
    }

    static func ours(_ xml: String) -> (ok: Bool, events: [Seen]) {
        var events: [Seen] = []
        let ok = XMLEvents.read(Data(xml.utf8)) { event in
            switch event {
            case .start(let name, let attributes): events.append(.start(name, attributes))
            case .end(let name): events.append(.end(name))
            case .text(let text): events.append(.text(text))
            }
            return true
        }
        return (ok, joined(events))
    }

    static func libxml2(_ xml: String) -> (ok: Bool, events: [Seen]) {
        let oracle = Oracle()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = oracle
        let ok = parser.parse()
        return (ok, joined(oracle.events))
    }

    final class Oracle: NSObject, XMLParserDelegate {
        var events: [Seen] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            events.append(.start(String(name.split(separator: ":").last ?? ""), attributes))
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            events.append(.end(String(name.split(separator: ":").last ?? "")))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { events.append(.text(string)) }
        func parser(_ parser: XMLParser, foundCDATA block: Data) { events.append(.text(String(decoding: block, as: UTF8.self))) }
    }

    /// A random well-formed document of the kinds a workbook part holds, and some it does not.
    struct Document {
        var generator: SplitMix

        static let pieces = ["a", "Mật ong", " ", "  ", "\t", "\n", "\r\n", "\r", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#233;",
                             "&#x1EA1;", "&#10;", "&#x9;", "'", "\"", ">", "Đình Đại Phùng", "45.000đ", "=SUM(A1:A2)", "😀"]
        static let names = ["a", "b", "si", "t", "r", "x:c", "row", "v", "rPh"]

        mutating func text(_ count: Int, inAttribute quote: Character? = nil) -> String {
            (0..<count).map { _ in
                let piece = Self.pieces[generator.next(Self.pieces.count)]
                return quote.map { piece == String($0) ? (piece == "'" ? "&apos;" : "&quot;") : piece } ?? piece
            }.joined()
        }

        mutating func element(depth: Int) -> String {
            let name = Self.names[generator.next(Self.names.count)]
            var tag = "<" + name
            var used: Set<String> = []
            for _ in 0..<generator.next(4) {
                let attribute = ["r", "t", "s", "val", "r:id", "xml:space"][generator.next(6)]
                guard used.insert(attribute).inserted else { continue }
                let quote: Character = generator.next(2) == 0 ? "\"" : "'"
                tag += [" ", "\n ", "\t"][generator.next(3)] + attribute + ["=", " = "][generator.next(2)]
                    + String(quote) + text(generator.next(4), inAttribute: quote) + String(quote)
            }
            if depth > 3 || generator.next(5) == 0 { return tag + (generator.next(2) == 0 ? "/>" : " />") }
            var body = ""
            for _ in 0..<generator.next(5) {
                switch generator.next(6) {
                case 0: body += element(depth: depth + 1)
                                // Not a CR inside: libxml2 fed as a stream keeps CR LF in CDATA, where XML 1.0
                // §2.11 (and this reader) make it a line feed, as everywhere else.
                case 1: body += "<![CDATA[" + ["x < y & z", "]]", "a\nb", "<t>", ""][generator.next(5)] + "]]>"
                case 2: body += "<!-- " + ["note", "a - b", "<c>"][generator.next(3)] + " -->"
                case 3: body += "<?pi data?>"
                default: body += text(generator.next(5))
                }
            }
            return tag + ">" + body + "</" + name + ">"
        }
    }

    @Test func randomDocumentsReadAsLibxml2ReadsThem() {
        var document = Document(generator: SplitMix(seed: 0x5EED))
        for round in 0..<1_500 {
            let xml = (round % 2 == 0 ? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n" : "")
                + (round % 3 == 0 ? "<!-- made by a test -->\n" : "") + document.element(depth: 0) + (round % 5 == 0 ? "\n" : "")
            let (ourVerdict, ourEvents) = Self.ours(xml)
            let (theirVerdict, theirEvents) = Self.libxml2(xml)
            #expect(ourVerdict && theirVerdict, "\(xml.debugDescription)")
            #expect(ourEvents == theirEvents, "\(xml.debugDescription)\nours:    \(ourEvents)\nlibxml2: \(theirEvents)")
            if ourEvents != theirEvents { return }
        }
    }

    @Test func brokenDocumentsAreRefused() {
        let broken = [
            "<a><b></a></b>", "<a>", "<a></b>", "<a>&nbsp;</a>", "<a>&#0;</a>", "<a>&#xD800;</a>", "<a>& b</a>", "<a b=\"<\"/>",
            "<a b=\"1\" b=\"2\"/>", "<a b=1/>", "<a b=\"1\"c=\"2\"/>", "<a/><b/>", "<a/>text", "text<a/>", "", "<a><![CDATA[x</a>",
            "<a><!-- x</a>", "</a>", "<a></a >x", "<>", "<a b/>",
        ]
        for xml in broken {
            #expect(!Self.ours(xml).ok, "\(xml.debugDescription)")
        }
        // A document type, which a workbook never has (its entities are how a small file fills the memory).
        let laughs = "<!DOCTYPE a [<!ENTITY l \"lol\"><!ENTITY l2 \"&l;&l;&l;\">]><a>&l2;</a>"
        #expect(!Self.ours(laughs).ok)
        // Nesting as deep as libxml2 allows by default, and no deeper: a part of nothing but
        // opening tags is refused at once, not held in memory as it grows.
        let deep = { (depth: Int) in String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) }
        #expect(Self.ours(deep(XMLEvents.maximumDepth)).ok && Self.libxml2(deep(XMLEvents.maximumDepth)).ok)
        #expect(!Self.ours(deep(XMLEvents.maximumDepth + 1)).ok)
        var opened = 0
        let endless = XMLEvents.read(Data(String(repeating: "<a>", count: 5_000_000).utf8)) { _ in opened += 1; return true }
        #expect(!endless && opened == XMLEvents.maximumDepth)
        // An empty CDATA section is no text at all.
        #expect(Self.ours("<a><![CDATA[]]>b<![CDATA[]]></a>").events == [.start("a", [:]), .text("b"), .end("a")])
        // CR LF in CDATA is a line end like any other.
        #expect(Self.ours("<a><![CDATA[x\r\ny\rz]]></a>").events == [.start("a", [:]), .text("x\ny\nz"), .end("a")])
    }

    @Test func utf16AndByteOrderMarks() {
        let xml = "<?xml version=\"1.0\"?><a b=\"Đ\">Mật ong &amp; chè</a>"
        let expected: [Seen] = [.start("a", ["b": "Đ"]), .text("Mật ong & chè"), .end("a")]
        var little = Data([0xFF, 0xFE]), big = Data([0xFE, 0xFF])
        for unit in xml.utf16 {
            little.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
            big.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        for data in [Data(xml.utf8), Data([0xEF, 0xBB, 0xBF]) + Data(xml.utf8), little, big] {
            var events: [Seen] = []
            let ok = XMLEvents.read(data) { event in
                switch event {
                case .start(let name, let attributes): events.append(.start(name, attributes))
                case .end(let name): events.append(.end(name))
                case .text(let text): events.append(.text(text))
                }
                return true
            }
            #expect(ok && events == expected, "\(events)")
        }
    }
}

/// The sheet reader on hostile parts: each is read in a moment, whatever its shape.
@Suite struct HostileWorkbookXMLTests {
    /// A cell of 20,000 characters followed by 40,000 CDATA pieces once cost a recount of the
    /// whole cell per piece (minutes for a part that compresses to a few hundred kilobytes). Judged
    /// against the same pieces each in a cell of its own, which nothing accumulates, in the
    /// thread's CPU time, so that other work on the machine does not change the verdict (counted as
    /// they come: a seventh of it; recounted: six times it).
    @Test func manyPiecesOfOneLongCellAreCountedAsTheyCome() {
        let long = String(repeating: "ậ", count: 20_000)
        let oneCell = "<worksheet><sheetData><row r=\"1\"><c t=\"str\"><v>" + long
            + String(repeating: "<![CDATA[x]]>", count: 40_000) + "</v></c></row></sheetData></worksheet>"
        let manyCells = "<worksheet><sheetData><row r=\"1\"><c t=\"str\"><v>" + long + "</v></c></row><row r=\"2\">"
            + String(repeating: "<c t=\"str\"><v><![CDATA[x]]></v></c>", count: 40_000) + "</row></sheetData></worksheet>"
        let accumulated = Self.threadCPUTime { _ = XLSXReader.sheetRows(Data(oneCell.utf8)) }
        let separate = Self.threadCPUTime { _ = XLSXReader.sheetRows(Data(manyCells.utf8)) }
        #expect(accumulated < separate, "the cell's length is counted again for every piece: \(accumulated) s against \(separate) s")
        #expect(XLSXReader.sheetRows(Data(oneCell.utf8))?.first?.cells[1]?.count == 60_000)
    }

    /// Seconds of CPU the calling thread spent in `work` (it runs synchronously, on this thread).
    static func threadCPUTime(_ work: () -> Void) -> Double {
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        work()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
    }

    /// Excel's extensions after the cells (`<extLst>`: sparklines, validations) hold `<xm:f>`
    /// formulas; they are not a cell's text, however many there are.
    @Test func formulasInExtensionsAreNoCellText() {
        let many = String(repeating: "<x14:sparkline><xm:f>Sheet1!A1:Z1</xm:f><xm:sqref>A1</xm:sqref></x14:sparkline>", count: 6_000)
        let xml = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Chè lam</t></is></c></row></sheetData>"
            + "<extLst><ext><x14:sparklineGroups><x14:sparklineGroup><x14:sparklines>" + many
            + "</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst></worksheet>"
        #expect(XLSXReader.sheetRows(Data(xml.utf8))?.first?.cells[1] == "Chè lam")
    }

    /// Column letters past XFD (Excel's last) overflowed an Int and stopped the program.
    @Test func aColumnPastTheLastIsNoColumn() {
        for reference in ["XFE1", String(repeating: "Z", count: 14), String(repeating: "Z", count: 40)] {
            XLSXReader.readEveryPart(Data("<worksheet><sheetData><row r=\"1\"><c r=\"\(reference)\"><v>1</v></c></row></sheetData></worksheet>".utf8))
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failure repeats.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
