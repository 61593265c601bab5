import DinhContent
import DinhCore
import DinhSite
import DinhTestSupport
import Foundation
import Testing

/// A meeting pack made in code, through the public API only: the `Meeting` value builds like a
/// loaded one (page, PDFs as they are, code and A4 sheet, out of the sitemap).
@Suite struct MeetingLibraryTests {
    @Test func aMeetingMadeInCode() async throws {
        let folder = try TemporaryDirectory("dinh-meeting-library")
        defer { folder.remove() }
        let pdf = TinyPDF.data("Chuong trinh")
        let file = try folder.write("root/meetings/hop/chuong-trinh.pdf", pdf)
        let document = Meeting.Document(file: MediaFile(path: "chuong-trinh.pdf", url: file, location: SourceLocation(path: "code")),
                                        title: LocalizedText(["vi": "Chương trình họp", "en": "Agenda"]), bytes: Int64(pdf.count))
        let meeting = Meeting(slug: "hop", folder: folder.file("root/meetings/hop"), source: SourceLocation(path: "code"), code: "HOP01",
                              title: LocalizedText(["vi": "Họp xã", "en": "Commune meeting"]),
                              date: CalendarDate(year: 2026, month: 12, day: 15)!, time: "14:30", documents: [document])
        #expect(meeting.listed == false)
        let site = Site(title: LocalizedText(["vi": "Xã Mẫu"]), baseURL: "https://xa.example.vn/", languages: ["vi", "en"],
                        publisher: Publisher(name: LocalizedText(["vi": "UBND xã Mẫu"])))
        let content = Content(root: folder.file("root"), site: site, heritage: [], products: [], producers: [], pages: [], meetings: [meeting])
        var options = BuildOptions(content: folder.file("root"), output: folder.file("public"))
        options.recordCodes = false
        let report = try await SiteBuilder(content: content, options: options).build()
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let page = try String(contentsOf: folder.file("public/en/meetings/hop/index.html"), encoding: .utf8)
        #expect(page.contains("Commune meeting") && page.contains("Tuesday 15 December 2026, 14:30") && page.contains(">Agenda<"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(try Data(contentsOf: folder.file("public/meetings/hop/chuong-trinh.pdf")) == pdf)
        #expect(FileManager.default.fileExists(atPath: folder.file("public/qr/HOP01-placard.html").path))
        #expect(FileManager.default.fileExists(atPath: folder.file("public/q/HOP01/index.html").path))
        #expect(try !String(contentsOf: folder.file("public/sitemap.xml"), encoding: .utf8).contains("meetings/hop/"))
    }
}
