import DinhCore
import Foundation

/// Loads a content folder into a `Content` value and checks every rule of the content format.
/// Problems never stop the loading: each becomes a diagnostic and the next file is read, so a
/// user sees every mistake in one run.
public struct ContentLoader: Sendable {
    /// The content folder.
    public var root: URL
    /// How paths are printed in messages: the folder as the user named it (`content`).
    public var displayRoot: String
    /// "Today", for OCOP certificates that have expired.
    public var today: CalendarDate

    /// Code → the site path its printed boards open (`heritage/dinh-dai-phung`), from `codes.lock`:
    /// of two items given one code, the other is told to change (the builder reads the lock).
    public var printedCodes: [String: String] = [:]
    /// A site path a page had before its folder was renamed → its code, from `codes.lock`: the old
    /// address still opens the page, and a link to it is told with the new one.
    public var formerAddresses: [String: String] = [:]

    public init(root: URL, displayRoot: String? = nil, today: CalendarDate = .today()) {
        self.root = root.standardizedFileURL
        var shown = displayRoot ?? root.path
        while shown.count > 1 && shown.hasSuffix("/") { shown.removeLast() }
        self.displayRoot = shown
        self.today = today
    }

    /// The content, when it could be read well enough to build from, and every diagnostic.
    public func load() -> (content: Content?, diagnostics: Diagnostics) {
        let (content, diagnostics) = loadAsFarAsPossible()
        return (diagnostics.hasErrors ? nil : content, diagnostics)
    }

    /// The content as far as it could be read, errors or not (what was wrong is left out), for more
    /// checks in the same round; and every diagnostic.
    package func loadAsFarAsPossible() -> (content: Content?, diagnostics: Diagnostics) {
        var loading = Loading(loader: self)
        let content = loading.run()
        return (content, loading.diagnostics)
    }

    func display(_ relative: String) -> String { displayRoot == "." ? relative : "\(displayRoot)/\(relative)" }
}

extension CalendarDate {
    /// Today in UTC, or the day of `SOURCE_DATE_EPOCH` when set (reproducible builds).
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> CalendarDate {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int(text) { return CalendarDate(unixTime: seconds) }
        return CalendarDate(unixTime: Int(Date().timeIntervalSince1970))
    }
}

/// One run of the loader: the state that reading a folder accumulates.
struct Loading {
    let loader: ContentLoader
    var diagnostics = Diagnostics()
    var reader = FieldReader(languages: ["vi"])
    /// Where each item's `code:` and name are written (see `Content.fieldLocations`).
    var fieldLocations: [FieldPlace: SourceLocation] = [:]
    /// The site's currency, which prices are written in.
    var currency = "VND"
    /// The site's `base_url`: a link that names it in full is a link inside the site.
    var baseURL = ""
    /// Links of texts to items the content has not (`heritage/dinh-ha-mo`), told once every item is
    /// loaded: a relic renamed since its code was printed is then known, and offered.
    var deadLinks: [DeadLink] = []
    /// A link to an item the content has not: `missing` is its site path, `written` how the link
    /// should be written where it is not (relative, with its final `/`).
    struct DeadLink: Sendable {
        var location: SourceLocation
        var target: String
        var missing: String
        var written: String?
    }
    private let fileManager = FileManager.default
    /// The content folder with links resolved, once: checks that files stay inside compare with it.
    private let resolvedRoot: String

    init(loader: ContentLoader) {
        self.init(loader: loader, resolvedRoot: loader.root.resolvingSymlinksInPath().path)
    }

    private init(loader: ContentLoader, resolvedRoot: String) {
        self.loader = loader
        self.resolvedRoot = resolvedRoot
    }

    mutating func run() -> Content? {
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: loader.root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            // Run from inside the content folder (`dinh build` where site.yaml is): say so, not "create one".
            let here = loader.root.deletingLastPathComponent()
            // A folder beside it with a site.yaml (`dinh init newsite`, then `dinh build`): that one is meant.
            let beside = ((try? fileManager.contentsOfDirectory(atPath: here.path)) ?? []).sorted()
                .first { !$0.hasPrefix(".") && fileManager.fileExists(atPath: here.appendingPathComponent($0).appendingPathComponent("site.yaml").path) }
            if fileManager.fileExists(atPath: here.appendingPathComponent("site.yaml").path) {
                diagnostics.error(SourceLocation(path: loader.displayRoot), .insideContentFolder(folder: loader.displayRoot))
            } else if let beside {
                diagnostics.error(SourceLocation(path: loader.displayRoot), .contentFolderIsAnother(folder: loader.displayRoot, found: beside))
            } else {
                diagnostics.error(SourceLocation(path: loader.displayRoot), .noContentFolder(folder: loader.displayRoot))
            }
            return nil
        }
        guard let site = loadSite() else { return nil }
        reader.languages = site.languages
        currency = site.currency
        baseURL = site.baseURL

        let heritage = inParallel(folders("heritage")) { $0.loadHeritage(slug: $1.slug, folder: $1.url) }
        let producerFiles = yamlFiles("producers")
        let producers = producerFiles.compactMap { loadProducer(slug: $0.slug, url: $0.url) }
        // A producer whose file is there but could not be read has its own error: its products are not told it is missing.
        let producerSlugs = producerFiles.map(\.slug)
        let loadedProducts = inParallel(folders("products")) { $0.loadProduct(slug: $1.slug, folder: $1.url, producers: producerSlugs) }
        checkIdentities(loadedProducts)
        let products = loadedProducts.map(\.product)
        let pages = folders("pages").compactMap { loadPage(slug: $0.slug, folder: $0.url) }
        let meetings = folders("meetings").compactMap { loadMeeting(slug: $0.slug, folder: $0.url) }
        checkCodes(site: site, heritage: heritage, products: products, pages: pages, meetings: meetings)
        tellDeadLinks(codes: heritage.map { ($0.code, SitePaths.heritage($0.slug)) } + products.map { ($0.code, SitePaths.product($0.slug)) }
                      + pages.compactMap { page in page.code.map { ($0, SitePaths.page(page.slug)) } } + meetings.map { ($0.code, SitePaths.meeting($0.slug)) })
        flushReader()
        var content = Content(root: loader.root, site: site, heritage: heritage, products: products, producers: producers, pages: pages, meetings: meetings)
        content.fieldLocations = fieldLocations
        return content
    }

    /// Loads independent items on all cores; results and diagnostics come back in folder order,
    /// so the output does not depend on scheduling.
    private mutating func inParallel<Item: Sendable>(_ entries: [(slug: String, url: URL)],
                                                     _ load: @Sendable (inout Loading, (slug: String, url: URL)) -> Item?) -> [Item] {
        let results = Slots<(Item?, Diagnostics, [FieldPlace: SourceLocation], [DeadLink])>(count: entries.count)
        let template = self
        DispatchQueue.concurrentPerform(iterations: entries.count) { index in
            var worker = Loading(loader: template.loader, resolvedRoot: template.resolvedRoot)
            worker.reader.languages = template.reader.languages
            worker.currency = template.currency
            worker.baseURL = template.baseURL
            let item = load(&worker, entries[index])
            worker.flushReader()
            results[index] = (item, worker.diagnostics, worker.fieldLocations, worker.deadLinks)
        }
        var items: [Item] = []
        for slot in results.values {
            guard let (item, found, places, dead) = slot else { continue }
            diagnostics.append(contentsOf: found)
            fieldLocations.merge(places) { first, _ in first }
            deadLinks += dead
            if let item { items.append(item) }
        }
        return items
    }

    // MARK: Files and folders

    /// Sub-folders of a section, sorted; names that are not slugs are reported with the slug to use.
    private mutating func folders(_ section: String) -> [(slug: String, url: URL)] {
        let url = loader.root.appendingPathComponent(section, isDirectory: true)
        guard let entries = FolderEntries.read(url.path) else { return [] }
        // A real folder inside a section that is itself inside the content stays inside; only links
        // need resolving (which costs a system call per part of the path).
        let sectionInside = isInsideRoot(url)
        var result: [(String, URL)] = []
        for (name, kind) in entries.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
            let folder = url.appendingPathComponent(name, isDirectory: true)
            // A link is followed to see what it leads to.
            var isFolder = kind == .folder
            let isLink = kind == .link
            if isLink {
                var status = stat()
                guard stat(folder.path, &status) == 0 else { continue }
                isFolder = (status.st_mode & S_IFMT) == S_IFDIR
            }
            let shown = loader.display("\(section)/\(name)")
            guard isFolder else {
                diagnostics.warning(SourceLocation(path: shown), .ignoredFileNotFolder(section: section))
                continue
            }
            guard isLink ? isInsideRoot(folder) : sectionInside else {
                diagnostics.error(SourceLocation(path: shown), .folderLinksOutside)
                continue
            }
            guard Slug.isValid(name) else {
                let suggestion = Slug.suggest(for: name)
                diagnostics.error(SourceLocation(path: shown), .badFolderName(name: name.nfc, suggestion: suggestion.isEmpty ? nil : suggestion))
                // Read all the same, under the name to rename it to, so that what is wrong inside is
                // told in the same round (an officer's first relic took a build per kind of mistake).
                if !suggestion.isEmpty, !entries.contains(where: { $0.name == suggestion }) { result.append((suggestion, folder)) }
                continue
            }
            result.append((name, folder))
        }
        return result
    }

    private mutating func yamlFiles(_ section: String) -> [(slug: String, url: URL)] {
        let url = loader.root.appendingPathComponent(section)
        guard let names = try? fileManager.contentsOfDirectory(atPath: url.path) else { return [] }
        var result: [(String, URL)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let shown = loader.display("\(section)/\(name)")
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else {
                // 1.1: producers' photos sit beside their files.
                if Loading.imageExtensions.contains((name as NSString).pathExtension.lowercased()) { continue }
                diagnostics.warning(SourceLocation(path: shown), .ignoredFileNotYAML(section: section))
                continue
            }
            let slug = String(name.prefix(upTo: name.lastIndex(of: ".") ?? name.endIndex))
            guard Slug.isValid(slug) else {
                diagnostics.error(SourceLocation(path: shown), .badFileName(name: slug.nfc, suggestion: Slug.suggest(for: slug)))
                continue
            }
            result.append((slug, url.appendingPathComponent(name, isDirectory: false)))
        }
        return result
    }

    private func isInsideRoot(_ url: URL) -> Bool {
        let root = resolvedRoot
        let resolved = url.resolvingSymlinksInPath().path
        return resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    /// Reads a YAML-fronted Markdown file: its fields (nil if unreadable) and rendered body.
    mutating func document(_ url: URL, shown: String, required: Bool, what: Part) -> (node: YAMLNode?, body: String, exists: Bool) {
        let text: String
        switch SourceText.readIfPresent(url, path: shown) {
        case nil:
            if required {
                diagnostics.error(SourceLocation(path: shown), .noIndex(what: what))
            }
            return (nil, "", false)
        case .success(let value): text = value
        case .failure(let problem): diagnostics.append(problem); return (nil, "", true)
        }
        if text.trimmed.isEmpty {
            diagnostics.error(SourceLocation(path: shown), .emptyDocument(what: what))
            return (nil, "", true)
        }
        let source = SourceText.split(text, path: shown)
        guard let yaml = source.frontMatter else {
            diagnostics.error(SourceLocation(path: shown), .noFrontMatter)
            return (nil, "", true)
        }
        guard source.frontMatterClosed else {
            diagnostics.error(SourceLocation(path: shown), .frontMatterNotClosed)
            return (nil, "", true)
        }
        let rendered = Markdown.render(source.body, firstLine: source.bodyFirstLine)
        for note in rendered.notes { diagnostics.warning(SourceLocation(path: shown, line: note.line), note.message) }
        checkSiteLinks(rendered.siteLinks, from: url.deletingLastPathComponent(), shown: shown)
        switch readYAML(yaml, path: shown, lineOffset: source.frontMatterLineOffset) {
        case .success(let node):
            guard let node else {
                diagnostics.error(SourceLocation(path: shown), .frontMatterEmpty)
                return (nil, rendered.html, true)
            }
            return (node, rendered.html, true)
        case .failure(let problem):
            diagnostics.append(problem)
            return (nil, rendered.html, true)
        }
    }

    /// The links of a page's text that lead within the site, from its folder (`heritage/<slug>/`,
    /// published two folders deep, in every language): each must lead to an item or a file the
    /// content has, as a renamed or removed relic leaves links to it leading nowhere (`dinh check`
    /// finds the rest in the built site); one starting with `/` works on the web server only, not
    /// opened from a folder or a USB stick.
    mutating func checkSiteLinks(_ links: [(line: Int, target: String)], from folder: URL, shown: String) {
        guard !links.isEmpty else { return }
        let base = folder.standardizedFileURL.path.dropFirst(loader.root.path.count).split(separator: "/").map(String.init)
        guard base.count == 2 else { return }
        for (line, target) in links {
            let location = SourceLocation(path: shown, line: line)
            // A link written so that it works online only (in full, or from the site's root) is
            // told with the link to write; with its dead-link message when it leads nowhere.
            var written: String?, told: ContentMessage?
            if target.contains(":") {
                guard let rest = pathWithinSite(target) else { continue }
                written = "../../" + rest
            } else if target.hasPrefix("/") {
                written = "../.." + target
            }
            let path = String((written ?? target).prefix { $0 != "#" && $0 != "?" })
            var parts = base
            for part in path.split(separator: "/") where part != "." {
                if part != ".." { parts.append(String(part)) } else if parts.popLast() == nil { break }
            }
            if let language = parts.first, reader.languages.dropFirst().contains(language) { parts.removeFirst() }
            guard parts.count >= 2, Self.sections.contains(parts[0]) else { continue }
            // A page's folder without its final `/`: from a USB stick it shows the folder's files.
            if parts.count == 2, !path.hasSuffix("/") { written = Self.withFinalSlash(written ?? target) }
            if let written {
                told = target.contains(":") ? .linkInFullToThisSite(target: target, relative: written)
                    : target.hasPrefix("/") ? .linkFromSiteRoot(target: target, relative: written) : .linkWithoutFinalSlash(target: target, fixed: written)
            }
            if contentHas(parts) {
                if let told { diagnostics.warning(location, told) }
                continue
            }
            let missing = parts.joined(separator: "/")
            if parts.count == 2 {
                deadLinks.append(DeadLink(location: location, target: target, missing: missing, written: written))
            } else {
                // `products/mat-ong` written from another page's folder: the item it names, from here.
                let item = Array(parts.suffix(2))
                let meant = parts.count > 2 && Self.sections.contains(item[0]) && contentHas(item) ? "../../" + item.joined(separator: "/") + "/" : nil
                diagnostics.warning(location, .linkLeadsNowhere(target: target, missing: missing, isPage: false, suggestion: meant))
            }
        }
    }

    /// The sections of the content whose folders are pages of the site.
    static let sections: Set<String> = ["heritage", "products", "pages", "meetings", "producers"]

    /// The part of a web address after the site's own `base_url` (whatever its `http`/`https` and
    /// `www.`), or nil for another site's address.
    func pathWithinSite(_ address: String) -> String? {
        guard !baseURL.isEmpty, !Site.isExampleAddress(baseURL) else { return nil }
        func bare(_ text: String) -> Substring {
            var rest = Substring(text)
            for scheme in ["https://", "http://"] where rest.lowercased().hasPrefix(scheme) { rest = rest.dropFirst(scheme.count) }
            return rest.lowercased().hasPrefix("www.") ? rest.dropFirst(4) : rest
        }
        let site = bare(baseURL).lowercased(), link = bare(address)
        return link.lowercased().hasPrefix(site) ? String(link.dropFirst(site.count)) : nil
    }

    /// `../../heritage/den-x#lich-su` → `../../heritage/den-x/#lich-su`.
    static func withFinalSlash(_ link: String) -> String {
        let end = link.firstIndex { $0 == "#" || $0 == "?" } ?? link.endIndex
        return link[..<end].hasSuffix("/") ? link : link[..<end] + "/" + link[end...]
    }

    /// Whether the content has what a site path names: an item (`heritage/<slug>`, a producer's
    /// `.yaml`), or a file in an item's folder.
    private func contentHas(_ parts: [String]) -> Bool {
        let section = root(parts[0])
        guard parts.count == 2 else { return fileManager.fileExists(atPath: parts.dropFirst().reduce(section) { $0.appendingPathComponent($1) }.path) }
        if parts[0] == "producers" {
            return ["yaml", "yml"].contains { fileManager.fileExists(atPath: section.appendingPathComponent("\(parts[1]).\($0)").path) }
        }
        return fileManager.fileExists(atPath: section.appendingPathComponent(parts[1]).appendingPathComponent("index.md").path)
    }

    /// Tells the links to items the content has not, with the item most likely meant: the one
    /// whose printed code opened the missing folder (renamed since, so the lock still says the old
    /// name), else the one named most like it.
    private mutating func tellDeadLinks(codes: [(code: String, folder: String)]) {
        // The old address of a renamed folder → its new one: the lock knows the folder a code opened.
        var renamed: [String: String] = [:]
        let folders = Dictionary(codes.map { ($0.code, SitePaths.target($0.folder)) }, uniquingKeysWith: { first, _ in first })
        for (code, folder) in folders {
            if let printed = loader.printedCodes[code], printed != folder { renamed[printed] = folder }
        }
        for (former, code) in loader.formerAddresses { renamed[former] = renamed[former] ?? folders[code] }
        for dead in deadLinks {
            // The suggestion rewrites the link as it should be written (relative, with its final `/`).
            let base = dead.written ?? dead.target
            let section = String(dead.missing.prefix { $0 != "/" }), slug = String(dead.missing.dropFirst(section.count + 1))
            let names = (try? fileManager.contentsOfDirectory(atPath: root(section).path))?
                .map { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") ? String($0.prefix { $0 != "." }) : $0 } ?? []
            if let now = renamed[dead.missing], now.hasPrefix(section + "/") {
                // The build keeps the old address opening the page (`FormerAddress`).
                diagnostics.warning(dead.location, .linkToFormerAddress(target: dead.target, now: now,
                                                                   suggestion: base.replacingOccurrences(of: slug, with: now.dropFirst(section.count + 1))))
                continue
            }
            let meant = DidYouMean.suggestion(for: slug, among: names)
            diagnostics.warning(dead.location, .linkLeadsNowhere(target: dead.target, missing: dead.missing, isPage: true,
                                                            suggestion: meant.map { base.replacingOccurrences(of: slug, with: $0) } ?? dead.written))
        }
        deadLinks = []
    }

    private func root(_ section: String) -> URL { loader.root.appendingPathComponent(section, isDirectory: true) }

    /// Reads YAML as people type it: a value between curly quotes (a word processor's) is read as
    /// quoted, and non-breaking spaces pasted into the indentation as spaces, each told at its line.
    mutating func readYAML(_ text: String, path: String, lineOffset: Int = 0) -> Result<YAMLNode?, Diagnostic> {
        // Spaces first: `name:` + a non-breaking space + `“Đình”` (Word gives both) is then a quoted value.
        let (plain, spaced) = YAMLText.plainingSpaces(text)
        let (straight, quoted) = YAMLText.straighteningCurlyQuotes(plain)
        for line in quoted { diagnostics.warning(SourceLocation(path: path, line: line + lineOffset), .curlyQuotes) }
        for line in spaced { diagnostics.warning(SourceLocation(path: path, line: line + lineOffset), .nonBreakingSpaces) }
        return YAMLReader.parse(straight, path: path, lineOffset: lineOffset)
    }

    mutating func yamlFile(_ url: URL, shown: String) -> YAMLNode? {
        switch SourceText.read(url, path: shown) {
        case .failure(let problem):
            diagnostics.append(problem)
            return nil
        case .success(let text):
            switch readYAML(text, path: shown) {
            case .success(let node):
                if node == nil { diagnostics.error(SourceLocation(path: shown), .emptyFile) }
                return node
            case .failure(let problem):
                diagnostics.append(problem)
                return nil
            }
        }
    }

    /// The site language a file name is marked with, as in `thuyet-minh.en.mp3`.
    private func languageTag(_ name: String) -> String? {
        let parts = name.split(separator: ".")
        guard parts.count >= 3, reader.languages.contains(String(parts[parts.count - 2])) else { return nil }
        return String(parts[parts.count - 2])
    }

    /// A media file named in front matter: relative to the page's folder, inside it, existing.
    mutating func media(_ node: YAMLNode, field: String, folder: URL, extensions: [String], kind: Part) -> MediaFile? {
        guard let path = reader.string(node, field: field) else { return nil }
        let location = node.location
        if path.contains("://") {
            diagnostics.error(location, .fileIsWebAddress(field: field))
            return nil
        }
        if path.hasPrefix("/") || path.contains("\\") || path.hasPrefix("~") || path.split(separator: "/").contains("..") {
            diagnostics.error(location, .fileOutsideFolder(field: field, path: path))
            return nil
        }
        let ext = (path as NSString).pathExtension.lowercased()
        if !extensions.isEmpty, !extensions.contains(ext) {
            diagnostics.error(location, .wrongFileKind(field: field, path: path, kind: kind, extensions: extensions))
            return nil
        }
        let url = folder.appendingPathComponent(path, isDirectory: false)
        guard fileManager.fileExists(atPath: url.path) else {
            // A file of the kind the field takes (not the transcript for the recording), and not the
            // same recording in another language (`san-dinh.vi.mp3` for `san-dinh.en.mp3`): the
            // English page would play Vietnamese.
            let tag = languageTag(path)
            let names = ((try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []).filter { name in
                (extensions.isEmpty || extensions.contains((name as NSString).pathExtension.lowercased()))
                    && (tag == nil || languageTag(name).map { $0 == tag } ?? true)
            }
            diagnostics.error(location, .fileMissing(field: field, path: path, guess: DidYouMean.suggestion(for: path, among: names)))
            return nil
        }
        guard isInsideRoot(url) else {
            diagnostics.error(location, .fileLinksOutside(field: field, path: path))
            return nil
        }
        // Sizes are read from the file system: a media file is never read whole to judge it.
        var status = stat()
        let size = stat(url.path, &status) == 0 ? Int64(status.st_size) : 0
        if size == 0 {
            diagnostics.error(location, .fileEmpty(field: field, path: path))
            return nil
        }
        if let limit = Self.largestMedia[ext], size > limit.bytes {
            diagnostics.error(location, .fileTooLarge(field: field, path: path, size: SourceText.megabytes(size), limitMB: limit.bytes >> 20, advice: limit.advice))
            return nil
        }
        if Loading.audioExtensions.contains(ext), case let head = Self.head(of: url), AudioFormat(head: head) == nil {
            diagnostics.error(location, AudioFormat.isWAV(head: head) ? .wavNamedAsAudio(field: field, path: path) : .notAudio(field: field, path: path))
            return nil
        }
        return MediaFile(path: path, url: url, location: location)
    }

    /// Files larger than these are refused: visitors download them on phones, and no narration or
    /// clip needs more (an hour of speech at 64 kbit/s is 29 MB).
    static let largestMedia: [String: (bytes: Int64, advice: Advice)] = {
        let audio: (Int64, Advice) = (100 << 20, .audio)
        let video: (Int64, Advice) = (1 << 30, .video)
        return ["mp3": audio, "m4a": audio, "ogg": audio, "opus": audio, "mp4": video, "webm": video]
    }()

    /// A file's first 12 bytes, enough to tell its format (`AudioFormat`; empty when it cannot be read).
    static func head(of url: URL) -> Data {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 12)) ?? Data()
    }

    /// The body in every language: `defaultBody` (of `index.md`) and the translations
    /// `index.<lang>.md`, whose text fields are applied to the value being built. A language
    /// without its translation is a warning: its page shows the original, marked as untranslated.
    mutating func translations(folder: URL, slug: String, section: String, what: Part, defaultBody: String?,
                               textFields: [String], formulaFields: Set<String> = [],
                               apply: (String, String, LocalizedText?) -> Void) -> Body {
        var body: Body = [:]
        body[reader.defaultLanguage] = defaultBody
        // The text fields each translation file gives, by language.
        var givenInFile: [String: Set<String>] = [:]
        let names = Set(FolderEntries.read(folder.path)?.map(\.name) ?? [])
        if defaultBody?.isEmpty == false {
            for language in reader.languages.dropFirst() where !names.contains("index.\(language).md") {
                diagnostics.warning(SourceLocation(path: loader.display("\(section)/\(folder.lastPathComponent)/index.md")),
                                    .notTranslated(language: language),
                                    group: Message(ContentMessage.notTranslatedGroup(language: language)))
            }
        }
        for language in reader.languages.dropFirst() where names.contains("index.\(language).md") {
            let shown = loader.display("\(section)/\(folder.lastPathComponent)/index.\(language).md")
            let url = folder.appendingPathComponent("index.\(language).md", isDirectory: false)
            givenInFile[language] = []
            switch SourceText.read(url, path: shown) {
            case .failure(let problem): diagnostics.append(problem)
            case .success(let text):
                let source = SourceText.split(text, path: shown)
                let rendered = Markdown.render(source.body, firstLine: source.bodyFirstLine)
                for note in rendered.notes { diagnostics.warning(SourceLocation(path: shown, line: note.line), note.message) }
                checkSiteLinks(rendered.siteLinks, from: folder, shown: shown)
                if !source.body.trimmed.isEmpty { body[language] = rendered.html }
                guard let yaml = source.frontMatter else { continue }
                guard source.frontMatterClosed else {
                    diagnostics.error(SourceLocation(path: shown), .frontMatterNotClosed)
                    continue
                }
                switch readYAML(yaml, path: shown, lineOffset: source.frontMatterLineOffset) {
                case .failure(let problem): diagnostics.append(problem)
                case .success(let node):
                    guard let node, let fields = reader.fields(node, allowed: textFields, in: .translation(language: language, of: what)) else { continue }
                    for key in textFields {
                        guard let value = fields[key], let text = reader.string(value, field: key) else { continue }
                        if key == "name" || key == "title" { noteLocation(of: value, as: "name") }
                        if formulaFields.contains(key) { warnIfFormula(value, field: key) }
                        apply(key, language, LocalizedText(text, language: language))
                        givenInFile[language]?.insert(key)
                    }
                }
            }
        }
        for name in names.sorted()
        where name.hasPrefix("index.") && name.hasSuffix(".md") && name != "index.md" {
            let language = String(name.dropFirst("index.".count).dropLast(".md".count))
            if !reader.languages.contains(language) {
                diagnostics.warning(SourceLocation(path: loader.display("\(section)/\(folder.lastPathComponent)/\(name)")),
                                    .translationIgnored(language: language, languages: reader.languages))
            }
        }
        warnUntranslatedTexts(topLevel: textFields, givenInFile: givenInFile)
        return body
    }

    // MARK: site.yaml

    private mutating func loadSite() -> Site? {
        let shown = loader.display("site.yaml")
        let url = loader.root.appendingPathComponent("site.yaml")
        guard fileManager.fileExists(atPath: url.path) else {
            diagnostics.error(SourceLocation(path: shown), .noSiteFile)
            return nil
        }
        guard let node = yamlFile(url, shown: shown) else { return nil }
        let what = Part.siteFile
        guard let fields = reader.fields(node, allowed: ["title", "base_url", "languages", "currency", "publisher", "qr", "moved_codes", "retired_codes"], in: what) else {
            flushReader()
            return nil
        }
        var languages = ["vi"]
        if let node = fields["languages"], let items = reader.list(node, field: "languages") {
            let codes = items.compactMap { item -> String? in
                guard let code = reader.string(item, field: "languages") else { return nil }
                guard code.count >= 2, code.count <= 8, code.allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "-") }) else {
                    reader.diagnostics.error(item.location, .notLanguageCode(code: code))
                    return nil
                }
                // `vn` is Viet Nam's country code. The error is this one line; the rest is read with
                // the language meant, so that every text's `vi:` is not reported as unknown too.
                if let meant = ContentLoader.mistakenLanguageCodes[code] {
                    reader.diagnostics.error(item.location, .languageCodeMistaken(code: code, meant: meant))
                    return meant
                }
                return code
            }
            if Set(codes).count != codes.count { reader.diagnostics.error(node.location, .languageTwice) }
            if !codes.isEmpty { languages = Array(NSOrderedSet(array: codes).array.compactMap { $0 as? String }) }
        }
        reader.languages = languages

        let title = reader.require(fields, "title", in: what, example: "title: Di sản Đan Phượng").flatMap { reader.text($0, field: "title") }
        var baseURL = "https://example.invalid/"
        if let node = reader.require(fields, "base_url", in: what, example: "base_url: https://disan.example.vn/"),
           let text = reader.url(node, field: "base_url") {
            baseURL = text.hasSuffix("/") ? text : text + "/"
            noteLocation(of: node, as: "base_url")
            if URL(string: baseURL)?.query != nil || baseURL.contains("#") {
                reader.diagnostics.error(node.location, .baseURLQuery)
            } else if Site.isExampleAddress(baseURL) {
                reader.diagnostics.warning(node.location, .baseURLExample(url: baseURL))
            } else if let host = URL(string: baseURL)?.host, baseURL.lowercased().hasPrefix("http://"), !["localhost", "127.0.0.1", "[::1]", "::1"].contains(host) {
                // A warning, not an error: a district's own server may have no certificate yet.
                reader.diagnostics.warning(node.location, .baseURLNotSecure(suggested: "https://" + baseURL.dropFirst("http://".count)))
            }
        }
        var currency = "VND"
        if let node = fields["currency"], let text = reader.string(node, field: "currency") {
            if text.count == 3, text.allSatisfy({ $0.isASCII && $0.isUppercase }) { currency = text } else {
                reader.diagnostics.error(node.location, .currencyCode)
            }
        }
        var publisher = Publisher(name: title ?? LocalizedText("", language: languages[0]), email: nil, phone: nil)
        if let node = fields["publisher"], let group = reader.fields(node, allowed: ["name", "email", "phone"], in: .field("publisher")) {
            if let name = group["name"].flatMap({ reader.text($0, field: "publisher.name") }) { publisher.name = name }
            publisher.email = group["email"].flatMap { reader.string($0, field: "publisher.email") }
            publisher.phone = group["phone"].flatMap { reader.phone($0, field: "publisher.phone") }
        }
        var errorCorrection = "Q"
        if let node = fields["qr"], let group = reader.fields(node, allowed: ["error_correction"], in: .field("qr")),
           let level = group["error_correction"].flatMap({ reader.choice($0, field: "qr.error_correction", among: ["L", "M", "Q", "H"]) }) {
            errorCorrection = level
        }
        var moved: [String: String] = [:]
        // Codes as printed: `dp01` (or `ĐP 01`) is told with the code to write, at its place.
        func isCode(_ text: String, at location: SourceLocation, field: String) -> Bool {
            guard !ItemCode.isValid(text) else { return true }
            reader.diagnostics.error(location, .notACodeIn(field: field, found: text, suggestion: ItemCode.meant(by: text)))
            return false
        }
        if let node = fields["moved_codes"], case .mapping(let entries) = node.kind {
            noteLocation(of: node, as: "moved_codes")
            for entry in entries where isCode(entry.key, at: entry.keyLocation, field: "moved_codes") {
                // A target without `/` is a code; with one, a page's path.
                guard let target = reader.string(entry.value, field: "moved_codes.\(entry.key)"),
                      target.contains("/") || isCode(target, at: entry.value.location, field: "moved_codes") else { continue }
                moved[entry.key] = target
            }
        } else if let node = fields["moved_codes"] {
            reader.diagnostics.error(node.location, .movedCodesShape)
        }
        var retired: [String: LocalizedText] = [:]
        if let node = fields["retired_codes"], case .mapping(let entries) = node.kind {
            noteLocation(of: node, as: "retired_codes")
            for entry in entries where isCode(entry.key, at: entry.keyLocation, field: "retired_codes") {
                retired[entry.key] = entry.value.isNull ? LocalizedText([:]) : reader.text(entry.value, field: "retired_codes.\(entry.key)")
            }
        } else if let node = fields["retired_codes"] {
            reader.diagnostics.error(node.location, .retiredCodesShape)
        }
        flushReader()
        return Site(title: title ?? LocalizedText("Dinh", language: languages[0]), baseURL: baseURL, languages: languages,
                    currency: currency, publisher: publisher, qrErrorCorrection: errorCorrection,
                    movedCodes: moved, retiredCodes: retired, source: SourceLocation(path: shown))
    }

    // MARK: Codes

    /// Notes where a file writes a field that messages point at (`code`, `name`).
    /// A text given per language (`name: {vi: …, en: …}`) has each language's line too (`name.en`).
    mutating func noteLocation(of node: YAMLNode, as field: String) {
        fieldLocations[FieldPlace(node.location.path, field)] = node.location
        if case .mapping(let entries) = node.kind {
            for entry in entries { fieldLocations[FieldPlace(node.location.path, "\(field).\(entry.key)")] = entry.value.location }
        }
    }

    /// A permanent code: 2–12 of A–Z and 0–9.
    mutating func readCode(_ node: YAMLNode) -> String? {
        guard let text = reader.string(node, field: "code") else { return nil }
        noteLocation(of: node, as: "code")
        if ItemCode.isValid(text) { return text }
        reader.diagnostics.error(node.location, .badCode(found: text, suggestion: ItemCode.meant(by: text)))
        return nil
    }

    private mutating func checkCodes(site: Site, heritage: [HeritageSite], products: [Product], pages: [Page], meetings: [Meeting]) {
        var seen: [String: SourceLocation] = [:]
        let all = heritage.map { ($0.code, $0.source, SitePaths.heritage($0.slug)) } + products.map { ($0.code, $0.source, SitePaths.product($0.slug)) }
            + pages.compactMap { page in page.code.map { ($0, page.source, SitePaths.page(page.slug)) } }
            + meetings.map { ($0.code, $0.source, SitePaths.meeting($0.slug)) }
        // The item whose boards are printed with the code keeps it (it comes first); of others, the first file.
        let printed = loader.printedCodes
        func isPrinted(_ item: (code: String, source: SourceLocation, folder: String)) -> Bool {
            printed[item.code] == SitePaths.target(item.folder)
        }
        for (code, source, _) in all.sorted(by: { isPrinted($0) != isPrinted($1) ? isPrinted($0) : $0.1 < $1.1 }) {
            if let first = seen[code] {
                diagnostics.error(fieldLocations.codeLocation(of: source), .codeUsedTwice(code: code, by: first.path))
            } else {
                seen[code] = source
            }
        }
        // Moved and retired codes are checked against codes.lock by the build (DinhQR.CodesLock).
    }

    /// Marketplaces tell products apart by their id and their barcode: a second product with
    /// either of another's is an error at its line (a copied page, a barcode typed twice).
    private mutating func checkIdentities(_ products: [LoadedProduct]) {
        var ids: [String: (at: SourceLocation, isCode: Bool)] = [:], barcodes: [String: SourceLocation] = [:]
        var names: [String: SourceLocation] = [:]
        for loaded in products.sorted(by: { $0.product.source < $1.product.source }) {
            let product = loaded.product, isCode = product.sku == product.code
            // One producer's two pages of one name sell one product twice (an import of a product
            // renamed in the sheet, made before its code was written there).
            if let name = product.name.values[reader.languages[0]] {
                let key = product.producer + "\u{0}" + name.nfc.lowercased()
                if let first = names[key] {
                    let nameAt = fieldLocations[FieldPlace(product.source.path, "name")] ?? product.source
                    diagnostics.warning(nameAt, .productNamedAsAnother(name: name, other: first.path))
                } else {
                    names[key] = product.source
                }
            }
            if let first = ids[product.sku] {
                // Two codes alike are said once, by the codes' own check.
                if !(isCode && first.isCode) { diagnostics.error(loaded.skuAt, .skuUsedTwice(sku: product.sku, by: first.at.path)) }
            } else {
                ids[product.sku] = (loaded.skuAt, isCode)
            }
            // 8936012345674 and 08936012345674 are one barcode.
            if let gtin = product.gtin.map(GTIN.fourteenDigits), let at = loaded.gtinAt {
                if let first = barcodes[gtin] {
                    diagnostics.error(at, .gtinUsedTwice(gtin: product.gtin ?? gtin, by: first.path))
                } else {
                    barcodes[gtin] = at
                }
            }
        }
    }
}

extension ContentLoader {
    /// Codes people write for a language that are a country's or a longer form: what they mean.
    /// (`uk` is Ukrainian's own code, so is not among them.)
    static let mistakenLanguageCodes = ["vn": "vi", "vie": "vi", "eng": "en", "us": "en", "gb": "en", "cn": "zh", "jp": "ja"]
}
