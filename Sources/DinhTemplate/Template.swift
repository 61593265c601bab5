/// A Mustache template, parsed once: text, variables (`{{name}}` escaped for HTML, `{{{name}}}` and
/// `{{& name}}` as they are), sections (`{{#name}}…{{/name}}`), inverted sections (`{{^name}}`),
/// partials (`{{> name}}`), comments (`{{! … }}`) and delimiter changes (`{{=<% %>=}}`), with
/// the specification's rule that a line holding only a section, comment or partial tag leaves
/// no blank line behind. Lambdas are not supported: templates stay logic-less.
public struct Template: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, inverted: Bool, [Node])
        case partial(String, indentation: String, line: Int, column: Int)
    }

    /// A dotted name; `.` (the current value) has no parts.
    struct Name: Sendable {
        let parts: [String]
        init(_ text: Substring) { parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
    }

    let nodes: [Node]

    /// Parses `source`; a mistake comes back with its line and column.
    public init(_ source: String) throws(TemplateError) {
        var parser = Parser(source: source)
        nodes = try parser.parse()
    }

    /// The partials this template names, with where (for “no such partial” messages).
    public var partials: [(name: String, line: Int, column: Int)] {
        var found: [(String, Int, Int)] = []
        func walk(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .partial(let name, _, let line, let column): found.append((name, line, column))
                case .section(_, _, let children): walk(children)
                case .text, .variable: break
                }
            }
        }
        walk(nodes)
        return found
    }
}

/// A mistake in a template, at a line and column (1-based) of its source.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public let line: Int
    public let column: Int

    public var description: String { "\(line):\(column): \(message)" }
}

/// Reads a template's source into nodes. Works on the source's unicode scalars; tags are ASCII.
private struct Parser {
    let source: [Unicode.Scalar]
    var position = 0
    var open: [Unicode.Scalar] = ["{", "{"]
    var close: [Unicode.Scalar] = ["}", "}"]

    init(source: String) { self.source = Array(source.unicodeScalars) }

    /// An open section: its name, where it started, and the nodes so far.
    struct Frame {
        var name: String
        var inverted: Bool
        var line: Int
        var column: Int
        var nodes: [Template.Node] = []
    }

    mutating func parse() throws(TemplateError) -> [Template.Node] {
        var stack = [Frame(name: "", inverted: false, line: 1, column: 1)]
        var text = ""
        func flush(into stack: inout [Frame], _ text: inout String) {
            if !text.isEmpty { stack[stack.count - 1].nodes.append(.text(text)); text = "" }
        }
        while position < source.count {
            guard let tagStart = find(open, from: position) else {
                text.unicodeScalars.append(contentsOf: source[position...])
                position = source.count
                break
            }
            let (line, column) = location(of: tagStart)
            var cursor = tagStart + open.count
            var kind: Unicode.Scalar = " "
            if cursor < source.count, "#^/!>&{=".unicodeScalars.contains(source[cursor]) {
                kind = source[cursor]
                cursor += 1
            }
            // `{{{name}}}` ends with `}` and the closing delimiter; `{{=<% %>=}}` with `=` and it.
            let ending = kind == "{" ? ["}"] + close : kind == "=" ? ["="] + close : close
            guard let tagEnd = find(ending, from: cursor) else {
                throw TemplateError(message: "a tag is not finished (missing \(String(String.UnicodeScalarView(close))))", line: line, column: column)
            }
            let inside = String(String.UnicodeScalarView(source[cursor..<tagEnd]))
            let name = inside.trimmingSpaces()
            let after = tagEnd + ending.count

            // A standalone tag takes its whole line with it (indentation and line break).
            var standalone = false
            var indentation = ""
            var resume = after
            if "#^/!>=".unicodeScalars.contains(kind) {
                let atLineStart = position == 0 || source[position - 1] == "\n"
                let lineStart = lastLineBreak(before: tagStart, notBefore: position).map { $0 + 1 } ?? (atLineStart ? position : nil)
                if let lineStart, source[lineStart..<tagStart].allSatisfy(\.isBlank) {
                    var end = after
                    while end < source.count, source[end].isBlank { end += 1 }
                    if end == source.count || source[end] == "\n" || (source[end] == "\r" && end + 1 < source.count && source[end + 1] == "\n") {
                        standalone = true
                        indentation = String(String.UnicodeScalarView(source[lineStart..<tagStart]))
                        resume = end == source.count ? end : end + (source[end] == "\r" ? 2 : 1)
                        text.unicodeScalars.append(contentsOf: source[position..<lineStart])
                    }
                }
            }
            if !standalone { text.unicodeScalars.append(contentsOf: source[position..<tagStart]) }
            position = resume

            if kind != "!" && kind != "=" && name.isEmpty {
                throw TemplateError(message: "a tag has no name", line: line, column: column)
            }
            switch kind {
            case "!":
                continue
            case "=":
                let parts = name.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    throw TemplateError(message: "a set-delimiter tag is malformed (write it as {{=<% %>=}})", line: line, column: column)
                }
                open = Array(parts[0].unicodeScalars)
                close = Array(parts[1].unicodeScalars)
            case "#", "^":
                flush(into: &stack, &text)
                stack.append(Frame(name: name, inverted: kind == "^", line: line, column: column))
            case "/":
                flush(into: &stack, &text)
                guard stack.count > 1 else {
                    throw TemplateError(message: "{{/\(name)}} closes a section that was never opened", line: line, column: column)
                }
                let frame = stack.removeLast()
                guard frame.name == name else {
                    throw TemplateError(message: "{{/\(name)}} closes the section {{\(frame.inverted ? "^" : "#")\(frame.name)}} opened on line \(frame.line): close it with {{/\(frame.name)}}", line: line, column: column)
                }
                stack[stack.count - 1].nodes.append(.section(Template.Name(Substring(frame.name)), inverted: frame.inverted, frame.nodes))
            case ">":
                flush(into: &stack, &text)
                stack[stack.count - 1].nodes.append(.partial(name, indentation: standalone ? indentation : "", line: line, column: column))
            default:
                flush(into: &stack, &text)
                stack[stack.count - 1].nodes.append(.variable(Template.Name(Substring(name)), escaped: kind == " "))
            }
        }
        flush(into: &stack, &text)
        if stack.count > 1, let frame = stack.last {
            throw TemplateError(message: "the section {{\(frame.inverted ? "^" : "#")\(frame.name)}} is never closed with {{/\(frame.name)}}", line: frame.line, column: frame.column)
        }
        return stack[0].nodes
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

    /// The last line break before `index` and at or after `floor` (text already consumed belongs to earlier tags).
    func lastLineBreak(before index: Int, notBefore floor: Int) -> Int? {
        var cursor = index - 1
        while cursor >= floor {
            if source[cursor] == "\n" { return cursor }
            cursor -= 1
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
