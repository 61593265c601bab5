import ArgumentParser
import DinhQR
import DinhSite
import Foundation

/// `dinh qr`: the QR codes and printable placards only, for a print shop.
struct QR: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr",
        abstract: CLIMessage.qrAbstract.text)

    @OptionGroup var content: ContentOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(CLIMessage.helpQROutput.text), completion: .directory)
    var output: String = "public"

    @Option(help: ArgumentHelp(CLIMessage.helpPlacardSize.text))
    var size: String = "A5"

    @Flag(name: .shortAndLong, help: ArgumentHelp(CLIMessage.helpQuiet.text))
    var quiet = false

    @Argument(help: ArgumentHelp(CLIMessage.helpQRCodes.text))
    var codes: [String] = []

    func validate() throws {
        guard PlacardSize(rawValue: size.uppercased()) != nil else { throw ValidationError(CLIMessage.placardSizeChoice.text) }
        // `dinh qr DP04`: the code taken for the content folder.
        let folder = content.contentDirectory
        if !FileManager.default.fileExists(atPath: folder), CodesLock.isValidCode(folder.uppercased()) {
            throw ValidationError(CLIMessage.codeAsContentFolder(code: folder.uppercased()).text)
        }
    }

    func run() async throws {
        let options = BuildOptions(content: content.url, displayContent: content.contentDirectory, output: URL(fileURLWithPath: output), language: CLI.language)
        let (report, lines) = try await SiteBuilder(options: options).writeQRCodes(placardSize: size, printing: codes)
        Terminal.report(report.diagnostics)
        guard report.succeeded else { throw ContentErrors() }
        guard !quiet else { return }
        // Boards asked for by their codes: only theirs are told (the others are drawn all the same).
        let chosen = Set(codes.map { $0.uppercased() })
        for line in lines where chosen.isEmpty || chosen.contains(String(line.prefix { $0 != ":" })) { print(line) }
        print(CLIMessage.wroteCodes(count: lines.count, output: output).text)
        if !chosen.isEmpty { print(CLIMessage.printOnly(count: chosen.count, sheet: "\(output)/qr/\(SiteBuilder.printSheet)").text) }
    }
}
