import ArgumentParser
import DinhContent
import DinhCore
import DinhFeeds
import DinhImport
import Foundation

/// `dinh import products FILE [CONTENT_DIR] [--update] [--sheet NAME]`.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: CLIMessage.importAbstract.text,
        subcommands: [Products.self])

    struct Products: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "products",
            abstract: CLIMessage.importProductsAbstract.text,
            discussion: CLIMessage.importProductsDiscussion.text)

        @Argument(help: ArgumentHelp(CLIMessage.helpSpreadsheet.text), completion: .file(extensions: ["csv", "xlsx"]))
        var file: String

        @Argument(help: ArgumentHelp(CLIMessage.helpContentFolder.text), completion: .directory)
        var contentDirectory: String = "content"

        @Flag(help: ArgumentHelp(CLIMessage.helpUpdate.text))
        var update = false

        @Option(help: ArgumentHelp(CLIMessage.helpSheet.text, valueName: "name"))
        var sheet: String?

        @OptionGroup var language: LanguageOptions

        func run() throws {
            // A file of another kind (an old .xls) is a problem with the input, said at the file in
            // the user's language, not the parser's "Error: … Usage: …".
            let lower = file.lowercased(), location = SourceLocation(path: file)
            var refused = Diagnostics()
            if !lower.hasSuffix(".csv") && !lower.hasSuffix(".xlsx") {
                refused.error(location, Message(verbatim: CLIMessage.spreadsheetExtension(file: file).text))
            } else if sheet != nil && lower.hasSuffix(".csv") {
                refused.error(location, Message(verbatim: CLIMessage.sheetOfCSV(file: file).text))
            }
            guard !refused.hasErrors else {
                Terminal.report(refused)
                throw ContentErrors()
            }
            let report = ProductImport(file: URL(fileURLWithPath: file), displayPath: file,
                                       contentRoot: URL(fileURLWithPath: contentDirectory), update: update, sheet: sheet).run()
            Terminal.report(report.diagnostics)
            guard report.succeeded else { throw ContentErrors() }
            print(report.summaryText.text(in: CLI.language))
            if let codes = report.newCodesText { print(codes.text(in: CLI.language)) }
            // `created` lists files; `updated`, product folders.
            Terminal.report(advice(on: report.created.filter { $0.hasSuffix("/index.md") } + report.updated.map { $0 + "/index.md" }))
        }

        /// What the build will say of the product pages just written (no photo, so out of the
        /// marketplaces; an OCOP recognition expired), said now, while the sheet is at hand.
        func advice(on written: [String]) -> Diagnostics {
            // Named as the loader names them (`ContentLoader.display`).
            let pages = Set(written.map { contentDirectory == "." ? $0 : "\(contentDirectory)/\($0)" })
            guard !pages.isEmpty else { return Diagnostics() }
            let today = CalendarDate.today()
            let (content, loaded) = ContentLoader(root: URL(fileURLWithPath: contentDirectory), displayRoot: contentDirectory, today: today).load()
            var advice = Diagnostics()
            // The marketplaces' checks of the written products only (a catalogue may hold thousands).
            var written = content
            written?.products.removeAll { !pages.contains($0.source.path) }
            let found = loaded.all + (written.map { FeedChecks.diagnostics(for: $0, today: today).all } ?? [])
            // As warnings: the import is done; they are what to mend before the marketplaces read the feeds.
            for diagnostic in found where pages.contains(diagnostic.location.path) {
                advice.append(Diagnostic(.warning, diagnostic.location, diagnostic.text))
            }
            return advice
        }
    }
}
