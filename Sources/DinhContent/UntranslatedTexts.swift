import DinhCore

extension Loading {
    /// Tells the texts of an item (those its reader read: `reader.textsRead`) written in the main
    /// language only, once per language the item is translated into: that language's page shows
    /// them in the main language, and nothing else would say so. An item is translated into a
    /// language when it has its translation file (`givenInFile`: the fields each one gives) or one
    /// of its texts is written in it; one that is not has the warning that it is not translated.
    /// `topLevel`: the item's own text fields (`summary`), named alone in the message; the others
    /// are entries of lists (a scene's `title`), named with their text so that they can be found.
    mutating func warnUntranslatedTexts(topLevel: [String], givenInFile: [String: Set<String>]? = nil) {
        let texts = reader.textsRead, main = reader.defaultLanguage
        for language in reader.languages.dropFirst() {
            let fromFile = givenInFile?[language]
            guard fromFile != nil || texts.contains(where: { $0.text.values[language] != nil }) else { continue }
            let missing = texts.filter { text in
                text.text.values[main] != nil && text.text.values[language] == nil && fromFile?.contains(text.field) != true
            }.sorted { $0.location < $1.location }
            guard let first = missing.first else { continue }
            let shown = missing.prefix(Self.untranslatedShown)
            // A translation file may give the top-level fields; the others are written beside their original.
            let inFile = givenInFile == nil ? [] : shown.map(\.field).filter(topLevel.contains)
            let example = shown.first { !inFile.contains($0.field) }.map { Self.example($0, main: main, language: language) }
            let fields = shown.map { topLevel.contains($0.field) ? $0.field : "\($0.field) \"\(Self.excerpt($0.text.values[main]))\"" }
            reader.diagnostics.warning(first.location, .textsNotTranslated(language: language, main: main, fields: fields,
                                                                          more: missing.count - shown.count, inFile: inFile, example: example),
                                       group: Message(ContentMessage.notTranslatedGroup(language: language)))
        }
    }

    /// How many untranslated texts a warning names; it counts the others.
    static let untranslatedShown = 5

    /// A text written with its translation to come, as the file would write it: `title: {vi: Hậu cung, en: …}`.
    /// A text too long to quote whole stands as `…` (an officer copying the pattern would cut it short).
    static func example(_ text: FieldReader.TextRead, main: String, language: String) -> String {
        let key = text.field.split(separator: ".").last.map(String.init) ?? text.field
        let original = text.text.values[main] ?? "", quoted = excerpt(original)
        return key + ": " + (SceneEditor.localised([(main, quoted == original ? quoted : "…"), (language, "…")]) ?? "…")
    }

    /// A text as a message quotes it: its first line, its first 40 characters.
    static func excerpt(_ text: String?) -> String {
        let whole = text ?? "", line = whole.prefix { $0 != "\n" }
        if line.count > 40 { return line.prefix(39) + "…" }
        return line.count < whole.count ? line + "…" : String(line)
    }
}
