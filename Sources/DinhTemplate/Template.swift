import DinhCore

/// A Mustache template, parsed once: text, variables (`{{name}}` escaped for HTML, `{{{name}}}` and
/// `{{& name}}` as they are), sections (`{{#name}}…{{/name}}`), inverted sections (`{{^name}}`),
/// partials (`{{> name}}`), comments (`{{! … }}`), delimiter changes (`{{=<% %>=}}`) and
/// inheritance (`{{<parent}}` filled with `{{$block}}…{{/block}}`), with the specification's rules
/// for lines that hold only tags and for indentation. Lambdas and dynamic names (`{{>*name}}`) are
/// not supported: templates stay logic-less, and every template they use is known when they load.
package struct Template: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        /// A line of the template starts here: the indentation of a standalone partial or block goes here.
        case lineStart
        case variable(Name, escaped: Bool)
        case section(Name, inverted: Bool, [Node])
        /// `indentation` is nil when the tag shares its line with other text: then no line is indented.
        case partial(String, indentation: String?, line: Int, column: Int)
        /// `{{<name}}…{{/name}}`: the template `name`, with its blocks filled by `blocks`.
        case parent(String, indentation: String?, blocks: [String: [Node]], line: Int, column: Int)
        /// `{{$name}}default{{/name}}`: `indentation` (nil when the block does not start its line) starts
        /// each line of the content that fills it, whose own indentation was taken off when parsed.
        case block(String, indentation: String?, [Node])
    }

    /// A dotted name; `.` (the current value) has no parts.
    struct Name: Sendable {
        let parts: [String]
        init(_ text: Substring) { parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
    }

    let nodes: [Node]

    /// Parses `source`; a mistake comes back with its line and column.
    package init(_ source: String) throws(TemplateError) {
        var parser = Parser(source: source)
        nodes = try parser.parse()
    }

    /// The templates this one includes (`{{> name}}`) or fills (`{{< name}}`), with the tag as
    /// written and where (for “no such template” messages).
    package var partials: [(name: String, tag: String, line: Int, column: Int)] {
        var found: [(String, String, Int, Int)] = []
        func walk(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .partial(let name, _, let line, let column): found.append((name, "{{> \(name)}}", line, column))
                case .parent(let name, _, let blocks, let line, let column):
                    found.append((name, "{{< \(name)}}", line, column))
                    for key in blocks.keys.sorted() { walk(blocks[key] ?? []) }
                case .section(_, _, let children), .block(_, _, let children): walk(children)
                case .text, .lineStart, .variable: break
                }
            }
        }
        walk(nodes)
        return found
    }
}

/// A mistake in a template, at a line and column (1-based) of its source.
package struct TemplateError: MessageError, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in either language.
    package let text: Message
    package let line: Int
    package let column: Int

    /// What is wrong, in English.
    package var message: String { text.text(in: .en) }

    package init(message: String, line: Int, column: Int) { self.init(Message(verbatim: message), line: line, column: column) }
    init(_ message: TemplateMessage, line: Int, column: Int) { self.init(Message(message), line: line, column: column) }
    init(_ text: Message, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }

    /// The same place and the same English words.
    package static func == (a: TemplateError, b: TemplateError) -> Bool { (a.line, a.column, a.message) == (b.line, b.column, b.message) }

    package var description: String { "\(line):\(column): \(message)" }
}

/// Reads a template's source into nodes. Works on the source's unicode scalars; tags are ASCII.
private struct Parser {
    let source: [Unicode.Scalar]
    var position = 0
    var open: [Unicode.Scalar] = ["{", "{"]
    var close: [Unicode.Scalar] = ["}", "}"]
    var stack = [Frame(kind: .root, name: "", line: 1, column: 1)]
    var text = ""

    init(source: String) { self.source = Array(source.unicodeScalars) }

    /// An open section, block or parent: its name, where it started, and the nodes so far.
    struct Frame {
        enum Kind: Equatable { case root, section(inverted: Bool), block, parent }
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
        var nodes: [Template.Node] = []
        /// Taken off the start of each line inside: a block's content loses its own indentation.
        var strip: [Unicode.Scalar] = []
        /// A block: the indentation its lines get where it is shown (nil when it does not start its line).
        var indentation: String?
        /// A parent: the blocks that fill it, and the blanks before its tag when the tag starts its line
        /// (its indentation if its closing tag ends the line, else written back as text).
        var blocks: [String: [Template.Node]] = [:]
        var heldBack: String?

        var tag: String {
            switch kind {
            case .section(let inverted): "{{\(inverted ? "^" : "#")\(name)}}"
            case .block: "{{$\(name)}}"
            case .parent: "{{<\(name)}}"
            case .root: ""
            }
        }

        var what: TemplatePart {
            switch kind {
            case .section: .section(tag)
            case .block: .block(tag)
            case .parent: .parent(tag)
            case .root: .template
            }
        }
    }

    var top: Frame { stack[stack.count - 1] }

    mutating func parse() throws(TemplateError) -> [Template.Node] {
        while position < source.count {
            guard let tagStart = find(open, from: position) else {
                appendText(position..<source.count)
                position = source.count
                break
            }
            let (line, column) = location(of: tagStart)
            var cursor = tagStart + open.count
            var kind: Unicode.Scalar = " "
            if cursor < source.count, "#^/!>&{=$<".unicodeScalars.contains(source[cursor]) {
                kind = source[cursor]
                cursor += 1
            }
            // `{{{name}}}` ends with `}` and the closing delimiter; `{{=<% %>=}}` with `=` and it.
            let ending = kind == "{" ? ["}"] + close : kind == "=" ? ["="] + close : close
            guard let tagEnd = find(ending, from: cursor) else {
                throw TemplateError(.tagNotFinished(missing: String(String.UnicodeScalarView(close))), line: line, column: column)
            }
            let name = String(String.UnicodeScalarView(source[cursor..<tagEnd])).trimmingSpaces()
            let after = tagEnd + ending.count
            if kind != "!" && kind != "=" && name.isEmpty {
                throw TemplateError(.tagNoName, line: line, column: column)
            }
            if (kind == ">" || kind == "<") && name.hasPrefix("*") {
                throw TemplateError(.dynamicName(tag: "{{\(Character(kind))\(name)}}"), line: line, column: column)
            }
            if top.kind == .parent && !"!=$/".unicodeScalars.contains(kind) {
                let written = kind == " " ? "{{\(name)}}" : kind == "{" ? "{{{\(name)}}}" : "{{\(Character(kind))\(name)}}"
                throw TemplateError(.outsideBlocks(written: written, parent: top.tag, line: top.line), line: line, column: column)
            }

            // Blanks alone before the tag on its line (from `lineStart`), and after it (to `lineEnd`).
            let lineStart = clearStart(before: tagStart)
            let lineEnd = clearEnd(after: after)
            let closesParent = kind == "/" && top.kind == .parent
            let standalone: Bool
            switch kind {
            case "#", "^", "!", "=", ">": standalone = lineStart != nil && lineEnd != nil
            // A parent's text is ignored, so what comes before a block in it does not count.
            case "$": standalone = lineEnd != nil && (lineStart != nil || top.kind == .parent)
            // A parent is standalone when its opening tag starts its line and its closing tag ends one.
            case "/": standalone = lineEnd != nil && (closesParent ? top.heldBack != nil : lineStart != nil)
            default: standalone = false
            }
            let blanks = lineStart.map { relative(source[$0..<tagStart]) }

            if standalone {
                // The tag takes its whole line with it (blanks and line break).
                appendText(position..<(lineStart ?? tagStart))
                position = lineEnd ?? after
            } else if let lineStart, kind == "$" || kind == "<" {
                // Blanks before a block or parent become its indentation rather than text.
                appendText(position..<lineStart)
                position = after
            } else {
                appendText(position..<tagStart)
                if tagStart == 0 || source[tagStart - 1] == "\n" { add(.lineStart) }
                position = after
            }
            flush()

            switch kind {
            case "!":
                continue
            case "=":
                let parts = name.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    throw TemplateError(.badDelimiters, line: line, column: column)
                }
                open = Array(parts[0].unicodeScalars)
                close = Array(parts[1].unicodeScalars)
            case "#", "^":
                stack.append(Frame(kind: .section(inverted: kind == "^"), name: name, line: line, column: column, strip: top.strip))
            case "$":
                // A block whose tag ends its line is indented like its first line; otherwise like its tag.
                let own = standalone ? relative(nextIndentation(from: lineEnd ?? after)) : blanks ?? ""
                stack.append(Frame(kind: .block, name: name, line: line, column: column, strip: top.strip + own.unicodeScalars,
                                   indentation: standalone || lineStart != nil ? own : nil))
            case "<":
                stack.append(Frame(kind: .parent, name: name, line: line, column: column, strip: top.strip, heldBack: blanks))
            case "/":
                try closeFrame(named: name, standalone: standalone, line: line, column: column)
            case ">":
                add(.partial(name, indentation: standalone ? blanks : nil, line: line, column: column))
            default:
                add(.variable(Template.Name(Substring(name)), escaped: kind == " "))
            }
        }
        flush()
        if stack.count > 1 {
            let frame = top
            throw TemplateError(.neverClosed(what: frame.what, name: frame.name), line: frame.line, column: frame.column)
        }
        return stack[0].nodes
    }

    mutating func closeFrame(named name: String, standalone: Bool, line: Int, column: Int) throws(TemplateError) {
        flush()
        guard stack.count > 1 else {
            throw TemplateError(.closesUnopened(name: name), line: line, column: column)
        }
        let frame = stack.removeLast()
        guard frame.name == name else {
            throw TemplateError(.closesOther(name: name, what: frame.what, line: frame.line, expected: frame.name), line: line, column: column)
        }
        switch frame.kind {
        case .section(let inverted):
            add(.section(Template.Name(Substring(frame.name)), inverted: inverted, frame.nodes))
        case .block where top.kind == .parent:
            guard top.blocks[name] == nil else {
                throw TemplateError(.fillsTwice(block: frame.tag, parent: top.tag), line: frame.line, column: frame.column)
            }
            stack[stack.count - 1].blocks[name] = frame.nodes
        case .block:
            add(.block(name, indentation: frame.indentation, frame.nodes))
        case .parent:
            if !standalone, let held = frame.heldBack {
                add(.lineStart)
                if !held.isEmpty { add(.text(held)) }
            }
            add(.parent(name, indentation: standalone ? frame.heldBack : nil, blocks: frame.blocks, line: frame.line, column: frame.column))
        case .root:
            break
        }
    }

    /// Adds source text, one node a line, each line marked and without the blocks' own indentation.
    mutating func appendText(_ range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound {
            if index == 0 || source[index - 1] == "\n" {
                add(.lineStart)
                for scalar in top.strip {
                    guard index < range.upperBound, source[index] == scalar else { break }
                    index += 1
                }
            }
            var end = index
            while end < range.upperBound, source[end] != "\n" { end += 1 }
            if end < range.upperBound { end += 1 }
            text.unicodeScalars.append(contentsOf: source[index..<end])
            index = end
        }
    }

    mutating func flush() {
        guard !text.isEmpty else { return }
        let node = Template.Node.text(text)
        text = ""
        add(node)
    }

    /// Adds a node to the open frame; text in a parent (outside its blocks) is not shown.
    mutating func add(_ node: Template.Node) {
        flush()
        if top.kind == .parent { return }
        stack[stack.count - 1].nodes.append(node)
    }

    /// Where the line of `index` starts, if only blanks come between it and `index` (and no earlier
    /// tag: text already consumed belongs to earlier tags).
    func clearStart(before index: Int) -> Int? {
        var cursor = index
        while cursor > position, source[cursor - 1].isBlank { cursor -= 1 }
        if cursor == 0 || source[cursor - 1] == "\n" { return cursor }
        return nil
    }

    /// Where the next line starts (or the source ends), if only blanks follow `index` on its line.
    func clearEnd(after index: Int) -> Int? {
        var end = index
        while end < source.count, source[end].isBlank { end += 1 }
        if end == source.count { return end }
        if source[end] == "\n" { return end + 1 }
        if source[end] == "\r", end + 1 < source.count, source[end + 1] == "\n" { return end + 2 }
        return nil
    }

    /// The blanks that start the first line from `index` on holding more than blanks.
    func nextIndentation(from index: Int) -> ArraySlice<Unicode.Scalar> {
        var lineStart = index
        while lineStart < source.count {
            var cursor = lineStart
            while cursor < source.count, source[cursor].isBlank { cursor += 1 }
            if cursor < source.count, source[cursor] != "\n", source[cursor] != "\r" {
                return source[lineStart..<cursor]
            }
            guard let lineBreak = source[cursor...].firstIndex(of: "\n") else { break }
            lineStart = lineBreak + 1
        }
        return []
    }

    /// Blanks at the start of a line, less the indentation the open blocks take off.
    func relative(_ blanks: ArraySlice<Unicode.Scalar>) -> String {
        var rest = blanks
        for scalar in top.strip {
            guard rest.first == scalar else { break }
            rest = rest.dropFirst()
        }
        return String(String.UnicodeScalarView(rest))
    }

    func find(_ needle: [Unicode.Scalar], from start: Int) -> Int? {
        guard !needle.isEmpty, source.count >= needle.count else { return nil }
        var index = start
        while index <= source.count - needle.count {
            if source[index] == needle[0], source[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    func location(of index: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for scalar in source[..<index] {
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }
}

private extension Unicode.Scalar {
    var isBlank: Bool { self == " " || self == "\t" }
}

private extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
