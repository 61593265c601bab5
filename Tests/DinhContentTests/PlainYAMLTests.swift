import DinhCore
@testable import DinhContent
import Foundation
import Testing

/// The plain reader (`PlainYAML`) must give exactly what Yams gives — every value, whether it was
/// quoted, and the line and column of every value and key, which messages point at — or leave
/// the text to Yams. Compared on the demo content and on random front matter, much of it broken
/// on purpose.
@Suite struct PlainYAMLTests {
    /// Every node with its place, as one text to compare.
    static func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "nil" }
        let place = "@\(node.location.line):\(node.location.column)"
        switch node.kind {
        case .scalar(let text, let quoted): return "\(quoted ? "q" : "p")\(text.debugDescription)\(place)"
        case .sequence(let items): return "[" + items.map(describe).joined(separator: ", ") + "]" + place
        case .mapping(let entries):
            return "{" + entries.map { "\($0.key)@\($0.keyLocation.line):\($0.keyLocation.column): \(describe($0.value))" }
                .joined(separator: ", ") + "}" + place
        }
    }

    /// Nil when the plain reader leaves the text to Yams; else whether both agree.
    static func agree(_ yaml: String, lineOffset: Int = 0) -> (plain: String, yams: String)? {
        guard let plain = PlainYAML.parse(yaml, path: "a.md", lineOffset: lineOffset) else { return nil }
        let yams: String
        switch YAMLReader.parseWithYams(yaml, path: "a.md", lineOffset: lineOffset) {
        case .success(let node): yams = describe(node)
        case .failure(let diagnostic): yams = "error: \(diagnostic)"
        }
        return (describe(plain), yams)
    }

    @Test func readsWhatYamsReads() {
        let yaml = """
        code: DH01
        name:
          vi: Đình Hạ Mỗ
          en: "Ha Mo communal house"
        # a comment

        tags: [đình, 'di tích', "lễ hội"]   # three
        hotspots:
          - {yaw: 0, pitch: -2, scene: dai-dinh, label: {vi: Vào đại đình, en: Enter}}
          - {yaw: 90, text: {vi: "Cổng tam quan", en: 'The gate'}, tags: [a, [b, c], {}], none: []}
        pay_qr: false              # sold at the market stall only
        ocop: {stars: 4, year: 2024}
        empty:
        scenes:
          - id: san
            title: Sân đình
            hotspots:
            - to: hau-cung
              yaw: -30
          - id: hau-cung
            title: 'Hậu cung, it''s'
        images:
        - a.jpg
        - b.jpg
        last:
        """
        let result = Self.agree(yaml, lineOffset: 1)
        #expect(result != nil, "the plain reader should read this front matter")
        #expect(result?.plain == result?.yams)
    }

    @Test func leavesTheRestToYams() {
        // Each of these is either not plain YAML or a mistake Yams must report.
        let texts = [
            "a: |\n  text\n", "a: >\n  text\n", "a: &x 1\nb: *x\n", "a: !tag x\n", "a: b #comment\n", "a: b#c\n",
            "a:\tb\n", "\ta: b\n", "a: b\na: c\n", "a: b\n  c\n", "a: \"b\\\"c\"\n", "a: \"b\n  c\"\n",
            "a: b: c\n", "a: [b, [c]]\n", "a: {b: {c: d}}\n", "a: [b, , c]\n", "\"a\": b\n", "a: 'b\n",
            "- a\n- b\n", "just text\n", "", "# only a comment\n", "a: b\n- c\n", "a:\n  - b\n - c\n",
            "a: -1\n", "a: b:\n", "a: [b\n", "ả: b\n", "a: b\u{85}c\n", "a: b\u{2028}c\n", "a: b\u{1}\n",
            "a:\n    b: c\n  d: e\n", "a: [b]c\n", "a: {b: c} d\n", "a: 'b' c\n", "- a: b\n",
        ]
        for text in texts {
            if let result = Self.agree(text) { #expect(result.plain == result.yams, "\(text.debugDescription)") }
        }
        #expect(PlainYAML.parse("a: b\na: c\n", path: "a.md", lineOffset: 0) == nil)
        // Nesting past 32 levels is left to Yams (which says when it is too deep), so no text runs
        // the reader's recursion out of stack; nesting people write is read.
        func nested(_ levels: Int) -> String {
            (0..<levels).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " v\n"
        }
        func flow(_ levels: Int) -> String { "a: " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n" }
        #expect(PlainYAML.parse(nested(10_000), path: "a.md", lineOffset: 0) == nil)
        #expect(PlainYAML.parse(flow(100_000), path: "a.md", lineOffset: 0) == nil)
        #expect(PlainYAML.parse("a:\n" + String(repeating: "- ", count: 100_000) + "x\n", path: "a.md", lineOffset: 0) == nil)
        #expect(Self.agree(nested(8)).map { $0.plain == $0.yams } == true)
        #expect(Self.agree(flow(8)).map { $0.plain == $0.yams } == true)
        // Yams takes no key longer than 1,024 characters.
        let key = String(repeating: "k", count: 1024)
        #expect(Self.agree("\(key): v\n").map { $0.plain == $0.yams } == true)
        #expect(PlainYAML.parse("a: 1\n\(key)k: v\n", path: "a.md", lineOffset: 0) == nil)
        #expect(PlainYAML.parse("a: {\(key)k: v}\n", path: "a.md", lineOffset: 0) == nil)
        // Columns on a line of thousands of values, nested and not, with letters of several bytes.
        let values = (0..<5_000).map { $0 % 7 == 0 ? "[đ\($0), {k: ế}]" : "{k\($0): đ\($0), n: [ơ]}" }
        let long = Self.agree("a: [" + values.joined(separator: ", ") + "]\n")
        #expect(long != nil && long?.plain == long?.yams)
        // Blank front matter is nothing, as Yams says, without asking it.
        for blank in ["", "\n", "  \n \n"] {
            #expect(Self.describe(try? YAMLReader.parseWithYams(blank, path: "a.md").get()) == "nil")
            #expect(Self.describe(try? YAMLReader.parse(blank, path: "a.md").get()) == "nil")
        }
        #expect(PlainYAML.parse("a: b\n  c\n", path: "a.md", lineOffset: 0) == nil)
    }

    @Test func agreesOnTheDemoContent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../content").standardized
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.allObjects as? [URL])
        var read = 0, total = 0
        for file in files where ["md", "yaml"].contains(file.pathExtension) && !file.path.contains("/theme/") {
            let text = try String(contentsOf: file, encoding: .utf8)
            let yaml: String
            if file.pathExtension == "yaml" {
                yaml = text
            } else {
                guard let front = SourceText.split(text.unixLineEnds, path: file.path).frontMatter else { continue }
                yaml = front
            }
            total += 1
            guard let result = Self.agree(yaml, lineOffset: 1) else { continue }
            read += 1
            #expect(result.plain == result.yams, "\(file.lastPathComponent)")
        }
        // The point of the plain reader: the demo's own front matter is all plain YAML.
        #expect(total > 15 && read * 10 >= total * 9, "plain reader read \(read) of \(total) files")
    }

    /// Random front matter from the pieces people write, some of it damaged.
    @Test func agreesOnRandomFrontMatter() {
        var generator = SystemRandomNumberGenerator()
        let words = ["Đình", "Hạ Mỗ", "chè lam", "OCOP", "a", "x-y", "1", "3.5", "yes", "~", "null", "it's", "Thọ Xuân",
                     "https://example.vn/a?b=c", "a:b", "a b", "hộp 300 g", "50000", "2025-01-01", "Ngõ 5/12"]
        let damage = [":", " :", "#", " #", "-", "- ", "'", "\"", "[", "]", "{", "}", ",", "\t", "\\", "|", ">", "&", "*", "!", "  ", "\n", "\n  ", "%", "@", "`", "?"]
        func scalar() -> String {
            let word = words.randomElement(using: &generator)!
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: return "\"\(word)\""
            case 1: return "'\(word.replacingOccurrences(of: "'", with: "''"))'"
            default: return word
            }
        }
        func flow(depth: Int = 0) -> String {
            let items = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                depth < 2 && Int.random(in: 0..<4, using: &generator) == 0 ? flow(depth: depth + 1) : scalar()
            }
            return Bool.random(using: &generator)
                ? "[" + items.joined(separator: ", ") + "]"
                : "{" + items.enumerated().map { "k\($0.offset): \($0.element)" }.joined(separator: ", ") + "}"
        }
        func comment() -> String {
            ["", "", "", " # ghi chú", "   #x", "#x", " ", "  "].randomElement(using: &generator)!
        }
        func block(_ indent: String, depth: Int) -> String {
            var out = ""
            for index in 0..<Int.random(in: 1...4, using: &generator) {
                let key = ["code", "name", "vi", "en", "k\(index)", "a_b", "x-1"][Int.random(in: 0..<7, using: &generator)] + "\(index)"
                switch Int.random(in: 0..<(depth < 3 ? 8 : 4), using: &generator) {
                case 0, 1: out += "\(indent)\(key): \(scalar())\(comment())\n"
                case 2: out += "\(indent)\(key): \(flow())\(comment())\n"
                case 3: out += "\(indent)\(key):\(comment())\n"
                case 4, 5: out += "\(indent)\(key):\n" + block(indent + String(repeating: " ", count: Int.random(in: 1...4, using: &generator)), depth: depth + 1)
                default:
                    let dash = Bool.random(using: &generator) ? indent : indent + "  "
                    out += "\(indent)\(key):\n"
                    for _ in 0..<Int.random(in: 1...3, using: &generator) {
                        if Bool.random(using: &generator) {
                            out += "\(dash)- \(Bool.random(using: &generator) ? scalar() : flow())\(comment())\n"
                        } else {
                            let item = block(dash + "  ", depth: depth + 1)
                            out += dash + "- " + item.dropFirst(dash.count + 2)
                        }
                    }
                }
                if Int.random(in: 0..<8, using: &generator) == 0 { out += Bool.random(using: &generator) ? "\n" : "\(indent)# note\n" }
            }
            return out
        }
        var read = 0
        for _ in 0..<3000 {
            var text = block("", depth: 0)
            if Int.random(in: 0..<3, using: &generator) == 0 {
                // Damage: a character or two of YAML's markup somewhere.
                var scalars = Array(text.unicodeScalars)
                for _ in 0..<Int.random(in: 1...2, using: &generator) {
                    let at = Int.random(in: 0...scalars.count, using: &generator)
                    scalars.insert(contentsOf: damage.randomElement(using: &generator)!.unicodeScalars, at: at)
                }
                text = String(String.UnicodeScalarView(scalars))
            }
            if Bool.random(using: &generator) { text = String(text.dropLast()) }   // no final line break
            guard let result = Self.agree(text, lineOffset: Int.random(in: 0...3, using: &generator)) else { continue }
            read += 1
            #expect(result.plain == result.yams, "\(text.debugDescription)")
            if result.plain != result.yams { break }
        }
        #expect(read > 600, "the plain reader read only \(read) of 3,000 texts")
    }
}
