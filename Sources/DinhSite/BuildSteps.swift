import DinhContent
import DinhCore
import DinhFeeds
import DinhQR
import Foundation

/// Reads the content folder (unless the builder was given content made in code), applies
/// `--base-url`, and indexes the content once for every later step.
struct LoadStep: BuildStep {
    var name: String { "load content" }
    func title(in language: Language) -> String { SiteMessage.stepLoad.text(in: language) }

    func run(_ context: inout BuildContext) async throws {
        let options = context.options
        // Read once: the loader tells duplicate codes and renamed folders by it, the codes step checks against it.
        let recorded = CodesLock.read(contentsOf: options.content.appendingPathComponent(CodesLock.fileName),
                                      displayPath: "\(options.displayContent)/\(CodesLock.fileName)")
        if context.content == nil {
            var loader = ContentLoader(root: options.content, displayRoot: options.displayContent, today: options.today)
            let lock = recorded.lock
            loader.printedCodes = lock.states.compactMapValues { if case .live(let target) = $0 { target } else { nil } }
            loader.formerAddresses = Dictionary(lock.formerTargets.flatMap { code, paths in paths.map { ($0, code) } }, uniquingKeysWith: min)
            let (content, diagnostics) = loader.loadAsFarAsPossible()
            context.content = diagnostics.hasErrors ? nil : content
            context.diagnostics.append(contentsOf: diagnostics)
            // The build stops here: the panoramas whose size is wrong are told now, not in the next round.
            if diagnostics.hasErrors, let content {
                context.diagnostics.append(contentsOf: PanoramaTiles.headerProblems(content.heritage.flatMap { $0.scenes.map(\.panorama) }))
            }
        }
        guard var content = context.content else { return }
        if let override = options.baseURL {
            guard let url = URL(string: override), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                context.diagnostics.error(SourceLocation(path: "--base-url"), .baseURLOverride(value: override))
                return
            }
            content.site.baseURL = override.hasSuffix("/") ? override : override + "/"
            context.content = content
        }
        let index = ContentIndex(content)
        context.index = index
        context.codes = PrintedCodes(content: content, displayContent: options.displayContent, index: index, recorded: recorded,
                                     ownAddress: options.baseURL == nil)
    }
}

/// The theme, and the printed codes against `codes.lock` (a published code may never stop working).
struct ValidateStep: BuildStep {
    var name: String { "theme and codes" }
    func title(in language: Language) -> String { SiteMessage.stepValidate.text(in: language) }

    func run(_ context: inout BuildContext) async throws {
        let options = context.options
        // Two independent reads, side by side: the theme's files and the codes' lock.
        async let loaded = Theme.load(overrides: options.content.appendingPathComponent("theme"),
                                      displayOverrides: "\(options.displayContent)/theme")
        let lock = context.codes?.check()
        let (theme, themeDiagnostics) = await loaded
        context.theme = theme
        context.diagnostics.append(contentsOf: themeDiagnostics)
        context.lock = lock
        context.diagnostics.append(contentsOf: lock?.diagnostics ?? [])
    }
}

/// Draws every code that still opens something (QR images, placard, sheet section) and publishes
/// them under `qr/`, while the next step writes the pages (they only link to the images: on two
/// cores, neither keeps both busy alone); works out where each code's landing leads.
struct CodesStep: BuildStep {
    var name: String { "QR codes" }
    func title(in language: Language) -> String { SiteMessage.stepCodes.text(in: language) }

    func run(_ context: inout BuildContext) async throws {
        guard let codes = context.codes, let lock = context.lock, let output = context.output else { return }
        let landings = lock.landings, today = context.options.today
        // Waited for at the end of `PagesStep`, or before any other step (`SiteBuilder.run`).
        // With the drawing, off the build's path: names too long for their boards.
        context.drawing = Task {
            _ = try codes.publish(landings, to: output, today: today)
            return codes.cutNames(size: .a5)
        }
        context.landings = landings.compactMap { Landing($0, codes: codes, uppercase: codes.isUppercase($0.code)) }
        context.formerPages = lock.formerAddresses.compactMap { FormerPage($0, codes: codes) }
    }
}

/// Every page in every language, and the QR landings. The marketplace feeds are made meanwhile,
/// from the same product items the pages' JSON-LD uses; it ends when the QR codes drawn meanwhile
/// are written too.
struct PagesStep: BuildStep {
    var name: String { "pages" }
    func title(in language: Language) -> String { SiteMessage.stepPages.text(in: language) }

    func run(_ context: inout BuildContext) async throws {
        let content = context.loaded, options = context.options
        guard let theme = context.theme, let index = context.index, let output = context.output else { return }
        let data = StructuredData(content: content, media: context.media, today: options.today)
        let feedOptions = FeedOptions(today: options.today) { data.image($0) }
        let catalog = FeedCatalog(content: content, options: feedOptions)
        context.catalog = catalog
        context.feeds = Task { Feeds.files(for: content, options: feedOptions, catalog: catalog) }
        // The search pages' index, one small script per language (read by `<script src>`), made meanwhile.
        let search = Task { SearchIndex.scripts(content: content, catalog: catalog) }
        let renderer = PageRenderer(content: content, index: index, theme: theme, media: context.media, today: options.today, catalog: catalog)
        context.pages = try await renderer.writeAll(to: output, landings: context.landings, formerPages: context.formerPages, jobs: options.jobs)
        context.pagesWritten = context.pages.reduce(0) { $0 + $1.paths.count } + 1
        for (path, script) in await search.value { try output.write(path, script) }
        try await context.waitForDrawing()
    }
}

/// The marketplace feeds, the sitemap, robots.txt and the theme's assets; the service worker
/// last, as it carries the version of everything written before it.
struct FeedsStep: BuildStep {
    var name: String { "feeds and sitemap" }
    func title(in language: Language) -> String { SiteMessage.stepFeeds.text(in: language) }

    func run(_ context: inout BuildContext) async throws {
        let content = context.loaded
        guard let output = context.output, let theme = context.theme else { return }
        if let feeds = await context.feeds?.value {
            // A product a marketplace would refuse still gets its page: the build warns and leaves
            // it out of that feed (`dinh check` reported the same problems as errors).
            if !context.isCheck { context.diagnostics.append(contentsOf: feeds.diagnostics.all.map { Diagnostic(.warning, $0.location, $0.text) }) }
            for file in feeds.files { try output.write(file.path, file.data) }
        }
        try output.write("sitemap.xml", Sitemap.xml(pages: context.pages, site: content.site))
        try output.write("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: \(content.site.baseURL)sitemap.xml\n")
        for asset in theme.assets {
            let file = ServiceWorker.published(asset, version: output.fingerprint, site: content.site)
            try output.write(file.path, file.data)
        }
    }
}

/// `dinh check`: every link of the built pages, feeds and sitemap must lead to a file of the site;
/// a broken one is an error at the content file its page is made from.
struct LinksStep: BuildStep {
    var name: String { "links" }
    func title(in language: Language) -> String { SiteMessage.stepLinks.text(in: language) }

    func run(_ context: inout BuildContext) async throws {
        let content = context.loaded, options = context.options
        guard let output = context.output else { return }
        let broken = LinkChecker.check(site: output.staging, baseURL: content.site.baseURL)
        var sources: [String: String] = [:]
        for page in context.pages {
            for (language, path) in page.paths { sources[path + "index.html"] = Self.source(of: page.ref, language: language, content: content, index: context.index) }
        }
        // A QR landing leads where site.yaml's moved and retired codes say.
        for landing in context.landings {
            sources["q/\(landing.code)/index.html"] = "site.yaml"
            if landing.uppercase { sources["Q/\(landing.code)/index.html"] = "site.yaml" }
        }
        for former in context.formerPages {
            for language in content.site.languages { sources[SitePaths.inLanguage(former.path + "/", language, site: content.site) + "index.html"] = CodesLock.fileName }
        }
        // A link of a text the loader told already (leading nowhere, with the link meant) is said
        // once, in the loader's words, as serious as a broken link is here.
        let told = context.diagnostics.all
        var retold: Set<SourceLocation> = []
        for link in LinkChecker.diagnostics(for: broken, sources: sources, content: options.content, displayContent: options.displayContent) {
            if case .textLinkBroken(let url, _, _)? = link.text.value as? SiteMessage,
               let same = told.first(where: { $0.location.path == link.location.path && $0.location.line == link.location.line
                                                 && ($0.text.value as? ContentMessage)?.linkTarget == url }) {
                // Once, though the text is on a page in each language.
                guard retold.insert(same.location).inserted else { continue }
                context.diagnostics.removeAll { $0.location == same.location && $0.message == same.message }
                context.diagnostics.append(Diagnostic(link.severity, same.location, same.text))
            } else {
                context.diagnostics.append(link)
            }
        }
    }

    /// The content file a page is made from, relative to the content folder: its translation
    /// where there is one, else its `index.md` (or the producer's YAML).
    static func source(of ref: PageRef, language: String, content: Content, index: ContentIndex?) -> String? {
        switch ref {
        case .heritage, .product, .page, .meeting:
            let translated = ref.folder + "index.\(language).md"
            return FileManager.default.fileExists(atPath: content.root.appendingPathComponent(translated).path) ? translated : ref.folder + "index.md"
        case .producer(let slug):
            return index?.producers[slug].map { String($0.source.path.split(separator: "/").suffix(2).joined(separator: "/")) }
        case .home, .products, .search:
            return nil
        }
    }
}

/// Puts the new site in place in one step, then records the published codes in `codes.lock`.
struct PublishStep: BuildStep {
    var name: String { "publish" }
    func title(in language: Language) -> String { SiteMessage.stepPublish.text(in: language) }

    func run(_ context: inout BuildContext) async throws {
        guard let output = context.output else { return }
        try output.commit()
        if context.options.recordCodes, let lock = context.lock { try context.codes?.record(lock) }
    }
}
