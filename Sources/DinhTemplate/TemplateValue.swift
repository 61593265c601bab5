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
    /// Text already made into HTML, as UTF-8 (a page's body in its layout): `{{{name}}}` writes it
    /// as it is, without making a string of it; `{{name}}` escapes it like text.
    case markup([UInt8])

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
        case .markup(let bytes): !bytes.isEmpty
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
    /// A page's or a card's few fields are kept in a list and found by comparing names, cheaper
    /// than hashing them (every page builds a dozen such fields, and its templates look names up
    /// hundreds of times); past `listLimit` fields (the interface's words), in a dictionary.
    private var list: [Field] = []
    private var table: [String: TemplateValue]?
    private static let listLimit = 32

    private struct Field: Sendable, Equatable {
        var name: String
        var value: TemplateValue
    }

    package init(_ values: [String: TemplateValue] = [:]) {
        if values.count > Self.listLimit { table = values } else { list = values.map(Field.init) }
    }

    /// A literal's fields are taken as they come, without looking for each name among those
    /// before (a layout has thirty). A name should appear once (debug builds check it); given
    /// twice, its last value is the one found.
    package init(dictionaryLiteral elements: (String, (any TemplateConvertible)?)...) {
        assert(Set(elements.map(\.0)).count == elements.count, "a fields literal names a field twice")
        list.reserveCapacity(elements.count)
        for (key, value) in elements {
            if let value = value?.templateValue, !value.isNull { list.append(Field(name: key, value: value)) }
        }
        if list.count > Self.listLimit { moveToTable() }
    }

    /// Every field, by name.
    package var values: [String: TemplateValue] {
        table ?? Dictionary(list.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    private mutating func moveToTable() {
        table = values
        list = []
    }

    /// Sets a field; nil (or an absent optional) removes it.
    package subscript(key: String) -> (any TemplateConvertible)? {
        get { value(key) }
        set { set(key, newValue?.templateValue ?? .null) }
    }

    private func value(_ key: String) -> TemplateValue? {
        if let table { return table[key] }
        // From the end: the last of a name given twice, as `values` has it.
        for field in list.reversed() where Self.same(field.name, key) { return field.value }
        return nil
    }

    private mutating func set(_ key: String, _ value: TemplateValue) {
        if table != nil {
            table![key] = value.isNull ? nil : value
        } else if let index = list.lastIndex(where: { Self.same($0.name, key) }) {
            if value.isNull { list.remove(at: index) } else { list[index].value = value }
        } else if !value.isNull {
            list.append(Field(name: key, value: value))
            if list.count > Self.listLimit { moveToTable() }
        }
    }

    /// Names compared by length first: most names looked at are not the one sought, and most
    /// differ in length, which costs a fraction of comparing strings. (Names are the theme's
    /// ASCII words: a name typed in another Unicode normalisation than the context's would not
    /// match here, where `==` alone would.)
    @inline(__always)
    private static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    /// The value a template name refers to, with the `has_<list>` flags.
    func lookup(_ key: String) -> TemplateValue? {
        if let value = value(key) { return value }
        if key.hasPrefix("has_"), case .list(let items)? = value(String(key.dropFirst(4))) { return .flag(!items.isEmpty) }
        return nil
    }

    /// These fields with those of `other` added (these win).
    package func adding(_ other: TemplateFields) -> TemplateFields {
        var result = self
        for (key, value) in other.values where result.value(key) == nil { result.set(key, value) }
        return result
    }

    /// The same fields, in any order.
    package static func == (a: TemplateFields, b: TemplateFields) -> Bool { a.values == b.values }
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
