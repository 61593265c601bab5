import DinhCore
import Foundation

/// What the command line itself says: `--help`, progress, summaries. English in CLIMessage+en.swift,
/// Vietnamese in CLIMessage+vi.swift.
package enum CLIMessage: MessageTable {
    // --help
    case rootAbstract, rootDiscussion
    case buildAbstract, checkAbstract, serveAbstract, serveDiscussion, qrAbstract, importAbstract
    case importProductsAbstract, importProductsDiscussion, initAbstract
    case helpContentFolder, helpOutput, helpBaseURL, helpJobs, helpQuiet, helpQROutput, helpPlacardSize
    case helpPort, helpHost, helpServeOutput, helpSpreadsheet, helpUpdate, helpSheet, helpInitFolder, helpLanguage
    // wrong words
    case jobsAtLeastOne, portRange, placardSizeChoice, languageChoice(found: String)
    case spreadsheetExtension(file: String), sheetOfCSV(file: String), initFolderNotEmpty(folder: String)
    // summaries
    case summaryErrors(errors: Int, warnings: Int), summaryWarnings(warnings: Int), moreWarningsLikeThis(count: Int)
    case built(pages: Int, files: Int, output: String, seconds: String, processed: Int, cached: Int)
    case noErrors(content: String)
    case wroteCodes(count: Int, output: String)
    case created(folder: String)
    // dinh serve
    case noContentFolder(folder: String)
    case serving(url: String), servingHere(url: String), servingNetwork(url: String), watching
    case fileChanged(file: String), filesChanged(count: Int)
    case helpEdit, tourEditorOn, tourEditorOnNetwork(host: String, url: String)
    case rebuilt(cause: String, pages: Int, seconds: String)
    case rebuildFailed(cause: String, errors: Int, firstBuild: Bool)
}

extension CLIMessage {
    /// The text in the language chosen at launch.
    var text: String { text(in: CLI.language) }
}

/// What was chosen once, at launch, before the words are parsed.
enum CLI {
    /// `--lang vi|en` anywhere on the command line, else the locale (LC_ALL, LC_MESSAGES, LANG).
    static let language = Language.chosen(arguments: Array(CommandLine.arguments.dropFirst()),
                                          environment: ProcessInfo.processInfo.environment)
}
