import DinhContent
import DinhCore
import DinhFeeds
import DinhSite
import DinhTestSupport
import Foundation
import Testing

/// Dinh as a library, through its public API only (no @testable): a site from a model made in
/// code, and custom steps in the build.
@Suite struct LibraryTests {
    static func content(root: URL) -> Content {
        let producer = Producer(slug: "htx-mau", source: SourceLocation(path: "code"), name: LocalizedText(["vi": "HTX Mẫu"]), kind: .cooperative)
        let product = Product(slug: "mat-ong", folder: root, source: SourceLocation(path: "code", line: 7), code: "MO01", sku: "MO01",
                              name: LocalizedText(["vi": "Mật ong hoa nhãn", "en": "Longan flower honey"]), producer: producer.slug,
                              category: .food, ocop: OCOP(stars: 4, year: 2024, expires: CalendarDate(year: 2027, month: 12, day: 31)!),
                              price: 150000, brand: "Mật ong Mẫu", body: ["vi": "<p>Mật ong nguyên chất.</p>", "en": "<p>Pure honey.</p>"])
        let page = Page(slug: "gioi-thieu", source: SourceLocation(path: "code"), title: LocalizedText(["vi": "Giới thiệu", "en": "About"]),
                        body: ["vi": "<p>Trang giới thiệu.</p>", "en": "<p>About us.</p>"])
        let site = Site(title: LocalizedText(["vi": "Sản vật Mẫu", "en": "Mau products"]), baseURL: "https://mau.example.vn/",
                        languages: ["vi", "en"], publisher: Publisher(name: LocalizedText(["vi": "UBND xã Mẫu"])))
        return Content(root: root, site: site, heritage: [], products: [product], producers: [producer], pages: [page])
    }

    @Test func aSiteBuiltFromAModelMadeInCode() async throws {
        let folder = try TemporaryDirectory("dinh-library")
        defer { folder.remove() }
        var options = BuildOptions(content: folder.url, output: folder.file("public"))
        options.recordCodes = false
        let report = try await SiteBuilder(content: Self.content(root: folder.file("root")), options: options).build()
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let page = try String(contentsOf: folder.file("public/en/products/mat-ong/index.html"), encoding: .utf8)
        #expect(page.contains("Longan flower honey") && page.contains("Pure honey."))
        #expect(FileManager.default.fileExists(atPath: folder.file("public/pages/gioi-thieu/index.html").path))
        #expect(FileManager.default.fileExists(atPath: folder.file("public/qr/MO01.png").path))
        let feed = try String(contentsOf: folder.file("public/feeds/products.json"), encoding: .utf8)
        #expect(feed.contains("MO01"))
    }

    /// A step of our own, after the pages: it reads the marketplace items the build made and writes
    /// a file that is published with the site; its name is a progress line.
    struct PriceList: BuildStep {
        var name: String { "price list" }
        func run(_ context: inout BuildContext) async throws {
            let items = context.catalog?.items("vi") ?? []
            try context.write("price-list.txt", Data(items.map { "\($0.id) \($0.price)\n" }.joined().utf8))
        }
    }

    /// A step that finds a problem: the build stops and publishes nothing.
    struct Refuse: BuildStep {
        var name: String { "refuse" }
        func run(_ context: inout BuildContext) async throws {
            context.diagnostics.error(SourceLocation(path: "code", line: 3), "refused by a custom step")
        }
    }

    @Test func customStepsRunInTheBuildAndCanStopIt() async throws {
        let folder = try TemporaryDirectory("dinh-steps")
        defer { folder.remove() }
        let lines = Lines()
        var options = BuildOptions(content: folder.url, output: folder.file("public"), log: { lines.add($0) })
        options.recordCodes = false
        let builder = SiteBuilder(content: Self.content(root: folder.file("root")), options: options)
        let report = try await builder.adding(PriceList(), after: "pages").build()
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        #expect(try String(contentsOf: folder.file("public/price-list.txt"), encoding: .utf8) == "MO01 150000\n")
        #expect(lines.all.contains("[6/8] price list"), "\(lines.all)")
        #expect(lines.all.last == "[8/8] publish")

        let before = Tools.tree(folder.file("public"))
        let refused = try await builder.adding(Refuse(), after: "media").build()
        #expect(!refused.succeeded)
        #expect(refused.diagnostics.errors.map(\.description) == ["code:3:1: error: refused by a custom step"])
        #expect(Tools.tree(folder.file("public")) == before, "the published site is untouched")

        // A step added after a name no step has would never run: the build says so and builds nothing.
        let lost = await #expect(throws: DinhError.self) { try await builder.adding(PriceList(), after: "360° tiles").build() }
        #expect(lost?.description.contains("'360° tiles'") == true && lost?.description.contains("media, QR codes, pages") == true, "\(String(describing: lost))")
        #expect(Tools.tree(folder.file("public")) == before)
    }
}

final class Lines: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLock()
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
