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
        var out = ""
        write(into: &out, pretty: pretty, htmlSafe: htmlSafe, depth: 0)
        return out
    }

    private func write(into out: inout String, pretty: Bool, htmlSafe: Bool, depth: Int) {
        let newline = pretty ? "\n" + String(repeating: "  ", count: depth + 1) : ""
        let close = pretty ? "\n" + String(repeating: "  ", count: depth) : ""
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value):
            if value.isFinite { out += value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value) } else { out += "null" }
        case .string(let value): Self.writeString(value, into: &out, htmlSafe: htmlSafe)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                out += newline
                item.write(into: &out, pretty: pretty, htmlSafe: htmlSafe, depth: depth + 1)
            }
            out += close + "]"
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{"
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out += "," }
                out += newline
                Self.writeString(key, into: &out, htmlSafe: htmlSafe)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, htmlSafe: htmlSafe, depth: depth + 1)
            }
            out += close + "}"
        }
    }

    private static func writeString(_ text: String, into out: inout String, htmlSafe: Bool) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where htmlSafe: out += "\\u003c"
            case ">" where htmlSafe: out += "\\u003e"
            case "&" where htmlSafe: out += "\\u0026"
            // Valid JSON but line terminators in older JavaScript; escaped everywhere for safety.
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
