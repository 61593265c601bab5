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
    /// What is wrong, in words.
    public var problem: String

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
                if tiles.count > 1 { first.problem += " (and \(tiles.count - 1) more tiles of this panorama)" }
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
            if decodeEntities { url = HTMLLinks.decodeEntities(url) }
            let (line, column) = lines.position(of: i)
            links.append(HTMLLink(attribute: "url", url: url, line: line, column: column))
            i = end
        }
        return links
    }

    /// The `base_url` a built site was made with, read back from its `robots.txt`
    /// (`Sitemap: <base_url>sitemap.xml`), for callers that only have the folder.
    public static func baseURL(ofBuiltSite site: URL) -> String? {
        guard let robots = try? String(contentsOf: site.appendingPathComponent("robots.txt"), encoding: .utf8) else { return nil }
        for line in robots.split(separator: "\n") where line.lowercased().hasPrefix("sitemap:") {
            let url = line.dropFirst("sitemap:".count).trimmingCharacters(in: .whitespaces)
            if url.hasSuffix("sitemap.xml") { return String(url.dropLast("sitemap.xml".count)) }
        }
        return nil
    }

    /// The broken links as diagnostics located in the content file the page is made from (at the
    /// line where the link is written when it appears there, as a Markdown link does), or at the
    /// page itself when no content file made it (the home page, lists, the 404 page).
    public static func diagnostics(for broken: [BrokenLink], content: URL, displayContent: String,
                                   severity: Diagnostic.Severity = .error) -> [Diagnostic] {
        var texts: [String: [Substring]] = [:]
        return broken.map { link in
            let url = "/" + (link.page.hasSuffix("index.html") ? String(link.page.dropLast("index.html".count)) : link.page)
            let isPage = link.page.hasSuffix(".html")
            let message = "broken link \(isPage ? "on page" : "in") \(url): \(link.attribute) '\(link.url)' \(link.problem)"
            guard let source = sourceFile(forPage: link.page, content: content) else {
                return Diagnostic(severity, SourceLocation(path: link.page, line: link.line, column: link.column),
                                  message + (isPage ? " (written by the theme)" : ""))
            }
            let lines = texts[source] ?? {
                let text = (try? String(contentsOf: content.appendingPathComponent(source), encoding: .utf8)) ?? ""
                let split = text.split(separator: "\n", omittingEmptySubsequences: false)
                texts[source] = split
                return split
            }()
            var location = SourceLocation(path: displayContent + "/" + source)
            if let number = lines.firstIndex(where: { $0.contains(link.url) }), let range = lines[number].range(of: link.url) {
                location.line = number + 1
                location.column = lines[number].distance(from: lines[number].startIndex, to: range.lowerBound) + 1
            }
            return Diagnostic(severity, location, message)
        }
    }

    /// The content file (relative to the content folder) that a built page comes from, if any:
    /// `en/heritage/x/index.html` → `heritage/x/index.en.md` (or `index.md` when not translated),
    /// `producers/x/index.html` → `producers/x.yaml`. A QR landing maps to the item it opens.
    public static func sourceFile(forPage page: String, content: URL) -> String? {
        var parts = page.split(separator: "/").map(String.init)
        var language: String?
        if let first = parts.first, isLanguageCode(first), parts.count > 1 {
            language = first
            parts.removeFirst()
        }
        guard parts.count == 3, parts[2] == "index.html" else { return nil }
        let section = parts[0], slug = parts[1]
        let exists = { (path: String) in FileManager.default.fileExists(atPath: content.appendingPathComponent(path).path) }
        switch section {
        case "heritage", "products", "pages":
            if let language, exists("\(section)/\(slug)/index.\(language).md") { return "\(section)/\(slug)/index.\(language).md" }
            return exists("\(section)/\(slug)/index.md") ? "\(section)/\(slug)/index.md" : nil
        case "producers":
            for name in ["\(slug).yaml", "\(slug).yml"] where exists("producers/\(name)") { return "producers/\(name)" }
            return nil
        case "q", "Q":
            return exists("site.yaml") ? "site.yaml" : nil
        default:
            return nil
        }
    }

    private static func isLanguageCode(_ name: String) -> Bool {
        let letters = name.split(separator: "-", maxSplits: 1)
        guard let primary = letters.first, (2...3).contains(primary.count) else { return false }
        return primary.allSatisfy { $0.isASCII && $0.isLowercase }
    }

    // MARK: Resolving one link

    /// nil when the link is fine (or not ours to check); otherwise what is wrong.
    private static func problem(of raw: String, attribute: String, page: String, index: SiteIndex, base: BaseURL, ids: IDCache) -> String? {
        let link = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if link.isEmpty { return attribute == "href" ? nil : "is empty" }
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
                return "points outside the site's folder \(base.path) (the site may be published under a sub-folder: use a relative link)"
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
            guard let decoded = segment.removingPercentEncoding else { return "is not a valid address (bad % escape)" }
            switch decoded {
            case "", ".": continue
            case "..":
                guard !resolved.isEmpty else { return "climbs above the site's root folder" }
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
                return "leads to \(target), which is not in the built site"
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
                    return "leads to scene '\(scene)', which is not in the 360° tour of \(target)"
                }
            } else {
                let name = fragment.removingPercentEncoding ?? fragment
                if !known.contains(name) { return "leads to \(target), which has no element with id '\(name)'" }
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

// MARK: - Reading links out of HTML


/// A link found in an HTML page, with where it is written.
struct HTMLLink: Hashable {
    var attribute: String
    var url: String
    var line: Int
    var column: Int
    /// Set when the link is known to be wrong without looking at files (a hotspot to no scene).
    var problem: String?
}

/// A small, forgiving HTML scanner for the link checker: start tags and their attributes, with
/// comments, end tags and the text of `<script>`/`<style>` skipped (JSON scripts are read for paths).
/// Not a full HTML5 parser, but the pages it reads are Dinh's own output, which is well formed.
enum HTMLLinks {
    /// File types that a string in the viewer's JSON or a `data-` attribute names.
    static let fileExtensions: Set<String> = [
        "html", "htm", "css", "js", "json", "xml", "svg", "png", "jpg", "jpeg", "webp", "avif", "gif",
        "mp3", "m4a", "opus", "ogg", "oga", "wav", "vtt", "mp4", "webm", "csv", "txt", "pdf",
    ]

    static func extract(from data: Data) -> [HTMLLink] {
        let bytes = [UInt8](data)
        let lines = LineTable(bytes)
        var links: [HTMLLink] = []
        func add(_ attribute: String, _ url: String, at offset: Int, problem: String? = nil) {
            let (line, column) = lines.position(of: offset)
            links.append(HTMLLink(attribute: attribute, url: url, line: line, column: column, problem: problem))
        }
        scan(bytes) { tag, attributes, rawText in
            func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
            for attribute in attributes {
                switch attribute.name {
                case "href" where tag != "base", "src", "poster":
                    add(attribute.name, attribute.value, at: attribute.offset)
                case "data" where tag == "object":
                    add(attribute.name, attribute.value, at: attribute.offset)
                case "srcset", "imagesrcset":
                    for candidate in attribute.value.split(separator: ",") {
                        if let url = candidate.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).first {
                            add("srcset", String(url), at: attribute.offset)
                        }
                    }
                case "content" where tag == "meta":
                    if value("http-equiv")?.lowercased() == "refresh", let url = refreshTarget(attribute.value) {
                        add("refresh", url, at: attribute.offset)
                    } else if let property = value("property") ?? value("name"),
                              ["og:image", "og:url", "og:audio", "og:video", "twitter:image"].contains(property) {
                        add(property, attribute.value, at: attribute.offset)
                    }
                case let name where name.hasPrefix("data-"):
                    for path in pathsInDataValue(attribute.value) { add(name, path, at: attribute.offset) }
                    let trimmed = attribute.value.trimmingCharacters(in: .whitespacesAndNewlines)
                    if trimmed.hasPrefix("{"), let json = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) {
                        for link in tourLinks(json) { add(link.attribute, link.url, at: attribute.offset, problem: link.problem) }
                    }
                default:
                    break
                }
            }
            if tag == "script", let rawText, let type = value("type")?.lowercased(), type.contains("json"),
               let json = try? JSONSerialization.jsonObject(with: Data(rawText.text.utf8), options: [.fragmentsAllowed]) {
                for path in strings(in: json) where looksLikeLink(path, inJSON: true) { add("json", path, at: rawText.offset) }
                for link in tourLinks(json) { add(link.attribute, link.url, at: rawText.offset, problem: link.problem) }
            }
        }
        return links
    }

    /// Stands before a tour's scene ids in the set `ids(in:)` returns (no HTML id has a space).
    static let sceneMarker = "scene "

    /// Every `id` (and `<a name>`) of a page: the targets of `#fragment` links; and the scenes of
    /// its 360° tour, as `scene <id>`, for `#scene=<id>` links.
    static func ids(in data: Data) -> Set<String> {
        var ids: Set<String> = []
        scan([UInt8](data)) { tag, attributes, rawText in
            for attribute in attributes where attribute.name == "id" || (attribute.name == "name" && tag == "a") {
                ids.insert(attribute.value)
            }
            var json: Any?
            if tag == "script", let rawText, rawText.text.contains("\"scenes\"") {
                json = try? JSONSerialization.jsonObject(with: Data(rawText.text.utf8))
            }
            for attribute in attributes where attribute.name.hasPrefix("data-") && attribute.value.contains("\"scenes\"") {
                json = try? JSONSerialization.jsonObject(with: Data(attribute.value.utf8))
            }
            if let tour = json as? [String: Any], let scenes = tour["scenes"] as? [[String: Any]] {
                for case let id as String in scenes.map({ $0["id"] }) { ids.insert(sceneMarker + id) }
            }
        }
        return ids
    }

    /// `0; url=../../heritage/x/` → `../../heritage/x/`.
    static func refreshTarget(_ content: String) -> String? {
        guard let range = content.range(of: "url=", options: .caseInsensitive) else { return nil }
        var url = content[range.upperBound...].trimmingCharacters(in: .whitespaces)
        if let quote = url.first, quote == "'" || quote == "\"" {
            url = String(url.dropFirst().prefix { $0 != quote })
        }
        return url.isEmpty ? nil : url
    }

    static let tileAttribute = "panorama tile"

    /// The 360° tour description the viewer reads (`{"scenes":[{"id","base","tileSize","levels",
    /// "hotspots":[{"scene"}]}]}`, see DinhPanorama's SceneDescription): every scene's preview and
    /// tiles (`<base><level>/<face><row>_<column>.jpg`) must exist, and every hotspot must lead to
    /// a scene of the tour. Anything else is not a tour and gives nothing.
    static func tourLinks(_ json: Any) -> [(attribute: String, url: String, problem: String?)] {
        guard let tour = json as? [String: Any], let scenes = tour["scenes"] as? [[String: Any]] else { return [] }
        let ids = Set(scenes.compactMap { $0["id"] as? String })
        var links: [(attribute: String, url: String, problem: String?)] = []
        for scene in scenes {
            if let base = scene["base"] as? String, !base.isEmpty,
               let tileSize = (scene["tileSize"] as? NSNumber)?.intValue, tileSize > 0,
               let levels = scene["levels"] as? [NSNumber] {
                let folder = base.hasSuffix("/") ? base : base + "/"
                links.append(("panorama", folder + "preview.jpg", nil))
                for (level, faceSize) in levels.enumerated() {
                    // Bounded, whatever the JSON says: 64 tiles a side is far beyond any real face.
                    let perSide = min(64, max(1, (faceSize.intValue + tileSize - 1) / tileSize))
                    for face in ["f", "r", "b", "l", "u", "d"] {
                        for row in 0..<perSide {
                            for column in 0..<perSide { links.append((tileAttribute, "\(folder)\(level)/\(face)\(row)_\(column).jpg", nil)) }
                        }
                    }
                }
            }
            for hotspot in scene["hotspots"] as? [[String: Any]] ?? [] {
                guard let target = hotspot["scene"] as? String, !ids.contains(target) else { continue }
                let from = scene["id"] as? String ?? "?"
                links.append(("hotspot", target, "in scene '\(from)' leads to no scene of this tour (its scenes: \(ids.sorted().joined(separator: ", ")))"))
            }
        }
        return links
    }

    /// `data-` attributes carry either JSON (the viewer's scenes and hotspots) or a single path.
    private static func pathsInDataValue(_ value: String) -> [String] {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if let first = trimmed.first, first == "{" || first == "[",
           let json = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) {
            return strings(in: json).filter { looksLikeLink($0, inJSON: true) }
        }
        return looksLikeLink(trimmed, inJSON: false) ? [trimmed] : []
    }

    private static func strings(in json: Any) -> [String] {
        switch json {
        case let string as String: return [string]
        case let array as [Any]: return array.flatMap { strings(in: $0) }
        case let object as [String: Any]: return object.keys.sorted().flatMap { strings(in: object[$0] as Any) }
        default: return []
        }
    }

    /// Whether a string from JSON or a `data-` attribute is meant as a link: a web address or a path
    /// to a file of a known type. Folders (a tour's tile `base`, checked with its tiles) and URL
    /// templates (`{x}`) are not.
    static func looksLikeLink(_ string: String, inJSON: Bool) -> Bool {
        guard !string.isEmpty, string.count < 2048, !string.contains(where: { $0.isWhitespace || $0 == "{" || $0 == "}" || $0 == "<" }) else { return false }
        let lower = string.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return inJSON }
        if lower.contains(":") || lower.hasPrefix("#") { return false }
        var path = Substring(lower)
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
        guard let last = path.split(separator: "/").last, let dot = last.lastIndex(of: "."), dot != last.startIndex else { return false }
        return fileExtensions.contains(String(last[last.index(after: dot)...]))
    }

    // MARK: Scanning

    struct Attribute {
        var name: String
        var value: String
        /// Byte offset of the value in the page.
        var offset: Int
    }

    struct RawText {
        var text: String
        var offset: Int
    }

    /// Calls `visit` for each start tag with its attributes, and the raw text of `<script>`/`<style>`.
    static func scan(_ bytes: [UInt8], _ visit: (String, [Attribute], RawText?) -> Void) {
        let count = bytes.count
        var i = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        func find(_ needle: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
            guard !needle.isEmpty, count >= needle.count else { return nil }
            var position = start
            while position <= count - needle.count {
                var matched = true
                for (k, byte) in needle.enumerated() {
                    let candidate = bytes[position + k]
                    if candidate != byte && !(caseInsensitive && candidate | 0x20 == byte) { matched = false; break }
                }
                if matched { return position }
                position += 1
            }
            return nil
        }
        func text(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

        while i < count {
            guard bytes[i] == 0x3C /* < */, i + 1 < count else { i += 1; continue }
            let next = bytes[i + 1]
            if next == 0x21 /* ! */ {
                if i + 3 < count, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D {
                    i = (find(Array("-->".utf8), from: i + 4) ?? count) + 3
                } else {
                    i = (find([0x3E], from: i + 2) ?? count) + 1
                }
                continue
            }
            if next == 0x2F /* / */ || next == 0x3F /* ? */ {
                i = (find([0x3E], from: i + 2) ?? count) + 1
                continue
            }
            guard isLetter(next) else { i += 1; continue }
            // Tag name.
            var j = i + 1
            while j < count, !isSpace(bytes[j]), bytes[j] != 0x3E, bytes[j] != 0x2F { j += 1 }
            let tag = text(i + 1, j).lowercased()
            // Attributes.
            var attributes: [Attribute] = []
            while j < count {
                while j < count, isSpace(bytes[j]) || bytes[j] == 0x2F { j += 1 }
                guard j < count, bytes[j] != 0x3E else { break }
                let nameStart = j
                while j < count, !isSpace(bytes[j]), bytes[j] != 0x3D, bytes[j] != 0x3E, bytes[j] != 0x2F { j += 1 }
                let name = text(nameStart, j).lowercased()
                while j < count, isSpace(bytes[j]) { j += 1 }
                guard j < count, bytes[j] == 0x3D /* = */ else {
                    attributes.append(Attribute(name: name, value: "", offset: nameStart))
                    continue
                }
                j += 1
                while j < count, isSpace(bytes[j]) { j += 1 }
                guard j < count else { break }
                let valueStart: Int, valueEnd: Int
                if bytes[j] == 0x22 || bytes[j] == 0x27 {
                    let quote = bytes[j]
                    valueStart = j + 1
                    var k = valueStart
                    while k < count, bytes[k] != quote { k += 1 }
                    valueEnd = k
                    j = min(k + 1, count)
                } else {
                    valueStart = j
                    while j < count, !isSpace(bytes[j]), bytes[j] != 0x3E { j += 1 }
                    valueEnd = j
                }
                attributes.append(Attribute(name: name, value: decodeEntities(text(valueStart, valueEnd)), offset: valueStart))
            }
            i = j + 1
            var raw: RawText?
            if tag == "script" || tag == "style" {
                let end = find(Array("</\(tag)".utf8), from: i, caseInsensitive: true) ?? count
                raw = RawText(text: text(min(i, end), end), offset: i)
                i = end
            }
            visit(tag, attributes, raw)
        }
    }

    /// Character references in attribute values: the named ones Dinh's templates write, and numeric ones.
    static func decodeEntities(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var result = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = after
                continue
            }
            let name = after[..<semicolon]
            var decoded: String?
            switch name {
            case "amp": decoded = "&"
            case "lt": decoded = "<"
            case "gt": decoded = ">"
            case "quot": decoded = "\""
            case "apos": decoded = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                }
            }
            if let decoded {
                result += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                result += "&"
                rest = after
            }
        }
        return result + rest
    }
}

/// Byte offset → 1-based line and column (in characters), for messages.
struct LineTable {
    private let bytes: [UInt8]
    private var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
    }

    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = starts[low]
        // Count characters, not bytes: UTF-8 continuation bytes are 10xxxxxx.
        let column = bytes[start..<min(offset, bytes.count)].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + 1
        return (low + 1, column)
    }
}
