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

    /// The name of a language in that language (the language switch, caption tracks).
    public static func languageName(_ code: String) -> String { languageNames[code]?.own ?? code }

    /// The name of a language in a message of `language`: `en` is "English", or "tiếng Anh".
    package static func languageName(_ code: String, in language: Language) -> String {
        guard let names = languageNames[code] else { return code }
        return language == .vi ? names.vi : names.en
    }

    /// Code → its own name, its names in English and in Vietnamese.
    private static let languageNames: [String: (own: String, en: String, vi: String)] = [
        "vi": ("Tiếng Việt", "Vietnamese", "tiếng Việt"), "en": ("English", "English", "tiếng Anh"),
        "fr": ("Français", "French", "tiếng Pháp"), "zh": ("中文", "Chinese", "tiếng Trung"), "ko": ("한국어", "Korean", "tiếng Hàn"),
        "ja": ("日本語", "Japanese", "tiếng Nhật"), "de": ("Deutsch", "German", "tiếng Đức"), "ru": ("Русский", "Russian", "tiếng Nga"),
        "th": ("ไทย", "Thai", "tiếng Thái"), "lo": ("ລາວ", "Lao", "tiếng Lào"), "km": ("ខ្មែរ", "Khmer", "tiếng Khmer"),
    ]
}
