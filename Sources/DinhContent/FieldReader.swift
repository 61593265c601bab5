import DinhCore
import Foundation

/// The fields of one YAML group, with unknown ones already reported.
struct Fields {
    let node: YAMLNode
    private let values: [String: YAMLNode]
    /// Fields the group has under a misspelt name (`nmae:` for `name`), already reported as such:
    /// not also reported missing.
    var misspelt: Set<String> = []

    init(node: YAMLNode, entries: [YAMLNode.Entry]) {
        self.node = node
        var values: [String: YAMLNode] = [:]
        for entry in entries where values[entry.key] == nil { values[entry.key] = entry.value }
        self.values = values
    }

    /// A field's value; an explicit `null` or an empty value counts as absent.
    subscript(key: String) -> YAMLNode? {
        guard let value = values[key], !value.isNull else { return nil }
        return value
    }
}

/// Reads typed values out of YAML nodes. Every problem becomes a diagnostic at the value's own
/// line, and reading goes on, so one run reports every mistake in the folder.
struct FieldReader {
    var diagnostics = Diagnostics()
    /// The site's languages; the first is the default.
    var languages: [String]
    /// The texts read since the last flush (one item's), for the check that each is in every
    /// language the item is translated into (`Loading.warnUntranslatedTexts`).
    var textsRead: [TextRead] = []

    /// A text as a file writes it: `field` is the name messages give it (`summary`, `gallery.caption`).
    struct TextRead {
        var field: String
        var location: SourceLocation
        var text: LocalizedText
    }

    init(languages: [String]) { self.languages = languages.isEmpty ? ["vi"] : languages }

    var defaultLanguage: String { languages[0] }

    // MARK: Structure

    /// A group of fields. Unknown keys are errors with a did-you-mean, because a misspelt key
    /// silently ignored is a field silently missing from the page.
    mutating func fields(_ node: YAMLNode, allowed: [String], in what: Part) -> Fields? {
        guard case .mapping(let entries) = node.kind else {
            diagnostics.error(node.location, .notAGroup(what: what, kind: node.kindDescription))
            return nil
        }
        var fields = Fields(node: node, entries: entries)
        for entry in entries where !allowed.contains(entry.key) {
            let guess = DidYouMean.suggestion(for: entry.key, among: allowed)
            diagnostics.error(entry.keyLocation, .unknownField(key: entry.key, in: what, guess: guess, allowed: allowed))
            if let guess { fields.misspelt.insert(guess) }
        }
        return fields
    }

    /// Reports a missing required field at the start of its group.
    mutating func require(_ fields: Fields, _ key: String, in what: Part, example: String) -> YAMLNode? {
        if let value = fields[key] { return value }
        if !fields.misspelt.contains(key) { diagnostics.error(fields.node.location, .missingField(in: what, key: key, example: example)) }
        return nil
    }

    mutating func list(_ node: YAMLNode, field: String) -> [YAMLNode]? {
        switch node.kind {
        case .sequence(let items): return items
        default:
            diagnostics.error(node.location, .notAList(field: field))
            return nil
        }
    }

    // MARK: Scalars

    mutating func string(_ node: YAMLNode, field: String) -> String? {
        guard case .scalar(let text, _) = node.kind else {
            diagnostics.error(node.location, .notSingleValue(field: field, kind: node.kindDescription))
            return nil
        }
        let trimmed = text.trimmed
        if trimmed.isEmpty {
            diagnostics.error(node.location, .emptyField(field: field))
            return nil
        }
        return trimmed
    }

    /// Whether a map's key is one of the site's languages; if not, an error at the key: a file
    /// given for it (a narration, captions) would silently not be published.
    mutating func isSiteLanguage(_ entry: YAMLNode.Entry, field: String) -> Bool {
        if languages.contains(entry.key) { return true }
        diagnostics.error(entry.keyLocation, .mediaLanguage(field: field, language: entry.key, languages: languages, guess: languageMeant(by: entry.key)))
        return false
    }

    /// The site language a key most likely means: `vn` (Viet Nam's country code) is `vi`.
    private func languageMeant(by key: String) -> String? {
        if let meant = ContentLoader.mistakenLanguageCodes[key.lowercased()], languages.contains(meant) { return meant }
        return DidYouMean.suggestion(for: key, among: languages)
    }

    /// A plain string (the default language) or a map from language code to text.
    mutating func text(_ node: YAMLNode, field: String) -> LocalizedText? {
        guard let text = readText(node, field: field) else { return nil }
        textsRead.append(TextRead(field: field, location: node.location, text: text))
        return text
    }

    private mutating func readText(_ node: YAMLNode, field: String) -> LocalizedText? {
        switch node.kind {
        case .scalar:
            return string(node, field: field).map { LocalizedText($0, language: defaultLanguage) }
        case .mapping(let entries):
            var values: [String: String] = [:]
            for entry in entries {
                guard languages.contains(entry.key) else {
                    diagnostics.error(entry.keyLocation, .notSiteLanguage(field: field, language: entry.key, languages: languages,
                                                                          guess: languageMeant(by: entry.key)))
                    continue
                }
                if entry.value.isNull { continue }
                if let text = string(entry.value, field: "\(field).\(entry.key)") { values[entry.key] = text }
            }
            if values.isEmpty {
                diagnostics.error(node.location, .noText(field: field))
                return nil
            }
            return LocalizedText(values)
        case .sequence:
            diagnostics.error(node.location, .textNotList(field: field))
            return nil
        }
    }

    mutating func integer(_ node: YAMLNode, field: String, range: ClosedRange<Int>, hint: Hint? = nil) -> Int? {
        guard let text = string(node, field: field) else { return nil }
        guard let value = Int(text), text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else {
            // A year written as the date it happened (`2001-05-12`, `12/05/2001`): its year.
            let year = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { $0 >= 1000 && range.contains($0) }
            let dated = field.hasSuffix("year") && year.count == 1 ? Hint.yearOnly(field: field, year: year[0]) : nil
            diagnostics.error(node.location, .notWholeNumber(field: field, found: text, hint: hint ?? dated))
            return nil
        }
        guard range.contains(value) else {
            diagnostics.error(node.location, .outOfRange(field: field, low: "\(range.lowerBound)", high: "\(range.upperBound)", found: "\(value)", hint: hint))
            return nil
        }
        return value
    }

    mutating func number(_ node: YAMLNode, field: String, range: ClosedRange<Double>) -> Double? {
        guard let text = string(node, field: field) else { return nil }
        guard let value = Double(text), value.isFinite,
              text.allSatisfy({ $0.isASCII && ($0.isNumber || "-+.".contains($0)) }) else {
            diagnostics.error(node.location, .notANumber(field: field, found: text))
            return nil
        }
        guard range.contains(value) else {
            diagnostics.error(node.location, .outOfRange(field: field, low: Self.format(range.lowerBound), high: Self.format(range.upperBound), found: text, hint: nil))
            return nil
        }
        return value
    }

    mutating func choice(_ node: YAMLNode, field: String, among allowed: [String]) -> String? {
        guard let text = string(node, field: field) else { return nil }
        if allowed.contains(text) { return text }
        // Officers write the value in Vietnamese, as the guide glosses it: the English word is suggested.
        let gloss = ChoiceWords.value(of: text, among: allowed)
        let message = ContentMessage.notAChoice(field: field, allowed: allowed, found: text, guess: gloss ?? DidYouMean.suggestion(for: text, among: allowed))
        diagnostics.error(node.location, message)
        return nil
    }

    /// A calendar date written `YYYY-MM-DD`. Impossible dates are errors, never "corrected".
    mutating func date(_ node: YAMLNode, field: String) -> CalendarDate? {
        guard let text = string(node, field: field) else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            // Written as Vietnamese write dates (20/03/2027), or the year first with other marks
            // (2027/3/20): said the way the format wants it.
            let parts = text.split(separator: /[\/.\-]/, omittingEmptySubsequences: false)
            let ymd = parts.first?.count == 4 ? parts : parts.reversed()
            var suggestion: String?
            if ymd.count == 3, ymd[0].count == 4, (1...2).contains(ymd[1].count), (1...2).contains(ymd[2].count),
               let year = Int(ymd[0]), let month = Int(ymd[1]), let day = Int(ymd[2]) {
                suggestion = CalendarDate(year: year, month: month, day: day)?.description
            }
            diagnostics.error(node.location, .notADate(field: field, found: text, suggestion: suggestion))
            return nil
        }
        return date
    }

    mutating func geo(_ node: YAMLNode, field: String = "geo") -> Coordinate? {
        guard let items = list(node, field: field) else { return nil }
        let texts = items.compactMap(\.scalar)
        guard items.count == 2 else {
            // `[21,0879, 105,6633]`: decimal commas, as Vietnamese write numbers, made four numbers.
            let dotted = texts.count == 4 && texts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) })
                ? "[\(texts[0]).\(texts[1]), \(texts[2]).\(texts[3])]" : nil
            diagnostics.error(node.location, .notGeo(field: field, suggestion: dotted))
            return nil
        }
        // Longitude first, as some map sites give them: Viet Nam's latitude is under 90, its longitude over.
        if texts.count == 2, let first = Double(texts[0]), let second = Double(texts[1]), abs(first) > 90, abs(first) <= 180, abs(second) <= 90 {
            diagnostics.error(node.location, .notGeo(field: field, suggestion: "[\(texts[1]), \(texts[0])]"))
            return nil
        }
        guard let latitude = number(items[0], field: "\(field) latitude", range: -90...90),
              let longitude = number(items[1], field: "\(field) longitude", range: -180...180) else { return nil }
        return Coordinate(latitude: latitude, longitude: longitude)
    }

    mutating func url(_ node: YAMLNode, field: String) -> String? {
        guard let text = string(node, field: field) else { return nil }
        guard WebAddress.isValid(text) else {
            diagnostics.error(node.location, .notWebAddress(field: field, found: text))
            return nil
        }
        return text
    }

    /// A phone number, which the page dials (its `tel:` link, the product's call button): one number.
    mutating func phone(_ node: YAMLNode, field: String) -> String? {
        guard let text = string(node, field: field) else { return nil }
        // A number that lost its leading 0 (copied from a spreadsheet) dials someone else.
        let meant = PhoneNumber.restoringZero(text)
        guard PhoneNumber.isOne(text), meant == nil else {
            diagnostics.error(node.location, .notOnePhoneNumber(field: field, found: text, meant: meant))
            return nil
        }
        return text
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// What a link field (`website:`, `buy.shopee:`) must hold; `dinh import` checks a sheet's links by it too.
package enum WebAddress {
    /// A full `http(s)://` address with a host: a page's link to anything else leads nowhere.
    package static func isValid(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else { return false }
        return ["http", "https"].contains(scheme) && url.host != nil
    }
}

/// Phone numbers as people write them (`0912 345 678`, `0237.3800.000`, `(0237) 3800 000`,
/// `+84 912 345 678`, `1900 1234`): what a `phone:` field must hold; `dinh import` reads a sheet's
/// phone column by it too.
package enum PhoneNumber {
    /// What a `tel:` link dials: the digits, after a leading `+`.
    package static func dialled(_ text: String) -> String {
        let digits = text.filter { $0.isASCII && $0.isNumber }
        return text.trimmingCharacters(in: .whitespaces).hasPrefix("+") ? "+" + digits : digits
    }

    /// The digits a number is dialled by within Vietnam (`+84 912 345 678` → `0912345678`), to
    /// tell whether two spellings are one number.
    package static func national(_ text: String) -> String {
        let number = dialled(text)
        return number.hasPrefix("+84") ? "0" + number.dropFirst(3) : number
    }

    /// Whether `text` dials one number: 8 to 15 digits (a landline with its area code, a mobile,
    /// `+84…`, `1900 1234`), among spaces, dots, dashes and brackets, perhaps with a name after
    /// it (`0912 345 678 (anh Hùng)`). Two numbers in one run together and dial neither.
    package static func isOne(_ text: String) -> Bool {
        (8...15).contains(dialled(text).filter(\.isNumber).count)
    }

    /// A Vietnamese number whose leading 0 was lost, as Excel drops it from a number typed in a
    /// cell not formatted as text: a mobile `912345678`, a landline `2373800000`. The number with
    /// its 0, else nil.
    package static func restoringZero(_ text: String) -> String? {
        let digits = text.filter { !$0.isWhitespace }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let first = digits.first,
              (digits.count == 9 && "35789".contains(first)) || (digits.count == 10 && first == "2") else { return nil }
        return "0" + digits
    }
}
