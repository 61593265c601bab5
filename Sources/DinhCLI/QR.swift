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

    func validate() throws {
        guard PlacardSize(rawValue: size.uppercased()) != nil else { throw ValidationError(CLIMessage.placardSizeChoice.text) }
    }

    func run() async throws {
        let options = BuildOptions(content: content.url, displayContent: content.contentDirectory, output: URL(fileURLWithPath: output), language: CLI.language)
        let (report, codes) = try await SiteBuilder(options: options).writeQRCodes(placardSize: size)
        Terminal.report(report.diagnostics)
        guard report.succeeded else { throw ContentErrors() }
        guard !quiet else { return }
        for line in codes { print(line) }
        print(CLIMessage.wroteCodes(count: codes.count, output: output).text)
    }
}
