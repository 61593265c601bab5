import DinhContent
import DinhCore
import DinhTestSupport
import Foundation
import Testing

/// Content format 1.1: captions on gallery photos, and producers' descriptions and photos.
@Suite struct CaptionsAndProducersTests {
    let fixture: SiteFixture

    init() throws {
        fixture = try SiteFixture()
        try fixture.write("heritage/quan-phuong-tri/cong.jpg", "photo")
        try fixture.write("heritage/quan-phuong-tri/hoanh-phi.jpg", "photo")
        try fixture.write("producers/htx-che-lam.jpg", "photo")
    }

    func load() -> (Content?, [Diagnostic]) {
        let (content, diagnostics) = ContentLoader(root: fixture.content, displayRoot: "content",
                                                   today: CalendarDate(year: 2026, month: 1, day: 1)!).load()
        // Notices about translations still to write are another feature's.
        return (content, diagnostics.sorted.filter { !$0.message.contains("not yet translated") })
    }

    func relic(gallery: String) throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "---\nLịch sử", with: gallery + "\n---\nLịch sử"))
    }

    func producer(_ extra: String) throws {
        try fixture.write("producers/htx-che-lam.yaml", SiteFixture.producer + "\n" + extra)
    }

    /// The single error, at `content/<path>:<line>`.
    func onlyError(_ path: String, line: Int, containing words: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let (content, diagnostics) = load()
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(content == nil, sourceLocation: sourceLocation)
        #expect(errors.count == 1, "\(diagnostics.map(\.description))", sourceLocation: sourceLocation)
        #expect(errors.first?.location.path == "content/\(path)", "\(errors.map(\.description))", sourceLocation: sourceLocation)
        #expect(errors.first?.location.line == line, "\(errors.map(\.description))", sourceLocation: sourceLocation)
        #expect(errors.first?.message.contains(words) == true, "\(errors.map(\.description))", sourceLocation: sourceLocation)
    }

    @Test func plainNamesAndCaptionedPhotosMix() throws {
        try relic(gallery: """
        gallery:
          - cong.jpg
          - {file: hoanh-phi.jpg, caption: {vi: Hoành phi thế kỷ XIX, en: 19th-century lacquered board}}
          - file: cong.jpg
            caption: Cổng tam quan
        """)
        let (content, diagnostics) = load()
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let site = try #require(content?.heritage.first)
        #expect(site.gallery.map(\.path) == ["cong.jpg", "hoanh-phi.jpg", "cong.jpg"])
        #expect(site.galleryCaptions.count == 3)
        #expect(site.galleryCaptions[0] == nil)
        #expect(site.galleryCaptions[1]?.resolve("en", default: "vi") == "19th-century lacquered board")
        #expect(site.galleryCaptions[2]?.resolve("en", default: "vi") == "Cổng tam quan", "a plain caption is the default language's, for every language")
    }

    @Test func versionOneGalleriesStillLoad() throws {
        try relic(gallery: "gallery: [cong.jpg, hoanh-phi.jpg]")
        let (content, diagnostics) = load()
        #expect(diagnostics.isEmpty)
        #expect(content?.heritage.first?.galleryCaptions.allSatisfy { $0 == nil } == true)
    }

    @Test func captionedPhotoWithoutFile() throws {
        try relic(gallery: "gallery:\n  - {caption: Cổng}")
        onlyError("heritage/quan-phuong-tri/index.md", line: 14, containing: "missing the required field 'file'")
    }

    @Test func misspeltCaptionKey() throws {
        try relic(gallery: "gallery:\n  - {file: cong.jpg, captoin: Cổng}")
        onlyError("heritage/quan-phuong-tri/index.md", line: 14, containing: "did you mean 'caption'?")
    }

    @Test func captionInALanguageTheSiteHasNot() throws {
        try relic(gallery: "gallery:\n  - {file: cong.jpg, caption: {vi: Cổng, fr: Porte}}")
        onlyError("heritage/quan-phuong-tri/index.md", line: 14, containing: "'gallery.caption' has text for 'fr'")
    }

    @Test func captionedPhotoThatIsMissing() throws {
        try relic(gallery: "gallery:\n  - cong.jpg\n  - {file: hoanh_phi.jpg, caption: Hoành phi}")
        onlyError("heritage/quan-phuong-tri/index.md", line: 15, containing: "did you mean 'hoanh-phi.jpg'?")
    }

    @Test func captionThatIsAList() throws {
        try relic(gallery: "gallery:\n  - file: cong.jpg\n    caption: [a, b]")
        onlyError("heritage/quan-phuong-tri/index.md", line: 15, containing: "must be text")
    }

    @Test func producerDescriptionAndPhoto() throws {
        try producer("""
        description:
          vi: Hợp tác xã làm **chè lam** từ năm 1990.
          en: A cooperative making *ginger rice cakes* since 1990.
        photo: htx-che-lam.jpg
        """)
        let (content, diagnostics) = load()
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let maker = try #require(content?.producers.first)
        #expect(maker.description["vi"]?.contains("<strong>chè lam</strong>") == true, "\(maker.description)")
        #expect(maker.description["en"]?.contains("<em>ginger rice cakes</em>") == true)
        #expect(maker.photo?.path == "htx-che-lam.jpg")
        #expect(maker.photo?.url.lastPathComponent == "htx-che-lam.jpg")
    }

    @Test func producerPlainDescriptionIsTheDefaultLanguage() throws {
        try producer("description: Hợp tác xã làm chè lam.")
        let (content, _) = load()
        #expect(content?.producers.first?.description.keys.sorted() == ["vi"])
    }

    @Test func producerDescriptionRawHTMLNeverReachesThePage() throws {
        try producer("description: \"<script>alert(1)</script> <x onclick=y>\"")
        let (content, _) = load()
        let html = try #require(content?.producers.first?.description["vi"])
        #expect(!html.contains("<script>") && !html.contains("<x ") && html.contains("&lt;x onclick=y&gt;"), "\(html)")
    }

    @Test func producerPhotoMissing() throws {
        try producer("photo: htx-chelam.jpg")
        onlyError("producers/htx-che-lam.yaml", line: 3, containing: "did you mean 'htx-che-lam.jpg'?")
    }

    @Test func producerPhotoNotAnImage() throws {
        try fixture.write("producers/htx-che-lam.pdf", "%PDF")
        try producer("photo: htx-che-lam.pdf")
        onlyError("producers/htx-che-lam.yaml", line: 3, containing: "is not a JPEG or PNG photo")
    }

    @Test func producerPhotoOutsideItsFolder() throws {
        try producer("photo: ../heritage/quan-phuong-tri/cong.jpg")
        onlyError("producers/htx-che-lam.yaml", line: 3, containing: "points outside this page's folder")
    }

    @Test func producerDescriptionInAnUnknownLanguage() throws {
        try producer("description:\n  vi: Hợp tác xã\n  eng: Cooperative")
        onlyError("producers/htx-che-lam.yaml", line: 5, containing: "did you mean 'en'?")
    }

    /// The page dials a producer's phone (its call button): two numbers in one, or a number
    /// that lost its leading 0 in a spreadsheet, would call no one or someone else.
    @Test(arguments: [
        ("phone: 0912 345 678 / 0987 654 321", "must be one phone number"),
        ("phone: 091 234", "must be one phone number"),
        ("phone: 912345678", "write phone: \"0912345678\""),
    ])
    func producerPhoneThatDialsNoOne(line: String, words: String) throws {
        try producer(line)
        onlyError("producers/htx-che-lam.yaml", line: 3, containing: words)
    }

    @Test func producerPhonesAsPeopleWriteThem() throws {
        for phone in ["0912 345 678", "(0237) 3800 000", "+84 912 345 678", "1900 1234", "0912.345.678 (anh Hùng)"] {
            try producer("phone: \"\(phone)\"")
            let (content, diagnostics) = load()
            #expect(diagnostics.isEmpty, "\(phone): \(diagnostics.map(\.description))")
            #expect(content?.producers.first?.phone == phone)
        }
        #expect(PhoneNumber.dialled(" +84 912-345.678 ") == "+84912345678")
    }

    @Test func misspeltProducerField() throws {
        try producer("descripton: Hợp tác xã")
        onlyError("producers/htx-che-lam.yaml", line: 3, containing: "did you mean 'description'?")
    }

    @Test func photosBesideProducersAreNotWarnedAbout() throws {
        let (_, diagnostics) = load()
        #expect(diagnostics.isEmpty, "an image in producers/ is a producer's photo, not a stray file: \(diagnostics.map(\.description))")
    }
}
