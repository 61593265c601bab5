import DinhContent
import DinhCore
import DinhTestSupport
import Foundation
import Testing

/// One broken input per rule of the content format: the message, the file and the line.
@Suite struct ContentRulesTests {
    let fixture: SiteFixture

    init() throws { fixture = try SiteFixture() }

    func load() -> (Content?, [Diagnostic]) {
        let (content, diagnostics) = ContentLoader(root: fixture.content, displayRoot: "content",
                                                   today: CalendarDate(year: 2026, month: 1, day: 1)!).load()
        return (content, diagnostics.sorted)
    }

    /// The single error the broken input must give.
    func onlyError(file: String = #filePath, line: Int = #line) -> Diagnostic? {
        let (content, diagnostics) = load()
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(content == nil, "content with errors must not be returned")
        #expect(errors.count == 1, "expected one error, got: \(diagnostics.map(\.description))")
        return errors.first
    }

    @Test func validFixtureLoads() throws {
        let (content, diagnostics) = load()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let site = try #require(content)
        #expect(site.heritage.map(\.code) == ["DP01"])
        #expect(site.heritage[0].name.resolve("en", default: "vi") == "Phuong Tri Taoist Temple")
        #expect(site.heritage[0].kind.resolve("en", default: "vi") == "Taoist temple", "index.en.md translates a text")
        #expect(site.products[0].price == 45000)
        #expect(site.products[0].sku == "HT42", "sku defaults to the code")
        #expect(site.products[0].ocop.expires == CalendarDate(year: 2028, month: 6, day: 30), "36 months after the decision")
    }

    @Test func tabIndentation() throws {
        try fixture.write("site.yaml", "title: Thử\nbase_url: https://x.vn/\npublisher:\n\tname: UBND\n")
        let error = try #require(onlyError())
        #expect(error.location.path == "content/site.yaml")
        #expect(error.location.line == 4)
        #expect(error.message.contains("tab"))
        // An editor set to indent with tabs did every line: all are named at once, at their lines in the file.
        try fixture.write("site.yaml", SiteFixture.siteYAML)
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "\n  ", with: "\n\t"))
        let all = try #require(onlyError())
        #expect(all.location.line == 4 && all.message.hasSuffix("replace each tab with 2 spaces (here and on lines 5, 11, 12)"), "\(all)")
        // Lines indented by four: four spaces a tab.
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "\n  ", with: "\n    ")
            .replacingOccurrences(of: "\n    en: Phuong Tri", with: "\n\ten: Phuong Tri"))
        #expect(try #require(onlyError()).message.contains("replace each tab with 4 spaces"))
    }

    /// A field's name without its colon is told at its own line (YAML's scanner stops at the next one,
    /// in its own words), with the line to write; whether a value follows on the line or below it.
    @Test func aFieldWithoutItsColon() throws {
        try fixture.write("site.yaml", SiteFixture.siteYAML.replacingOccurrences(of: "base_url: ", with: "base_url "))
        let line = try #require(SiteFixture.siteYAML.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("base_url") }) + 1
        var error = try #require(onlyError())
        #expect(error.location.line == line && error.message.hasPrefix("the field's name is not followed by a colon: write base_url: https://"), "\(error)")
        try fixture.write("site.yaml", SiteFixture.siteYAML)
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "summary:\n", with: "summary\n"))
        error = try #require(onlyError())
        #expect(error.location.line == 10 && error.message == "the field's name is not followed by a colon: write summary:", "\(error)")
    }

    @Test func unclosedQuote() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "kind: quán", with: "kind: \"quán"))
        let error = try #require(onlyError())
        #expect(error.location.path == "content/heritage/quan-phuong-tri/index.md")
        #expect(error.location.line == 6, "line of the opening quote: \(error)")
        #expect(error.message.contains("quote"))
    }

    /// The YAML reader's own words ("mapping values are not allowed", "did not find expected ','")
    /// become what to write, at the line of the mistake: a colon left out, a [ or { not closed.
    @Test(arguments: [
        ("code: DP01", "code DP01", 2, "write code: DP01"),
        ("geo: [21.0879, 105.6633]", "geo: [21.0879, 105.6633", 9, "the [ opened here is not closed: end it with ]"),
        ("summary:\n  vi: Quán Đạo giáo cổ bên đầm Phượng Trì.\n  en: An old Taoist temple beside Phuong Tri lake.",
         "summary: {vi: Quán Đạo giáo cổ bên đầm Phượng Trì.\nnote: x", 10, "the { opened here is not closed: end it with }"),
        ("kind: quán", "kind: - quán", 6, "'- ' starts an item of a list only at the start of a line"),
        ("  en: Phuong Tri Taoist Temple", "   en: Phuong Tri Taoist Temple", 5, "the indentation of this line does not match"),
        ("kind: quán", " kind: quán", 6, "the indentation of this line does not match"),
        // A text over two lines with a colon in its second: quotes, not a missing colon nor indentation.
        ("kind: quán", "kind: Quán Đạo\n  giáo cổ: đẹp", 7, "put the whole text in quotes"),
        ("kind: quán", "kind: *quán", 6, "starts with a character YAML does not allow here"),
        ("kind: quán", "kind: ]quán", 6, "starts with a character YAML does not allow here"),
    ])
    func yamlMistakeSaysWhatToWrite(_ written: String, _ mistaken: String, line: Int, message: String) throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: written, with: mistaken))
        let error = try #require(onlyError())
        #expect(error.location.line == line && error.message.contains(message), "\(error)")
        #expect(!error.message.contains("not valid YAML"), "\(error)")
        #expect(message.contains("in quotes") || !error.message.contains("colon followed by a space"), "\(error)")
    }

    /// A later quote closes the open one, lines below, and the YAML reader stumbles further on:
    /// the message still points at the opening quote.
    @Test func unclosedQuoteBeforeOtherQuotes() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic
            .replacingOccurrences(of: "kind: quán", with: "kind: \"quán")
            .replacingOccurrences(of: "geo: [21.0879, 105.6633]", with: "geo: [21.0879, 105.6633]\nfestival: {vi: \"Hội làng\", en: 'Village festival'}"))
        let error = try #require(onlyError())
        #expect(error.location.line == 6 && error.location.column == 7, "the opening quote: \(error)")
        #expect(error.message.contains("quote"))
    }

    /// Quotes inside a `|` block, plain text or a comment, and a quoted text wrapped over two lines on
    /// purpose, are not taken for an open quote: a later mistake is named as it is, at its line.
    @Test(arguments: [
        "history: |\n  Cụ nói: \"xin chào\n  rồi đi",
        "note: Nhà \"cổ",
        "note: Nhà, \"cổ",
        "note: đình # ghi chú: 'cũ",
        "festival: \"Lễ hội làng\n  mùng 10 tháng Giêng.\"\nnote: {vi: \"Đình\"}",
    ])
    func quotesInsideTextAreNotTakenForOpenQuotes(text: String) throws {
        let relic = SiteFixture.relic
            .replacingOccurrences(of: "ranking: national", with: "ranking: national\n" + text)
            .replacingOccurrences(of: "  en: An old Taoist temple beside Phuong Tri lake.", with: "   en: An old Taoist temple beside Phuong Tri lake.")
        try fixture.write("heritage/quan-phuong-tri/index.md", relic)
        let misplaced = relic.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("   en: An old") }! + 1
        let error = try #require(onlyError())
        #expect(!error.message.contains("never closed"), "\(error)")
        #expect(error.location.line == misplaced, "\(error)")
    }

    @Test func unquotedColonSaysToQuote() throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(
            of: "  vi: Chè lam Hà Trung", with: "  vi: Sản phẩm OCOP: Mật ong"))
        let error = try #require(onlyError())
        #expect(error.location.line == 4)
        #expect(error.message.contains("quotes"))
        #expect(error.message.contains("\"Sản phẩm OCOP: Mật ong\""))
    }

    @Test func unknownFieldWithSuggestion() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "ranking: national", with: "ranknig: national"))
        let error = try #require(onlyError())
        #expect(error.location.line == 7)
        #expect(error.message.contains("unknown field 'ranknig'"))
        #expect(error.message.contains("did you mean 'ranking'?"))
        // The right letters in another order, two edits apart: `sence` for `scene`.
        #expect(DidYouMean.suggestion(for: "sence", among: ["scene", "scenes", "yaw"]) == "scene")
        #expect(DidYouMean.suggestion(for: "yaw", among: ["way"]) == nil, "too short to say")
        #expect(DidYouMean.suggestion(for: "anh-123.jpg", among: ["anh-321.jpg", "anh-124.jpg"]) == "anh-124.jpg", "a one-letter slip before letters reordered")
    }

    /// A required field under a misspelt name is one error, the misspelling, not also "missing 'name'".
    @Test func misspeltRequiredFieldIsOneError() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "name:", with: "nmae:"))
        let error = try #require(onlyError())
        #expect(error.location.line == 3 && error.message.contains("unknown field 'nmae'") && error.message.contains("did you mean 'name'?"), "\(error)")
    }

    /// A choice written in Vietnamese, as the guide glosses it, is answered with the word to write.
    @Test func choiceInVietnameseSuggestsTheWordToWrite() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "ranking: national", with: "ranking: Quốc gia"))
        let error = try #require(onlyError())
        #expect(error.location.line == 7 && error.message.contains("found 'Quốc gia'; did you mean 'national'?"), "\(error)")
    }

    @Test func wrongFieldType() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "geo: [21.0879, 105.6633]", with: "geo: {lat: 21}"))
        let error = try #require(onlyError())
        #expect(error.location.line == 9)
        #expect(error.message.contains("'geo' must be a list"))
    }

    @Test func missingRequiredField() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "address: Thị trấn Phùng, huyện Đan Phượng, Hà Nội\n", with: ""))
        let error = try #require(onlyError())
        #expect(error.location.path == "content/heritage/quan-phuong-tri/index.md")
        #expect(error.message.contains("missing the required field 'address'"))
    }

    @Test func impossibleDate() throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(
            of: "date: 2025-06-30", with: "date: 2024-13-45"))
        let error = try #require(onlyError())
        #expect(error.location.line == 10)
        #expect(error.message.contains("'2024-13-45' is not"))
    }

    @Test func sixStars() throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "stars: 4", with: "stars: 6"))
        let error = try #require(onlyError())
        #expect(error.location.line == 9)
        #expect(error.message.contains("3, 4 or 5"))
    }

    @Test func priceWrittenAsPeopleDo() throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(
            of: "price: 45000", with: "price: 45.000đ"))
        let error = try #require(onlyError())
        #expect(error.location.line == 11)
        #expect(error.message.contains("write price: 45000"))
    }

    /// A price written in thousands (45 for 45.000 đ) reached every marketplace a thousand times
    /// too low, without a word.
    @Test func priceInThousandsIsAnError() throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45"))
        let error = try #require(onlyError())
        #expect(error.location.line == 11)
        #expect(error.message.hasSuffix("'price' is 45 đồng, less than anything sells for: prices are written in whole đồng; if it is in thousands, write price: 45000"), "\(error.message)")
        // In another currency a small number is a price.
        try fixture.write("site.yaml", SiteFixture.siteYAML.replacingOccurrences(of: "currency: VND", with: "currency: USD"))
        let (usd, notes) = load()
        #expect(usd?.products.first?.price == 45, "\(notes.map(\.description))")
    }

    /// A weight with a decimal comma, as Vietnamese write it, is read; two marks are no weight.
    @Test func weightWithADecimalComma() throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45000\nweight: 1,5 kg"))
        let (content, diagnostics) = load()
        #expect(content?.products.first?.weight?.grams == 1500, "\(diagnostics.map(\.description))")
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45000\nweight: 1,5.2 kg"))
        #expect(try #require(onlyError()).message.contains("'weight' must be a number and g or kg"))
    }

    /// A price that could mean two amounts gets no fix to copy: `45k` is not 45 đồng, `4.5` not 45.
    @Test(arguments: ["45k", "4.5", "45000.5", "1e5", "-5", "45 nghìn"])
    func priceNotGuessed(_ written: String) throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: \(written)"))
        let error = try #require(onlyError())
        #expect(error.location.line == 11)
        #expect(error.message.contains("must be a whole number of đồng") && !error.message.contains("write price:"), "\(error.message)")
    }

    /// `languages: [vn, en]` (Viet Nam's country code): one error at that line, not one for every text's `vi:`.
    @Test func countryCodeForALanguageIsOneError() throws {
        try fixture.write("site.yaml", "title: Thử\nbase_url: https://x.vn/\nlanguages: [vn, en]\n")
        let error = try #require(onlyError())
        #expect(error.location.path == "content/site.yaml" && error.location.line == 3, "\(error.location)")
        #expect(error.message.contains("'vn' is not the two-letter code of a language") && error.message.contains("write 'vi'"), "\(error.message)")
    }

    /// Links written in a page's text that lead nowhere (a relic renamed or removed, a file not
    /// beside the page) were published without a word; one starting with / breaks when the site is
    /// opened from a USB stick.
    @Test func linksThatLeadNowhereAreWarnings() throws {
        try fixture.write("pages/huong-dan/index.md", """
        ---
        title: Hướng dẫn
        ---
        Xem [Quán](../../heritage/quan-phuong-tri/), [chè lam](../../products/che-lam/#gia), [HTX](../../producers/htx-che-lam/),
        [quán cũ](../../heritage/quan-phuong-tr/), [bản đồ](ban-do.jpg), [gốc](/heritage/quan-phuong-tri/),
        [trang chủ](../../), [tìm](../../search/), [đoạn](#muc-2), [web](https://x.vn/a) và [tiếng Anh](../../en/heritage/quan-phuong-tri/).
        """)
        let (content, diagnostics) = load()
        #expect(content != nil)
        #expect(diagnostics.filter { $0.message.contains("link") }.map(\.description) == [
            "content/pages/huong-dan/index.md:5:1: warning: the link '../../heritage/quan-phuong-tr/' leads nowhere: the content has no heritage/quan-phuong-tr (renamed, or removed?); did you mean '../../heritage/quan-phuong-tri/'?",
            "content/pages/huong-dan/index.md:5:1: warning: the link '/heritage/quan-phuong-tri/' starts with /: it works on the web server, not when the site is opened from a folder or a USB stick; write '../../heritage/quan-phuong-tri/'",
            "content/pages/huong-dan/index.md:5:1: warning: the link 'ban-do.jpg' leads nowhere: the content has no pages/huong-dan/ban-do.jpg beside this page",
        ], "\(diagnostics.map(\.description))")
    }

    /// Coordinates as people copy them (longitude first, decimal commas) and a year written as a
    /// date: the error says what to write.
    @Test(arguments: [
        ("geo: [21.0879, 105.6633]", "geo: [105.6633, 21.0879]", 9, "write geo: [21.0879, 105.6633]"),
        ("geo: [21.0879, 105.6633]", "geo: [21,0879, 105,6633]", 9, "write geo: [21.0879, 105.6633]"),
        ("ranking: national", "ranking: national\nranked_year: 2001-05-12", 8, "must be a whole number, found '2001-05-12'; only the year is written here: ranked_year: 2001"),
    ])
    func numbersAsPeopleCopyThem(_ line: String, _ written: String, _ at: Int, _ words: String) throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: line, with: written))
        let error = try #require(onlyError())
        #expect(error.location.line == at && error.message.hasSuffix(words), "\(error)")
    }

    /// Codes in moved_codes and retired_codes as people type them: the code to write, at its place.
    @Test func movedAndRetiredCodesInSmallLetters() throws {
        try fixture.write("site.yaml", SiteFixture.siteYAML + "\nmoved_codes: {dp09: dp01, DP08: heritage/quan-phuong-tri}\nretired_codes:\n  ĐP 07: Đã đóng\n")
        let (_, diagnostics) = load()
        #expect(diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "content/site.yaml:9:15: error: 'moved_codes': 'dp09' is not a code (2 to 12 capital letters A–Z or digits 0–9, as printed on the boards); write 'DP09'",
            "content/site.yaml:11:3: error: 'retired_codes': 'ĐP 07' is not a code (2 to 12 capital letters A–Z or digits 0–9, as printed on the boards); write 'DP07'"],
                "\(diagnostics.map(\.description))")
    }

    /// Moves and retirements written on one line as people try it: the braces, or the quotes, said.
    @Test(arguments: [
        ("moved_codes: DP09: DP01", "codes written on the field's own line go between braces: moved_codes: {DP09: DP01}"),
        ("retired_codes: {DP07: Di tích đã chuyển: xem DP01}", "put the whole text in quotes: retired_codes: {DP07: \"Di tích đã chuyển: xem DP01\"}"),
    ])
    func codesOnOneLine(_ line: String, _ words: String) throws {
        try fixture.write("site.yaml", SiteFixture.siteYAML + "\n" + line + "\n")
        let error = try #require(onlyError())
        #expect(error.location.line == 9 && error.message.hasSuffix(words), "\(error)")
    }

    /// Values typed between a word processor's curly quotes (“ ”) are read as quoted, told at each
    /// line: the text inside reaches the page, and a `:` inside is no error.
    @Test func curlyQuotesAreReadAsQuotesAndTold() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic
            .replacingOccurrences(of: "ranking: national", with: "ranking: national\nopening_hours: “07:00-17:00”")
            .replacingOccurrences(of: "  vi: Quán Đạo giáo cổ bên đầm Phượng Trì.", with: "  vi: “Quán Đạo giáo: cổ bên đầm Phượng Trì.” "))
        let (content, diagnostics) = load()
        let relic = try #require(content?.heritage.first, "\(diagnostics.map(\.description))")
        #expect(relic.openingHours == "07:00-17:00" && relic.summary?.values["vi"] == "Quán Đạo giáo: cổ bên đầm Phượng Trì.")
        #expect(diagnostics.map(\.description) == [8, 12].map {
            "content/heritage/quan-phuong-tri/index.md:\($0):1: warning: this value is written between curly quotes “ ” (a word processor's), which YAML does not read as quotes: Dinh reads the text inside; type straight quotes \"…\", or none"
        })
        // Quotes inside a text stay as written.
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "Quán Phượng Trì", with: "Quán “Phượng Trì”"))
        #expect(load().0?.heritage.first?.name.values["vi"] == "Quán “Phượng Trì”" && load().1.isEmpty)
    }

    /// Non-breaking spaces pasted into the indentation (or after a field's colon) look like spaces
    /// and are read as spaces, each line told; one inside a text stays.
    @Test func nonBreakingSpacesInTheIndentationAreReadAsSpacesAndTold() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic
            .replacingOccurrences(of: "\n  vi: Quán Phượng Trì", with: "\n\u{A0}\u{A0}vi: Quán Phượng Trì")
            .replacingOccurrences(of: "ranking: national", with: "ranking:\u{A0}national"))
        let (content, diagnostics) = load()
        let relic = try #require(content?.heritage.first, "\(diagnostics.map(\.description))")
        #expect(relic.name.values["vi"] == "Quán Phượng Trì" && relic.ranking == .national)
        let told = "warning: non-breaking spaces (pasted from Word, Zalo or a web page) stand at the start of this line or after its ':'; "
            + "they look like spaces, but YAML does not count them: Dinh reads them as spaces; type ordinary spaces there"
        #expect(diagnostics.map(\.description) == [4, 7].map { "content/heritage/quan-phuong-tri/index.md:\($0):1: \(told)" }, "\(diagnostics.map(\.description))")
        // Within a text it stays as written.
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "Quán Phượng Trì", with: "Quán\u{A0}Phượng Trì"))
        #expect(load().0?.heritage.first?.name.values["vi"] == "Quán\u{A0}Phượng Trì" && load().1.isEmpty)
    }

    /// Hours search engines are given must be times of day; written another way, the form they read is said.
    @Test func openingHours() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "ranking: national", with: "ranking: national\nopening_hours: \"07:00-25:00\""))
        #expect(try #require(onlyError()).message.hasSuffix("'opening_hours' '07:00-25:00' is no range of times of day: hours go from 00:00 to 24:00, as in \"07:00-17:00\""))
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "ranking: national", with: "ranking: national\nopening_hours: \"7h00 – 17h30\""))
        let (content, diagnostics) = load()
        #expect(content?.heritage.first?.openingHours == "7h00 – 17h30")
        #expect(diagnostics.map(\.description).contains("content/heritage/quan-phuong-tri/index.md:8:16: warning: 'opening_hours' '7h00 – 17h30' is shown as written, but search engines read only \"07:00-17:30\": write opening_hours: \"07:00-17:30\""), "\(diagnostics.map(\.description))")
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "ranking: national", with: "ranking: national\nopening_hours: \"Sáng 7h–11h, chiều 13h30–17h\""))
        #expect(load().1.filter { $0.message.contains("opening_hours") }.isEmpty)
    }

    @Test func duplicateCode() throws {
        try fixture.write("heritage/den-hat-mon/index.md", SiteFixture.relic)
        let error = try #require(onlyError())
        #expect(error.message.contains("the code DP01 is already used by content/heritage/den-hat-mon/index.md"))
        // At the line of the second page's code, where it is changed.
        #expect(error.location.path == "content/heritage/quan-phuong-tri/index.md" && error.location.line == 2, "\(error.location)")
    }

    /// Captions or a narration under a key that is no language of the site were dropped without
    /// a word (the Vietnamese page lost its captions): an error at the key, `vn` read as `vi`.
    @Test func mediaForALanguageTheSiteHasNot() throws {
        try fixture.write("heritage/quan-phuong-tri/le-hoi.mp4", "not checked by the loader")
        try fixture.write("heritage/quan-phuong-tri/le-hoi.vi.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nLễ hội\n")
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "---\nLịch sử", with: "videos:\n  - file: le-hoi.mp4\n    captions: {vn: le-hoi.vi.vtt}\n---\nLịch sử"))
        let captions = try #require(onlyError())
        #expect(captions.location.line == 15 && captions.location.column == 16, "\(captions.location)")
        #expect(captions.message.contains("'captions' gives a file for 'vn', which is not a language of this site (site.yaml lists vi, en), so it would not be published; did you mean 'vi'?"),
                "\(captions.message)")
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "---\nLịch sử", with: "narration:\n  fr: {audio: le-hoi.mp4}\n---\nLịch sử"))
        let narration = try #require(onlyError())
        #expect(narration.location.line == 14 && narration.message.contains("'narration' gives a file for 'fr'"), "\(narration)")
    }

    /// A missing English recording is not "corrected" to the Vietnamese one beside it.
    @Test func missingRecordingIsNotGuessedInAnotherLanguage() throws {
        try fixture.write("heritage/quan-phuong-tri/san-dinh.vi.mp3", "ID3 not read by the loader")
        try fixture.write("heritage/quan-phuong-tri/san-dinh.en.vtt", "WEBVTT\n")   // a transcript is no recording
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "---\nLịch sử", with: "narration:\n  vi: {audio: san-dinh.vi.mp3}\n  en: {audio: san-dinh.en.mp3}\n---\nLịch sử"))
        let error = try #require(onlyError())
        #expect(error.message.contains("'san-dinh.en.mp3'") && !error.message.contains("did you mean"), "\(error.message)")
        // Misspelt in its own language, it still is.
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "---\nLịch sử", with: "narration:\n  vi: {audio: san-dihn.vi.mp3}\n---\nLịch sử"))
        #expect(try #require(onlyError()).message.contains("did you mean 'san-dinh.vi.mp3'?"))
    }

    /// Captions in one language and not in another: the other page's visitors who cannot hear are told of.
    @Test func aTranscriptInOneLanguageOnlyIsTold() throws {
        for name in ["thuyet-minh.vi.mp3", "thuyet-minh.en.mp3"] { try fixture.write("heritage/quan-phuong-tri/" + name, "ID3 not read by the loader") }
        try fixture.write("heritage/quan-phuong-tri/thuyet-minh.vi.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nKính chào\n")
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "---\nLịch sử", with: "narration:\n  vi: {audio: thuyet-minh.vi.mp3, transcript: thuyet-minh.vi.vtt}\n  en: {audio: thuyet-minh.en.mp3}\n---\nLịch sử"))
        let (content, diagnostics) = load()
        #expect(content?.heritage.first?.narration.count == 2)
        #expect(diagnostics.map(\.description) == ["content/heritage/quan-phuong-tri/index.md:15:7: warning: the English narration (en) has no transcript, while the Vietnamese one (vi) has: "
            + "its page shows no captions (for deaf visitors, or with the sound off in a noisy courtyard); add `transcript: thuyet-minh.en.vtt`"], "\(diagnostics.map(\.description))")
    }

    /// A date written the Vietnamese way is answered with the same date as the format wants it.
    @Test func dayMonthYearDateIsRewritten() throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "date: 2025-06-30", with: "date: 20/03/2025"))
        let error = try #require(onlyError())
        #expect(error.message.hasSuffix("'20/03/2025' is not: write 2025-03-20"), "\(error.message)")
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "date: 2025-06-30", with: "date: 2025/3/20"))
        #expect(try #require(onlyError()).message.hasSuffix("'2025/3/20' is not: write 2025-03-20"))
    }

    @Test func badCode() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "code: DP01", with: "code: dp-01"))
        let error = try #require(onlyError())
        #expect(error.location.line == 2)
        #expect(error.message.contains("write 'DP01'"))
        // Vietnamese letters folded, not dropped (it suggested 'P01').
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "code: DP01", with: "code: ĐP 01"))
        #expect(try #require(onlyError()).message.contains("found 'ĐP 01'; write 'DP01'"))
    }

    @Test func unknownProducer() throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(
            of: "producer: htx-che-lam", with: "producer: htx-che-lan"))
        let error = try #require(onlyError())
        #expect(error.location.line == 6)
        #expect(error.message.contains("no file producers/htx-che-lan.yaml"))
        #expect(error.message.contains("did you mean 'htx-che-lam'?"))
    }

    /// Saved as "Unicode" in Windows Notepad (UTF-16 with its byte-order mark, CRLF): read as it is.
    @Test(arguments: [String.Encoding.utf16LittleEndian, .utf16BigEndian])
    func fileSavedAsUTF16IsRead(_ encoding: String.Encoding) throws {
        let mark: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        let text = try #require(SiteFixture.siteYAML.replacingOccurrences(of: "\n", with: "\r\n").data(using: encoding))
        try fixture.write("site.yaml", data: Data(mark) + text)
        let (content, diagnostics) = load()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(content?.site.title.resolve("vi", default: "vi") == "Di sản thử nghiệm")
    }

    /// A producer saved from an old Windows program (Windows-1258): one error, at that file; its
    /// products are not also told that it does not exist.
    @Test func producerNotInUTF8IsOneError() throws {
        // "Chè lam Hà Trung" in Windows-1258: è is 0xE8, à is 0xE0.
        try fixture.write("producers/htx-che-lam.yaml", data: Data("name: HTX Ch".utf8 + [0xE8] + " lam H".utf8 + [0xE0] + " Trung\nkind: cooperative\n".utf8))
        let error = try #require(onlyError())
        #expect(error.location.path == "content/producers/htx-che-lam.yaml", "\(error)")
        #expect(error.message.contains("UTF-8"), "\(error)")
    }

    /// A product page copied for a new product keeps the old one's barcode or id: an error at the
    /// copy's line, naming the product it belongs to.
    @Test func twoProductsWithOneBarcodeOrOneID() throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45000\ngtin: \"8936012345674\""))
        try fixture.write("products/che-lam-gung/index.md", SiteFixture.product.replacingOccurrences(of: "code: HT42", with: "code: HT43")
            .replacingOccurrences(of: "price: 45000", with: "price: 50000\ngtin: \"8936012345674\""))
        let barcode = try #require(onlyError())
        #expect(barcode.location == SourceLocation(path: "content/products/che-lam/index.md", line: 12, column: 7), "\(barcode)")
        #expect(barcode.message.contains("barcode 8936012345674 is already that of content/products/che-lam-gung/index.md"), "\(barcode)")

        // A product page copied whole: one error, the code's (its id is that code).
        try fixture.write("products/che-lam-gung/index.md", SiteFixture.product)
        let code = try #require(onlyError())
        #expect(code.message.contains("the code HT42 is already used by"), "\(code)")

        try fixture.write("products/che-lam-gung/index.md", SiteFixture.product.replacingOccurrences(of: "code: HT42", with: "code: HT43\nsku: HT42"))
        let id = try #require(onlyError())
        #expect(id.location.path == "content/products/che-lam/index.md" && id.location.line == 2, "\(id)")
        #expect(id.message.contains("product id HT42"), "\(id)")
    }

    /// A hotspot leads to another scene of the relic: not to one that is not there, nor to its own.
    @Test(arguments: [
        ("hau-cung", "no scene with that id"),
        ("san-trong", "this hotspot is in the scene 'san-trong' and leads to it: tapped, it goes nowhere; write the scene it leads to (dinh-trong)"),
    ])
    func hotspotToAnotherScene(_ target: String, _ words: String) throws {
        try fixture.write("heritage/quan-phuong-tri/san.jpg", data: Data([0xFF, 0xD8, 0xFF]))
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "---\nLịch sử", with: """
        scenes:
          - id: san-trong
            title: Sân trong
            panorama: san.jpg
            hotspots:
              - {yaw: 135, pitch: -4, scene: \(target)}
          - {id: dinh-trong, title: Đình trong, panorama: san.jpg}
        ---
        Lịch sử
        """))
        let error = try #require(onlyError())
        #expect(error.location.line == 18)
        #expect(error.message.contains(words), "\(error)")
    }

    @Test func pathEscapingThePageFolder() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "---\nLịch sử", with: "gallery: [../../site.yaml]\n---\nLịch sử"))
        let error = try #require(onlyError())
        #expect(error.location.line == 13)
        #expect(error.message.contains("outside this page's folder"))
    }

    @Test func symlinkOutOfTheContentFolder() throws {
        let outside = try fixture.directory.write("secret.jpg", "not a photo")
        try FileManager.default.createSymbolicLink(
            at: fixture.content.appendingPathComponent("heritage/quan-phuong-tri/anh.jpg"), withDestinationURL: outside)
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "---\nLịch sử", with: "gallery: [anh.jpg]\n---\nLịch sử"))
        let error = try #require(onlyError())
        #expect(error.location.line == 13)
        #expect(error.message.contains("outside the content folder"))
    }

    @Test func nonSlugFolderSuggestsSlug() throws {
        try FileManager.default.moveItem(at: fixture.content.appendingPathComponent("heritage/quan-phuong-tri"),
                                         to: fixture.content.appendingPathComponent("heritage/Quán Phượng Trì"))
        let error = try #require(onlyError())
        #expect(error.location.path == "content/heritage/Quán Phượng Trì")
        #expect(error.message.contains("rename it to 'quan-phuong-tri'"))
    }

    @Test func decomposedTextIsNormalised() throws {
        let nfd = SiteFixture.relic.decomposedStringWithCanonicalMapping
        #expect(nfd != SiteFixture.relic.precomposedStringWithCanonicalMapping || nfd.unicodeScalars.count != SiteFixture.relic.unicodeScalars.count)
        try fixture.write("heritage/quan-phuong-tri/index.md", nfd)
        let (content, diagnostics) = load()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let name = try #require(content?.heritage.first?.name.resolve("vi", default: "vi"))
        #expect(Array(name.unicodeScalars) == Array("Quán Phượng Trì".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func emptyIndex() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", "")
        let error = try #require(onlyError())
        #expect(error.location.path == "content/heritage/quan-phuong-tri/index.md")
        #expect(error.message.contains("empty"))
    }

    @Test func binaryIndex() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", data: Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]))
        let error = try #require(onlyError())
        #expect(error.message.contains("not a text file"))
    }

    @Test func missingSiteYAML() throws {
        try fixture.remove("site.yaml")
        let error = try #require(onlyError())
        #expect(error.location.path == "content/site.yaml")
        #expect(error.message.contains("site.yaml is missing"))
    }

    @Test func everyErrorReportedInOneRun() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic
            .replacingOccurrences(of: "ranking: national", with: "ranking: world")
            .replacingOccurrences(of: "geo: [21.0879, 105.6633]", with: "geo: [121.0, 105.6633]"))
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "stars: 4", with: "stars: 2"))
        let (_, diagnostics) = load()
        let lines = diagnostics.map { "\($0.location.path):\($0.location.line)" }
        #expect(lines == ["content/heritage/quan-phuong-tri/index.md:7", "content/heritage/quan-phuong-tri/index.md:9",
                          "content/products/che-lam/index.md:9"])
    }

    @Test func expiredCertificateIsAWarning() throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "date: 2025-06-30", with: "date: 2021-06-30"))
        let (content, diagnostics) = load()
        #expect(content != nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.message.contains("expired on 2024-06-30") == true)
    }

    /// Boards printed from an http:// address keep it for years: said once, at its line, with the
    /// https:// form to write; a server on this computer is left alone.
    @Test(arguments: [("http://disan.example.vn/", true), ("HTTP://disan.example.vn", true), ("http://localhost:8080/", false)])
    func plainHTTPAddressIsAWarning(_ address: String, warned: Bool) throws {
        try fixture.write("site.yaml", SiteFixture.siteYAML.replacingOccurrences(of: "base_url: https://disan.example.vn/", with: "base_url: \(address)"))
        let (content, diagnostics) = load()
        #expect(content != nil, "a warning: the site is still built")
        let plain = diagnostics.filter { $0.message.contains("starts with http://") }
        #expect(plain.map(\.location.line) == (warned ? [4] : []), "\(diagnostics)")
        #expect(warned || diagnostics.isEmpty, "a server on this computer: nothing to say \(diagnostics)")
        if warned {
            #expect(plain.first?.severity == .warning)
            #expect(plain.first?.message.contains("write https://disan.example.vn/") == true, "\(diagnostics)")
        }
    }

    @Test func translationOverridesText() throws {
        try fixture.write("heritage/quan-phuong-tri/index.en.md", SiteFixture.relicInEnglish
            .replacingOccurrences(of: "---\nkind:", with: "---\nsummary: Translated summary\nkind:")
            .replacingOccurrences(of: "History of the temple.", with: "History in English."))
        let (content, diagnostics) = load()
        #expect(diagnostics.isEmpty)
        let relic = try #require(content?.heritage.first)
        #expect(relic.summary?.resolve("en", default: "vi") == "Translated summary")
        #expect(relic.body["en"] == "<p>History in English.</p>")
    }

    @Test func gtinCheckDigit() throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(
            of: "price: 45000", with: "price: 45000\ngtin: \"8936012345670\""))
        let error = try #require(onlyError())
        #expect(error.message.contains("wrong check digit"))
        #expect(GTIN.isValid("4006381333931"))
    }
}
