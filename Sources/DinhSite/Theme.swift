import DinhCore
import Foundation
import DinhTemplate

/// The templates and assets pages are made with: the built-in theme, with any file of the same
/// name in `content/theme/` taking its place (templates `*.mustache`, assets under `assets/`).
public struct Theme: Sendable {
    /// Every template a build renders.
    static let templateNames = ["layout", "home", "heritage", "product", "products", "producer", "page", "not-found", "landing", "qr-sheet", "search", "meeting"]

    var library: TemplateLibrary
    /// Files copied to `assets/` in the output, sorted by name.
    var assets: [(name: String, data: Data)]

    /// The resource folder SwiftPM builds beside the `dinh` it builds (`make install` copies it beside too).
    static let resourceFolder = "Dinh_DinhSite.resources"
    /// The folder of the running program, where its resource folder is.
    static var programFolder: URL? { Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() }

    /// The built-in theme: in the resource folder beside the program, else in this package's
    /// sources (a `dinh` copied elsewhere from a clone). Not `Bundle.module`, which stops the
    /// program, with no word an officer can act on, where it finds neither.
    static var builtInFolder: URL? {
        builtInFolder(beside: programFolder, sources: URL(fileURLWithPath: #filePath).deletingLastPathComponent())
    }

    static func builtInFolder(beside programFolder: URL?, sources: URL) -> URL? {
        let candidates = [programFolder?.appendingPathComponent("\(resourceFolder)/Theme"),
                          programFolder?.appendingPathComponent("Dinh_DinhSite.bundle/Contents/Resources/Theme"),  // macOS
                          sources.appendingPathComponent("Theme")]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("layout.mustache").path) }
    }

    /// Loads the theme; template errors come back as diagnostics at the template's file and line.
    static func load(overrides: URL, displayOverrides: String) -> (theme: Theme?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        guard let builtIn = builtInFolder else {
            diagnostics.error(SourceLocation(path: "dinh"), .themeMissing(folder: resourceFolder, beside: programFolder?.path ?? "dinh"))
            return (nil, diagnostics)
        }
        let fileManager = FileManager.default
        var library = TemplateLibrary()
        let overrideNames = Set((try? fileManager.contentsOfDirectory(atPath: overrides.path)) ?? [])
        for name in overrideNames.sorted() where name.hasSuffix(".mustache") {
            let template = String(name.dropLast(".mustache".count))
            if !templateNames.contains(template) && !template.hasPrefix("_") {
                diagnostics.warning(SourceLocation(path: "\(displayOverrides)/\(name)"),
                                    .templateUnused(templates: templateNames))
            }
        }
        let builtInNames = ((try? fileManager.contentsOfDirectory(atPath: builtIn.path)) ?? []).filter { $0.hasSuffix(".mustache") }
        var shownPaths: [String: String] = [:]
        var builtInTemplates: [String: Template] = [:]
        let names = Set(builtInNames).union(overrideNames.filter { $0.hasSuffix(".mustache") })
        for file in names.sorted() {
            let overridden = overrideNames.contains(file)
            let url = (overridden ? overrides : builtIn).appendingPathComponent(file)
            let shown = overridden ? "\(displayOverrides)/\(file)" : "built-in theme/\(file)"
            guard let data = fileManager.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                diagnostics.error(SourceLocation(path: shown), .templateNotUTF8)
                continue
            }
            do {
                let template = try Template(text)
                library.register(template, named: String(file.dropLast(".mustache".count)))
                shownPaths[String(file.dropLast(".mustache".count))] = shown
                if !overridden { builtInTemplates[file] = template }
            } catch {
                diagnostics.error(SourceLocation(path: shown, line: error.line, column: error.column), .templateError(detail: error.text))
            }
        }
        // The built-in templates also answer to `built-in/<name>`, so a template in content/theme can
        // fill the blocks of the one it replaces: `{{<built-in/layout}}{{$footer}}…{{/footer}}{{/built-in/layout}}`.
        for file in builtInNames.sorted() {
            guard let template = builtInTemplates[file] ?? fileManager.contents(atPath: builtIn.appendingPathComponent(file).path)
                .flatMap({ try? Template(String(decoding: $0, as: UTF8.self)) }) else { continue }
            library.register(template, named: "built-in/\(file.dropLast(".mustache".count))")
        }
        // A partial or parent that does not exist would silently render as nothing.
        for name in library.names {
            for partial in library.template(named: name)?.partials ?? [] where library.template(named: partial.name) == nil {
                diagnostics.error(SourceLocation(path: shownPaths[name] ?? name, line: partial.line, column: partial.column),
                                  .templateMissingPartial(tag: partial.tag, name: partial.name))
            }
        }

        // A file in content/theme/assets takes the place of the built-in one of that name (the
        // built-in one stays if the other cannot be read).
        var sources: [String: [URL]] = [:]
        for folder in [builtIn.appendingPathComponent("assets"), overrides.appendingPathComponent("assets")] {
            for name in (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? [] where !name.hasPrefix(".") {
                sources[name, default: []].insert(folder.appendingPathComponent(name), at: 0)
            }
        }
        // Compacted on all cores: this runs before any page can be made.
        let assetNames = sources.keys.sorted(), files = assetNames.map { sources[$0] ?? [] }
        let compacted = Slots<Data>(count: assetNames.count)
        DispatchQueue.concurrentPerform(iterations: assetNames.count) { index in
            let name = assetNames[index]
            guard let data = files[index].lazy.compactMap({ FileManager.default.contents(atPath: $0.path) }).first else { return }
            compacted[index] = name.hasSuffix(".js") ? compactScript(data) : name.hasSuffix(".css") ? compactStyle(data) : data
        }
        let theme = Theme(library: library, assets: zip(assetNames, compacted.values).compactMap { name, data in data.map { (name, $0) } })
        return (diagnostics.hasErrors ? nil : theme, diagnostics)
    }

    /// A page, or a part of one, as its file holds it (UTF-8).
    func render(_ template: String, _ context: TemplateFields) -> [UInt8] {
        library.render(template, context)
    }

    /// Scripts as sent to phones: without indentation, comments, blank lines, and the spaces that
    /// separate nothing. A line break stays unless the line ends with `{`, `;` or `,` (where it cannot
    /// end a statement), or ends with `}` before a line that can only go on (`}`, `)`, `else`…: no
    /// semicolon is ever inserted before those), so automatic semicolons keep working; strings,
    /// regular expressions and template literals are copied as they are, and a line the scanner is
    /// not sure of keeps the rest of its text unchanged, and its line break. A `;` before `}` goes
    /// (a semicolon is inserted there), unless it is an empty statement (`if (a);`, `else;`).
    static func compactScript(_ data: Data) -> Data {
        // A file saved on Windows reads as one saved elsewhere (a CRLF file was one line, and a
        // `//` comment hid the rest of it).
        let lines = String(decoding: data, as: UTF8.self).unixLineEnds.lines
        var out: [String] = [], joins = false, closes = false, ends = false
        for line in lines {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty || trimmed.hasPrefix("//") { continue }
            let (packed, whole, endsStatement) = squeezeScript(Array(trimmed.unicodeScalars))
            guard let last = packed.last, let first = packed.first else { continue }
            let goesOn = closes && ("})],;.:?".contains(first) || ["else", "catch", "finally"].contains(lastWord(String(packed.prefix { $0.isLetter }).unicodeScalars)))
            if joins || goesOn {
                if joins, ends, first == "}" { out[out.count - 1].removeLast() }
                out[out.count - 1] += packed
            } else { out.append(packed) }
            let plain = whole && !packed.utf8.contains(UInt8(ascii: "`"))
            joins = plain && "{;,".contains(last)
            closes = plain && last == "}"
            ends = plain && endsStatement
        }
        return Data((out.joined(separator: "\n") + "\n").utf8)
    }

    private static func isWord(_ c: Unicode.Scalar) -> Bool {
        c.value > 127 || c == "_" || c == "$" || c == "\\" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9")
    }

    private static let beforeRegex = Set("(,=:[!&|?{};+-*%<>~^".unicodeScalars)
    private static let regexKeywords: Set<String> = ["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw",
                                                     "case", "do", "else", "yield", "await"]

    static func squeezeScriptLine(_ line: [Unicode.Scalar]) -> String { squeezeScript(line).text }

    /// A line without the spaces that separate nothing; `whole` is false when the scanner was not
    /// sure of the line and copied the rest of it unchanged; `endsStatement`: the line ends with a
    /// `;` that a `}` after it may replace.
    private static func squeezeScript(_ line: [Unicode.Scalar]) -> (text: String, whole: Bool, endsStatement: Bool) {
        var out = String.UnicodeScalarView()
        var i = 0, space = false, whole = true
        // Whether each open `(` heads an `if`, `for`, `while` or `with` (whose `)` may be followed by
        // an empty statement `;`), whether the last `)` closed one (or one opened on another line), and
        // whether the last `;` ends a statement that is not empty.
        var heads: [Bool] = [], closedHead = true, dropsBeforeBrace = false
        // `true` and `false` just written, before `c`, as `!0` and `!1` (a phone's relic page counts
        // its bytes): not a property (`.true`), nor a key (`{true: …}`).
        func shortenBoolean(before c: Unicode.Scalar?) {
            let word = lastWord(out)
            guard word == "true" || word == "false" else { return }
            var start = out.endIndex
            for _ in word.unicodeScalars { start = out.index(before: start) }
            let before = start > out.startIndex ? out[out.index(before: start)] : nil
            if before == "." || (c == ":" && (before == "{" || before == ",")) { return }
            if before == " " { start = out.index(before: start) }
            out.replaceSubrange(start..., with: (word == "true" ? "!0" : "!1").unicodeScalars)
        }
        func emit(_ c: Unicode.Scalar) {
            if !isWord(c) { shortenBoolean(before: c) }
            if c == "}", out.last == ";", dropsBeforeBrace { out.removeLast() }
            if c == "(" { heads.append(["if", "for", "while", "with"].contains(lastWord(out))) }
            if c == ")" { closedHead = heads.popLast() ?? true }
            if c == ";" { dropsBeforeBrace = out.last.map { !($0 == ")" && closedHead) && !["else", "do"].contains(lastWord(out)) } ?? false }
            let last = out.last
            // A space stays between words, between signs (`a - -b`, `a + ++b`), after a number before a
            // dot, and in `< !` (never `<!--`, which starts a comment).
            if space, let last,
               (isWord(last) && isWord(c)) || ("+-".unicodeScalars.contains(last) && "+-".unicodeScalars.contains(c))
                || ((last >= "0" && last <= "9") && c == ".") || (last == "<" && c == "!") {
                out.append(" ")
            }
            space = false
            out.append(c)
        }
        func rest() { // copies the rest of the line unchanged
            if i < line.count { emit(line[i]); out.append(contentsOf: line[(i + 1)...]) }
            i = line.count
            whole = false
        }
        while i < line.count {
            let c = line[i]
            if c == " " || c == "\t" { space = true; i += 1; continue }
            if c == "`" { rest(); break }
            if c == "\"" || c == "'" { // a string: copied to its closing quote
                var j = i + 1
                while j < line.count && line[j] != c { j += line[j] == "\\" ? 2 : 1 }
                guard j < line.count else { rest(); break }
                emit(c); out.append(contentsOf: line[(i + 1)...j])
                i = j + 1
                continue
            }
            if c == "/" {
                let next = i + 1 < line.count ? line[i + 1] : " "
                if next == "/" { break }  // a comment to the end of the line
                if next == "*" {
                    var j = i + 2
                    while j + 1 < line.count && !(line[j] == "*" && line[j + 1] == "/") { j += 1 }
                    guard j + 1 < line.count else { rest(); break }
                    space = true; i = j + 2
                    continue
                }
                let last = out.last
                if last == nil || beforeRegex.contains(last!) || regexKeywords.contains(lastWord(out)) { // a regular expression
                    var j = i + 1, inClass = false
                    while j < line.count && (inClass || line[j] != "/") {
                        if line[j] == "\\" { j += 1 } else if line[j] == "[" { inClass = true } else if line[j] == "]" { inClass = false }
                        j += 1
                    }
                    guard j < line.count else { rest(); break }
                    emit(c); out.append(contentsOf: line[(i + 1)...j])
                    i = j + 1
                    continue
                }
            }
            emit(c)
            i += 1
        }
        if whole { shortenBoolean(before: nil) }
        return (String(out), whole, whole && out.last == ";" && dropsBeforeBrace)
    }

    /// The word the squeezed text ends with (`return` in `return /x/`): spaces between words are
    /// kept, so the word is the run of word characters at the end.
    private static func lastWord(_ text: String.UnicodeScalarView) -> String {
        var start = text.endIndex
        while start > text.startIndex, isWord(text[text.index(before: start)]) { start = text.index(before: start) }
        return String(text[start...])
    }

    /// Stylesheets without comments and indentation, and without the line breaks after `{`, `}`, `;`
    /// and `,` (elsewhere a line break may be a descendant combinator: it stays).
    static func compactStyle(_ data: Data) -> Data {
        var text = String(decoding: data, as: UTF8.self).unixLineEnds
        while let start = text.range(of: "/*"), let end = text.range(of: "*/", range: start.upperBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        var out: [String] = [], joins = false
        for line in text.split(separator: "\n") {
            let packed = squeezeStyleLine(Array(line.unicodeScalars))
            guard let last = packed.last else { continue }
            if joins {
                if packed.first == "}", out[out.count - 1].last == ";" { out[out.count - 1].removeLast() }
                out[out.count - 1] += packed
            } else { out.append(packed) }
            joins = "{};,".contains(last)
        }
        return Data((out.joined(separator: "\n") + "\n").utf8)
    }

    /// A line of CSS without the spaces beside `{`, `}`, `;`, `,`, `>`, `/`, `!` and after `:`
    /// (strings as they are; `/` divides without spaces, even in `calc()`, unlike `+` and `-`).
    static func squeezeStyleLine(_ line: [Unicode.Scalar]) -> String {
        let tight = Set("{};,>/!".unicodeScalars)
        var out = String.UnicodeScalarView(), i = 0, space = false
        while i < line.count {
            let c = line[i]
            if c == " " || c == "\t" { space = true; i += 1; continue }
            if space, let last = out.last, !tight.contains(last), last != ":", !tight.contains(c) { out.append(" ") }
            space = false
            if c == "\"" || c == "'" {
                var j = i + 1
                while j < line.count && line[j] != c { j += line[j] == "\\" ? 2 : 1 }
                out.append(contentsOf: line[i...min(j, line.count - 1)])
                i = j + 1
                continue
            }
            if c == "}", out.last == ";" { out.removeLast() }
            out.append(c)
            i += 1
        }
        return String(out)
    }
}
