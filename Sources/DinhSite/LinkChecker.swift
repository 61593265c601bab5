import DinhCore
import Foundation

/// One link of a built page that leads nowhere.
public struct BrokenLink: Sendable, Hashable, CustomStringConvertible {
    /// The page, relative to the site root: `heritage/quan-phuong-tri/index.html`.
    public var page: String
    /// Where the link is written in the page (1-based).
    public var line: Int
    public var column: Int
    /// The attribute that holds it (`href`, `src`, `srcset`, `poster`, `refresh`, `data-…` or `json`).
    public var attribute: String
    /// The link as written in the page (entities decoded).
    public var url: String
    /// What is wrong, in words (in either language).
    public var problemText: Message
    /// What is wrong, in English.
    public var problem: String { problemText.text(in: .en) }

    public init(page: String, line: Int, column: Int, attribute: String, url: String, problem: Message) {
        self.page = page
        self.line = line
        self.column = column
        self.attribute = attribute
        self.url = url
        self.problemText = problem
    }

    public var description: String { "\(page):\(line):\(column): \(attribute) '\(url)': \(problem)" }
}

/// An offline link checker for a built site, in the spirit of htmltest and lychee: every internal
/// `href`, `src`, `srcset`, `poster`, meta refresh (the QR landings) and file path in the viewer's
/// JSON must name a file of the site; fragments must name an `id` of the target page. External
/// addresses are not fetched, but absolute links to the site's own `base_url` are checked as files.
public enum LinkChecker {
    /// Checks every HTML file below `site`, and the site's own addresses written in its sitemap,
    /// feeds and other text files. `baseURL` is the site's `base_url` (`https://host/path/`).
    public static func check(site: URL, baseURL: String) -> [BrokenLink] {
        let root = site.standardizedFileURL.resolvingSymlinksInPath()
        let index = SiteIndex(root: root)
        let base = BaseURL(baseURL)
        let pages = index.files.filter { $0.hasSuffix(".html") }.sorted()
        let textFiles = index.files.filter { name in ownURLExtensions.contains { name.hasSuffix("." + $0) } }.sorted()
        // Pages are independent, so they are read and parsed on every core.
        let results = ResultSlots<[BrokenLink]>(count: pages.count)
        let ids = IDCache(root: root)
        DispatchQueue.concurrentPerform(iterations: pages.count) { number in
            let page = pages[number]
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(page).path) else { return }
            var broken: [BrokenLink] = []
            var missingTiles: [String: (first: BrokenLink, count: Int)] = [:]
            for link in HTMLLinks.extract(from: data) {
                guard let problem = link.problem ?? problem(of: link.url, attribute: link.attribute, page: page, index: index, base: base, ids: ids) else { continue }
                let found = BrokenLink(page: page, line: link.line, column: link.column, attribute: link.attribute, url: link.url, problem: problem)
                if link.attribute == HTMLLinks.tileAttribute {
                    // A tour without its tiles would give thousands of lines: one per scene folder.
                    let folder = link.url.split(separator: "/").dropLast(2).joined(separator: "/")
                    missingTiles[folder, default: (found, 0)].count += 1
                } else {
                    broken.append(found)
                }
            }
            for (_, tiles) in missingTiles.sorted(by: { $0.key < $1.key }) {
                var first = tiles.first
                if tiles.count > 1 { first.problemText = Message(SiteMessage.moreTiles(problem: first.problemText, count: tiles.count - 1)) }
                broken.append(first)
            }
            results.set(number, broken)
        }
        var broken = results.all.flatMap { $0 ?? [] }
        for file in textFiles {
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(file).path) else { continue }
            for link in ownURLs(in: data, baseURL: baseURL, decodeEntities: file.hasSuffix(".xml")) {
                if let problem = problem(of: link.url, attribute: link.attribute, page: file, index: index, base: base, ids: ids) {
                    broken.append(BrokenLink(page: file, line: link.line, column: link.column, attribute: link.attribute, url: link.url, problem: problem))
                }
            }
        }
        return broken
    }

    /// Files where the site names its own pages and pictures by full address: the sitemap,
    /// robots.txt, the marketplace feeds (a product whose image link is broken is rejected).
    static let ownURLExtensions = ["xml", "txt", "json", "csv", "webmanifest"]

    /// Every `<base_url>…` address written in a text file, up to the first character that cannot
    /// end a URL there (space, quote, `<`, `>`, comma in CSV).
    static func ownURLs(in data: Data, baseURL: String, decodeEntities: Bool) -> [HTMLLink] {
        let bytes = [UInt8](data)
        let needles = [Array(baseURL.utf8), Array(baseURL.replacingOccurrences(of: "/", with: "\\/").utf8)]  // JSON may escape `/`
        let lines = LineTable(bytes)
        var links: [HTMLLink] = []
        let stops: Set<UInt8> = [0x20, 0x0A, 0x0D, 0x09, 0x22, 0x27, 0x3C, 0x3E, 0x2C, 0x29, 0x5D, 0x7D]
        var i = 0
        while i < bytes.count {
            guard let needle = needles.first(where: { !$0.isEmpty && i + $0.count <= bytes.count && bytes[i..<(i + $0.count)].elementsEqual($0) }) else {
                i += 1
                continue
            }
            var end = i + needle.count
            while end < bytes.count, !stops.contains(bytes[end]) { end += 1 }
            var url = String(decoding: bytes[i..<end], as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
            if decodeEntities { url = HTMLScanner.decodeEntities(url) }
            let (line, column) = lines.position(of: i)
            links.append(HTMLLink(attribute: "url", url: url, line: line, column: column))
            i = end
        }
        return links
    }

    /// The broken links as diagnostics located in the content file each page is made from
    /// (`sources`: page file → content file, relative to the content folder, as the build knows
    /// them), at the line where the link is written when it appears there, as a Markdown link
    /// does; or at the page itself when no content file made it (the home page, lists, the 404).
    public static func diagnostics(for broken: [BrokenLink], sources: [String: String], content: URL, displayContent: String,
                                   severity: Diagnostic.Severity = .error) -> [Diagnostic] {
        var texts: [String: [Substring]] = [:]
        return broken.map { link in
            let url = "/" + (link.page.hasSuffix("index.html") ? String(link.page.dropLast("index.html".count)) : link.page)
            let isPage = link.page.hasSuffix(".html")
            func message(byTheme: Bool) -> Message {
                Message(SiteMessage.brokenLink(onPage: isPage, page: url, attribute: link.attribute, link: link.url, problem: link.problemText, byTheme: byTheme))
            }
            guard let source = sources[link.page] else {
                return Diagnostic(severity, SourceLocation(path: link.page, line: link.line, column: link.column), message(byTheme: isPage))
            }
            let lines = texts[source] ?? {
                let text = (try? String(contentsOf: content.appendingPathComponent(source), encoding: .utf8)) ?? ""
                let split = text.split(separator: "\n", omittingEmptySubsequences: false)
                texts[source] = split
                return split
            }()
            var location = SourceLocation(path: displayContent + "/" + source)
            guard let number = lines.firstIndex(where: { $0.contains(link.url) }), let range = lines[number].range(of: link.url) else {
                // Not in the text: the page's template wrote it.
                return Diagnostic(severity, location, message(byTheme: true))
            }
            location.line = number + 1
            location.column = lines[number].distance(from: lines[number].startIndex, to: range.lowerBound) + 1
            // In a text the officer wrote: the link as written, without the page's HTML words.
            return Diagnostic(severity, location, Message(SiteMessage.textLinkBroken(link: link.url, page: url, problem: link.problemText)))
        }
    }

    // MARK: Resolving one link

    /// nil when the link is fine (or not ours to check); otherwise what is wrong.
    private static func problem(of raw: String, attribute: String, page: String, index: SiteIndex, base: BaseURL, ids: IDCache) -> Message? {
        let link = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if link.isEmpty { return attribute == "href" ? nil : Message(SiteMessage.linkEmpty) }
        if link == "#" { return nil }
        var pathPart = link
        var fragment: String?
        if let hash = pathPart.firstIndex(of: "#") {
            fragment = String(pathPart[pathPart.index(after: hash)...])
            pathPart = String(pathPart[..<hash])
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<query]) }

        // Which folder the path is relative to, and the path itself.
        var segments: [String]
        if let scheme = Self.scheme(of: pathPart) {
            // mailto:, tel:, geo: and the like open other programs: nothing to check offline.
            guard scheme == "http" || scheme == "https" else { return nil }
            guard let own = base.sitePath(ofAbsolute: pathPart) else { return nil }  // another site: not fetched
            segments = own
        } else if pathPart.hasPrefix("//") {
            guard let own = base.sitePath(ofAbsolute: "https:" + pathPart) else { return nil }
            segments = own
        } else if pathPart.hasPrefix("/") {
            guard let own = base.sitePath(ofRooted: pathPart) else {
                return Message(SiteMessage.linkOutsideSite(folder: base.path))
            }
            segments = own
        } else {
            // Relative to the page's folder; an empty path (`#top`, `?q`) is the page itself.
            let pageParts: [String] = page.split(separator: "/").map(String.init)
            let linkParts: [String] = pathPart.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            segments = pathPart.isEmpty ? pageParts : Array(pageParts.dropLast()) + linkParts
        }

        // Decode and normalise `.` and `..`; a trailing `/` (or nothing) means the folder's index.
        let wantsFolder = pathPart.isEmpty ? false : (pathPart.hasSuffix("/") || segments.last == "." || segments.last == "..")
        var resolved: [String] = []
        for segment in segments {
            guard let decoded = segment.removingPercentEncoding else { return Message(SiteMessage.linkBadEscape) }
            switch decoded {
            case "", ".": continue
            case "..":
                guard !resolved.isEmpty else { return Message(SiteMessage.linkAboveRoot) }
                resolved.removeLast()
            default: resolved.append(decoded)
            }
        }
        var target = resolved.joined(separator: "/")
        if wantsFolder || target.isEmpty {
            target = target.isEmpty ? "index.html" : target + "/index.html"
        }
        if !index.files.contains(target) {
            if index.files.contains(target + "/index.html") {
                target += "/index.html"
            } else {
                // A page is named by its folder, as the address bar shows it.
                return Message(SiteMessage.linkMissingTarget(target: target.hasSuffix("index.html") ? String(target.dropLast("index.html".count)) : target))
            }
        }
        // In JSON a fragment names a node (JSON-LD `"@id": ".../#product"`), not an element.
        let fromJSON = attribute == "json" || attribute.hasPrefix("data-")
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), !fromJSON {
            let known = ids.ids(of: target)
            if fragment.contains("=") {
                // Viewer state, not an element (`#scene=san&yaw=10`): the scene must be in the page's tour.
                let parameters = fragment.split(separator: "&").map { $0.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) } }
                if let scene = parameters.first(where: { $0.count == 2 && $0[0] == "scene" })?[1],
                   known.contains(where: { $0.hasPrefix(HTMLLinks.sceneMarker) }), !known.contains(HTMLLinks.sceneMarker + scene) {
                    return Message(SiteMessage.linkMissingScene(scene: scene, target: target))
                }
            } else {
                let name = fragment.removingPercentEncoding ?? fragment
                if !known.contains(name) { return Message(SiteMessage.linkMissingID(target: target, id: name)) }
            }
        }
        return nil
    }

    /// The lower-cased scheme of an absolute URL (`https`, `mailto`), or nil for a relative one.
    private static func scheme(of link: String) -> String? {
        guard let colon = link.firstIndex(of: ":") else { return nil }
        let scheme = link[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return scheme.lowercased()
    }
}

/// The site's own address, to tell its absolute links from other sites'.
struct BaseURL {
    /// Lower-cased host (with port, if any).
    let host: String?
    /// The folder the site is published under, with slashes at both ends: `/` or `/disan/`.
    let path: String

    init(_ baseURL: String) {
        let components = URLComponents(string: baseURL)
        host = components?.host.map { host in (host + (components?.port.map { ":\($0)" } ?? "")).lowercased() }
        var path = components?.percentEncodedPath ?? "/"
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        self.path = path
    }

    /// Path segments within the site of `https://host/…` when it is this site's address.
    func sitePath(ofAbsolute link: String) -> [String]? {
        guard let host, let components = URLComponents(string: link), let linkHost = components.host else { return nil }
        let hostAndPort = (linkHost + (components.port.map { ":\($0)" } ?? "")).lowercased()
        guard hostAndPort == host else { return nil }
        let rooted = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        // The QR codes may use the upper-case form of the base URL (`HTTPS://HOST/Q/CODE`).
        return sitePath(ofRooted: rooted) ?? sitePath(ofRooted: rooted, caseInsensitive: true)
    }

    /// Path segments within the site of `/…` (relative to the host).
    func sitePath(ofRooted link: String, caseInsensitive: Bool = false) -> [String]? {
        let folder = path
        let matches = caseInsensitive ? link.lowercased().hasPrefix(folder.lowercased()) : link.hasPrefix(folder)
        if matches {
            return link.dropFirst(folder.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        }
        if link + "/" == folder { return [] }
        return nil
    }
}

/// Every file of the built site, by path from its root.
struct SiteIndex: Sendable {
    let files: Set<String>

    init(root: URL) {
        var files: Set<String> = []
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                let path = url.standardizedFileURL.path
                if path.hasPrefix(base) { files.insert(String(path.dropFirst(base.count))) }
            }
        }
        self.files = files
    }
}

/// The `id`s of pages that fragments point into, each page parsed once.
final class IDCache: @unchecked Sendable {
    private let root: URL
    private var cache: [String: Set<String>] = [:]
    private let lock = NSLock()

    init(root: URL) { self.root = root }

    func ids(of page: String) -> Set<String> {
        if let known = lock.withLock({ cache[page] }) { return known }
        let data = FileManager.default.contents(atPath: root.appendingPathComponent(page).path) ?? Data()
        let ids = HTMLLinks.ids(in: data)
        lock.withLock { cache[page] = ids }
        return ids
    }
}

/// Results filled in by concurrent workers, one slot each.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }
    var all: [Value?] { lock.withLock { slots } }
}
