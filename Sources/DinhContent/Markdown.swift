import DinhCore

/// A small Markdown renderer (the CommonMark features content needs: headings, paragraphs,
/// lists, quotes, code, rules, emphasis, links). Written for Dinh rather than borrowed because
/// content must never inject markup: every character of text is escaped, raw HTML is shown as
/// text, and only web, mail and phone links are kept (no `javascript:`).
public struct Markdown: Sendable {
    /// Problems worth telling the writer (a picture in the text, an unsafe link), with their lines.
    public private(set) var notes: [(line: Int, message: Message)] = []
    /// The links that may lead within the site (`../../heritage/dinh-ha-mo/`, `ban-do.jpg`,
    /// `/products/`, and web addresses, which may be the site's own), by line: the loader checks
    /// that they lead somewhere.
    public private(set) var siteLinks: [(line: Int, target: String)] = []
    /// Headings in the body start at this level (the page title is the `h1`).
    var topHeadingLevel = 2
    private var lastHeadingLevel = 1
    /// Levels the body's headings move by: its first heading's to `topHeadingLevel`, the same for all.
    private var headingShift: Int?
    /// Quotes inside quotes, emphasis and links inside each other: deeper than this is shown as
    /// text, so a hostile body (10,000 nested `>`, `[[[[…`) costs no more than a plain one.
    static let maximumDepth = 16
    private var depth = 0
    private var inlineDepth = 0
    /// Where each `[` and `(` of the text being rendered closes (shared by its nested parts).
    private var closers: Closers?
    /// Whether the text has HTML tags (said once: a pasted web page has hundreds).
    private var toldHTML = false
    /// Tags pasted text carries (`<order>` in a sentence is words).
    static let htmlTags: Set<String> = ["p", "br", "b", "i", "u", "s", "strong", "em", "span", "div", "font", "a", "img", "ul", "ol", "li",
                                        "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "tbody", "sup", "sub", "hr",
                                        "blockquote", "pre", "code", "small", "center", "iframe", "script", "style"]
    /// Those inside a word's run (`<b>dai</b>`): left out without a space.
    static let inlineTags: Set<String> = ["b", "i", "u", "s", "strong", "em", "span", "font", "a", "sup", "sub", "small", "code"]

    public init() {}

    /// Renders `source` whose first line is line `firstLine` of its file.
    public static func render(_ source: String, firstLine: Int = 1)
        -> (html: String, notes: [(line: Int, message: Message)], siteLinks: [(line: Int, target: String)]) {
        var renderer = Markdown()
        let lines = source.lines.map(String.init)
        let html = renderer.blocks(lines, firstLine: firstLine)
        return (html, renderer.notes, renderer.siteLinks)
    }

    // MARK: Blocks

    private mutating func blocks(_ lines: [String], firstLine: Int) -> String {
        var out: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmed
            let lineNumber = firstLine + i
            if trimmed.isEmpty { i += 1; continue }

            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let fence = String(trimmed.prefix(3))
                var code: [String] = []
                i += 1
                while i < lines.count, !lines[i].trimmed.hasPrefix(fence) {
                    code.append(lines[i]); i += 1
                }
                i += 1
                out.append("<pre><code>\(HTML.escape(code.joined(separator: "\n")))</code></pre>")
                continue
            }
            if let (level, text) = Self.heading(trimmed) {
                // The first heading at the top level, the others moved as much (two `##` stay equals),
                // and levels never skip (h2 → h4 would confuse screen readers and validators).
                let shift = headingShift ?? topHeadingLevel - level
                headingShift = shift
                let wanted = min(6, level + shift)
                let actual = max(topHeadingLevel, min(wanted, lastHeadingLevel + 1))
                lastHeadingLevel = actual
                out.append("<h\(actual)>\(inline(text, line: lineNumber))</h\(actual)>")
                i += 1
                continue
            }
            if Self.isRule(trimmed) {
                out.append("<hr>")
                i += 1
                continue
            }
            if trimmed.hasPrefix(">") && depth >= Self.maximumDepth {
                notes.append((lineNumber, Message(ContentMessage.mdTooDeep(levels: Self.maximumDepth))))
                var text: [String] = []
                while i < lines.count, !lines[i].trimmed.isEmpty { text.append(lines[i].trimmed); i += 1 }
                out.append("<p>\(HTML.escape(text.joined(separator: "\n")))</p>")
                continue
            }
            if trimmed.hasPrefix(">") {
                var quoted: [String] = []
                let start = i
                while i < lines.count, lines[i].trimmed.hasPrefix(">") {
                    var inner = Substring(lines[i].trimmed.dropFirst())
                    if inner.first == " " { inner = inner.dropFirst() }
                    quoted.append(String(inner)); i += 1
                }
                depth += 1
                let inner = blocks(quoted, firstLine: firstLine + start)
                depth -= 1
                out.append("<blockquote>\n\(inner)\n</blockquote>")
                continue
            }
            if let ordered = Self.listMarker(trimmed)?.ordered {
                var items: [(text: [String], line: Int)] = []
                while i < lines.count {
                    let current = lines[i].trimmed
                    if let marker = Self.listMarker(current), marker.ordered == ordered {
                        items.append(([marker.rest], firstLine + i))
                    } else if !current.isEmpty, !items.isEmpty, lines[i].hasPrefix(" ") || lines[i].hasPrefix("\t") {
                        items[items.count - 1].text.append(current)
                    } else if current.isEmpty, i + 1 < lines.count,
                              Self.listMarker(lines[i + 1].trimmed)?.ordered == ordered {
                        // a blank line between items keeps the list going
                    } else {
                        break
                    }
                    i += 1
                }
                let tag = ordered ? "ol" : "ul"
                let body = items.map { "<li>\(inline($0.text.joined(separator: "\n"), line: $0.line))</li>" }.joined(separator: "\n")
                out.append("<\(tag)>\n\(body)\n</\(tag)>")
                continue
            }
            // A paragraph runs until a blank line or the start of another block.
            var paragraph: [String] = []
            let start = i
            while i < lines.count {
                let current = lines[i].trimmed
                if current.isEmpty || (!paragraph.isEmpty && (Self.heading(current) != nil || current.hasPrefix(">")
                    || current.hasPrefix("```") || Self.listMarker(current) != nil)) { break }
                paragraph.append(lines[i].trimmed.isEmpty ? "" : Self.trimLeading(lines[i]))
                i += 1
            }
            out.append("<p>\(inline(paragraph.joined(separator: "\n"), line: firstLine + start))</p>")
        }
        return out.joined(separator: "\n")
    }

    private static func trimLeading(_ line: String) -> String {
        String(line.drop(while: { $0 == " " || $0 == "\t" }))
    }

    private static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = rest.trimmed
        while text.hasSuffix("#") { text.removeLast() }
        return (hashes, text.trimmed)
    }

    private static func isRule(_ line: String) -> Bool {
        guard let first = line.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_") else { return false }
        let compact = line.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    private static func listMarker(_ line: String) -> (ordered: Bool, rest: String)? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return (false, String(line.dropFirst(2)))
        }
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        if (1...9).contains(digits.count) {
            let after = line.dropFirst(digits.count)
            if let mark = after.first, mark == "." || mark == ")", after.dropFirst().first == " " {
                return (true, String(after.dropFirst(2)))
            }
        }
        return nil
    }

    // MARK: Inline

    private mutating func inline(_ text: String, line: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        let bytes = Array(text.utf8)
        closers = bytes.contains(ascii("[")) ? Closers(bytes[...]) : nil
        defer { closers = nil }
        inline(bytes[...], line: line, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Works on UTF-8 bytes: every delimiter is ASCII, and no byte of a multi-byte character is.
    private mutating func inline(_ chars: ArraySlice<UInt8>, line: Int, into out: inout [UInt8]) {
        guard inlineDepth < Self.maximumDepth else { return Self.appendEscaped(chars, to: &out) }
        inlineDepth += 1
        defer { inlineDepth -= 1 }
        var i = chars.startIndex
        let end = chars.endIndex
        // The last search for each delimiter and what it found: searches move forward, so a
        // delimiter with no match (a thousand `<` and no `>`) is not looked for again to the end
        // from every opener, which made a long line quadratic.
        var searches: [UInt16: (from: Int, found: Int?)] = [:]
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            let key = UInt16(needle[0]) | (needle.count > 1 ? UInt16(needle[1]) << 8 : 0)
            if let last = searches[key], start >= last.from, start <= (last.found ?? Int.max) { return last.found }
            var j = start
            var found: Int?
            while j + needle.count <= end {
                if chars[j] == needle[0], needle.count == 1 || chars[j + 1] == needle[1] { found = j; break }
                j += 1
            }
            searches[key] = (start, found)
            return found
        }
        while i < end {
            let c = chars[i]
            switch c {
            case ascii("\\") where i + 1 < end && Self.escapable[Int(chars[i + 1])]:
                Self.appendEscaped(chars[(i + 1)...(i + 1)], to: &out); i += 2
            case ascii("\\") where i + 1 < end && chars[i + 1] == ascii("\n"):
                out += Array("<br>\n".utf8); i += 2
            case ascii("\n"):
                // Two trailing spaces make a hard line break.
                if out.count >= 2, out[out.count - 1] == ascii(" "), out[out.count - 2] == ascii(" ") {
                    out.removeLast(2)
                    out += Array("<br>".utf8)
                }
                out.append(c); i += 1
            case ascii("`"):
                if let close = find([c], from: i + 1) {
                    out += Array("<code>".utf8)
                    Self.appendEscaped(chars[(i + 1)..<close], to: &out)
                    out += Array("</code>".utf8)
                    i = close + 1
                } else { out.append(c); i += 1 }
            case ascii("*"), ascii("_"):
                let double = i + 1 < end && chars[i + 1] == c
                let delimiter: [UInt8] = double ? [c, c] : [c]
                let start = i + delimiter.count
                // Emphasis needs text right after the opener; `_` inside words stays literal.
                let opensWord = start < end && !Self.isSpace(chars[start])
                let insideWord = c == ascii("_") && i > chars.startIndex && Self.isLetter(chars[i - 1])
                if opensWord, !insideWord, let close = find(delimiter, from: start + 1), !Self.isSpace(chars[close - 1]) {
                    let tag = Array((double ? "strong" : "em").utf8)
                    out += [ascii("<")] + tag + [ascii(">")]
                    inline(chars[start..<close], line: line, into: &out)
                    out += [ascii("<"), ascii("/")] + tag + [ascii(">")]
                    i = close + delimiter.count
                } else {
                    out += delimiter; i += delimiter.count
                }
            case ascii("!") where i + 1 < end && chars[i + 1] == ascii("["):
                if let closers, let (label, _, after) = Self.link(chars, at: i + 1, closers: closers) {
                    notes.append((line, Message(ContentMessage.mdPicture)))
                    Self.appendEscaped(label, to: &out); i = after
                } else { out.append(c); i += 1 }
            case ascii("["):
                if let closers, let (label, target, after) = Self.link(chars, at: i, closers: closers) {
                    // `shopee.vn/…` without https:// would be a link inside this site, which leads nowhere.
                    let web = Self.isBareWebAddress(target) ? "https://" + target : nil
                    if let web { notes.append((line, Message(ContentMessage.mdBareWebAddress(target: target, meant: web)))) }
                    if let safe = web ?? Self.safeURL(target).map(Self.pageOfSourceFile) {
                        if web == nil, !safe.hasPrefix("#"), !safe.contains(":") || safe.hasPrefix("http") {
                            // The line of the link itself, within its paragraph.
                            siteLinks.append((line + chars[chars.startIndex..<i].reduce(0) { $0 + ($1 == ascii("\n") ? 1 : 0) }, safe))
                        }
                        out += Array("<a href=\"\(HTML.escape(safe))\">".utf8)
                        inline(label, line: line, into: &out)
                        out += Array("</a>".utf8)
                    } else {
                        notes.append((line, Message(ContentMessage.mdBadLink(target: target))))
                        inline(label, line: line, into: &out)
                    }
                    i = after
                } else { out.append(c); i += 1 }
            case ascii("<"):
                // Autolinks `<https://…>`; anything else that looks like HTML is shown as text.
                // An address is at most a few hundred characters: a `>` far away closes no autolink.
                if let close = find([ascii(">")], from: i + 1), close - i <= 2048 {
                    let address = chars[(i + 1)..<close]
                    if !address.contains(ascii(" ")), address.contains(ascii(":")),
                       case let inner = String(decoding: address, as: UTF8.self), let safe = Self.safeURL(inner) {
                        out += Array("<a href=\"\(HTML.escape(safe))\">\(HTML.escape(inner))</a>".utf8); i = close + 1
                        continue
                    }
                }
                // A tag (`<p>`, `</b>`, `<br/>`), as pasted from a web page or a spreadsheet: left out
                // (its words stay), so that neither the page nor a marketplace's description shows it,
                // and told once. Never copied: the text's markup is Markdown's alone.
                if let close = find([ascii(">")], from: i + 1), close - i <= 200 {
                    let inside = String(decoding: chars[(i + 1)..<close], as: UTF8.self)
                    let name = inside.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                    if Self.htmlTags.contains(name) {
                        if !toldHTML { notes.append((line, Message(ContentMessage.mdHTML(tag: "<" + inside.prefix { $0 != " " } + ">")))) }
                        toldHTML = true
                        if !Self.inlineTags.contains(name) { out.append(ascii(" ")) }
                        i = close + 1
                        continue
                    }
                }
                out += Array("&lt;".utf8); i += 1
            case ascii("&"):
                // A character reference (`&nbsp;`, `&amp;`, `&#8211;`), as pasted from a web page,
                // is the character it names, not its spelling; any other `&` is itself.
                let limit = min(end, i + 12)
                if let semi = chars[i..<limit].firstIndex(of: ascii(";")),
                   let decoded = HTML.character(ofReference: String(decoding: chars[(i + 1)..<semi], as: UTF8.self)) {
                    Self.appendEscaped(Array(decoded.utf8)[...], to: &out); i = semi + 1
                } else {
                    out += Array("&amp;".utf8); i += 1
                }
            default:
                // Plain text runs to the next character that may start markup; escaped in one go.
                var run = i + 1
                Self.markupStarts.withUnsafeBufferPointer { starts in
                    while run < end, !starts[Int(chars[run])] { run += 1 }
                }
                Self.appendEscaped(chars[i..<run], to: &out); i = run
            }
        }
    }

    private static func table(_ characters: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }

    private static let markupStarts = table("\\\n`*_![<&")
    private static let escapable = table("\\`*_[]()#+-.!<>{}")

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == ascii(" ") || byte == ascii("\t") || byte == ascii("\n") || byte == ascii("\r")
    }

    /// ASCII letters, and any byte of a non-ASCII character (Vietnamese letters).
    private static func isLetter(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20 >= ascii("a") && byte | 0x20 <= ascii("z"))
    }

    private static func appendEscaped(_ bytes: ArraySlice<UInt8>, to out: inout [UInt8]) {
        // Runs without a character to escape are copied whole.
        var run = bytes.startIndex
        for index in bytes.indices {
            let entity: String
            switch bytes[index] {
            case ascii("&"): entity = "&amp;"
            case ascii("<"): entity = "&lt;"
            case ascii(">"): entity = "&gt;"
            case ascii("\""): entity = "&quot;"
            case ascii("'"): entity = "&#39;"
            default: continue
            }
            out.append(contentsOf: bytes[run..<index])
            out.append(contentsOf: entity.utf8)
            run = index + 1
        }
        out.append(contentsOf: bytes[run...])
    }

    /// Where each `[` and `(` of a text closes (the `]` or `)` that balances it), found in one pass
    /// with a stack: scanning forward from every opener was quadratic on `[[[[…`. What closes an
    /// opener depends only on the text after it, so a part of the text (a link's label, an
    /// emphasis) uses its whole text's table.
    struct Closers {
        private var closing: [Int32]
        private let base: Int

        init(_ chars: ArraySlice<UInt8>) {
            base = chars.startIndex
            closing = [Int32](repeating: -1, count: chars.count)
            var brackets: [Int32] = [], parens: [Int32] = []
            for index in chars.indices {
                switch chars[index] {
                case ascii("["): brackets.append(Int32(index - base))
                case ascii("("): parens.append(Int32(index - base))
                case ascii("]"): if let open = brackets.popLast() { closing[Int(open)] = Int32(index - base) }
                case ascii(")"): if let open = parens.popLast() { closing[Int(open)] = Int32(index - base) }
                default: break
                }
            }
        }

        /// The index that closes the opener at `index`, if any.
        func close(_ index: Int) -> Int? {
            let found = closing[index - base]
            return found < 0 ? nil : Int(found) + base
        }
    }

    /// `[label](target)` starting at `start` (the `[`): the label, the target and the index after `)`.
    private static func link(_ chars: ArraySlice<UInt8>, at start: Int, closers: Closers) -> (ArraySlice<UInt8>, String, Int)? {
        // The closers are the whole text's: one beyond this part's end closes nothing in it.
        guard let j = closers.close(start), j + 1 < chars.endIndex, chars[j + 1] == ascii("(") else { return nil }
        // The target ends at the `)` that balances the opening one: `(javascript:alert(1))`.
        guard let close = closers.close(j + 1), close < chars.endIndex else { return nil }
        var target = String(decoding: chars[(j + 2)..<close], as: UTF8.self).trimmed
        if let space = target.firstIndex(of: " ") { target = String(target[..<space]) }  // drop a "title"
        return (chars[(start + 1)..<j], target, close + 1)
    }

    /// A link to a page's own file (`../dinh-dai-phung/index.md`, as an editor links files) is
    /// a link to the page: no Markdown file is published.
    static func pageOfSourceFile(_ target: String) -> String {
        let end = target.firstIndex { $0 == "#" || $0 == "?" } ?? target.endIndex
        let path = target[..<end]
        guard path == "index.md" || path.hasSuffix("/index.md"), !target.contains(":") else { return target }
        let folder = path.dropLast("index.md".count)
        return (folder.isEmpty ? "./" : String(folder)) + target[end...]
    }

    /// Web, mail and phone links, and links within the site; nothing that runs code.
    /// Whether a link is a web address written without `https://`: `shopee.vn/shop/123`,
    /// `www.facebook.com/htx`, `zalo.me/0912345678` (a file beside the page, `huong-dan.pdf`, is not).
    static func isBareWebAddress(_ target: String) -> Bool {
        let host = target.lowercased().prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" } })
        else { return false }
        return host.hasPrefix("www.") || ["vn", "com", "net", "org", "info", "biz", "me", "io", "asia", "shop", "store"].contains(String(labels.last!))
    }

    static func safeURL(_ target: String) -> String? {
        let lower = target.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("mailto:") || lower.hasPrefix("tel:") {
            return target
        }
        if lower.hasPrefix("//") { return nil }
        let scheme = lower.prefix(while: { $0 != ":" && $0 != "/" && $0 != "?" && $0 != "#" })
        if scheme.count < lower.count, lower.dropFirst(scheme.count).first == ":" { return nil }
        return target.isEmpty ? nil : target
    }
}

@inline(__always) private func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(character.value) }

extension Markdown {
    /// The first character of `html` outside tags that is not white space, as `firstVisibleText`
    /// would start (an entity shows as its `&`), found without building any text: most bodies
    /// start with a letter, and only the rare ones that do not need the closer look.
    static func firstVisibleScalar(_ html: String) -> Unicode.Scalar? {
        var inTag = false
        for scalar in html.unicodeScalars {
            if inTag {
                if scalar == ">" { inTag = false }
            } else if scalar == "<" {
                inTag = true
            } else if !scalar.properties.isWhitespace {
                return scalar
            }
        }
        return nil
    }

    /// The start (up to `limit` characters) of the text a reader sees in HTML this renderer made:
    /// tags skipped, entities decoded, leading spaces dropped. What marketplaces' plain-text
    /// descriptions start with; nil when there is no text.
    static func firstVisibleText(_ html: String, limit: Int = 60) -> String? {
        var out = ""
        var rest = Substring(html)
        while let char = rest.first, out.count < limit {
            if char == "<" {
                guard let close = rest.firstIndex(of: ">") else { break }
                rest = rest[rest.index(after: close)...]
                if !out.isEmpty { out.append(" ") }
                continue
            }
            if char == "&", let semi = rest.prefix(12).firstIndex(of: ";") {
                if let decoded = HTML.character(ofReference: rest[rest.index(after: rest.startIndex)..<semi]) {
                    out += decoded
                    rest = rest[rest.index(after: semi)...]
                    continue
                }
            }
            if char.isWhitespace {
                if !out.isEmpty { out.append(" ") }
            } else {
                out.append(char)
            }
            rest = rest.dropFirst()
        }
        let text = out.trimmed
        return text.isEmpty ? nil : text
    }
}
