import Foundation

/// The XML of a workbook part read as a stream of events: the little of XML 1.0 that Office Open
/// XML uses (elements, attributes, text with character and the five predefined entity references,
/// CDATA, comments and processing instructions). A document type declaration is refused: a
/// workbook has none, and its entities are how "billion laughs" files fill the memory. So is
/// nesting deeper than libxml2 allows by default (256): a worksheet is six levels deep.
///
/// Dinh reads workbooks itself rather than through Foundation's `XMLParser`, whose libxml2 (and
/// the ICU it brings) every run of `dinh` would load at start.
enum XMLEvents {
    enum Event {
        /// An element's local name (its prefix dropped: `x:c` is `c`) and its attributes as written.
        case start(String, [String: String])
        case end(String)
        /// Character data, line ends normalised to `\n`; one element's text may come in several pieces.
        case text(String)
    }

    /// Calls `handle` with each event in document order until it returns false. Returns whether
    /// the whole part was read and is well-formed (false when `handle` stopped it, too).
    @discardableResult
    static func read(_ data: Data, _ handle: (Event) -> Bool) -> Bool {
        var reader = Reader(bytes: utf8(data))
        return reader.run(handle)
    }

    /// The part as UTF-8: as it is, or decoded from UTF-16 when it starts with that byte-order mark.
    private static func utf8(_ data: Data) -> [UInt8] {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        guard bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) else { return bytes }
        let little = bytes[0] == 0xFF
        let units = stride(from: 2, to: bytes.count - 1, by: 2).map {
            little ? UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8 : UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1])
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    static let maximumDepth = 256

    private struct Reader {
        let bytes: [UInt8]
        var index = 0
        /// Where the name of each open element lies in `bytes`.
        var open: [Range<Int>] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run(_ handle: (Event) -> Bool) -> Bool {
            var seenRoot = false
            while index < bytes.count {
                if bytes[index] != UInt8(ascii: "<") {
                    guard let text = characters(until: UInt8(ascii: "<")) else { return false }
                    // Outside the root only white space may stand.
                    if open.isEmpty {
                        guard text.utf8.allSatisfy(Self.isSpace) else { return false }
                        continue
                    }
                    guard handle(.text(text)) else { return false }
                    continue
                }
                if starts(with: "<!--") {
                    guard skip(past: "-->") else { return false }
                } else if starts(with: "<![CDATA[") {
                    guard !open.isEmpty else { return false }
                    let start = index + 9
                    guard let end = find("]]>", from: start) else { return false }
                    if end > start, !handle(.text(Self.normalisingLineEnds(bytes[start..<end]))) { return false }
                    index = end + 3
                } else if starts(with: "<?") {
                    guard skip(past: "?>") else { return false }
                } else if starts(with: "<!") {
                    return false  // a document type declaration
                } else if starts(with: "</") {
                    index += 2
                    let name = self.name()
                    skipSpace()
                    guard let expected = open.popLast(), bytes[name] == bytes[expected], next(is: ">") else { return false }
                    guard handle(.end(localName(name))) else { return false }
                    if open.isEmpty { seenRoot = true }
                } else {
                    guard !(seenRoot && open.isEmpty) else { return false }  // a second root
                    guard open.count < XMLEvents.maximumDepth else { return false }
                    index += 1
                    let name = self.name()
                    guard !name.isEmpty else { return false }
                    var attributes: [String: String] = [:]
                    while true {
                        let spaced = skipSpace()
                        if next(is: ">") {
                            open.append(name)
                            guard handle(.start(localName(name), attributes)) else { return false }
                            break
                        }
                        if next(is: "/>") {
                            guard handle(.start(localName(name), attributes)), handle(.end(localName(name))) else { return false }
                            if open.isEmpty { seenRoot = true }
                            break
                        }
                        let attribute = self.name()
                        guard spaced, !attribute.isEmpty else { return false }
                        skipSpace()
                        guard next(is: "=") else { return false }
                        skipSpace()
                        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return false }
                        let quote = bytes[index]
                        index += 1
                        guard let value = characters(until: quote, inAttribute: true), index < bytes.count else { return false }
                        index += 1
                        let key = String(decoding: bytes[attribute], as: UTF8.self)
                        guard attributes.updateValue(value, forKey: key) == nil else { return false }
                    }
                }
            }
            return open.isEmpty && seenRoot
        }

        /// Character data up to `stop` (not taken), references replaced; nil when one is not XML's.
        mutating func characters(until stop: UInt8, inAttribute: Bool = false) -> String? {
            var text: [UInt8] = []
            while index < bytes.count, bytes[index] != stop {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<") { return nil }
                if byte == UInt8(ascii: "&") {
                    guard let semicolon = bytes[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")),
                          let scalar = Self.reference(bytes[(index + 1)..<semicolon]) else { return nil }
                    text += Array(String(scalar).utf8)
                    index = semicolon + 1
                    continue
                }
                if byte == 13 {
                    // CR LF and a lone CR are a line end (XML 1.0 §2.11); in an attribute, a space (§3.3.3).
                    text.append(inAttribute ? 32 : 10)
                    index += index + 1 < bytes.count && bytes[index + 1] == 10 ? 2 : 1
                    continue
                }
                text.append(inAttribute && (byte == 10 || byte == 9) ? 32 : byte)
                index += 1
            }
            return String(decoding: text, as: UTF8.self)
        }

        /// `lt`, `#233`, `#xE9`… (between `&` and `;`) as the character it stands for.
        static func reference(_ name: ArraySlice<UInt8>) -> Unicode.Scalar? {
            switch String(decoding: name, as: UTF8.self) {
            case "lt": return "<"
            case "gt": return ">"
            case "amp": return "&"
            case "quot": return "\""
            case "apos": return "'"
            case let text where text.hasPrefix("#x"): return UInt32(text.dropFirst(2), radix: 16).flatMap(allowed)
            case let text where text.hasPrefix("#"): return UInt32(text.dropFirst(), radix: 10).flatMap(allowed)
            default: return nil
            }
        }

        /// The characters XML allows (§2.2): no control characters but tab and line ends.
        static func allowed(_ value: UInt32) -> Unicode.Scalar? {
            guard value == 9 || value == 10 || value == 13 || value >= 0x20 else { return nil }
            return Unicode.Scalar(value)
        }

        static func normalisingLineEnds(_ slice: ArraySlice<UInt8>) -> String {
            var text: [UInt8] = []
            text.reserveCapacity(slice.count)
            var index = slice.startIndex
            while index < slice.endIndex {
                if slice[index] == 13 {
                    text.append(10)
                    index += index + 1 < slice.endIndex && slice[index + 1] == 10 ? 2 : 1
                } else {
                    text.append(slice[index])
                    index += 1
                }
            }
            return String(decoding: text, as: UTF8.self)
        }

        /// The name at `range` without its prefix.
        func localName(_ range: Range<Int>) -> String {
            let name = bytes[range]
            let local = name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
            return String(decoding: local, as: UTF8.self)
        }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 || byte == 13 }

        /// A name: everything up to white space or one of `/>=<"'`; where it lies.
        mutating func name() -> Range<Int> {
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=")
                    || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { break }
                index += 1
            }
            return start..<index
        }

        @discardableResult
        mutating func skipSpace() -> Bool {
            let start = index
            while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
            return index > start
        }

        func starts(with text: StaticString, at position: Int? = nil) -> Bool {
            let start = position ?? index, count = text.utf8CodeUnitCount
            guard start + count <= bytes.count else { return false }
            return text.withUTF8Buffer { $0.elementsEqual(bytes[start..<(start + count)]) }
        }

        mutating func next(is text: StaticString) -> Bool {
            guard starts(with: text) else { return false }
            index += text.utf8CodeUnitCount
            return true
        }

        func find(_ text: StaticString, from start: Int) -> Int? {
            var position = start
            while position + text.utf8CodeUnitCount <= bytes.count {
                if starts(with: text, at: position) { return position }
                position += 1
            }
            return nil
        }

        mutating func skip(past text: StaticString) -> Bool {
            guard let end = find(text, from: index + 2) else { return false }
            index = end + text.utf8CodeUnitCount
            return true
        }
    }
}
