import DinhCore

/// A reader for the plain YAML front matter is almost always written in: `key: value` lines,
/// groups nested by indentation, `- item` lists (of values or of groups), one-line quoted text,
/// and one-line `[a, b]` and `{key: value}`. It gives the nodes Yams gives, at the same places,
/// without Yams' node tree, marks and per-mapping duplicate check (the YAML of 10,000 products
/// was 4 % of their build).
///
/// Anything else — block text (`|`, `>`), escapes, anchors, tags, comments after a value, tabs,
/// a duplicate key, text running onto the next line, any mistake — it does not read: it returns
/// nil and Yams reads the text, so every message still comes from one place.
/// `PlainYAMLTests` compares both readers on the demo content and on random front matter.
enum PlainYAML {
    static func parse(_ text: String, path: String, lineOffset: Int) -> YAMLNode? {
        var reader = Reader(bytes: Array(text.utf8), path: path, lineOffset: lineOffset)
        guard reader.splitLines(), let first = reader.lines.first, first.indent == 0,
              let root = reader.block(indent: 0), reader.next == reader.lines.count,
              case .mapping = root.kind else { return nil }
        return root
    }

    private struct Line {
        var number: Int
        var start: Int
        /// Where the content starts; for a list item's group, the group's first key.
        var content: Int
        var end: Int
        var indent: Int { content - start }
    }

    private struct Reader {
        let bytes: [UInt8]
        let path: String
        let lineOffset: Int
        /// The lines with content: blank lines and whole-line comments are left out.
        var lines: [Line] = []
        var next = 0
        /// How deep the groups and lists being read are nested: past `maximumDepth`, Yams reads
        /// the text (and says when it is too deep), so that no text can run the recursion out of stack.
        var depth = 0
        static let maximumDepth = 32

        init(bytes: [UInt8], path: String, lineOffset: Int) {
            self.bytes = bytes
            self.path = path
            self.lineOffset = lineOffset
        }

        /// False for bytes YAML reads differently or refuses: controls (tabs included), the
        /// Unicode line breaks (NEL, U+2028/9), U+FEFF and the non-characters U+FFFE/F.
        mutating func splitLines() -> Bool {
            var start = 0, number = 1, i = 0
            let count = bytes.count
            while i <= count {
                if i == count || bytes[i] == 0x0A {
                    var content = start
                    while content < i, bytes[content] == 0x20 { content += 1 }
                    if content < i, bytes[content] != UInt8(ascii: "#") {
                        var end = i
                        while end > content, bytes[end - 1] == 0x20 { end -= 1 }
                        lines.append(Line(number: number, start: start, content: content, end: end))
                    }
                    number += 1
                    start = i + 1
                    i += 1
                    continue
                }
                let byte = bytes[i]
                if byte < 0x20 || byte == 0x7F { return false }
                if byte == 0xC2, i + 1 < count, bytes[i + 1] < 0xA0 { return false }
                if byte == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return false }
                if byte == 0xEF, i + 2 < count, (bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF) || (bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE) { return false }
                i += 1
            }
            return true
        }

        func location(_ line: Line, _ offset: Int) -> SourceLocation {
            // Columns count characters, as Yams' do: every byte but UTF-8 continuation bytes,
            // counted from the last place asked, forward or back (from the line's start each time,
            // a line of thousands of values was read in quadratic time).
            if cursor.line != line.number { (cursor.line, cursor.offset, cursor.column) = (line.number, line.start, 1) }
            if offset >= cursor.offset {
                for index in cursor.offset..<offset where bytes[index] & 0xC0 != 0x80 { cursor.column += 1 }
            } else {
                for index in offset..<cursor.offset where bytes[index] & 0xC0 != 0x80 { cursor.column -= 1 }
            }
            cursor.offset = offset
            return SourceLocation(path: path, line: line.number + lineOffset, column: cursor.column)
        }

        /// The last place a column was counted for.
        private final class Cursor {
            var line = 0, offset = 0, column = 1
        }
        private let cursor = Cursor()

        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self).nfc }

        /// A group or a list whose lines are indented by `indent`, from the next line on.
        mutating func block(indent: Int) -> YAMLNode? {
            guard depth < Self.maximumDepth else { return nil }
            depth += 1
            defer { depth -= 1 }
            return isItem(lines[next]) ? list(indent: indent) : group(indent: indent)
        }

        func isItem(_ line: Line) -> Bool {
            bytes[line.content] == UInt8(ascii: "-") && (line.content + 1 == line.end || bytes[line.content + 1] == 0x20)
        }

        mutating func group(indent: Int) -> YAMLNode? {
            let place = location(lines[next], lines[next].content)
            var entries: [YAMLNode.Entry] = []
            var keys = Set<String>()
            while next < lines.count, lines[next].indent == indent, !isItem(lines[next]) {
                let line = lines[next]
                guard let (key, colon) = key(line, from: line.content, end: line.end), keys.insert(key).inserted else { return nil }
                let valueStart = afterSpaces(colon + 1, line)
                let value: YAMLNode
                next += 1
                if valueStart == line.end || (valueStart > colon + 1 && bytes[valueStart] == UInt8(ascii: "#")) {
                    if next < lines.count, lines[next].indent > indent {
                        guard let nested = block(indent: lines[next].indent) else { return nil }
                        value = nested
                    } else if next < lines.count, lines[next].indent == indent, isItem(lines[next]) {
                        guard let nested = list(indent: indent) else { return nil }
                        value = nested
                    } else {
                        // Nothing (null), placed right after the colon as Yams places it.
                        value = YAMLNode(kind: .scalar("", quoted: false), location: location(line, colon + 1))
                    }
                } else {
                    guard let inline = inline(line, from: valueStart),
                          next == lines.count || lines[next].indent <= indent else { return nil }
                    value = inline
                }
                entries.append(YAMLNode.Entry(key: key, keyLocation: location(line, line.content), value: value))
            }
            return YAMLNode(kind: .mapping(entries), location: place)
        }

        mutating func list(indent: Int) -> YAMLNode? {
            let place = location(lines[next], lines[next].content)
            var items: [YAMLNode] = []
            while next < lines.count, lines[next].indent == indent, isItem(lines[next]) {
                let line = lines[next]
                let start = afterSpaces(line.content + 1, line)
                guard start < line.end, bytes[start] != UInt8(ascii: "-") else { return nil }
                if key(line, from: start, end: line.end) != nil {
                    // `- key: value`: a group whose keys line up with this first one.
                    lines[next].content = start
                    guard depth < Self.maximumDepth else { return nil }
                    depth += 1
                    defer { depth -= 1 }
                    guard let item = group(indent: start - line.start) else { return nil }
                    items.append(item)
                } else {
                    guard let item = inline(line, from: start) else { return nil }
                    next += 1
                    guard next == lines.count || lines[next].indent <= indent else { return nil }
                    items.append(item)
                }
            }
            return YAMLNode(kind: .sequence(items), location: place)
        }

        /// Where the spaces from `start` on end (at most the line's end).
        func afterSpaces(_ start: Int, _ line: Line) -> Int {
            var i = start
            while i < line.end, bytes[i] == 0x20 { i += 1 }
            return i
        }

        /// A key of letters, digits, `_` and `-` followed by `:` and a space or the end: its text
        /// and where the colon is.
        func key(_ line: Line, from start: Int, end: Int) -> (String, Int)? {
            var i = start
            while i < end, Self.isKeyByte(bytes[i]) { i += 1 }
            // Yams takes nothing longer than 1,024 characters for a key.
            guard i > start, i - start <= 1024, bytes[start] != UInt8(ascii: "-"), i < end, bytes[i] == UInt8(ascii: ":"),
                  i + 1 == end || bytes[i + 1] == 0x20 else { return nil }
            return (String(decoding: bytes[start..<i], as: UTF8.self), i)
        }

        static func isKeyByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"): true
            default: false
            }
        }

        /// A value written on the rest of a line, maybe followed by a comment.
        func inline(_ line: Line, from start: Int) -> YAMLNode? {
            let first = bytes[start]
            guard first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") || first == UInt8(ascii: "[") || first == UInt8(ascii: "{") else {
                // Plain text ends where a comment starts (` #`).
                var end = start
                while end < line.end, !(bytes[end] == UInt8(ascii: "#") && bytes[end - 1] == 0x20) { end += 1 }
                return plain(line, from: start, end: end, flow: false)
            }
            guard let (node, after) = flow(line, at: start) else { return nil }
            let rest = afterSpaces(after, line)
            return rest == line.end || (rest > after && bytes[rest] == UInt8(ascii: "#")) ? node : nil
        }

        /// Text without quotes, from `start` to `end` (spaces after it left out): nothing YAML
        /// could read as markup anywhere in it.
        func plain(_ line: Line, from start: Int, end: Int, flow: Bool) -> YAMLNode? {
            var last = end
            while last > start, bytes[last - 1] == 0x20 { last -= 1 }
            guard start < last else { return nil }
            // `-` may start text when more text follows at once (`-30`).
            if Self.indicators.contains(bytes[start]) {
                guard bytes[start] == UInt8(ascii: "-"), start + 1 < last,
                      bytes[start + 1] != 0x20, !(flow && Self.flowIndicators.contains(bytes[start + 1])) else { return nil }
            }
            for i in start..<last {
                switch bytes[i] {
                case UInt8(ascii: "#"): return nil
                case UInt8(ascii: ":") where flow || i + 1 == last || bytes[i + 1] == 0x20: return nil
                case let byte where flow && Self.flowIndicators.contains(byte): return nil
                default: continue
                }
            }
            return YAMLNode(kind: .scalar(text(start..<last), quoted: false), location: location(line, start))
        }

        static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@`".utf8)
        static let flowIndicators: Set<UInt8> = Set(",[]{}".utf8)

        /// Quoted text closed on the same line, without escapes (`''` in single quotes is one `'`):
        /// the node and where its closing quote ends.
        func quoted(_ line: Line, from start: Int) -> (YAMLNode, Int)? {
            let quote = bytes[start]
            var i = start + 1
            var value: [UInt8] = []
            while true {
                // A quoted text that goes on to the next line, and escapes, are Yams' to read.
                guard i < line.end else { return nil }
                let byte = bytes[i]
                if byte == quote {
                    if quote == UInt8(ascii: "'"), i + 1 < line.end, bytes[i + 1] == quote { value.append(quote); i += 2; continue }
                    break
                }
                if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") { return nil }
                value.append(byte)
                i += 1
            }
            let node = YAMLNode(kind: .scalar(String(decoding: value, as: UTF8.self).nfc, quoted: true), location: location(line, start))
            return (node, i + 1)
        }

        /// A value inside or as a one-line `[…]` or `{…}`: quoted text, plain text, or a nested
        /// list or group. The node and where it ends.
        func flow(_ line: Line, at start: Int, depth: Int = 0) -> (YAMLNode, Int)? {
            guard depth + self.depth < Self.maximumDepth else { return nil }
            switch bytes[start] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                return quoted(line, from: start)
            case UInt8(ascii: "["):
                var items: [YAMLNode] = []
                guard let after = flowItems(line, from: start + 1, close: UInt8(ascii: "]"), each: { from in
                    guard let (item, after) = flow(line, at: from, depth: depth + 1) else { return nil }
                    items.append(item)
                    return after
                }) else { return nil }
                return (YAMLNode(kind: .sequence(items), location: location(line, start)), after)
            case UInt8(ascii: "{"):
                var entries: [YAMLNode.Entry] = []
                var keys = Set<String>()
                guard let after = flowItems(line, from: start + 1, close: UInt8(ascii: "}"), each: { from in
                    guard let (key, colon) = key(line, from: from, end: line.end), keys.insert(key).inserted else { return nil }
                    let valueStart = afterSpaces(colon + 1, line)
                    guard valueStart < line.end, let (value, after) = flow(line, at: valueStart, depth: depth + 1) else { return nil }
                    entries.append(YAMLNode.Entry(key: key, keyLocation: location(line, from), value: value))
                    return after
                }) else { return nil }
                return (YAMLNode(kind: .mapping(entries), location: location(line, start)), after)
            default:
                var end = start
                while end < line.end, !Self.flowIndicators.contains(bytes[end]) { end += 1 }
                guard let node = plain(line, from: start, end: end, flow: true) else { return nil }
                return (node, end)
            }
        }

        /// Reads the items of a `[…]` or `{…}` with `each` (given where an item starts, it reads it
        /// and says where it ends) up to the closing bracket; returns where the bracket ends. An
        /// empty item (`[a, , b]`, `[a,]`) is not read.
        func flowItems(_ line: Line, from start: Int, close: UInt8, each: (Int) -> Int?) -> Int? {
            var i = afterSpaces(start, line)
            if i < line.end, bytes[i] == close { return i + 1 }
            while i < line.end {
                guard let after = each(i) else { return nil }
                i = afterSpaces(after, line)
                guard i < line.end else { return nil }
                if bytes[i] == close { return i + 1 }
                guard bytes[i] == UInt8(ascii: ",") else { return nil }
                i = afterSpaces(i + 1, line)
            }
            return nil
        }
    }
}
