import DinhContent
import DinhCore
import DinhSite
import DinhTestSupport
import Foundation
import Testing

/// *1.1* payment codes from a model made in code (public API): the new `bank` and `payQR` have
/// defaults, and a product that costs nothing (which the content files cannot say) has no code.
@Suite struct PayCodeLibraryTests {
    @Test func priceZeroAndPayQRFalseHaveNoPaymentCode() async throws {
        let folder = try TemporaryDirectory("dinh-library-pay")
        defer { folder.remove() }
        let root = folder.file("root")
        let producer = Producer(slug: "htx-mau", source: SourceLocation(path: "code"), name: LocalizedText(["vi": "HTX Mẫu"]), kind: .cooperative,
                                bank: BankAccount(bin: "970418", account: "1234567890", name: "HTX MAU"))
        func product(_ code: String, price: Int, payQR: Bool = true) -> Product {
            Product(slug: code.lowercased(), folder: root, source: SourceLocation(path: "code"), code: code, sku: code,
                    name: LocalizedText(["vi": "Sản phẩm \(code)"]), producer: producer.slug, category: .food,
                    ocop: OCOP(stars: 3, year: 2025, expires: CalendarDate(year: 2028, month: 12, day: 31)!),
                    price: price, payQR: payQR)
        }
        let site = Site(title: LocalizedText(["vi": "Sản vật Mẫu"]), baseURL: "https://mau.example.vn/", languages: ["vi"],
                        publisher: Publisher(name: LocalizedText(["vi": "UBND xã Mẫu"])))
        let content = Content(root: root, site: site, heritage: [], products: [product("MO01", price: 150000), product("MO02", price: 0),
                                                                              product("MO03", price: 90000, payQR: false)],
                              producers: [producer], pages: [])
        var options = BuildOptions(content: folder.url, output: folder.file("public"))
        options.recordCodes = false
        let report = try await SiteBuilder(content: content, options: options).build()
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: folder.file("public/\(path)").path) }
        #expect(exists("qr/MO01-pay.png") && exists("qr/MO01-pay.svg"))
        #expect(!exists("qr/MO02-pay.png") && !exists("qr/MO02-pay.svg") && exists("qr/MO02.png"))
        #expect(!exists("qr/MO03-pay.png") && !exists("qr/MO03-pay.svg") && exists("qr/MO03.png"))
        let page = try String(contentsOf: folder.file("public/products/mo01/index.html"), encoding: .utf8)
        #expect(page.contains("Chuyển khoản") && page.contains("BIDV") && page.contains("1234567890") && page.contains("150.000 ₫"))
        let free = try String(contentsOf: folder.file("public/products/mo02/index.html"), encoding: .utf8)
        #expect(!free.contains("Chuyển khoản"))
    }
}
