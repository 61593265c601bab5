import DinhContent
import DinhCore
import DinhFeeds
import DinhQR
import Foundation

/// One step of a build: it reads what earlier steps put in the context and adds its own part.
/// A step reports content problems as diagnostics (the build stops after a step that leaves an
/// error) and throws only when the build cannot go on (an output folder that cannot be written).
public protocol BuildStep: Sendable {
    /// The step's name: `SiteBuilder.adding(_:after:)` finds steps by it, and it is the progress
    /// line (`[5/7] pages`) unless `title(in:)` says otherwise.
    var name: String { get }
    /// The progress line in `language` (by default the name).
    func title(in language: Language) -> String
    func run(_ context: inout BuildContext) async throws
}

extension BuildStep {
    public func title(in language: Language) -> String { name }
}

/// Everything a build knows, filled in by its steps in order. Each fact is derived once: the
/// content and its index (load), the theme and the codes' lock (validate), the published media
/// and tiles, the drawn codes, the written pages, then the feeds and the links.
public struct BuildContext: Sendable {
    public let options: BuildOptions
    /// What the build found so far, in every step.
    public var diagnostics = Diagnostics()
    /// The content, once loaded (or as given to the builder).
    public package(set) var content: Content?

    /// Whether this is `dinh check`: the site is built into a scratch folder to check its links,
    /// marketplace rules are errors, and nothing is published.
    package var isCheck = false
    /// Every product as marketplaces see it, per language (after `pages`): what custom feeds read.
    public package(set) var catalog: FeedCatalog?
    package var index: ContentIndex?
    var theme: Theme?
    var codes: PrintedCodes?
    var lock: CodesLockUpdate?
    var output: OutputFolder?
    var media = PublishedMedia()
    var landings: [Landing] = []
    var formerPages: [FormerPage] = []
    var pages: [WrittenPage] = []
    package var feeds: Task<(files: [FeedFile], diagnostics: Diagnostics), Never>?
    /// The QR codes being drawn and written while the pages are (see `CodesStep`), and then what
    /// the build says of the boards.
    var drawing: Task<[Diagnostic], any Error>?
    package var pagesWritten = 0

    /// Waits until the QR codes drawn in the background are written, and throws their error or
    /// takes in what was found.
    mutating func waitForDrawing() async throws {
        guard let drawing else { return }
        self.drawing = nil
        diagnostics.append(contentsOf: try await drawing.value)
    }

    /// Throws the staging folder away, once nothing writes into it any more.
    mutating func discardOutput() async {
        try? await waitForDrawing()
        output?.discard()
    }

    package init(options: BuildOptions, content: Content? = nil) {
        self.options = options
        self.content = content
    }

    /// Writes a file into the site being built (a path from the site root), for custom steps that
    /// run after `media`. Published with the rest, or not at all if the build fails.
    public func write(_ path: String, _ data: Data) throws {
        guard let output else { throw DinhError(SiteMessage.outputBeforeMedia(path: path)) }
        try output.write(path, data)
    }

    /// The content, for steps after `load` (which stops the build when there is none).
    var loaded: Content {
        guard let content else { preconditionFailure("a build step ran before the content was loaded") }
        return content
    }
}

/// The files a build publishes and its report, from the context once the steps are done.
extension BuildContext {
    var report: BuildReport {
        var report = BuildReport(diagnostics: diagnostics)
        report.pages = pagesWritten
        report.files = output?.fileCount ?? 0
        report.imagesProcessed = media.imagesProcessed
        report.imagesFromCache = media.imagesFromCache
        return report
    }
}
