import DinhCore

/// A JSON value whose objects keep the order they were built in, so output is byte-identical
/// across runs and reads naturally (`@context`, `@type` first) — `JSONSerialization` offers only
/// random or alphabetical order and turns `45000` into `45000.0` on some platforms.
public indirect enum JSONValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByBooleanLiteral {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// An object from pairs, leaving out absent (nil) values.
    public static func fields(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// Compact when `pretty` is false. With `htmlSafe`, `<`, `>` and `&` are written as `\u003c`…
    /// so the text can sit inside `<script type="application/ld+json">` without ending it.
    public func serialized(pretty: Bool = false, htmlSafe: Bool = false) -> String {
        String(decoding: serializedUTF8(pretty: pretty, htmlSafe: htmlSafe), as: UTF8.self)
    }

    /// The same as UTF-8, what a file or a page holds, without making a string of it first.
    package func serializedUTF8(pretty: Bool = false, htmlSafe: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(into: &out, pretty: pretty, htmlSafe: htmlSafe, depth: 0)
        return out
    }

    // Written as UTF-8 bytes: products.json for 10,000 products is tens of megabytes.
    private func write(into out: inout [UInt8], pretty: Bool, htmlSafe: Bool, depth: Int) {
        func newline(_ level: Int) {
            guard pretty else { return }
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: 2 * level))
        }
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .double(let value):
            let text = !value.isFinite ? "null" : value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
            out.append(contentsOf: text.utf8)
        case .string(let value): Self.writeString(value, into: &out, htmlSafe: htmlSafe)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                item.write(into: &out, pretty: pretty, htmlSafe: htmlSafe, depth: depth + 1)
            }
            newline(depth)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                Self.writeString(key, into: &out, htmlSafe: htmlSafe)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(0x20) }
                value.write(into: &out, pretty: pretty, htmlSafe: htmlSafe, depth: depth + 1)
            }
            newline(depth)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, into out: inout [UInt8], htmlSafe: Bool) {
        QuotedString.append(text, to: &out, htmlSafe: htmlSafe)
    }
}
