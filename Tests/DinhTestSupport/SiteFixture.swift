import Foundation

/// A small valid content folder written into a temporary directory; tests change one file to
/// break one rule at a time.
public struct SiteFixture: Sendable {
    public let directory: TemporaryDirectory
    public var content: URL { directory.file("content") }

    public static let siteYAML = """
    title:
      vi: Di sản thử nghiệm
      en: Test heritage
    base_url: https://disan.example.vn/
    languages: [vi, en]
    currency: VND
    publisher:
      name: UBND huyện
    """

    public static let relic = """
    ---
    code: DP01
    name:
      vi: Quán Phượng Trì
      en: Phuong Tri Taoist Temple
    kind: quán
    ranking: national
    address: Thị trấn Phùng, huyện Đan Phượng, Hà Nội
    geo: [21.0879, 105.6633]
    summary:
      vi: Quán Đạo giáo cổ bên đầm Phượng Trì.
      en: An old Taoist temple beside Phuong Tri lake.
    ---
    Lịch sử của di tích.
    """

    /// The relic's translation: its texts that `relic` gives in Vietnamese only, and its history.
    public static let relicInEnglish = """
    ---
    kind: Taoist temple
    address: Phung town, Dan Phuong district, Hanoi
    ---
    History of the temple.

    """

    public static let product = """
    ---
    code: HT42
    name:
      vi: Chè lam Hà Trung
      en: Ha Trung ginger rice cake
    producer: htx-che-lam
    category: food
    ocop:
      stars: 4
      date: 2025-06-30
    price: 45000
    ---
    Mô tả sản phẩm.
    """

    public static let producer = """
    name: HTX Chè lam Hà Trung
    kind: cooperative
    """

    public init() throws {
        directory = try TemporaryDirectory("dinh-site")
        try write("site.yaml", Self.siteYAML)
        try write("heritage/quan-phuong-tri/index.md", Self.relic)
        try write("heritage/quan-phuong-tri/index.en.md", Self.relicInEnglish)
        try write("products/che-lam/index.md", Self.product)
        try write("products/che-lam/index.en.md", "About the product.\n")
        try write("producers/htx-che-lam.yaml", Self.producer)
    }

    /// Writes a file of the content folder (path relative to it).
    @discardableResult
    public func write(_ path: String, _ text: String) throws -> URL {
        try directory.write("content/\(path)", text)
    }

    public func write(_ path: String, data: Data) throws {
        try directory.write("content/\(path)", data)
    }

    public func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: content.appendingPathComponent(path))
    }

    /// Runs the real `dinh` binary in the fixture's folder (so paths print as `content/…`).
    public func dinh(_ arguments: String..., environment: [String: String] = [:]) throws -> ProcessResult {
        try Tools.run(Tools.dinhBinary.path, arguments, in: directory.url, environment: environment)
    }
}
