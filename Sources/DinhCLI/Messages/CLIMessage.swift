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
    case helpQRCodes
    case helpPort, helpHost, helpServeOutput, helpSpreadsheet, helpUpdate, helpSheet, helpInitFolder, helpLanguage
    // wrong words
    case jobsAtLeastOne, portRange, placardSizeChoice, languageChoice(found: String), unknownCommand(found: String, guess: String)
    case codeAsContentFolder(code: String)
    case spreadsheetExtension(file: String), sheetOfCSV(file: String), initFolderNotEmpty(folder: String)
    // summaries
    case summaryErrors(errors: Int, warnings: Int), summaryWarnings(warnings: Int), moreWarningsLikeThis(count: Int)
    case built(pages: Int, files: Int, output: String, seconds: String, processed: Int, cached: Int)
    case noErrors(content: String)
    case wroteCodes(count: Int, output: String)
    case printOnly(count: Int, sheet: String)
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

    /// ArgumentParser's help or usage error (`fullMessage(for:)`), with the words ArgumentParser
    /// writes itself in the chosen language: ours are translated already, its headings, "default:"
    /// and the --help and --version lines were English in a Vietnamese help.
    static func parserText(_ text: String) -> String {
        guard language == .vi else { return text }
        return parserWordsVI.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    private static let parserWordsVI: [(String, String)] = [
        ("OVERVIEW:", "TỔNG QUAN:"), ("USAGE:", "CÁCH DÙNG:"), ("ARGUMENTS:", "ĐỐI SỐ:"), ("OPTIONS:", "TÙY CHỌN:"),
        ("SUBCOMMANDS:", "LỆNH:"), ("(default: ", "(mặc định: "), ("Show the version.", "In số phiên bản."),
        ("Show help information.", "In phần trợ giúp này."),
        ("See 'dinh help <subcommand>' for detailed help.", "Xem 'dinh help <lệnh>' để biết chi tiết từng lệnh."),
        (" for detailed help.", " để biết chi tiết."), ("<subcommand>", "<lệnh>"), ("<content-directory>", "<thư-mục-nội-dung>"),
        ("Error: Unknown option", "Lỗi: không có tùy chọn"), ("Error: Missing value for", "Lỗi: thiếu giá trị cho"),
        ("Error: Missing expected argument", "Lỗi: thiếu đối số"), ("Error: Unexpected argument", "Lỗi: thừa đối số"),
        ("Error: ", "Lỗi: "), (". Did you mean ", ". Có phải ý bạn là "), ("Usage: ", "Cách dùng: "),
        ("for more information.", "để biết thêm."), ("  See '", "  Xem '"),
    ]
}
