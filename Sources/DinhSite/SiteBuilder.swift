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
    /// Receives one line per build step (`[5/7] pages`).
    public var log: @Sendable (String) -> Void
    /// Whether a successful build records published codes in `content/codes.lock` (`dinh check`
    /// builds into a scratch folder to check links, and must not change the content).
    public var recordCodes = true
    /// Receives (done, total, file name) as images are processed, for a progress bar.
    public var progress: (@Sendable (Int, Int, String) -> Void)?
    /// The language of the progress lines given to `log` (diagnostics keep both languages).
    public var language: Language

    public init(content: URL, displayContent: String? = nil, output: URL, baseURL: String? = nil,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, today: CalendarDate = .today(),
                log: @escaping @Sendable (String) -> Void = { _ in },
                progress: (@Sendable (Int, Int, String) -> Void)? = nil, language: Language = .en) {
        self.content = content
        self.displayContent = displayContent ?? content.path
        self.output = output
        self.baseURL = baseURL
        self.jobs = max(1, jobs)
        self.today = today
        self.log = log
        self.progress = progress
        self.language = language
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

/// Builds a site as a list of named steps over one `BuildContext`:
///
///     load content → theme and codes → media → QR codes → pages → feeds and sitemap → publish
///
/// Each step reads what the earlier ones put in the context (see each step's type). `check()` is
/// the same pipeline into a scratch folder, with the marketplaces' rules as errors and a `links`
/// step in place of `publish`. A library user can build content made in code, and add steps.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions
    /// Content made in code, built instead of reading `options.content`.
    public var content: Content?
    private var added: [(after: String, step: any BuildStep)] = []

    /// Builds the content folder `options.content`.
    public init(options: BuildOptions) { self.options = options }

    /// Builds content made in code (its `root` holds the cache and any `theme/` folder).
    public init(content: Content, options: BuildOptions) {
        var options = options
        options.content = content.root
        self.options = options
        self.content = content
    }

    /// The same builder with `step` run after the standard step named `after` (e.g. "pages"). A
    /// name no step has makes `build()` and `check()` throw, listing the steps' names.
    public func adding(_ step: some BuildStep, after: String = "pages") -> SiteBuilder {
        var builder = self
        builder.added.append((after, step))
        return builder
    }

    /// The steps of a build, or of a check, with the added ones in place. A step added after a
    /// name no step has would silently never run: that is an error.
    func steps(check: Bool) throws -> [any BuildStep] {
        let standard: [any BuildStep] = [LoadStep(), ValidateStep(), MediaStep(), CodesStep(), PagesStep(), FeedsStep(),
                                         check ? LinksStep() : PublishStep()]
        let names = standard.map(\.name) + [check ? PublishStep().name : LinksStep().name]
        if let lost = added.first(where: { !names.contains($0.after) }) {
            throw DinhError(SiteMessage.unknownStep(name: lost.after, steps: names))
        }
        var steps: [any BuildStep] = []
        for step in standard {
            steps.append(step)
            steps += added.filter { $0.after == step.name }.map(\.step)
        }
        return steps
    }

    /// Builds the site into `options.output`. Content errors come back in the report (and the
    /// previous output is untouched); problems with the output folder itself are thrown.
    public func build() async throws -> BuildReport {
        var context = BuildContext(options: options, content: content)
        try await run(steps(check: false), &context)
        return context.report
    }

    /// Checks everything a build would, and every link of the site it would publish, building into
    /// a scratch folder that is thrown away: nothing is written, not even `codes.lock`.
    public func check() async throws -> BuildReport {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dinh-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var options = self.options
        options.output = scratch.appendingPathComponent("site")
        options.recordCodes = false
        var context = BuildContext(options: options, content: content)
        context.isCheck = true
        try await run(steps(check: true), &context)
        await context.discardOutput()
        // What marketplaces would refuse: errors for a check (a build publishes the product's page
        // and leaves it out of that feed), reported whatever else was found.
        if let content = context.content { context.diagnostics.append(contentsOf: FeedChecks.diagnostics(for: content, today: options.today)) }
        var report = context.report
        report.pages = 0
        report.files = 0
        return report
    }

    /// Runs the steps in order, stopping after one that leaves an error; a build that stops
    /// leaves the published site as it was.
    private func run(_ steps: [any BuildStep], _ context: inout BuildContext) async throws {
        do {
            // DINH_TIMINGS=1 prints each step's wall and processor time to standard error (for the benchmarks).
            let timed = ProcessInfo.processInfo.environment["DINH_TIMINGS"].map { !$0.isEmpty && $0 != "0" } ?? false
            for (number, step) in steps.enumerated() {
                // The QR codes are drawn while the pages are written; any other step (one added
                // after "QR codes" too) starts once they are.
                if !(step is PagesStep) { try await context.waitForDrawing() }
                options.log("[\(number + 1)/\(steps.count)] \(step.title(in: options.language))")
                let start = ContinuousClock.now, cpu = Self.processorTime()
                try await step.run(&context)
                if timed {
                    let wall = Int((start.duration(to: .now) / .milliseconds(1)).rounded()), used = Int(((Self.processorTime() - cpu) * 1000).rounded())
                    FileHandle.standardError.write(Data("  \(step.name): \(wall) ms, \(used) ms of processor time\n".utf8))
                }
                if context.diagnostics.hasErrors {
                    await context.discardOutput()
                    return
                }
            }
        } catch {
            await context.discardOutput()
            throw error
        }
    }

    /// Seconds of processor time the process has used, on all its threads.
    private static func processorTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The sheet of the boards `writeQRCodes` was asked for by name, in `<output>/qr/`.
    public static let printSheet = PrintedCodes.printSheet

    /// `dinh qr`: only the QR images and placards, into `<output>/qr/` (replaced as a whole).
    /// Returns one line per code (its address, QR version and size) for the report, in `options.language`.
    /// `printing`: codes whose boards alone also make the sheet `qr/print.html`, to print only those.
    public func writeQRCodes(placardSize: String = "A5", printing: [String] = []) async throws -> (report: BuildReport, codes: [String]) {
        var context = BuildContext(options: options, content: content)
        try await LoadStep().run(&context)
        guard let codes = context.codes, !context.diagnostics.hasErrors else { return (context.report, []) }
        // Boards are printed once and stay for years: not from an example address.
        if context.loaded.site.hasExampleAddress {
            context.diagnostics.error(context.loaded.site.source, SiteMessage.printingExampleAddress(url: context.loaded.site.baseURL))
            return (context.report, [])
        }
        let lock = codes.check()
        context.diagnostics.append(contentsOf: lock.diagnostics)
        // A board asked for is one of the site's codes (as written on a board: in capitals).
        let known = lock.landings.filter { if case .retired = $0.resolution { false } else { true } }.map(\.code)
        let printing = Set(printing.map { $0.uppercased() })
        for code in printing.sorted() where !known.contains(code) {
            context.diagnostics.error(SourceLocation(path: code), SiteMessage.noSuchCode(code: code, suggestion: DidYouMean.suggestion(for: code, among: known)))
        }
        guard !context.diagnostics.hasErrors else { return (context.report, []) }
        let size = PlacardSize(rawValue: placardSize.uppercased()) ?? .a5
        context.diagnostics.append(contentsOf: codes.cutNames(size: size))
        let output = try OutputFolder(target: options.output.appendingPathComponent(SitePaths.qr), content: options.content, keepsPrevious: false)
        do {
            let drawn = try codes.publish(lock.landings, to: output, folder: "", today: options.today, size: size, placards: true, printing: printing)
            var report = context.report
            report.files = output.fileCount
            try output.commit()
            try codes.record(lock)
            return (report, drawn.sorted { $0.code < $1.code }.map { $0.summary.text(in: options.language) })
        } catch {
            output.discard()
            throw error
        }
    }
}
