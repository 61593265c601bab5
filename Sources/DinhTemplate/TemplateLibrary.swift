import DinhCore

/// Named templates that can include each other as partials, rendered with typed values.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    public init() {}

    public mutating func register(_ template: Template, named name: String) { templates[name] = template }

    public func template(named name: String) -> Template? { templates[name] }

    public var names: [String] { templates.keys.sorted() }

    /// Renders a template; an unknown name renders nothing (`Theme` checks names when loading).
    public func render(_ name: String, _ fields: TemplateFields) -> String {
        guard let template = templates[name] else { return "" }
        var renderer = Renderer(library: self)
        var stack: [TemplateValue] = [.fields(fields)]
        renderer.render(template.nodes, &stack)
        return renderer.output
    }
}

private struct Renderer {
    let library: TemplateLibrary
    var output = ""
    var depth = 0

    init(library: TemplateLibrary) {
        self.library = library
        output.reserveCapacity(16 * 1024)
    }

    mutating func render(_ nodes: [Template.Node], _ stack: inout [TemplateValue]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(let name, let escaped):
                switch resolve(name, stack) {
                case .text(let text): escaped ? HTML.appendEscaped(text, to: &output) : (output += text)
                case .number(let number): output += String(number)
                case .flag(let flag): output += flag ? "true" : "false"
                case .list, .fields, .null, nil: break
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
                // A partial that includes itself would never end.
                guard let partial = library.template(named: name), depth < 32 else { continue }
                depth += 1
                if indentation.isEmpty {
                    render(partial.nodes, &stack)
                } else {
                    var inner = Renderer(library: library)
                    inner.depth = depth
                    inner.render(partial.nodes, &stack)
                    output += Self.indent(inner.output, by: indentation)
                }
                depth -= 1
            }
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

    /// Each line of a standalone partial starts with the partial tag's indentation.
    static func indent(_ text: String, by indentation: String) -> String {
        var result = ""
        var atLineStart = true
        for scalar in text.unicodeScalars {
            if atLineStart { result += indentation }
            result.unicodeScalars.append(scalar)
            atLineStart = scalar == "\n"
        }
        return result
    }
}
