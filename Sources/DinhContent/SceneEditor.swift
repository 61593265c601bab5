import DinhCore
import Foundation

/// Changes the `scenes:` block of a relic's `index.md` the way the tour editor of `dinh serve`
/// asks, and nothing else: every byte outside the edited scene entries (other fields, comments,
/// the body, CRLF line ends, a UTF-8 BOM) is kept. Each entry's lines are found from the YAML
/// marks; an edited entry keeps the lines of the fields it does not change, and its `view`,
/// `north` and `hotspots` are written again in one normalised style, angles rounded to 0.1°.
package struct SceneEditor: Sendable {
    package enum Target: Sendable {
        /// A door to another scene, with an optional label per language.
        case scene(String, label: [(String, String)])
        /// A note: its text per language (the site's default language first).
        case text([(String, String)])
    }

    package enum Edit: Sendable {
        case addHotspot(scene: String, yaw: Double, pitch: Double, target: Target)
        case moveHotspot(scene: String, index: Int, yaw: Double, pitch: Double)
        case deleteHotspot(scene: String, index: Int)
        case setView(scene: String, yaw: Double, pitch: Double, fov: Double)
        case setNorth(scene: String, yaw: Double)
        /// Moves a scene to a place in the list (0: the entry scene).
        case moveScene(scene: String, to: Int)
    }

    /// What the editor's page shows of one scene, hotspots in the file's order.
    package struct SceneInfo: Sendable {
        package var id: String
        package var title: [(String, String)]
        package var view: (yaw: Double, pitch: Double, fov: Double)?
        package var north: Double?
        package var hotspots: [HotspotInfo]
    }

    package struct HotspotInfo: Sendable {
        package var yaw: Double
        package var pitch: Double
        package var scene: String?
        /// The note's text or the door's label, per language as written.
        package var text: [(String, String)]
    }

    /// A line without its end, and its end (`\n`, `\r\n`, `\r` or nothing on the last line).
    private struct Line: Sendable {
        var text: Substring
        var end: Substring
    }

    private struct Entry: Sendable {
        var id: String
        var node: YAMLNode
        /// Lines of the entry (0-based, end exclusive), trailing blank and comment lines left out.
        var range: Range<Int>
    }

    private let path: String
    private let bom: Bool
    private let lines: [Line]
    private let entries: [Entry]
    /// Column of the entries' `-`.
    private let dashIndent: Int
    /// The line end new lines get: the file's own.
    private let newline: String

    /// The scenes as the file has them.
    package let scenes: [SceneInfo]

    /// Reads a relic's `index.md` (its bytes as on disk). Throws a diagnostic at the file's line
    /// when the scenes cannot be edited here.
    package init(bytes: Data, path: String) throws(Diagnostic) {
        self.path = path
        let start = SourceLocation(path: path, line: 1)
        var raw = [UInt8](bytes)
        bom = raw.starts(with: [0xEF, 0xBB, 0xBF])
        if bom { raw.removeFirst(3) }
        guard !raw.contains(0), let text = String(validating: raw, as: UTF8.self) else {
            throw .error(start, .editorNotUTF8)
        }
        let lines = Self.split(text)
        self.lines = lines
        newline = lines.first.map { String($0.end) }.flatMap { $0.isEmpty ? nil : $0 } ?? "\n"
        guard lines.first?.text.trimmed == "---",
              let close = lines.indices.dropFirst().first(where: { lines[$0].text.trimmed == "---" }) else {
            throw .error(start, .editorNoFrontMatter)
        }
        let yaml = lines[1..<close].map { String($0.text) }.joined(separator: "\n")
        let parsed: YAMLNode?
        switch YAMLReader.parse(yaml, path: path, lineOffset: 1) {
        case .success(let node): parsed = node
        case .failure(let diagnostic): throw diagnostic
        }
        guard case .mapping(let fields)? = parsed?.kind else {
            throw .error(start, .editorFrontMatterNotGroup)
        }
        guard let scenesIndex = fields.firstIndex(where: { $0.key == "scenes" }) else {
            throw .error(start, .editorNoScenes)
        }
        let scenesField = fields[scenesIndex]
        guard case .sequence(let items) = scenesField.value.kind, !items.isEmpty else {
            throw .error(scenesField.keyLocation, .editorScenesNotList)
        }
        // The block ends where the next top-level field starts (or at the closing `---`).
        let keyLine = scenesField.keyLocation.line - 1
        let blockEnd = fields[(scenesIndex + 1)...].map { $0.keyLocation.line - 1 }.first ?? close
        if items[0].location.line - 1 == keyLine {
            throw .error(scenesField.keyLocation, .editorScenesOnOneLine)
        }
        var starts: [Int] = []
        var ids: [String] = []
        var indent = -1
        for item in items {
            guard case .mapping(let itemFields) = item.kind else {
                throw .error(item.location, .editorSceneNotGroup)
            }
            guard let id = itemFields.first(where: { $0.key == "id" })?.value.scalar, !id.isEmpty else {
                throw .error(item.location, .editorSceneNoID)
            }
            if ids.contains(id) { throw .error(item.location, .sceneIDTwice(id: id)) }
            // The line of the item's `-`: at or before its first key, indented less than the key.
            let keyColumn = item.location.column - 1
            var line = item.location.line - 1
            while line > keyLine {
                let text = lines[line].text
                let spaces = text.prefix(while: { $0 == " " }).count
                let rest = text.dropFirst(spaces)
                if spaces < keyColumn, rest.hasPrefix("-"),
                   rest.count == 1 || rest.dropFirst().first == " " {
                    break
                }
                line -= 1
            }
            let spaces = lines[line].text.prefix(while: { $0 == " " }).count
            guard line > keyLine, line >= (starts.last.map { $0 + 1 } ?? 0), indent < 0 || spaces == indent,
                  lines[line].text.dropFirst(spaces).hasPrefix("-") else {
                throw .error(item.location, .editorLayout)
            }
            indent = spaces
            starts.append(line)
            ids.append(id)
        }
        dashIndent = indent
        var found: [Entry] = []
        for (index, item) in items.enumerated() {
            var end = index + 1 < starts.count ? starts[index + 1] : blockEnd
            end = Self.trimTrailing(lines, starts[index]..<end, keep: starts[index] + 1)
            found.append(Entry(id: ids[index], node: item, range: starts[index]..<end))
        }
        entries = found
        scenes = found.map(Self.info)
    }

    /// The file's bytes after the edit.
    package func applying(_ edit: Edit) throws(Diagnostic) -> Data {
        switch edit {
        case .moveScene(let id, let to):
            let from = try index(of: id)
            var order = Array(entries.indices)
            order.remove(at: from)
            order.insert(from, at: max(0, min(to, order.count)))
            // Each slot takes the whole text of the entry now placed there; lines between entries stay.
            var replacements: [(Range<Int>, [String])] = []
            for (slot, source) in order.enumerated() where slot != source {
                replacements.append((entries[slot].range, entries[source].range.map { String(lines[$0].text) + String(lines[$0].end) }))
            }
            return render(replacing: replacements)
        case .addHotspot(let id, let yaw, let pitch, let target):
            var spots = try hotspots(of: id)
            var pairs: [(String, String)] = [("yaw", Self.angle(yaw)), ("pitch", Self.pitch(pitch))]
            switch target {
            case .scene(let scene, let label):
                pairs.append(("scene", Self.flowScalar(scene, quoted: Self.readsAsOtherThanText(scene))))
                if let text = Self.localised(label) { pairs.append(("label", text)) }
            case .text(let text):
                guard let written = Self.localised(text) else {
                    let line = entries[try index(of: id)].range.lowerBound + 1
                    throw .error(SourceLocation(path: path, line: line), .editorNoteNeedsText)
                }
                pairs.append(("text", written))
            }
            let added = "{" + pairs.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}"
            // After the last hotspot, the others kept as written (with their comments).
            if let items = try hotspotItems(of: id), let last = items.ranges.last {
                return render(replacing: [(last.upperBound..<last.upperBound, [String(repeating: " ", count: items.dash) + "- " + added + newline])])
            }
            spots.append(added)
            return try replacing(field: "hotspots", in: id, with: spots)
        case .moveHotspot(let id, let at, let yaw, let pitch):
            let nodes = try hotspotNodes(of: id)
            guard nodes.indices.contains(at), case .mapping(let fields) = nodes[at].kind else { throw outOfRange(id, at) }
            var spots = nodes.map(Self.flow)
            var changed = fields.filter { $0.key != "yaw" && $0.key != "pitch" }.map { "\(Self.flowKey($0.key)): \(Self.flow($0.value))" }
            changed.insert(contentsOf: ["yaw: \(Self.angle(yaw))", "pitch: \(Self.pitch(pitch))"], at: 0)
            spots[at] = "{" + changed.joined(separator: ", ") + "}"
            // Only that hotspot's lines, a comment at the end of its line kept; the others as written.
            if let items = try hotspotItems(of: id) {
                let range = items.ranges[at]
                let comment = range.count == 1 ? Self.trailingComment(lines[range.lowerBound].text) : ""
                return render(replacing: [(range, [String(repeating: " ", count: items.dash) + "- " + spots[at] + comment + newline])])
            }
            return try replacing(field: "hotspots", in: id, with: spots)
        case .deleteHotspot(let id, let at):
            var spots = try hotspots(of: id)
            guard spots.indices.contains(at) else { throw outOfRange(id, at) }
            spots.remove(at: at)
            if !spots.isEmpty, let items = try hotspotItems(of: id) { return render(replacing: [(items.ranges[at], [])]) }
            return try replacing(field: "hotspots", in: id, with: spots.isEmpty ? nil : spots)
        case .setView(let id, let yaw, let pitch, let fov):
            let fovText = Self.number(min(120, max(30, fov)))
            return try replacing(field: "view", in: id, with: "{yaw: \(Self.angle(yaw)), pitch: \(Self.pitch(pitch)), fov: \(fovText)}")
        case .setNorth(let id, let yaw):
            return try replacing(field: "north", in: id, with: Self.angle(yaw))
        }
    }

    // MARK: Entries and fields

    private func index(of id: String) throws(Diagnostic) -> Int {
        guard let index = entries.firstIndex(where: { $0.id == id }) else {
            throw .error(SourceLocation(path: path, line: 1), .editorNoScene(id: id))
        }
        return index
    }

    private func outOfRange(_ id: String, _ at: Int) -> Diagnostic {
        .error(SourceLocation(path: path, line: 1), .editorNoHotspot(scene: id, number: at + 1))
    }

    private func hotspotNodes(of id: String) throws(Diagnostic) -> [YAMLNode] {
        let entry = entries[try index(of: id)]
        guard case .mapping(let fields) = entry.node.kind, let value = fields.first(where: { $0.key == "hotspots" })?.value else { return [] }
        if case .sequence(let items) = value.kind { return items }
        if value.isNull { return [] }
        throw .error(value.location, .editorHotspotsNotList)
    }

    private func hotspots(of id: String) throws(Diagnostic) -> [String] {
        try hotspotNodes(of: id).map(Self.flow)
    }

    /// The lines of each hotspot of a scene written one under the other (`- ` on a line of its own):
    /// from its `-` to the next one's, less the blank and comment lines before the next (which
    /// belong to it), and the column of the `-`; nil for a list written otherwise (then it is
    /// written again whole).
    private func hotspotItems(of id: String) throws(Diagnostic) -> (ranges: [Range<Int>], dash: Int)? {
        let entry = entries[try index(of: id)]
        guard case .mapping(let fields) = entry.node.kind, let at = fields.firstIndex(where: { $0.key == "hotspots" }),
              case .sequence(let items) = fields[at].value.kind, !items.isEmpty else { return nil }
        let keyLine = fields[at].keyLocation.line - 1
        let end = at + 1 < fields.count ? fields[at + 1].keyLocation.line - 1 : entry.range.upperBound
        var starts: [Int] = [], dash = -1
        for item in items {
            let line = item.location.line - 1
            guard line > (starts.last ?? keyLine), line < end else { return nil }
            let text = lines[line].text, spaces = text.prefix(while: { $0 == " " }).count
            guard text.dropFirst(spaces).hasPrefix("- "), spaces < item.location.column - 1, dash < 0 || spaces == dash else { return nil }
            dash = spaces
            starts.append(line)
        }
        let ranges = zip(starts, starts.dropFirst() + [end]).map { start, next in start..<Self.trimTrailing(lines, start..<next, keep: start + 1) }
        return (ranges, dash)
    }

    /// A comment at the end of a line (`  # cửa giữa`, with the spaces before it), or "": a `#`
    /// after a space, outside quotes.
    private static func trailingComment(_ text: Substring) -> String {
        var quote: Character?, escaped = false, previous: Character = " "
        for index in text.indices {
            let c = text[index]
            defer { previous = c }
            if let open = quote {
                if escaped { escaped = false } else if c == "\\" && open == "\"" { escaped = true } else if c == open { quote = nil }
                continue
            }
            if c == "\"" || c == "'" { quote = c; continue }
            if c == "#", previous == " " || previous == "\t" {
                let start = text[..<index].lastIndex { $0 != " " && $0 != "\t" }.map { text.index(after: $0) } ?? text.startIndex
                return String(text[start...])
            }
        }
        return ""
    }

    private func replacing(field: String, in id: String, with items: [String]?) throws(Diagnostic) -> Data {
        try replace(field: field, in: id) { column in
            guard let items else { return [] }
            return [String(repeating: " ", count: column) + "hotspots:"]
                + items.map { String(repeating: " ", count: column + 2) + "- " + $0 }
        }
    }

    private func replacing(field: String, in id: String, with value: String) throws(Diagnostic) -> Data {
        try replace(field: field, in: id) { column in [String(repeating: " ", count: column) + "\(field): \(value)"] }
    }

    /// Replaces one field of a scene entry (or adds it at the entry's end, or removes it when `make`
    /// gives no lines). Other fields keep their lines when each starts on a line of its own;
    /// otherwise (an entry written `- {id: …}`) the whole entry is written again.
    private func replace(field: String, in id: String, make: (Int) -> [String]) throws(Diagnostic) -> Data {
        let entry = entries[try index(of: id)]
        guard case .mapping(let fields) = entry.node.kind else { return render(replacing: []) }
        let keyLines = fields.map { $0.keyLocation.line - 1 }
        let columns = Set(fields.map { $0.keyLocation.column - 1 })
        let ownLines = zip(keyLines, keyLines.dropFirst()).allSatisfy { $0 < $1 }
        let target = fields.firstIndex { $0.key == field }
        if ownLines, columns.count == 1, let column = columns.first, column > dashIndent, target != 0,
           keyLines.allSatisfy({ entry.range.contains($0) }) {
            func end(of index: Int) -> Int {
                index + 1 < keyLines.count ? Self.trimTrailing(lines, keyLines[index]..<keyLines[index + 1], keep: keyLines[index] + 1) : entry.range.upperBound
            }
            if let target {
                let start = keyLines[target], stop = end(of: target)
                var made = make(column)
                // A one-line field written again on one line keeps the comment at its end.
                if stop - start == 1, made.count == 1 { made[0] += Self.trailingComment(lines[start].text) }
                return render(replacing: [(start..<stop, made.map { $0 + newline })])
            }
            let added = make(column).map { $0 + newline }
            // A new view or north goes with the scene's photo and view, as the format lists them; hotspots last.
            let companions = field == "north" ? ["view", "panorama"] : field == "view" ? ["panorama"] : []
            if let anchor = companions.lazy.compactMap({ name in fields.firstIndex { $0.key == name } }).first {
                let at = end(of: anchor)
                return render(replacing: [(at..<at, added)])
            }
            return render(replacing: [(entry.range.upperBound..<entry.range.upperBound, added)])
        }
        // The whole entry, in the normalised style.
        let column = dashIndent + 2
        var out: [String] = []
        var replaced = false
        for item in fields {
            if item.key == field {
                out += make(column)
                replaced = true
            } else if item.key == "hotspots", case .sequence(let spots) = item.value.kind {
                out.append(String(repeating: " ", count: column) + "hotspots:")
                out += spots.map { String(repeating: " ", count: column + 2) + "- " + Self.flow($0) }
            } else {
                out.append(String(repeating: " ", count: column) + "\(Self.flowKey(item.key)): \(Self.flow(item.value))")
            }
        }
        if !replaced { out += make(column) }
        guard !out.isEmpty else { return render(replacing: []) }
        out[0] = String(repeating: " ", count: dashIndent) + "- " + out[0].dropFirst(column)
        return render(replacing: [(entry.range, out.map { $0 + newline })])
    }

    /// The file with some line ranges replaced (ranges do not overlap).
    private func render(replacing replacements: [(Range<Int>, [String])]) -> Data {
        var out = bom ? Data([0xEF, 0xBB, 0xBF]) : Data()
        let sorted = replacements.sorted { $0.0.lowerBound < $1.0.lowerBound }
        var line = 0
        for (range, text) in sorted {
            while line < range.lowerBound { out.append(contentsOf: Array(lines[line].text.utf8) + Array(lines[line].end.utf8)); line += 1 }
            for piece in text { out.append(contentsOf: Array(piece.utf8)) }
            line = range.upperBound
        }
        while line < lines.count { out.append(contentsOf: Array(lines[line].text.utf8) + Array(lines[line].end.utf8)); line += 1 }
        return out
    }

    /// Splits text into lines keeping each line's end, so the file can be put back byte for byte.
    private static func split(_ text: String) -> [Line] {
        var result: [Line] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                var after = scalars.index(after: index)
                if scalar == "\r", after < scalars.endIndex, scalars[after] == "\n" { after = scalars.index(after: after) }
                result.append(Line(text: Substring(scalars[start..<index]), end: Substring(scalars[index..<after])))
                start = after
                index = after
            } else {
                index = scalars.index(after: index)
            }
        }
        if start < scalars.endIndex { result.append(Line(text: Substring(scalars[start...]), end: "")) }
        return result
    }

    /// The range without its trailing blank and comment-only lines (never shorter than `keep`).
    private static func trimTrailing(_ lines: [Line], _ range: Range<Int>, keep: Int) -> Int {
        var end = range.upperBound
        while end > keep {
            let text = lines[end - 1].text.trimmed
            guard text.isEmpty || text.hasPrefix("#") else { break }
            end -= 1
        }
        return end
    }

    // MARK: Reading for the page

    private static func info(_ entry: Entry) -> SceneInfo {
        var result = SceneInfo(id: entry.id, title: [], view: nil, north: nil, hotspots: [])
        guard case .mapping(let fields) = entry.node.kind else { return result }
        for field in fields {
            switch field.key {
            case "title": result.title = texts(field.value)
            case "north": result.north = field.value.scalar.flatMap(Double.init)
            case "view":
                if case .mapping(let parts) = field.value.kind {
                    func part(_ key: String) -> Double? { parts.first { $0.key == key }?.value.scalar.flatMap(Double.init) }
                    result.view = (part("yaw") ?? 0, part("pitch") ?? 0, part("fov") ?? 90)
                }
            case "hotspots":
                guard case .sequence(let items) = field.value.kind else { continue }
                result.hotspots = items.map { item in
                    var spot = HotspotInfo(yaw: 0, pitch: 0, scene: nil, text: [])
                    guard case .mapping(let parts) = item.kind else { return spot }
                    for part in parts {
                        switch part.key {
                        case "yaw": spot.yaw = part.value.scalar.flatMap(Double.init) ?? 0
                        case "pitch": spot.pitch = part.value.scalar.flatMap(Double.init) ?? 0
                        case "scene": spot.scene = part.value.scalar
                        case "text", "label": spot.text = texts(part.value)
                        default: break
                        }
                    }
                    return spot
                }
            default: break
            }
        }
        return result
    }

    /// A localised text as (language, text) pairs; a plain string has the language "".
    private static func texts(_ node: YAMLNode) -> [(String, String)] {
        switch node.kind {
        case .scalar(let text, _): return [("", text)]
        case .mapping(let fields): return fields.compactMap { field in field.value.scalar.map { (field.key, $0) } }
        case .sequence: return []
        }
    }

    // MARK: Writing values

    /// Degrees of yaw rounded to 0.1°, in [-180, 180).
    package static func angle(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        var rounded = (value.truncatingRemainder(dividingBy: 360) * 10).rounded() / 10
        rounded = (rounded + 180).truncatingRemainder(dividingBy: 360)
        if rounded < 0 { rounded += 360 }
        return number(rounded - 180)
    }

    package static func pitch(_ value: Double) -> String { number(value.isFinite ? min(90, max(-90, value)) : 0) }

    /// A number rounded to 0.1, without a trailing `.0` and never `-0`.
    package static func number(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e9 else { return "0" }
        let tenths = Int((value * 10).rounded())
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// A localised text as written: a plain value for the one language given, `{vi: …, en: …}` otherwise.
    static func localised(_ pairs: [(String, String)]) -> String? {
        let given = pairs.map { ($0.0, $0.1.trimmed.nfc) }.filter { !$0.1.isEmpty }
        if given.isEmpty { return nil }
        if given.count == 1, given[0].0 == pairs.first?.0 { return flowScalar(given[0].1, quoted: readsAsOtherThanText(given[0].1)) }
        return "{" + given.map { "\(flowKey($0.0)): \(flowScalar($0.1, quoted: readsAsOtherThanText($0.1)))" }.joined(separator: ", ") + "}"
    }

    /// A value in YAML's flow style (`{…}`, `[…]`, plain or double-quoted scalars); yaw and pitch rounded.
    private static func flow(_ node: YAMLNode) -> String {
        switch node.kind {
        case .scalar(let text, let quoted): return flowScalar(text, quoted: quoted)
        case .sequence(let items): return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .mapping(let fields):
            return "{" + fields.map { field in
                var value = flow(field.value)
                if case .scalar(let text, false) = field.value.kind, let number = Double(text), number.isFinite {
                    if field.key == "yaw" { value = angle(number) } else if field.key == "pitch" { value = pitch(number) }
                }
                return "\(flowKey(field.key)): \(value)"
            }.joined(separator: ", ") + "}"
        }
    }

    private static func flowKey(_ key: String) -> String { flowScalar(key, quoted: false) }

    /// Plain when YAML reads it back as the same text in a flow collection; double-quoted otherwise.
    /// A value quoted in the file stays quoted; a plain one that reads as a number stays plain.
    private static func flowScalar(_ text: String, quoted: Bool) -> String {
        !quoted && isPlainSafe(text) ? text : YAMLText.quoted(text)
    }

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if " \t".unicodeScalars.contains(first) || " \t:".unicodeScalars.contains(last) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        for scalar in text.unicodeScalars where ",[]{}\n\r\t\\".unicodeScalars.contains(scalar) || scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0xFEFF { return false }
        return true
    }

    /// Text that a reader of this YAML would take for something else (a number, yes/no, null).
    static func readsAsOtherThanText(_ text: String) -> Bool {
        let lower = text.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lower) { return true }
        return Double(text) != nil || text.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == ":" || $0 == "_" }
    }
}
