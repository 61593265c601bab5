import ArgumentParser
import DinhSite
import Foundation

/// `dinh qr`: the QR codes and printable placards only, for a print shop.
struct QR: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qr",
        abstract: "Write the QR codes (PNG, SVG) and printable placards into <output>/qr/ only.")

    @OptionGroup var content: ContentOptions

    @Option(name: .shortAndLong, help: "The site's output folder; codes go into its qr/ folder.", completion: .directory)
    var output: String = "public"

    @Option(help: "Placard paper size: A4, A5 or A6.")
    var size: String = "A5"

    func validate() throws {
        guard ["A4", "A5", "A6"].contains(size.uppercased()) else { throw ValidationError("--size must be A4, A5 or A6") }
    }

    func run() async throws {
        let options = BuildOptions(content: content.url, displayContent: content.contentDirectory, output: URL(fileURLWithPath: output))
        let (report, codes) = try await SiteBuilder(options: options).writeQRCodes(placardSize: size)
        Terminal.report(report.diagnostics)
        guard report.succeeded else { throw ContentErrors() }
        for line in codes { print(line) }
        print("Wrote \(codes.count) QR codes and placards into \(output)/qr (print \(output)/qr/index.html)")
    }
}
