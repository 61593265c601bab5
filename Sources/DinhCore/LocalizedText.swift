/// Text that may differ per language. A missing language falls back to the site's default.
public struct LocalizedText: Sendable, Hashable {
    /// Language code → text, already NFC-normalised.
    public var values: [String: String]

    public init(_ values: [String: String]) { self.values = values }
    public init(_ text: String, language: String) { self.values = [language: text] }

    /// The text in `language`, else in `defaultLanguage`, else any text there is (in a stable order).
    public func resolve(_ language: String, default defaultLanguage: String) -> String {
        if let text = values[language] { return text }
        if let text = values[defaultLanguage] { return text }
        return values.keys.sorted().first.flatMap { values[$0] } ?? ""
    }

    public var isEmpty: Bool { values.values.allSatisfy { $0.isEmpty } }

    /// The name of a language in that language (the language switch, translation warnings).
    public static func languageName(_ code: String) -> String {
        ["vi": "Tiếng Việt", "en": "English", "fr": "Français", "zh": "中文", "ko": "한국어", "ja": "日本語"][code] ?? code
    }
}
