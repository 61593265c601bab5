import DinhContent
import DinhCore
import DinhFeeds
import DinhTestSupport
import Foundation

/// A content folder with products that exercise the feeds: markup characters and Vietnamese in
/// every text, a sale price, a GTIN, a pre-order, a product without photos, a tourism service.
struct FeedFixture {
    let fixture: SiteFixture
    let content: Content
    static let today = CalendarDate(year: 2026, month: 1, day: 15)!

    init() throws {
        fixture = try SiteFixture()
        try fixture.write("products/che-lam/index.md", """
        ---
        code: HT42
        sku: HT-CHELAM-300
        name:
          vi: Chè lam "Hà Trung" & <bạn> 'ngon'
          en: Ha Trung ginger rice cake & friends
        producer: htx-che-lam
        category: food
        ocop:
          stars: 4
          date: 2025-06-30
          decision: "1234/QĐ-UBND"
        price: 45000
        sale_price: 40000
        unit: {vi: hộp 300 g, en: 300 g box}
        weight: 300 g
        gtin: "8936012345674"
        availability: in_stock
        images: [che-lam-1.jpg, che-lam-2.jpg]
        buy:
          shopee: https://shopee.vn/che-lam?a=1&b=2
        ---
        Bánh **chè lam** làm từ gạo nếp, mật mía & gừng.

        Giá tốt < 50.000 đồng; "ngon" và 'giòn'.
        """)
        try fixture.write("products/che-lam/index.en.md", """
        ---
        ---
        Sticky rice, molasses & ginger: <crisp> "and" 'sweet'.
        """)
        try fixture.write("products/che-lam/che-lam-1.jpg", "x")
        try fixture.write("products/che-lam/che-lam-2.jpg", "x")
        try fixture.write("products/mat-ong/index.md", """
        ---
        code: MO01
        name: Mật ong rừng Ba Vì
        producer: htx-che-lam
        category: beverage
        ocop: {stars: 3, year: 2020}
        price: 120000
        availability: preorder
        images: [nho.png]
        ---
        """)
        try fixture.write("products/mat-ong/nho.png", "x")
        try fixture.write("products/non-la/index.md", """
        ---
        code: NL01
        name: Nón lá Chuông
        producer: htx-che-lam
        category: handicraft
        ocop: {stars: 5, year: 2024}
        price: 90000
        ---
        Nón lá làng Chuông.
        """)
        try fixture.write("products/homestay/index.md", """
        ---
        code: HS01
        name: Homestay làng cổ
        producer: htx-che-lam
        category: tourism
        ocop: {stars: 3, year: 2024}
        price: 300000
        images: [nha.jpg]
        ---
        Nghỉ đêm ở nhà cổ.
        """)
        try fixture.write("products/homestay/nha.jpg", "x")
        try fixture.write("producers/htx-che-lam.yaml", """
        name: HTX Chè lam Hà Trung & Co
        kind: cooperative
        address: Xã Hà Sơn, huyện Hà Trung, Thanh Hóa
        geo: [20.02, 105.82]
        phone: "0237 3123 456"
        email: htx@example.vn
        website: https://htx.example.vn/
        """)
        let (loaded, diagnostics) = ContentLoader(root: fixture.content, displayRoot: "content", today: Self.today).load()
        guard let loaded else { throw TestFailure("fixture does not load: \(diagnostics.sorted)") }
        content = loaded
    }

    /// Published images: 1000×1000 except `nho.png`, 300×300 (too small for Meta).
    static let options = FeedOptions(today: today) { media in
        let side = media.path == "nho.png" ? 300 : 1000
        return FeedImage(url: "https://disan.example.vn/media/\(media.path.replacingOccurrences(of: ".", with: "-800."))", width: side, height: side)
    }

    func files() -> [String: Data] {
        Dictionary(uniqueKeysWithValues: Feeds.files(for: content, options: Self.options).files.map { ($0.path, $0.data) })
    }

    /// Writes files into a fresh folder and runs a Python oracle script there.
    func python(_ script: String, files: [String: Data]) throws -> ProcessResult {
        let folder = try TemporaryDirectory("dinh-feeds-oracle")
        for (path, data) in files { try folder.write(path, data) }
        try folder.write("check.py", script)
        let result = try Tools.run("/bin/sh", ["-c", "\(Tools.python) check.py"], in: folder.url)
        folder.remove()
        return result
    }
}
