import DinhContent
import DinhCore
import DinhFeeds
import DinhQR
import Foundation

/// What a build needs to know besides the content.
public struct BuildOptions: Sendable {
    /// The content folder, and how to show it in messages.
    public var content: URL
    public var displayContent: String
    /// The output folder, replaced as a whole when the build succeeds.
    public var output: URL
    /// Overrides `base_url` of site.yaml (a staging server, say).
    public var baseURL: String?
    /// How many media jobs run at once; defaults to the number of cores.
    public var jobs: Int
    /// "Today", for expired OCOP certificates.
    public var today: CalendarDate
    /// Receives one line per build step (`[2/6] pages`).
    public var log: @Sendable (String) -> Void
    /// Whether a successful build records published codes in `content/codes.lock` (`dinh check`
    /// builds into a scratch folder to check links, and must not change the content).
    public var recordCodes = true
    /// Receives (done, total, file name) as images are processed, for a progress bar.
    public var progress: (@Sendable (Int, Int, String) -> Void)?

    public init(content: URL, displayContent: String? = nil, output: URL, baseURL: String? = nil,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, today: CalendarDate = .today(),
                log: @escaping @Sendable (String) -> Void = { _ in },
                progress: (@Sendable (Int, Int, String) -> Void)? = nil) {
        self.content = content
        self.displayContent = displayContent ?? content.path
        self.output = output
        self.baseURL = baseURL
        self.jobs = max(1, jobs)
        self.today = today
        self.log = log
        self.progress = progress
    }
}

/// What a build or check found and made.
public struct BuildReport: Sendable {
    public var diagnostics: Diagnostics
    /// HTML pages written (0 when the build failed or for a check).
    public var pages: Int = 0
    public var files: Int = 0
    /// Images decoded and encoded in this build, and those served from the processed-media cache.
    public var imagesProcessed = 0
    public var imagesFromCache = 0
    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// Builds a site from a content folder, as a short list of named steps:
/// load → theme → media → pages → feeds and sitemap → publish.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) { self.options = options }

    private static let steps = ["load content", "theme and codes", "media", "QR codes and pages", "feeds and sitemap", "publish"]

    private func step(_ index: Int) {
        options.log("[\(index + 1)/\(Self.steps.count)] \(Self.steps[index])")
    }

    /// Loads and checks the content and theme, writing nothing.
    public func check() -> BuildReport {
        let (content, diagnostics) = load()
        var report = BuildReport(diagnostics: diagnostics)
        guard let content else { return report }
        report.diagnostics.append(contentsOf: loadTheme().diagnostics)
        report.diagnostics.append(contentsOf: CodesStep(content: content, displayContent: options.displayContent).check().diagnostics)
        report.diagnostics.append(contentsOf: FeedChecks.diagnostics(for: content, today: options.today))
        report.diagnostics.append(contentsOf: MediaChecks.diagnostics(for: content))
        return report
    }

    /// Builds the site into `options.output`. Content errors come back in the report (and the
    /// previous output is untouched); problems with the output folder itself are thrown.
    public func build() async throws -> BuildReport {
        step(0)
        let (loaded, loadDiagnostics) = load()
        var report = BuildReport(diagnostics: loadDiagnostics)
        guard let content = loaded else { return report }

        step(1)
        let (theme, themeDiagnostics) = loadTheme()
        report.diagnostics.append(contentsOf: themeDiagnostics)
        let codes = CodesStep(content: content, displayContent: options.displayContent)
        let lock = codes.check()
        report.diagnostics.append(contentsOf: lock.diagnostics)
        guard let theme, !report.diagnostics.hasErrors else { return report }

        let output = try OutputFolder(target: options.output, content: options.content, waiting: options.log)
        do {
            step(2)
            let media = try await MediaStep(content: content, output: output, options: options).run()
            report.diagnostics.append(contentsOf: media.diagnostics)
            report.imagesProcessed = media.imagesProcessed
            report.imagesFromCache = media.imagesFromCache
            if report.diagnostics.hasErrors { output.discard(); return report }

            step(3)
            // Every product as marketplaces see it, once: for the feeds, made while the pages are
            // written, and for the pages' JSON-LD and descriptions.
            let data = StructuredData(content: content, media: media, today: options.today)
            let feedOptions = FeedOptions(today: options.today) { data.image($0) }
            let catalog = FeedCatalog(content: content, options: feedOptions)
            let feedsTask = Task { Feeds.files(for: content, options: feedOptions, catalog: catalog) }
            let drawn = try codes.draw(lock.landings, today: options.today)
            let uppercase = Dictionary(uniqueKeysWithValues: drawn.map { ($0.code, $0.isUppercase) })
            let landings = try lock.landings.compactMap { landing in
                try Landing(landing, codes: codes, uppercase: uppercase[landing.code] ?? codes.link(landing.code).isUppercase)
            }
            let pages = PageRenderer(content: content, theme: theme, media: media, today: options.today, catalog: catalog)
            let written = try await pages.writeAll(to: output, landings: landings, jobs: options.jobs)
            report.pages = written.reduce(0) { $0 + $1.paths.count } + 1

            step(4)
            try codes.publish(drawn, to: output)
            let feeds = await feedsTask.value
            // A product a marketplace would refuse still gets its page: the build warns and leaves it
            // out of that feed; `dinh check` reports the same problems as errors.
            report.diagnostics.append(contentsOf: feeds.diagnostics.all.map { Diagnostic(.warning, $0.location, $0.message) })
            for file in feeds.files { try output.write(file.path, file.data) }
            try output.write("sitemap.xml", Sitemap.xml(pages: written, site: content.site))
            try output.write("robots.txt", "User-agent: *\nAllow: /\n\nSitemap: \(content.site.baseURL)sitemap.xml\n")
            for asset in theme.assets where asset.name != ServiceWorker.asset { try output.write("assets/\(asset.name)", asset.data) }
            // Last: the worker carries the version of everything above.
            if let worker = ServiceWorker.script(theme: theme, version: output.fingerprint) { try output.write(ServiceWorker.path, worker) }

            step(5)
            report.files = output.fileCount
            try output.commit()
            if options.recordCodes { try codes.record(lock) }
            return report
        } catch {
            output.discard()
            throw error
        }
    }

    /// `dinh qr`: only the QR images and placards, into `<output>/qr/` (replaced as a whole).
    /// Returns one line per code (its address, QR version and size) for the report.
    public func writeQRCodes(placardSize: String = "A5") throws -> (report: BuildReport, codes: [String]) {
        let (loaded, diagnostics) = load()
        var report = BuildReport(diagnostics: diagnostics)
        guard let content = loaded else { return (report, []) }
        let codes = CodesStep(content: content, displayContent: options.displayContent)
        let lock = codes.check()
        report.diagnostics.append(contentsOf: lock.diagnostics)
        guard !report.diagnostics.hasErrors else { return (report, []) }
        let output = try OutputFolder(target: options.output.appendingPathComponent("qr"), content: options.content, keepsPrevious: false)
        do {
            let size = PlacardSize(rawValue: placardSize.uppercased()) ?? .a5
            let drawn = try codes.draw(lock.landings, today: options.today, size: size)
            try codes.publish(drawn, to: output, folder: "", size: size)
            report.files = output.fileCount
            try output.commit()
            try codes.record(lock)
            return (report, drawn.sorted { $0.code < $1.code }.map(\.summary))
        } catch {
            output.discard()
            throw error
        }
    }

    private func load() -> (Content?, Diagnostics) {
        let loader = ContentLoader(root: options.content, displayRoot: options.displayContent, today: options.today)
        var (content, diagnostics) = loader.load()
        if var site = content?.site, let override = options.baseURL {
            if let url = URL(string: override), ["http", "https"].contains(url.scheme ?? ""), url.host != nil {
                site.baseURL = override.hasSuffix("/") ? override : override + "/"
                content?.site = site
            } else {
                diagnostics.error(SourceLocation(path: "--base-url"), "'\(override)' is not a full web address starting with https://")
                content = nil
            }
        }
        return (content, diagnostics)
    }

    private func loadTheme() -> (theme: Theme?, diagnostics: Diagnostics) {
        Theme.load(overrides: options.content.appendingPathComponent("theme"), displayOverrides: "\(options.displayContent)/theme")
    }

}
