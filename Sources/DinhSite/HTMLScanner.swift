import DinhCore
import Foundation

/// A small HTML tokenizer: start tags with their attributes (entities decoded where asked), and
/// the raw text of `<script>` and `<style>`, with byte offsets for messages. Enough for the link
/// checker to read the pages Dinh writes and the themes people write, not a full HTML parser.
enum HTMLScanner {
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

    /// Character references in attribute values.
    static func decodeEntities(_ value: String) -> String { HTML.decodingReferences(value) }
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
