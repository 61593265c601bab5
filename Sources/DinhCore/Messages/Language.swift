/// The language Dinh speaks to its user: diagnostics, progress lines, summaries and `--help`.
/// (The site's own languages are `site.yaml`'s `languages`; this is only about the tool's words.)
public enum Language: String, Sendable, Hashable, CaseIterable {
    case en
    case vi

    /// The language the locale asks for, as POSIX orders it: `LC_ALL`, then `LC_MESSAGES`, then
    /// `LANG` (the first that is set and not empty wins). Vietnamese for `vi`, `vi_VN.UTF-8`…;
    /// English for everything else, `C` and `POSIX` included.
    public static func fromLocale(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("vi") ? .vi : .en
        }
        return .en
    }

    /// `--lang vi`/`--lang=vi` among the words of a command line, else the locale's language. Read
    /// before the words are parsed, since `--help` must already be in the chosen language.
    public static func chosen(arguments: [String], environment: [String: String]) -> Language {
        var chosen: Language?
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            if word == "--" { break }
            if word == "--lang", index + 1 < arguments.endIndex {
                chosen = Language(code: arguments[index + 1]) ?? chosen
                index += 1
            } else if word.hasPrefix("--lang=") {
                chosen = Language(code: String(word.dropFirst("--lang=".count))) ?? chosen
            }
            index += 1
        }
        return chosen ?? fromLocale(environment)
    }

    /// `vi`, `VI`, `vi_VN`, `vi-VN`, `en`, `en_US.UTF-8`…
    public init?(code: String) {
        let lowered = code.lowercased()
        if lowered.hasPrefix("vi") { self = .vi } else if lowered.hasPrefix("en") { self = .en } else { return nil }
    }
}
