/// What a template shows: text, numbers, flags, lists and named fields. Pages hand templates
/// these typed values (not `Any`): rendering then needs no dynamic casts or reflection, which
/// took most of the time of a build with a reflection-based engine.
package enum TemplateValue: Sendable, Equatable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case fields(TemplateFields)
    /// Nothing: an absent optional. Renders as nothing and counts as false.
    case null

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Whether a section `{{#name}}` shows: not for false, nothing, an empty list or empty text.
    var isTruthy: Bool {
        switch self {
        case .flag(let value): value
        case .null: false
        case .list(let items): !items.isEmpty
        case .text(let text): !text.isEmpty
        case .number, .fields: true
        }
    }
}

/// Named values, written as a dictionary literal whose values may be text, numbers, flags, lists,
/// other fields, or optionals of those (absent optionals are left out):
///
///     let card: TemplateFields = ["name": name, "summary": relic.summary, "stars": 4]
///
/// Mustache cannot test a list's length, so every list `x` also answers to `has_x`.
package struct TemplateFields: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    package private(set) var values: [String: TemplateValue]

    package init(_ values: [String: TemplateValue] = [:]) { self.values = values }

    package init(dictionaryLiteral elements: (String, (any TemplateConvertible)?)...) {
        values = Dictionary(minimumCapacity: elements.count)
        for (key, value) in elements { self[key] = value }
    }

    /// Sets a field; nil (or an absent optional) removes it.
    package subscript(key: String) -> (any TemplateConvertible)? {
        get { values[key] }
        set {
            let value = newValue?.templateValue ?? .null
            values[key] = value.isNull ? nil : value
        }
    }

    /// The value a template name refers to, with the `has_<list>` flags.
    func lookup(_ key: String) -> TemplateValue? {
        if let value = values[key] { return value }
        if key.hasPrefix("has_"), case .list(let items)? = values[String(key.dropFirst(4))] { return .flag(!items.isEmpty) }
        return nil
    }

    /// These fields with those of `other` added (these win).
    package func adding(_ other: TemplateFields) -> TemplateFields {
        TemplateFields(values.merging(other.values) { mine, _ in mine })
    }
}

/// A Swift value a template can show.
package protocol TemplateConvertible {
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateConvertible {
    package var templateValue: TemplateValue { self }
}

extension TemplateFields: TemplateConvertible {
    package var templateValue: TemplateValue { .fields(self) }
}

extension String: TemplateConvertible {
    package var templateValue: TemplateValue { .text(self) }
}

extension Substring: TemplateConvertible {
    package var templateValue: TemplateValue { .text(String(self)) }
}

extension Int: TemplateConvertible {
    package var templateValue: TemplateValue { .number(self) }
}

extension Bool: TemplateConvertible {
    package var templateValue: TemplateValue { .flag(self) }
}

extension Optional: TemplateConvertible where Wrapped: TemplateConvertible {
    package var templateValue: TemplateValue { self?.templateValue ?? .null }
}

extension Array: TemplateConvertible where Element: TemplateConvertible {
    /// Absent elements are left out.
    package var templateValue: TemplateValue {
        .list(compactMap { element in
            let value = element.templateValue
            return value.isNull ? nil : value
        })
    }
}

extension Dictionary: TemplateConvertible where Key == String, Value: TemplateConvertible {
    package var templateValue: TemplateValue {
        var fields = TemplateFields()
        for (key, value) in self { fields[key] = value }
        return .fields(fields)
    }
}
