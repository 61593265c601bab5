import ArgumentParser
import DinhImport
import Foundation

/// `dinh import products FILE [CONTENT_DIR] [--update]`.
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

        @OptionGroup var language: LanguageOptions

        func validate() throws {
            let lower = file.lowercased()
            guard lower.hasSuffix(".csv") || lower.hasSuffix(".xlsx") else {
                throw ValidationError(CLIMessage.spreadsheetExtension(file: file).text)
            }
        }

        func run() throws {
            let report = ProductImport(file: URL(fileURLWithPath: file), displayPath: file,
                                       contentRoot: URL(fileURLWithPath: contentDirectory), update: update).run()
            Terminal.report(report.diagnostics)
            guard report.succeeded else { throw ContentErrors() }
            print(report.summaryText.text(in: CLI.language))
        }
    }
}
