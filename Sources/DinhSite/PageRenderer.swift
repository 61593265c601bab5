import DinhContent
import DinhCore
import DinhFeeds
import DinhTemplate
import Foundation

/// Renders every page in every language through the theme, and writes them.
struct PageRenderer: Sendable {
    let content: Content
    let theme: Theme
    let media: PublishedMedia
    let today: CalendarDate
    let index: ContentIndex

    /// Every product's feed item per language: the JSON-LD and description of product pages.
    let catalog: FeedCatalog

    init(content: Content, index: ContentIndex, theme: Theme, media: PublishedMedia, today: CalendarDate, catalog: FeedCatalog) {
        self.content = content
        self.index = index
        self.theme = theme
        self.media = media
        self.today = today
        self.catalog = catalog
    }

    var site: Site { content.site }
    var structuredData: StructuredData { StructuredData(content: content, media: media, today: today) }
    var router: Router { Router(site: site) }

    /// Writes all pages, rendering them on all cores; returns them for the sitemap, in a stable order.
    func writeAll(to output: OutputFolder, landings: [Landing], formerPages: [FormerPage] = [], jobs: Int) async throws -> [WrittenPage] {
        let refs: [PageRef] = [.home, .products, .search] + content.heritage.map { .heritage($0.slug) }
            + content.products.map { .product($0.slug) } + content.producers.map { .producer($0.slug) }
            + content.pages.map { .page($0.slug) } + content.meetings.map { .meeting($0.slug) }
        // Made in this order: the pages that list products first (home, the product index, the
        // producers), since a long page in the last slice is made on one core while others wait.
        func listsProducts(_ ref: PageRef) -> Bool {
            switch ref {
            case .home, .products, .producer: true
            default: false
            }
        }
        let order = refs.filter(listsProducts) + refs.filter { !listsProducts($0) }

        // Contiguous slices, many per core so that cores left with small pages take more and the
        // last slice, running alone at the end, is short; pages are written to distinct files.
        let slices = max(1, min(jobs * 32, order.count))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for slice in 0..<slices {
                group.addTask {
                    for ref in order[Self.range(of: slice, count: order.count, slices: slices)] {
                        for language in site.languages { try output.write(router.file(ref, language), render(ref, language)) }
                    }
                    for landing in landings[Self.range(of: slice, count: landings.count, slices: slices)] {
                        let lower = "q/\(landing.code)/index.html"
                        try output.write(lower, renderLanding(landing))
                        // The same page under the capitalised address the symbol may carry: a second name for the file.
                        if landing.uppercase { try output.link(written: lower, to: "Q/\(landing.code)/index.html") }
                    }
                }
            }
            try await group.waitForAll()
        }
        for former in formerPages {
            for language in site.languages {
                let page = renderFormerPage(former, language)
                try output.write(page.file, page.bytes)
            }
        }
        try output.write("404.html", renderNotFound())
        return refs.map { ref in
            var page = WrittenPage(ref: ref, paths: site.languages.map { ($0, router.path(ref, $0)) })
            if case .meeting(let slug) = ref { page.listed = index.meetings[slug]?.listed ?? false }
            // The search page is for visitors: search engines get the pages it finds, not its results.
            if ref == .search { page.listed = false }
            return page
        }
    }

    private static func range(of slice: Int, count: Int, slices: Int) -> Range<Int> {
        (count * slice / slices)..<(count * (slice + 1) / slices)
    }

    // MARK: Pages

    /// A page in a language, as its file holds it (UTF-8).
    func render(_ ref: PageRef, _ language: String) -> [UInt8] {
        let t = Strings(language: language)
        let root = Router.root(from: router.path(ref, language))
        var page = PageInfo(ref: ref, language: language, root: root)
        let body: [UInt8]
        switch ref {
        case .home:
            page.title = site.title.resolve(language, default: site.defaultLanguage)
            page.description = page.title
            body = renderBody("home", homeContext(language, root: root, t: t), language: language, root: root)
        case .products:
            page.title = t["products"]
            body = renderBody("products", productsContext(language, root: root, t: t), language: language, root: root)
        case .search:
            page.title = t["search"]
            page.description = t["search_text"]
            page.noindex = true
            body = renderBody("search", ["t": t.all, "base": root + router.path(.home, language)], language: language, root: root)
        case .heritage(let slug):
            guard let relic = index.heritage[slug] else { return [] }
            page.title = text(relic.name, language)
            page.description = relic.summary.map { text($0, language) } ?? text(relic.address, language)
            page.image = (relic.gallery.first ?? relic.scenes.first?.panorama).flatMap { media.image($0)?.largest.path }
            page.ogType = "article"
            page.jsonLD = Array(structuredData.heritage(relic, language).utf8)
            body = renderBody("heritage", heritageContext(relic, language, root: root, t: t), language: language, root: root)
        case .product(let slug):
            guard let product = index.products[slug] else { return [] }
            page.title = text(product.name, language)
            let item = catalog.item(slug, language: language)
            page.description = item.map { $0.hasOwnDescription ? $0.description.prefixWords(200) : page.title } ?? page.title
            page.image = product.images.first.flatMap { media.image($0)?.largest.path }
            page.ogType = "product"
            page.jsonLD = item.map { JSONLD.productUTF8($0, content: content, today: today) }
            body = renderBody("product", productContext(product, language, root: root, t: t), language: language, root: root)
        case .producer(let slug):
            guard let producer = index.producers[slug] else { return [] }
            page.title = text(producer.name, language)
            page.description = producer.address.map { text($0, language) } ?? page.title
            page.jsonLD = Array(structuredData.producer(producer, language).utf8)
            body = renderBody("producer", producerContext(producer, language, root: root, t: t), language: language, root: root)
        case .page(let slug):
            guard let free = index.pages[slug] else { return [] }
            page.title = text(free.title, language)
            page.description = summary(free.body[language] ?? free.body[site.defaultLanguage] ?? "", or: page.title)
            body = renderBody("page", ["title": page.title, "body": bodyHTML(free.body, language), "t": t.all], language: language, root: root)
        case .meeting(let slug):
            guard let meeting = index.meetings[slug] else { return [] }
            page.title = text(meeting.title, language)
            page.description = Format.meetingDate(meeting.date, time: meeting.time, language: language)
                + (meeting.place.map { " · " + text($0, language) } ?? "")
            // A hidden pack asks search engines to leave it out; a listed one is in the sitemap, so may be shown.
            page.noindex = !meeting.listed
            body = renderBody("meeting", meetingContext(meeting, language, root: root, t: t), language: language, root: root)
        }
        return layout(page, body: body, t: t)
    }

    /// Renders a page's own template. Every template also sees `root` and `lang`.
    private func renderBody(_ template: String, _ context: TemplateFields, language: String, root: String) -> [UInt8] {
        theme.render(template, context.adding(["root": root, "lang": language]))
    }

    /// What the layout needs to know about a page.
    struct PageInfo {
        var ref: PageRef
        var language: String
        var root: String
        var title = ""
        var description = ""
        /// From the site root.
        var image: String?
        var ogType = "website"
        /// JSON-LD, safe inside a `<script>`, as UTF-8.
        var jsonLD: [UInt8]?
        /// `<meta name="robots" content="noindex">`: an unlisted meeting's pack, the search page.
        var noindex = false
    }

    private func layout(_ page: PageInfo, body: [UInt8], t: Strings) -> [UInt8] {
        let siteTitle = text(site.title, page.language)
        let languages: [TemplateFields] = site.languages.map { code in
            ["code": code, "name": LocalizedText.languageName(code), "href": page.root + router.path(page.ref, code),
             "current": code == page.language]
        }
        let context: TemplateFields = [
            "lang": page.language,
            "root": page.root,
            "title": page.title,
            "full_title": page.ref == .home ? siteTitle : "\(page.title) – \(siteTitle)",
            "site_title": siteTitle,
            "description": page.description,
            "canonical": router.absolute(page.ref, page.language),
            "og_type": page.ogType,
            "og_locale": Strings.locale(page.language),
            "og_image": page.image.map { site.baseURL + $0 },
            "languages": languages,
            "multilingual": site.languages.count > 1,
            "home": page.root + router.path(.home, page.language),
            "products_href": page.root + router.path(.products, page.language),
            "search_href": page.root + router.path(.search, page.language),
            "pages": content.pages.map { ["title": text($0.title, page.language), "href": page.root + router.path(.page($0.slug), page.language)] },
            "publisher": text(site.publisher.name, page.language),
            "publisher_email": site.publisher.email,
            "publisher_phone": site.publisher.phone,
            "publisher_tel": site.publisher.phone.map(Self.telLink),
            "jsonld": page.jsonLD.map(TemplateValue.markup),
            "noindex": page.noindex,
            "body": TemplateValue.markup(body),
            "t": t.all,
        ]
        var html = theme.render("layout", context)
        // A theme's own layout may lack the line: a hidden page must not depend on it.
        guard page.noindex, html.firstRange(of: Array("name=\"robots\"".utf8)) == nil,
              let head = html.firstRange(of: Array("<head>".utf8)) else { return html }
        html.replaceSubrange(head, with: Array("<head>\n<meta name=\"robots\" content=\"noindex\">".utf8))
        return html
    }

    func renderNotFound() -> [UInt8] {
        // Served for any missing address at any depth, so its links are absolute.
        let language = site.defaultLanguage
        let t = Strings(language: language)
        let basePath = URL(string: site.baseURL)?.path ?? "/"
        var page = PageInfo(ref: .home, language: language, root: basePath.hasSuffix("/") ? basePath : basePath + "/")
        page.title = t["not_found"]
        page.description = t["not_found_text"]
        let other = site.languages.dropFirst().map { Strings(language: $0) }
        let body = theme.render("not-found", ["t": t.all, "home": page.root, "search": page.root + router.path(.search, language),
                                             "others": other.map { ["lang": $0.language, "title": $0["not_found"], "text": $0["not_found_text"], "code_text": $0["not_found_code_other"],
                                                                     "home": page.root + router.path(.home, $0.language), "home_label": $0["home"]] }])
        return layout(page, body: body, t: t)
    }

    // MARK: Helpers

    func text(_ value: LocalizedText, _ language: String) -> String { value.resolve(language, default: site.defaultLanguage) }

    /// A page's description: the start of its text (200 characters), or `fallback` when it has none.
    func summary(_ html: String, or fallback: String) -> String {
        let text = PlainText.fromHTML(html).prefixWords(200)
        return text.isEmpty ? fallback : text
    }

    /// A Markdown body in the page's language. Without a translation, the default language's text,
    /// marked with its `lang` (screen readers switch voice) under a notice in the page's language.
    func bodyHTML(_ body: Body, _ language: String) -> String {
        if let html = body[language] { return html }
        guard let original = body[site.defaultLanguage], !original.isEmpty else { return "" }
        let notice = Strings(language: language)["untranslated"]
            .replacingOccurrences(of: "{language}", with: LocalizedText.languageName(site.defaultLanguage))
        return "<div class=\"untranslated\" lang=\"\(site.defaultLanguage)\"><p class=\"untranslated-notice\" lang=\"\(language)\">"
            + HTML.escape(notice) + "</p>\n" + original + "</div>"
    }

    /// An `<img>`'s attributes for a published picture, as seen from a page at `root` (whose own folder
    /// is `here`: pictures in there by name). Pictures load when scrolled near, except the `eager`
    /// one at the top of a page (a product's first photo, the first card), which a phone on 4G
    /// should fetch first, not after the page's layout.
    func imageContext(_ file: MediaFile, root: String, alt: String, sizes: String = "(min-width: 60rem) 60rem, 100vw", here: String = "",
                      eager: Bool = false) -> TemplateFields? {
        guard let image = media.image(file) else { return nil }
        var context: TemplateFields = ["src": Self.link(image.src, root: root, here: here), "alt": alt, "sizes": sizes, "eager": eager]
        if let width = image.width, let height = image.height { context["width"] = width; context["height"] = height }
        if !image.variants.isEmpty {
            context["srcset"] = image.variants.map { "\(Self.link($0.path, root: root, here: here)) \($0.width)w" }.joined(separator: ", ")
        }
        return context
    }
}

extension String {
    /// At most `limit` characters, cut at a word boundary, with an ellipsis when cut.
    func prefixWords(_ limit: Int) -> String {
        // Counting a whole description's characters is slow (Vietnamese is mostly combined
        // characters): walk at most `limit` of them.
        guard utf8.count > limit, let end = index(startIndex, offsetBy: limit, limitedBy: endIndex), end < endIndex else { return self }
        var cut = String(self[..<end])
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + "…"
    }
}
