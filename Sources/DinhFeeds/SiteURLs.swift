import DinhContent
import DinhCore

/// Absolute addresses of pages, as the site builder lays them out: the default language at the
/// root, others under `/<lang>/`.
public struct SiteURLs: Sendable {
    public var site: Site

    public init(site: Site) { self.site = site }

    public var baseURL: String { site.baseURL }

    public func page(_ path: String, language: String) -> String { baseURL + SitePaths.inLanguage(path, language, site: site) }

    public func product(_ slug: String, language: String) -> String { page(SitePaths.product(slug), language: language) }
    public func heritage(_ slug: String, language: String) -> String { page(SitePaths.heritage(slug), language: language) }
    public func producer(_ slug: String, language: String) -> String { page(SitePaths.producer(slug), language: language) }
    /// The permanent address a QR code opens.
    public func code(_ code: String) -> String { baseURL + SitePaths.code(code) }
    /// A file of the output folder (`feeds/google-merchant.xml`).
    public func file(_ path: String) -> String { baseURL + path }
}

/// An image as published: its absolute URL and pixel size. The site builder makes these
/// (responsive variants); feeds only name them.
public struct FeedImage: Sendable, Hashable {
    public var url: String
    public var width: Int
    public var height: Int

    public init(url: String, width: Int, height: Int) {
        self.url = url
        self.width = width
        self.height = height
    }
}

/// The pixel size of a source image, for the checks that run without building anything.
public struct PixelSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// OCOP groups in words (Decision 148/QĐ-TTg, 2023), for `product_type` and pages.
public enum OCOPGroup {
    public static func name(_ category: Product.Category, language: String) -> String {
        let vietnamese = language == "vi"
        switch category {
        case .food: return vietnamese ? "Thực phẩm" : "Food"
        case .beverage: return vietnamese ? "Đồ uống" : "Beverages"
        case .herbal: return vietnamese ? "Thảo dược" : "Herbal products"
        case .handicraft: return vietnamese ? "Thủ công mỹ nghệ" : "Handicrafts"
        case .ornamental: return vietnamese ? "Sinh vật cảnh" : "Ornamental plants and animals"
        case .tourism: return vietnamese ? "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch" : "Community and eco-tourism services"
        }
    }

    /// `OCOP > Thực phẩm`: Google's and Meta's `product_type`, a path from general to specific.
    public static func productType(_ category: Product.Category, language: String) -> String {
        "OCOP > " + name(category, language: language)
    }

    /// Google's product category of a product: its OCOP group's, except that rượu (rice wine,
    /// liquor) and bia (beer) are Alcoholic Beverages, a category Google applies its alcohol rules
    /// to (a drink filed among soft drinks is disapproved when found).
    public static func googleCategory(_ product: Product) -> Int? {
        if product.category == .beverage, isAlcohol(product.name) { return 499676 }  // … > Beverages > Alcoholic Beverages
        return googleCategory(product.category)
    }

    /// Whether a drink's name says it is alcohol, in Vietnamese or English.
    static func isAlcohol(_ name: LocalizedText) -> Bool {
        let words = Set(name.values.values.flatMap { Fold.words($0) })
        return !words.isDisjoint(with: ["ruou", "bia", "wine", "liquor", "beer", "spirit", "spirits"])
    }

    /// Google's product taxonomy ids of the OCOP groups (language-independent); nil where no category fits simply.
    public static func googleCategory(_ category: Product.Category) -> Int? {
        switch category {
        case .food: return 422          // Food, Beverages & Tobacco > Food Items
        case .beverage: return 413      // Food, Beverages & Tobacco > Beverages
        case .herbal: return 491        // Health & Beauty > Health Care
        case .handicraft: return 696    // Home & Garden > Decor
        case .ornamental: return 985    // Home & Garden > Plants
        case .tourism: return nil
        }
    }

    /// Goods only: Google Shopping and Meta product catalogs do not take services.
    public static func isPhysical(_ category: Product.Category) -> Bool { category != .tourism }
}
