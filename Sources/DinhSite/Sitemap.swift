import DinhContent
import DinhCore

/// A page as written, for the sitemap: its path per language.
struct WrittenPage {
    var ref: PageRef
    /// Language → path from the site root (folder form, `en/heritage/x/`).
    var paths: [(language: String, path: String)]
    /// Whether the page goes into the sitemap: an unlisted meeting's pack does not.
    var listed = true
}

enum Sitemap {
    /// Every HTML page, with `xhtml:link rel="alternate" hreflang` for its translations and `x-default`.
    static func xml(pages: [WrittenPage], site: Site) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """
        for page in pages where page.listed {
            for (_, path) in page.paths {
                out += "  <url>\n    <loc>\(HTML.escape(site.baseURL + path))</loc>\n"
                if page.paths.count > 1 {
                    for (language, other) in page.paths {
                        out += "    <xhtml:link rel=\"alternate\" hreflang=\"\(language)\" href=\"\(HTML.escape(site.baseURL + other))\"/>\n"
                    }
                    if let first = page.paths.first {
                        out += "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(HTML.escape(site.baseURL + first.path))\"/>\n"
                    }
                }
                out += "  </url>\n"
            }
        }
        return out + "</urlset>\n"
    }
}
