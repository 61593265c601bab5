import DinhContent

/// Every page of the site, independent of language.
enum PageRef: Hashable {
    case home
    case heritage(String)
    case product(String)
    case producer(String)
    case page(String)
    case products
    /// *1.1*: the search page.
    case search
    /// *1.1*: a meeting's document pack.
    case meeting(String)

    /// The page's folder within one language's tree, with a trailing `/` (empty for home).
    var folder: String {
        switch self {
        case .home: return ""
        case .heritage(let slug): return SitePaths.heritage(slug)
        case .product(let slug): return SitePaths.product(slug)
        case .producer(let slug): return SitePaths.producer(slug)
        case .page(let slug): return SitePaths.page(slug)
        case .products: return SitePaths.products
        case .search: return SitePaths.search
        case .meeting(let slug): return SitePaths.meeting(slug)
        }
    }
}

/// Paths and links: the default language at the root, the others under `/<lang>/`.
/// Links between pages are relative, so the site works under any base URL and from a USB stick.
struct Router {
    let site: Site

    /// The page's folder from the site root: `en/heritage/den-x/`.
    func path(_ page: PageRef, _ language: String) -> String {
        SitePaths.inLanguage(page.folder, language, site: site)
    }

    func file(_ page: PageRef, _ language: String) -> String { path(page, language) + "index.html" }

    func absolute(_ page: PageRef, _ language: String) -> String { site.baseURL + path(page, language) }


    /// `../` for each folder between a page and the site root.
    static func root(from pagePath: String) -> String {
        String(repeating: "../", count: pagePath.split(separator: "/").count)
    }
}
