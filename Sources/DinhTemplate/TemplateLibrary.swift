import DinhCore

/// Named templates that can include each other as partials, rendered with typed values.
package struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    package init() {}

    package mutating func register(_ template: Template, named name: String) { templates[name] = template }

    package func template(named name: String) -> Template? { templates[name] }

    package var names: [String] { templates.keys.sorted() }

    /// Renders a template as UTF-8, what a file holds (a page is made of a few hundred pieces, and
    /// appending bytes costs a fraction of appending strings); an unknown name renders nothing
    /// (`Theme` checks names when loading).
    package func render(_ name: String, _ fields: TemplateFields) -> [UInt8] {
        render(name, context: .fields(fields))
    }

    /// Renders a template with any value as its context (the specification's tests start from lists and text too).
    func render(_ name: String, context: TemplateValue) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var renderer = Renderer(library: self)
        var stack = [context]
        renderer.render(template.nodes, &stack)
        return renderer.output
    }
}

private struct Renderer {
    let library: TemplateLibrary
    var output: [UInt8] = []
    var depth = 0
    /// What starts each line of the template being rendered (a standalone partial's or block's indentation).
    var indentation = ""
    /// At the start of a template line: the indentation owed before anything is written on it. Written
    /// lazily, so an empty line stays empty and a block that shows nothing leaves nothing.
    var owed: String?
    /// The blocks of each parent being rendered, outermost first: the outermost filling of a block wins.
    var fillings: [[String: [Template.Node]]] = []

    init(library: TemplateLibrary) {
        self.library = library
        output.reserveCapacity(16 * 1024)
    }

    mutating func render(_ nodes: [Template.Node], _ stack: inout [TemplateValue]) {
        for node in nodes {
            switch node {
            case .text(let text):
                if let owed {
                    self.owed = nil
                    if let first = text.utf8.first, first != UInt8(ascii: "\n") && first != UInt8(ascii: "\r") { output += owed.utf8 }
                }
                output += text.utf8
            case .lineStart:
                owed = indentation.isEmpty ? nil : indentation
            case .variable(let name, let escaped):
                switch resolve(name, stack) {
                case .text(let text) where !text.isEmpty:
                    payIndentation()
                    escaped ? HTML.appendEscaped(text, to: &output) : (output += text.utf8)
                case .markup(let bytes) where !bytes.isEmpty:
                    payIndentation()
                    escaped ? bytes.withUnsafeBufferPointer { HTML.appendEscaped($0, to: &output) } : (output += bytes)
                case .number(let number): payIndentation(); output += String(number).utf8
                case .flag(let flag): payIndentation(); output += (flag ? "true" : "false").utf8
                case .text, .markup, .list, .fields, .null, nil: break
                }
            case .section(let name, let inverted, let children):
                let value = resolve(name, stack) ?? .null
                if inverted {
                    if !value.isTruthy { render(children, &stack) }
                } else if case .list(let items) = value {
                    for item in items {
                        stack.append(item)
                        render(children, &stack)
                        stack.removeLast()
                    }
                } else if value.isTruthy {
                    stack.append(value)
                    render(children, &stack)
                    stack.removeLast()
                }
            case .partial(let name, let indentation, _, _):
                guard let partial = library.template(named: name) else { continue }
                include(partial.nodes, indentation: indentation, &stack)
            case .parent(let name, let indentation, let blocks, _, _):
                guard let parent = library.template(named: name) else { continue }
                fillings.append(blocks)
                include(parent.nodes, indentation: indentation, &stack)
                fillings.removeLast()
            case .block(let name, let indentation, let defaults):
                let content = fillings.lazy.compactMap { $0[name] }.first ?? defaults
                guard let indentation else {
                    expand(content, &stack)
                    continue
                }
                // The block's lines start with its indentation, the first one too.
                let saved = (self.indentation, owed)
                self.indentation += indentation
                owed = self.indentation
                let before = output.count
                expand(content, &stack)
                self.indentation = saved.0
                if output.count == before { owed = saved.1 }
            }
        }
    }

    /// A partial or parent: a standalone tag's indentation starts each of its lines; one sharing its line
    /// with text indents nothing (the specification indents the included template's lines, not its output).
    mutating func include(_ nodes: [Template.Node], indentation: String?, _ stack: inout [TemplateValue]) {
        if indentation == nil { payIndentation() }
        let saved = (self.indentation, owed)
        self.indentation = indentation.map { self.indentation + $0 } ?? ""
        let before = output.count
        expand(nodes, &stack)
        self.indentation = saved.0
        if output.count == before { owed = saved.1 }
    }

    /// Renders included nodes; a template that includes itself would never end.
    mutating func expand(_ nodes: [Template.Node], _ stack: inout [TemplateValue]) {
        guard depth < 32 else { return }
        depth += 1
        render(nodes, &stack)
        depth -= 1
    }

    mutating func payIndentation() {
        if let owed {
            output += owed.utf8
            self.owed = nil
        }
    }

    /// A dotted name: its first part is looked up from the innermost value outwards, the rest inside it.
    func resolve(_ name: Template.Name, _ stack: [TemplateValue]) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateValue?
        for value in stack.reversed() {
            if case .fields(let fields) = value, let match = fields.lookup(first) {
                found = match
                break
            }
        }
        for part in name.parts.dropFirst() {
            guard case .fields(let fields)? = found else { return nil }
            found = fields.lookup(part)
        }
        return found
    }
}
