import DinhContent
import DinhCore
import DinhTestSupport
import Foundation
import Testing

/// Content format 1.1: a meeting's document pack, `meetings/<slug>/index.md`, and every mistake an
/// office makes with it reported at its file and line.
@Suite struct MeetingTests {
    let fixture: SiteFixture

    static let meeting = """
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
      - {file: to-trinh-01.pdf, title: "Tờ trình số 01/TTr-UBND"}
    ---
    Ghi chú cho đại biểu.
    """

    init() throws {
        fixture = try SiteFixture()
        try fixture.write("meetings/hop-thang-12/chuong-trinh.pdf", data: TinyPDF.data("Chuong trinh hop"))
        try fixture.write("meetings/hop-thang-12/to-trinh-01.pdf", data: TinyPDF.data("To trinh so 01"))
        try fixture.write("meetings/hop-thang-12/index.en.md", "---\nplace: Commune hall\n---\nA note for delegates.\n")
        try meeting(Self.meeting)
    }

    func meeting(_ text: String) throws { try fixture.write("meetings/hop-thang-12/index.md", text) }

    /// The meeting with one line replaced (`old` must occur).
    func replacing(_ old: String, with new: String) throws {
        #expect(Self.meeting.contains(old))
        try meeting(Self.meeting.replacingOccurrences(of: old, with: new))
    }

    func load() -> (Content?, [Diagnostic]) {
        let (content, diagnostics) = ContentLoader(root: fixture.content, displayRoot: "content",
                                                   today: CalendarDate(year: 2026, month: 1, day: 1)!).load()
        return (content, diagnostics.sorted.filter { !$0.message.contains("not yet translated") })
    }

    /// The single error, at `content/<path>:<line>`, whose message has every one of `words`.
    func onlyError(_ path: String, line: Int, containing words: String..., sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (content, diagnostics) = load()
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(content == nil, sourceLocation: sourceLocation)
        #expect(errors.count == 1, "\(diagnostics.map(\.description))", sourceLocation: sourceLocation)
        #expect(errors.first?.location.path == "content/\(path)", "\(errors.map(\.description))", sourceLocation: sourceLocation)
        #expect(errors.first?.location.line == line, "\(errors.map(\.description))", sourceLocation: sourceLocation)
        for word in words {
            #expect(errors.first?.message.contains(word) == true, "'\(word)' in \(errors.map(\.description))", sourceLocation: sourceLocation)
        }
    }

    @Test func aMeetingLoadsWithItsDocumentsInAgendaOrder() throws {
        let (content, diagnostics) = load()
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let meeting = try #require(content?.meetings.first)
        #expect(meeting.slug == "hop-thang-12")
        #expect(meeting.code == "HOP2612")
        #expect(meeting.title.resolve("en", default: "vi") == "December meeting of the commune committee")
        #expect(meeting.date == CalendarDate(year: 2026, month: 12, day: 15))
        #expect(meeting.time == "08:00")
        #expect(meeting.place?.resolve("vi", default: "vi") == "Hội trường UBND xã")
        #expect(meeting.place?.resolve("en", default: "vi") == "Commune hall", "index.en.md translates the place")
        #expect(meeting.documents.map(\.file.path) == ["chuong-trinh.pdf", "to-trinh-01.pdf"])
        #expect(meeting.documents[0].title.resolve("en", default: "vi") == "Agenda")
        #expect(meeting.documents[1].title.resolve("en", default: "vi") == "Tờ trình số 01/TTr-UBND", "a plain title serves every language")
        #expect(meeting.documents[0].bytes == Int64(TinyPDF.data("Chuong trinh hop").count))
        #expect(meeting.listed == false, "a meeting is hidden unless it says otherwise")
        #expect(meeting.body["vi"]?.contains("Ghi chú cho đại biểu") == true)
        #expect(meeting.body["en"]?.contains("A note for delegates") == true)
        #expect(ContentIndex(content!).meetings["hop-thang-12"]?.code == "HOP2612")
    }

    @Test func listedTrueAndAnHourWithoutItsZero() throws {
        try replacing("time: \"08:00\"", with: "time: \"8:30\"\nlisted: true")
        let (content, diagnostics) = load()
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        #expect(content?.meetings.first?.listed == true)
        #expect(content?.meetings.first?.time == "08:30")
    }

    @Test func aWordFileNamedPDFIsRefusedByItsBytes() throws {
        // The start of a .docx (a zip), saved under a .pdf name.
        try fixture.write("meetings/hop-thang-12/to-trinh-01.pdf", data: Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]) + Data(repeating: 0x41, count: 200))
        onlyError("meetings/hop-thang-12/index.md", line: 11, containing: "'to-trinh-01.pdf' is not a PDF", "Word", "export it as PDF")
    }

    @Test func aPhotoOrAWebPageNamedPDFIsRefused() throws {
        try fixture.write("meetings/hop-thang-12/chuong-trinh.pdf", data: Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(repeating: 0, count: 64))
        onlyError("meetings/hop-thang-12/index.md", line: 10, containing: "is not a PDF", "JPEG")
        try fixture.write("meetings/hop-thang-12/chuong-trinh.pdf", "<!DOCTYPE html><html><body>Đăng nhập</body></html>")
        onlyError("meetings/hop-thang-12/index.md", line: 10, containing: "is not a PDF", "web page")
    }

    @Test func aMissingDocumentIsNamedWithTheFileThatIsThere() throws {
        try replacing("to-trinh-01.pdf", with: "to-trinh-1.pdf")
        onlyError("meetings/hop-thang-12/index.md", line: 11, containing: "'to-trinh-1.pdf' is not in this folder", "did you mean 'to-trinh-01.pdf'")
    }

    @Test func aDocumentOutsideTheFolderIsRefused() throws {
        try fixture.write("secret.pdf", data: TinyPDF.data("secret"))
        try replacing("to-trinh-01.pdf", with: "../../secret.pdf")
        onlyError("meetings/hop-thang-12/index.md", line: 11, containing: "points outside this page's folder")
        try replacing("to-trinh-01.pdf", with: "/etc/passwd.pdf")
        onlyError("meetings/hop-thang-12/index.md", line: 11, containing: "points outside this page's folder")
    }

    @Test func aLinkToAPDFOutsideTheContentIsRefused() throws {
        let outside = try TemporaryDirectory("dinh-outside")
        defer { outside.remove() }
        let target = try outside.write("elsewhere.pdf", TinyPDF.data("elsewhere"))
        try FileManager.default.removeItem(at: fixture.content.appendingPathComponent("meetings/hop-thang-12/to-trinh-01.pdf"))
        try FileManager.default.createSymbolicLink(at: fixture.content.appendingPathComponent("meetings/hop-thang-12/to-trinh-01.pdf"), withDestinationURL: target)
        onlyError("meetings/hop-thang-12/index.md", line: 11, containing: "a link to a file outside the content folder")
    }

    @Test func onlyPDFsAreDocuments() throws {
        try fixture.write("meetings/hop-thang-12/to-trinh-01.docx", "word")
        try replacing("to-trinh-01.pdf", with: "to-trinh-01.docx")
        onlyError("meetings/hop-thang-12/index.md", line: 11, containing: "is not a PDF document", ".pdf")
    }

    @Test func anEmptyOrTruncatedDocument() throws {
        try fixture.write("meetings/hop-thang-12/to-trinh-01.pdf", data: Data())
        onlyError("meetings/hop-thang-12/index.md", line: 11, containing: "is empty")
        // Half a download: still a PDF by its start, so it publishes, with a warning at its line.
        let whole = TinyPDF.data("To trinh so 01")
        try fixture.write("meetings/hop-thang-12/to-trinh-01.pdf", data: whole.prefix(whole.count / 2))
        let (content, diagnostics) = load()
        #expect(content?.meetings.first?.documents.count == 2)
        #expect(diagnostics.count == 1 && diagnostics[0].severity == .warning && diagnostics[0].location.line == 11, "\(diagnostics.map(\.description))")
        #expect(diagnostics.first?.message.contains("only in part") == true)
    }

    @Test func aHugeDocumentIsRefusedWithoutBeingRead() throws {
        // 150 MB on paper, a few bytes on disk: only its first and last bytes may be read.
        let url = fixture.content.appendingPathComponent("meetings/hop-thang-12/to-trinh-01.pdf")
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 150 << 20)
        try handle.close()
        onlyError("meetings/hop-thang-12/index.md", line: 11, containing: "too large for delegates' phones", "at most 100 MB")
        // 30 MB: published, with a warning.
        let medium = try FileHandle(forWritingTo: url)
        try medium.truncate(atOffset: 30 << 20)
        try medium.seekToEnd()
        medium.write(Data("\n%%EOF\n".utf8))
        try medium.close()
        let (content, diagnostics) = load()
        #expect(content?.meetings.first?.documents.count == 2)
        #expect(diagnostics.map(\.message).contains { $0.contains("delegates download it on their phones") }, "\(diagnostics.map(\.description))")
    }

    @Test func aMissingOrImpossibleDate() throws {
        try replacing("date: 2026-12-15\n", with: "")
        onlyError("meetings/hop-thang-12/index.md", line: 2, containing: "missing the required field 'date'", "date: 2026-12-15")
        try replacing("date: 2026-12-15", with: "date: 2026-02-30")
        onlyError("meetings/hop-thang-12/index.md", line: 6, containing: "'date' must be a real date written YYYY-MM-DD")
        try replacing("date: 2026-12-15", with: "date: 15/12/2026")
        onlyError("meetings/hop-thang-12/index.md", line: 6, containing: "'date' must be a real date")
    }

    @Test func aTimeThatIsNotAClockTime() throws {
        try replacing("time: \"08:00\"", with: "time: 8h sáng")
        onlyError("meetings/hop-thang-12/index.md", line: 7, containing: "'time' must be the hour and minutes", "\"08:00\"")
        try replacing("time: \"08:00\"", with: "time: \"24:10\"")
        onlyError("meetings/hop-thang-12/index.md", line: 7, containing: "'time' must be")
    }

    @Test func aDocumentWithoutATitleOrFile() throws {
        try replacing("{file: to-trinh-01.pdf, title: \"Tờ trình số 01/TTr-UBND\"}", with: "{file: to-trinh-01.pdf}")
        onlyError("meetings/hop-thang-12/index.md", line: 11, containing: "missing the required field 'title'")
        try replacing("{file: to-trinh-01.pdf, title: \"Tờ trình số 01/TTr-UBND\"}", with: "{title: Tờ trình, fiel: to-trinh-01.pdf}")
        let (_, diagnostics) = load()
        let messages = diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(messages.contains { $0.contains("unknown field 'fiel'") && $0.contains("did you mean 'file'") }, "\(messages)")
        #expect(messages.count == 1, "the misspelling only, not also 'file' missing: \(messages)")
    }

    @Test func aCodeAlreadyUsedByARelic() throws {
        try replacing("code: HOP2612", with: "code: DP01")
        let (content, diagnostics) = load()
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(content == nil)
        #expect(errors.count == 1, "\(errors.map(\.description))")
        #expect(errors.first?.location.path == "content/meetings/hop-thang-12/index.md")
        #expect(errors.first?.message.contains("the code DP01 is already used by content/heritage/quan-phuong-tri/index.md") == true, "\(errors.map(\.description))")
    }

    @Test func aBadCodeAndAFolderNameWithVietnameseLetters() throws {
        try replacing("code: HOP2612", with: "code: hop-2612")
        onlyError("meetings/hop-thang-12/index.md", line: 2, containing: "'code' must be 2 to 12 capital letters", "write 'HOP2612'")
        try meeting(Self.meeting)
        try FileManager.default.moveItem(at: fixture.content.appendingPathComponent("meetings/hop-thang-12"),
                                         to: fixture.content.appendingPathComponent("meetings/Họp tháng 12"))
        onlyError("meetings/Họp tháng 12", line: 1, containing: "rename it to 'hop-thang-12'")
    }

    @Test func listedMustBeTrueOrFalse() throws {
        try replacing("time: \"08:00\"", with: "time: \"08:00\"\nlisted: có")
        onlyError("meetings/hop-thang-12/index.md", line: 8, containing: "'listed' must be true or false")
    }

    @Test func weekdaysOfCalendarDates() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.weekday == 4)
        #expect(CalendarDate(year: 2026, month: 12, day: 15)?.weekday == 2, "15 December 2026 is a Tuesday")
        #expect(CalendarDate(year: 2000, month: 2, day: 29)?.weekday == 2)
        #expect(CalendarDate(year: 1969, month: 12, day: 31)?.weekday == 3)
        #expect(CalendarDate(year: 2024, month: 3, day: 3)?.weekday == 0)
    }
}
