import DinhTestSupport
import Foundation
import Testing

/// *1.1* Meeting packs through the real `dinh`: a hidden pack and a listed one, built side by side.
/// The pages are valid HTML and pass axe, carry `noindex`, publish each PDF byte for byte, and a
/// hidden pack is in no menu, list, sitemap, feed, search index or sheet of placards.
@Suite(.serialized) struct MeetingBuildTests {
    let fixture: SiteFixture

    /// An unlisted pack (the default) whose second document has the name an office gives it.
    static let hidden = """
    ---
    code: HOP2612
    title:
      vi: Họp Ủy ban nhân dân xã tháng 12
      en: December meeting of the commune committee
    date: 2026-12-15
    time: "08:00"
    place: Hội trường UBND xã
    documents:
      - {file: chuong-trinh.pdf, title: {vi: Chương trình họp, en: Agenda}}
      - {file: "Tờ trình số 01.pdf", title: "Tờ trình số 01/TTr-UBND"}
    ---
    Ghi chú cho đại biểu.
    """

    static let listed = """
    ---
    code: HOP2701
    title: Hội nghị tiếp xúc cử tri tháng 1
    date: 2027-01-08
    listed: true
    documents:
      - {file: bao-cao.pdf, title: Báo cáo}
    ---
    """

    /// 1.2 MB (1,258,291 bytes): "1,2 MB" in Vietnamese, "1.2 MB" in English.
    static let large = TinyPDF.data("To trinh so 01", padding: 1_258_291 - TinyPDF.data("To trinh so 01").count - 2)

    init() throws {
        fixture = try SiteFixture()
        try fixture.write("meetings/hop-thang-12/index.md", Self.hidden)
        try fixture.write("meetings/hop-thang-12/index.en.md", "A note for delegates.\n")
        try fixture.write("meetings/hop-thang-12/chuong-trinh.pdf", data: TinyPDF.data("Chuong trinh hop"))
        try fixture.write("meetings/hop-thang-12/Tờ trình số 01.pdf", data: Self.large)
        try fixture.write("meetings/tiep-xuc-cu-tri/index.md", Self.listed)
        try fixture.write("meetings/tiep-xuc-cu-tri/bao-cao.pdf", data: TinyPDF.data("Bao cao"))
    }

    var output: URL { fixture.directory.file("public") }
    func build() throws -> ProcessResult { try fixture.dinh("build", "content", "--output", "public", "--quiet") }
    func text(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }

    @Test func thePackPublishesEveryDocumentAsItIs() throws {
        // `dinh check` holds a product without a photo to the marketplaces' rules: none here.
        try fixture.remove("products/che-lam")
        let result = try build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("error"), "\(result.stderr)")
        let vi = try text("meetings/hop-thang-12/index.html")
        let en = try text("en/meetings/hop-thang-12/index.html")
        for page in [vi, en] {
            let head = try #require(page.components(separatedBy: "</head>").first)
            #expect(head.contains("<meta name=\"robots\" content=\"noindex\">"))
        }
        // Agenda order, titles, sizes as each language writes them, links that open the PDFs.
        #expect(vi.contains("<time datetime=\"2026-12-15T08:00\">Thứ Ba, ngày 15/12/2026, lúc 08:00</time>"), "\(vi)")
        #expect(en.contains("Tuesday 15 December 2026, 08:00"))
        #expect(vi.contains("Hội trường UBND xã") && vi.contains("Ghi chú cho đại biểu"))
        let agenda = try #require(vi.range(of: "Chương trình họp")), second = try #require(vi.range(of: "Tờ trình số 01/TTr-UBND"))
        #expect(agenda.lowerBound < second.lowerBound, "documents in agenda order")
        #expect(vi.contains("PDF · 1,2 MB") && en.contains("PDF · 1.2 MB"), "\(vi)")
        #expect(en.contains(">Agenda<") && en.contains("A note for delegates"))
        #expect(vi.contains("href=\"T%E1%BB%9D%20tr%C3%ACnh%20s%E1%BB%91%2001.pdf\""), "a document's name is percent-encoded in its link")
        #expect(en.contains("href=\"../../../meetings/hop-thang-12/chuong-trinh.pdf\""))
        // Byte for byte: never re-encoded.
        let source = fixture.content.appendingPathComponent("meetings/hop-thang-12")
        for name in ["chuong-trinh.pdf", "Tờ trình số 01.pdf"] {
            #expect(try Data(contentsOf: output.appendingPathComponent("meetings/hop-thang-12/\(name)")) == Data(contentsOf: source.appendingPathComponent(name)))
        }
        // Its code is permanent like every other: lock, landing, QR images and an A4 sheet for the table.
        let lock = try String(contentsOf: fixture.content.appendingPathComponent("codes.lock"), encoding: .utf8)
        #expect(lock.contains("HOP2612 meetings/hop-thang-12\n") && lock.contains("HOP2701 meetings/tiep-xuc-cu-tri\n"))
        #expect(try text("q/HOP2612/index.html").contains("url=../../meetings/hop-thang-12/"))
        for file in ["qr/HOP2612.png", "qr/HOP2612.svg"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path), "\(file)")
        }
        let sheet = try text("qr/HOP2612-placard.html")
        #expect(sheet.contains("@page { size: 210mm 297mm; margin: 0; }"))
        #expect(sheet.contains("Quét để xem tài liệu cuộc họp") && sheet.contains("Scan for the meeting documents"))
        #expect(sheet.contains("Thứ Ba, ngày 15/12/2026, lúc 08:00") && sheet.contains("Hội trường UBND xã"))
        // The print shop's file from `dinh qr` is A4 too.
        #expect(try fixture.dinh("qr", "content", "--output", "print").status == 0)
        let board = try String(contentsOf: fixture.directory.file("print/qr/HOP2612-placard.svg"), encoding: .utf8)
        #expect(board.contains("width=\"210mm\" height=\"297mm\""))
        // `dinh check` follows every link, the percent-encoded ones too.
        let check = try fixture.dinh("check", "content")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func aHiddenPackIsInNoListSitemapFeedSearchOrSheet() throws {
        let result = try build()
        #expect(result.status == 0, "\(result.stderr)")
        let files = Tools.tree(output)
        // Only its own pages and its code's landing name it.
        let naming = files.filter { $0.key.hasSuffix(".html") || $0.key.hasSuffix(".xml") || $0.key.hasSuffix(".js")
            || $0.key.hasSuffix(".json") || $0.key.hasSuffix(".csv") || $0.key.hasSuffix(".txt") }
            .filter { String(decoding: $0.value, as: UTF8.self).contains("hop-thang-12") || String(decoding: $0.value, as: UTF8.self).contains("HOP2612") }
            .keys.sorted()
        #expect(naming == ["Q/HOP2612/index.html", "en/meetings/hop-thang-12/index.html", "meetings/hop-thang-12/index.html",
                           "q/HOP2612/index.html", "qr/HOP2612-placard.html"], "\(naming)")
        // The listed one: in the sitemap and the search index, still in no menu or list.
        let sitemap = try text("sitemap.xml")
        #expect(!sitemap.contains("meetings/hop-thang-12/"))
        #expect(sitemap.contains("https://disan.example.vn/meetings/tiep-xuc-cu-tri/") && sitemap.contains("https://disan.example.vn/en/meetings/tiep-xuc-cu-tri/"))
        for language in ["", "en/"] {
            let search = try text("\(language)search/index.js")
            #expect(search.contains("tiep-xuc-cu-tri") && !search.contains("hop-thang-12"), "\(language)search/index.js")
        }
        for page in ["index.html", "en/index.html", "products/index.html", "heritage/quan-phuong-tri/index.html", "products/che-lam/index.html"] {
            #expect(try !text(page).contains("tiep-xuc-cu-tri"), "\(page) lists no meeting")
        }
        #expect(try !text("meetings/tiep-xuc-cu-tri/index.html").contains("noindex"), "a listed pack is in the sitemap: search engines may show it")
        // The sheet of all placards has the listed meeting, not the hidden one.
        let sheet = try text("qr/index.html")
        #expect(sheet.contains("id=\"HOP2701\"") && !sheet.contains("HOP2612"))
    }

    /// A theme whose own layout forgets the line still gets `noindex` on a meeting's page.
    @Test func aThemeLayoutWithoutTheLineStillHidesThePack() throws {
        let layout = """
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <title>{{full_title}}</title>
        </head>
        <body><main id="main">{{{body}}}</main></body>
        </html>
        """
        try fixture.write("theme/layout.mustache", layout)
        let result = try build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try text("meetings/hop-thang-12/index.html").contains("<head>\n<meta name=\"robots\" content=\"noindex\">"))
        #expect(try !text("heritage/quan-phuong-tri/index.html").contains("noindex"), "other pages stay indexable")
    }

    @Test func aWordFileNamedPDFStopsTheBuildAndKeepsThePreviousSite() throws {
        #expect(try build().status == 0)
        let before = Tools.tree(output)
        try fixture.write("meetings/hop-thang-12/chuong-trinh.pdf", data: Data([0x50, 0x4B, 0x03, 0x04]) + Data(repeating: 0x20, count: 100))
        let result = try build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/meetings/hop-thang-12/index.md:10:"), "\(result.stderr)")
        #expect(result.stderr.contains("'chuong-trinh.pdf' is not a PDF"), "\(result.stderr)")
        #expect(Tools.tree(output) == before, "a failed build leaves the previous site as it was")
    }

    /// A finished meeting taken off the site: its printed code must be retired, then says so kindly.
    @Test func aFinishedMeetingsCodeIsRetired() throws {
        #expect(try build().status == 0)
        try fixture.remove("meetings/hop-thang-12")
        let refused = try build()
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("QR code HOP2612 was published for meetings/hop-thang-12"), "\(refused.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("meetings/hop-thang-12/chuong-trinh.pdf").path))
        try fixture.write("site.yaml", SiteFixture.siteYAML + "\nretired_codes:\n  HOP2612: {vi: Cuộc họp đã kết thúc, en: The meeting is over}\n")
        let result = try build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("meetings/hop-thang-12").path), "its documents are off the site")
        #expect(try text("q/HOP2612/index.html").contains("Cuộc họp đã kết thúc"))
    }

    /// The Nu checker on every page of the packs, and axe-core (WCAG 2.2 AA) on them and the landing.
    @Test func thePagesAreValidAndAccessible() throws {
        #expect(try build().status == 0)
        let jar = try #require(Tools.vnuJar, "the Nu checker is installed by `make test` (scripts/setup.sh --test)")
        let pages = ["meetings/hop-thang-12/index.html", "en/meetings/hop-thang-12/index.html",
                     "meetings/tiep-xuc-cu-tri/index.html", "q/HOP2612/index.html"]
        let check = try Tools.run("/usr/bin/java", ["-jar", jar, "--errors-only"] + pages.map { output.appendingPathComponent($0).path })
        #expect(check.status == 0, "Nu checker errors:\n\(check.stderr)")
        try Tools.requireBrowser()
        let script = Tools.repositoryRoot.appendingPathComponent("Tests/Accessibility/axe_check.py").path
        let axe = try Tools.shell("\(Tools.python) \(script) \(output.path) \(pages.joined(separator: " "))")
        #expect(axe.status == 0, "\(axe.stdout)\(axe.stderr)")
        #expect(axe.stdout.contains("\(pages.count) passed, 0 failed"), "\(axe.stdout)")
    }
}
