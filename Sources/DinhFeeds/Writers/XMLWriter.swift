/// A small streaming XML serializer. Every piece of text goes through one escaping point, so
/// content can never break the document (a `&` in a product name, a control character pasted from Word).
public struct XMLWriter: Sendable {
    public private(set) var output = ""
    private var open: [String] = []
    private var indent: String { String(repeating: "  ", count: open.count) }

    public init() {
        output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output.reserveCapacity(1 << 16)
    }

    /// Opens `<name attr="…">` on its own line.
    public mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        output += indent + "<" + name
        for (key, value) in attributes { output += " \(key)=\"\(Self.escape(value))\"" }
        output += ">\n"
        open.append(name)
    }

    public mutating func end() {
        guard let name = open.popLast() else { return }
        output += indent + "</\(name)>\n"
    }

    /// `<name>text</name>` on one line.
    public mutating func element(_ name: String, _ text: String) {
        output += indent + "<\(name)>" + Self.escape(text) + "</\(name)>\n"
    }

    /// Escapes the five markup characters and drops what XML 1.0 cannot carry at all
    /// (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF): a parser would reject the whole feed.
    public static func escape(_ text: String) -> String {
        // Most text needs nothing: check the bytes once before building a copy.
        let special = text.utf8.contains { byte in
            byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0x7F || byte == 0xC2 || byte == 0xEF
        }
        guard special else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if PlainText.isForbiddenControl(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
