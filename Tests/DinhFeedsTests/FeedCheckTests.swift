import DinhContent
import DinhCore
@testable import DinhFeeds
import DinhTestSupport
import Foundation
import Testing

@Suite struct FeedCheckTests {
    @Test func checksReportRejectionsAsErrorsAndDemotionsAsWarnings() throws {
        let feed = try FeedFixture()
        // A real PNG header: 300×300.
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
        png += [0, 0, 1, 0x2C, 0, 0, 1, 0x2C, 8, 2, 0, 0, 0]
        try feed.fixture.write("products/mat-ong/nho.png", data: Data(png))
        let diagnostics = FeedChecks.diagnostics(for: feed.content, today: FeedFixture.today).sorted
        let lines = diagnostics.map(\.description)
        func has(_ path: String, _ severity: Diagnostic.Severity, _ text: String) -> Bool {
            diagnostics.contains { $0.location.path == "content/products/\(path)/index.md" && $0.severity == severity && $0.message.contains(text) }
        }
        #expect(has("non-la", .error, "no photo"), "\(lines)")
        #expect(has("mat-ong", .error, "300×300"), "\(lines)")
        #expect(has("mat-ong", .error, "at least 500×500"), "\(lines)")
        #expect(!has("mat-ong", .error, "at least 100×100"), "\(lines)")
        #expect(has("mat-ong", .warning, "no description"), "\(lines)")
        #expect(has("mat-ong", .warning, "no 'gtin' and no 'brand'"), "\(lines)")
        #expect(has("mat-ong", .warning, "pre-order"), "\(lines)")
        #expect(!diagnostics.contains { $0.location.path.contains("homestay") }, "\(lines)")
        #expect(!diagnostics.contains { $0.location.path.contains("che-lam") }, "\(lines)")
        // Said once, not once per language.
        #expect(diagnostics.filter { $0.message.contains("no photo") }.count == 1)
    }

    /// Google takes photos from 100×100 until 31 January 2027, then from 500×500 as Meta does:
    /// before that date the message gives it, from it the product leaves both feeds.
    @Test func googlesLargerPhotosFromTheEndOfJanuary2027() throws {
        let feed = try FeedFixture()
        let honey = try #require(feed.content.products.first { $0.slug == "mat-ong" })
        for (day, inGoogle, text) in [(CalendarDate(year: 2027, month: 1, day: 30)!, true, "Google will need the same from 2027-01-31"),
                                      (CalendarDate(year: 2027, month: 1, day: 31)!, false, "Google and Meta need at least 500×500")] {
            let options = FeedOptions(today: day, image: FeedFixture.options.image)
            let item = FeedItem(product: honey, language: "vi", content: feed.content, options: options)
            let problems = FeedChecks.problems(item).filter { $0.message.contains("300×300") }
            #expect(problems.count == 1 && problems[0].message.contains(text), "\(day): \(problems.map(\.message))")
            #expect(FeedChecks.isAccepted(item, by: .google) == inGoogle && !FeedChecks.isAccepted(item, by: .meta), "\(day)")
            let xml = String(decoding: Feeds.files(for: feed.content, options: options).files.first { $0.path == "feeds/google-merchant.xml" }?.data ?? Data(), as: UTF8.self)
            #expect(xml.contains("<g:id>MO01</g:id>") == inGoogle, "\(day)")
        }
    }

    /// A product its page does not sell (no marketplace link, no phone for its producer, no payment
    /// code) is refused by Google and Meta: a warning for both (the page's text may give a way).
    @Test func aProductWithNoWayToOrderIsWarned() throws {
        let feed = try FeedFixture()
        var content = feed.content
        let honey = try #require(content.products.first { $0.slug == "mat-ong" })
        #expect(honey.buy.isEmpty)
        func problems() -> [FeedChecks.Problem] {
            FeedChecks.problems(FeedItem(product: honey, language: "vi", content: content, options: FeedFixture.options))
                .filter { $0.message.contains("no way to buy it") }
        }
        #expect(problems().isEmpty, "its producer has a phone")
        content.producers = content.producers.map { var producer = $0; producer.phone = nil; return producer }
        let found = problems()
        #expect(found.count == 1 && found[0].severity == .warning && found[0].marketplaces == Set(Marketplace.allCases), "\(found)")
    }

    /// Rượu and bia are filed as Alcoholic Beverages, where Google applies its alcohol rules;
    /// other drinks stay Beverages.
    @Test func alcoholIsFiledAsAlcohol() throws {
        let feed = try FeedFixture()
        var drink = try #require(feed.content.products.first { $0.slug == "mat-ong" })
        #expect(OCOPGroup.googleCategory(drink) == 413)
        for name in ["Rượu làng Vân", "RƯỢU NẾP CÁI HOA VÀNG", "Bia hơi Hà Nội"] {
            drink.name = LocalizedText(["vi": name])
            #expect(OCOPGroup.googleCategory(drink) == 499676, "\(name)")
        }
        drink.name = LocalizedText(["vi": "Nước mắm", "en": "Village rice wine"])
        #expect(OCOPGroup.googleCategory(drink) == 499676, "by its English name")
        drink.category = .handicraft
        drink.name = LocalizedText(["vi": "Sổ bìa da"])
        #expect(OCOPGroup.googleCategory(drink) == 696, "only drinks")
    }

    /// A product without a description is described by its name and unit, in the feed's language
    /// only: an English feed does not say "(gói 200 g)".
    @Test func theUnitOfADescriptionIsInTheFeedsLanguage() throws {
        let feed = try FeedFixture()
        var product = try #require(feed.content.products.first { $0.slug == "che-lam" })
        product.body = [:]
        product.name = LocalizedText(["vi": "Kẹo lạc Thượng Mỗ", "en": "Thuong Mo peanut candy"])
        product.unit = LocalizedText(["vi": "gói 200 g"])
        func description(_ language: String) -> String {
            FeedItem(product: product, language: language, content: feed.content, options: FeedFixture.options).description
        }
        #expect(description("vi") == "Kẹo lạc Thượng Mỗ (gói 200 g)" && description("en") == "Thuong Mo peanut candy")
        product.unit = LocalizedText(["vi": "gói 200 g", "en": "200 g pack"])
        #expect(description("en") == "Thuong Mo peanut candy (200 g pack)")
    }

    @Test func lengthsPricesAndRestrictedGTINs() throws {
        let feed = try FeedFixture()
        var product = try #require(feed.content.products.first { $0.slug == "che-lam" })
        product.name = LocalizedText(["vi": String(repeating: "Chè ", count: 40) + "x", "en": "short"])
        product.body = ["vi": "<p>" + String(repeating: "a", count: 5001) + "</p>"]
        product.salePrice = 45000
        product.gtin = "2000000000008"
        product.sku = String(repeating: "X", count: 51)
        let item = FeedItem(product: product, language: "vi", content: feed.content, options: FeedFixture.options)
        let problems = FeedChecks.problems(item)
        func find(_ text: String) -> FeedChecks.Problem? { problems.first { $0.message.contains(text) } }
        #expect(find("the name is 161 characters")?.marketplaces == [.google])
        #expect(find("5001 characters")?.severity == .error)
        #expect(find("'sale_price' (45000) must be lower")?.severity == .error)
        #expect(find("restricted GS1 range")?.severity == .warning)
        #expect(find("feed id")?.marketplaces == [.google])
        #expect(item.gtin == nil)
        #expect(!JSONLD.product(item, content: feed.content, today: FeedFixture.today).contains("2000000000008"), "nor in the page's JSON-LD")
        #expect(!FeedChecks.isAccepted(item, by: .google))
        let xml = GoogleMerchantFeed.xml(items: [item], language: "vi", site: feed.content.site)
        #expect(!xml.contains("<item>"))
    }

    /// Limits count characters, not bytes: 150 Vietnamese letters (more than 150 bytes) fit Google's
    /// 150; 151 do not.
    @Test func lengthsCountCharactersNotBytes() throws {
        let feed = try FeedFixture()
        var product = try #require(feed.content.products.first { $0.slug == "che-lam" })
        for (count, tooLong) in [(150, false), (151, true)] {
            product.name = LocalizedText(["vi": String(repeating: "ề", count: count), "en": "short"])
            product.body = ["vi": "<p>" + String(repeating: "ạ", count: 5000) + "</p>"]
            let item = FeedItem(product: product, language: "vi", content: feed.content, options: FeedFixture.options)
            #expect(item.title.utf8.count > 150 && item.description.utf8.count > 5000)
            let problems = FeedChecks.problems(item)
            #expect(problems.contains { $0.message.contains("the name is \(count) characters") } == tooLong, "\(problems.map(\.message))")
            #expect(!problems.contains { $0.message.contains("description is") && $0.message.contains("characters") }, "\(problems.map(\.message))")
        }
    }

    @Test func aTranslationProblemNamesTheTranslationFile() throws {
        let feed = try FeedFixture()
        var content = feed.content
        let index = try #require(content.products.firstIndex { $0.slug == "che-lam" })
        content.products[index].name.values["en"] = String(repeating: "x", count: 151)
        let diagnostics = FeedChecks.diagnostics(for: content, today: FeedFixture.today) { _ in PixelSize(width: 800, height: 800) }
        let messages = diagnostics.all.filter { $0.location.path == "content/products/che-lam/index.md" }.map(\.message)
        #expect(messages == ["the name is 151 characters long; Google Merchant Center accepts at most 150, so the product is left out of its feed: shorten 'name' (in index.en.md)"])
    }

    /// A product with its English text but not its English name is left out of the English feeds:
    /// said (the loader warns only where the whole translation is missing).
    @Test func aTranslationWithoutTheNameIsWarned() throws {
        let feed = try FeedFixture()
        var content = feed.content
        let index = try #require(content.products.firstIndex { $0.slug == "che-lam" })
        #expect(content.products[index].body["en"] != nil)
        content.products[index].name.values["en"] = nil
        let diagnostics = FeedChecks.diagnostics(for: content, today: FeedFixture.today) { _ in PixelSize(width: 800, height: 800) }
        let messages = diagnostics.all.filter { $0.location.path == "content/products/che-lam/index.md" }.map(\.message)
        #expect(messages == ["the product has no name in English: the en feeds leave it out; write name: in index.en.md, or name: {…, en: …} in index.md"], "\(messages)")
    }

    @Test func restrictedRanges() {
        #expect(GTINRange.isRestricted("2012345678900"))
        #expect(GTINRange.isRestricted("9812345678901"))
        #expect(!GTINRange.isRestricted("8936012345674"))
        #expect(GTINRange.isRestricted("20123457"))
        #expect(GTINRange.isRestricted("412345678901"))
        #expect(!GTINRange.isRestricted("012345678905"))
    }

    @Test func imageHeaders() {
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0x02, 0x58, 0x03, 0x20, 3, 0, 0, 0, 0]
        #expect(ImageHeader.pixelSize(of: jpeg) == PixelSize(width: 800, height: 600))
        #expect(ImageHeader.pixelSize(of: [0, 1, 2]) == nil)
    }
}

@Suite struct ImageHeaderOracleTests {
    /// Sizes read from headers agree with Pillow, for a JPEG with a large EXIF block and a PNG.
    @Test func headersAgreeWithPillow() throws {
        let folder = try TemporaryDirectory("dinh-image-header")
        defer { folder.remove() }
        try folder.write("make.py", """
        from PIL import Image
        exif = Image.Exif(); exif[0x010E] = "x" * 60000
        Image.new("RGB", (640, 480), "red").save("big-exif.jpg", exif=exif.tobytes())
        Image.new("RGB", (499, 501), "blue").save("small.png")
        Image.new("RGB", (1200, 900), "green").save("progressive.jpg", progressive=True)
        """)
        let made = try Tools.run("/bin/sh", ["-c", "\(Tools.python) make.py"], in: folder.url)
        try #require(made.status == 0, "\(made.stderr)")
        #expect(ImageHeader.pixelSize(of: folder.file("big-exif.jpg")) == PixelSize(width: 640, height: 480))
        #expect(ImageHeader.pixelSize(of: folder.file("small.png")) == PixelSize(width: 499, height: 501))
        #expect(ImageHeader.pixelSize(of: folder.file("progressive.jpg")) == PixelSize(width: 1200, height: 900))
    }
}
