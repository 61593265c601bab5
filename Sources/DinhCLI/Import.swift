import ArgumentParser
import DinhImport
import Foundation

/// `dinh import products FILE [CONTENT_DIR] [--update]`.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a list from a spreadsheet into the content folder.",
        subcommands: [Products.self])

    struct Products: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create product folders (and missing producers) from a cooperative's CSV or .xlsx list.",
            discussion: "Headers may be Vietnamese or English (Tên sản phẩm, Giá, Số sao OCOP, Nhóm, HTX…). Nothing is written if any cell is wrong.")

        @Argument(help: "The spreadsheet: .csv (UTF-8, with or without BOM) or .xlsx.", completion: .file(extensions: ["csv", "xlsx"]))
        var file: String

        @Argument(help: "The content folder.", completion: .directory)
        var contentDirectory: String = "content"

        @Flag(help: "Replace products that already exist (by default they are left untouched).")
        var update = false

        func validate() throws {
            let lower = file.lowercased()
            guard lower.hasSuffix(".csv") || lower.hasSuffix(".xlsx") else {
                throw ValidationError("\(file) must be a .csv or .xlsx file (in Excel: File › Save As › CSV UTF-8)")
            }
        }

        func run() throws {
            let report = ProductImport(file: URL(fileURLWithPath: file), displayPath: file,
                                       contentRoot: URL(fileURLWithPath: contentDirectory), update: update).run()
            Terminal.report(report.diagnostics)
            guard report.succeeded else { throw ContentErrors() }
            print(report.summary)
        }
    }
}
