import DinhCore
import Foundation
import DinhTemplate

/// The templates and assets pages are made with: the built-in theme, with any file of the same
/// name in `content/theme/` taking its place (templates `*.mustache`, assets under `assets/`).
public struct Theme: Sendable {
    /// Every template a build renders.
    static let templateNames = ["layout", "home", "heritage", "product", "products", "producer", "page", "not-found", "landing", "qr-sheet"]

    var library: TemplateLibrary
    /// Files copied to `assets/` in the output, sorted by name.
    var assets: [(name: String, data: Data)]

    /// The built-in theme, shipped as resources of this module.
    static var builtInFolder: URL? { Bundle.module.url(forResource: "Theme", withExtension: nil) }

    /// Loads the theme; template errors come back as diagnostics at the template's file and line.
    static func load(overrides: URL, displayOverrides: String) -> (theme: Theme?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        guard let builtIn = builtInFolder else {
            diagnostics.error(SourceLocation(path: "dinh"), "the built-in theme is missing from this installation of dinh; reinstall it")
            return (nil, diagnostics)
        }
        let fileManager = FileManager.default
        var library = TemplateLibrary()
        let overrideNames = Set((try? fileManager.contentsOfDirectory(atPath: overrides.path)) ?? [])
        for name in overrideNames.sorted() where name.hasSuffix(".mustache") {
            let template = String(name.dropLast(".mustache".count))
            if !templateNames.contains(template) && !template.hasPrefix("_") {
                diagnostics.warning(SourceLocation(path: "\(displayOverrides)/\(name)"),
                                    "this template is not used by dinh (the templates are: \(templateNames.joined(separator: ", ")); partials start with _)")
            }
        }
        let builtInNames = ((try? fileManager.contentsOfDirectory(atPath: builtIn.path)) ?? []).filter { $0.hasSuffix(".mustache") }
        var shownPaths: [String: String] = [:]
        let names = Set(builtInNames).union(overrideNames.filter { $0.hasSuffix(".mustache") })
        for file in names.sorted() {
            let overridden = overrideNames.contains(file)
            let url = (overridden ? overrides : builtIn).appendingPathComponent(file)
            let shown = overridden ? "\(displayOverrides)/\(file)" : "built-in theme/\(file)"
            guard let data = fileManager.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                diagnostics.error(SourceLocation(path: shown), "this template cannot be read as UTF-8 text")
                continue
            }
            do {
                library.register(try Template(text), named: String(file.dropLast(".mustache".count)))
                shownPaths[String(file.dropLast(".mustache".count))] = shown
            } catch {
                diagnostics.error(SourceLocation(path: shown, line: error.line, column: error.column), "this template has a Mustache error: \(error.message)")
            }
        }
        // A partial that does not exist would silently render as nothing.
        for name in library.names {
            for partial in library.template(named: name)?.partials ?? [] where library.template(named: partial.name) == nil {
                diagnostics.error(SourceLocation(path: shownPaths[name] ?? name, line: partial.line, column: partial.column),
                                  "this template includes {{> \(partial.name)}}, but there is no template \(partial.name).mustache")
            }
        }

        var assets: [String: Data] = [:]
        for folder in [builtIn.appendingPathComponent("assets"), overrides.appendingPathComponent("assets")] {
            for name in ((try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where !name.hasPrefix(".") {
                guard let data = fileManager.contents(atPath: folder.appendingPathComponent(name).path) else { continue }
                assets[name] = name.hasSuffix(".js") ? compactScript(data) : name.hasSuffix(".css") ? compactStyle(data) : data
            }
        }
        let theme = Theme(library: library, assets: assets.keys.sorted().compactMap { name in assets[name].map { (name, $0) } })
        return (diagnostics.hasErrors ? nil : theme, diagnostics)
    }

    func render(_ template: String, _ context: TemplateFields) -> String {
        library.render(template, context)
    }

    /// Scripts as sent to phones: without indentation, comment lines and blank lines (a third
    /// lighter, and still the readable source in the repository).
    static func compactScript(_ data: Data) -> Data {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var out: [Substring] = []
        for line in lines {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty || trimmed.hasPrefix("//") { continue }
            out.append(trimmed)
        }
        return Data((out.joined(separator: "\n") + "\n").utf8)
    }

    /// Stylesheets without comments and indentation.
    static func compactStyle(_ data: Data) -> Data {
        var text = String(decoding: data, as: UTF8.self)
        while let start = text.range(of: "/*"), let end = text.range(of: "*/", range: start.upperBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return compactScript(Data(text.utf8))
    }
}
