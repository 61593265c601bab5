import DinhCore
import Foundation

/// A link found in an HTML page, with where it is written.
struct HTMLLink: Hashable {
    var attribute: String
    var url: String
    var line: Int
    var column: Int
    /// Set when the link is known to be wrong without looking at files (a hotspot to no scene).
    var problem: Message?
}

/// The links of a page, read with `HTMLScanner`: attributes that hold URLs, the panorama viewer's
/// JSON (scene tiles, hotspots) and `data-` paths, and the ids that fragments may point at.
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
        func add(_ attribute: String, _ url: String, at offset: Int, problem: Message? = nil) {
            let (line, column) = lines.position(of: offset)
            links.append(HTMLLink(attribute: attribute, url: url, line: line, column: column, problem: problem))
        }
        HTMLScanner.scan(bytes) { tag, attributes, rawText in
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
        HTMLScanner.scan([UInt8](data)) { tag, attributes, rawText in
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
    static func tourLinks(_ json: Any) -> [(attribute: String, url: String, problem: Message?)] {
        guard let tour = json as? [String: Any], let scenes = tour["scenes"] as? [[String: Any]] else { return [] }
        let ids = Set(scenes.compactMap { $0["id"] as? String })
        var links: [(attribute: String, url: String, problem: Message?)] = []
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
                links.append(("hotspot", target, Message(SiteMessage.hotspotNoScene(from: from, scenes: ids.sorted()))))
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
}
