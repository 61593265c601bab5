import DinhTestSupport
import Foundation
import Testing

/// CSV injection (issue 13): a product name pasted from a spreadsheet, `=HYPERLINK(…)`, must reach
/// the Meta catalog as text, never as a live formula when a cooperative opens the file in a
/// spreadsheet before uploading it; `dinh check` says which fields start that way, at their lines.
@Suite struct FormulaInjectionTests {
    let fixture: SiteFixture
    static let hostileName = #"=HYPERLINK("http://evil.example","Chè lam")"#

    init() throws {
        fixture = try SiteFixture()
        try fixture.write("products/che-lam/index.md", """
        ---
        code: HT42
        name:
          vi: '\(Self.hostileName)'
          en: Ha Trung ginger rice cake
        producer: htx-che-lam
        brand: "@che-lam"
        category: food
        ocop:
          stars: 4
          date: 2025-06-30
        price: 45000
        images: [che-lam.jpg]
        ---

        -2+3 là năm: bánh chè lam giòn.
        """)
        try fixture.write("products/che-lam/index.en.md", """
        ---
        name: +1 ginger rice cake
        ---
        Crisp **rice** cake.
        """)
        let photo = fixture.content.appendingPathComponent("products/che-lam/che-lam.jpg").path
        let made = try Tools.shell("convert -size 600x600 xc:orange '\(photo)'")
        #expect(made.status == 0, "\(made.stderr)")
    }

    var output: URL { fixture.directory.file("public") }

    /// Converts CSV files with LibreOffice Calc (headless, UTF-8, formulas evaluated as a person
    /// opening the file gets them) and prints each cell's type and value as openpyxl reads them.
    func libreOffice(_ files: [String: Data]) throws -> [String: [[String]]] {
        let soffice = try Tools.require("/usr/bin/localc")
        let work = try TemporaryDirectory("dinh-calc")
        defer { work.remove() }
        for (name, data) in files { try work.write(name, data) }
        // Its own profile: LibreOffice refuses a second process on a profile in use.
        let profile = "file://\(work.path)/profile"
        let names = files.keys.sorted().map { "'\($0)'" }.joined(separator: " ")
        let converted = try Tools.shell("'\(soffice)' -env:UserInstallation=\(profile) --headless --infilter=CSV:44,34,76,1 --convert-to xlsx --outdir out \(names)",
                                        in: work.url)
        #expect(converted.status == 0, "\(converted.stdout)\(converted.stderr)")
        let script = """
        import json, openpyxl, sys
        result = {}
        for name in sys.argv[1:]:
            sheet = openpyxl.load_workbook("out/" + name.rsplit(".", 1)[0] + ".xlsx").active
            result[name] = [[cell.data_type + ":" + ("" if cell.value is None else str(cell.value)) for cell in row] for row in sheet.iter_rows()]
        print(json.dumps(result))
        """
        try work.write("read.py", script)
        let read = try Tools.shell("\(Tools.python) read.py \(names)", in: work.url)
        #expect(read.status == 0, "\(read.stderr)")
        let decoded = try JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [String: [[String]]]
        return try #require(decoded, "\(read.stdout)\(read.stderr)")
    }

    @Test func libreOfficeReadsFormulaLikeTextAsTextAndWithoutTheQuoteWouldRunIt() throws {
        let built = try fixture.dinh("build", "content", "--output", "public", "--quiet")
        #expect(built.status == 0, "\(built.stderr)")
        let csv = try Data(contentsOf: output.appendingPathComponent("feeds/meta-catalog.csv"))
        let language = try Data(contentsOf: output.appendingPathComponent("feeds/meta-catalog.en.csv"))
        let text = String(decoding: csv, as: UTF8.self)
        #expect(text.contains(#""'=HYPERLINK(""http://evil.example"",""Chè lam"")""#), "\(text)")
        // The control: the same file as it was written before, with the quote taken out again.
        let unprotected = Data(text.replacingOccurrences(of: "\"'", with: "\"").utf8)
        let sheets = try libreOffice(["meta-catalog.csv": csv, "meta-catalog.en.csv": language, "unprotected.csv": unprotected])

        let header = try #require(sheets["meta-catalog.csv"]?.first)
        let row = try #require(sheets["meta-catalog.csv"]?.dropFirst().first)
        func cell(_ name: String, _ row: [String]) -> String? { header.firstIndex(of: "s:\(name)").map { row[$0] } }
        #expect(cell("title", row) == "s:'\(Self.hostileName)", "a text cell, the formula not run: \(row)")
        #expect(cell("brand", row) == "s:'@che-lam")
        #expect(cell("description", row) == "s:'-2+3 là năm: bánh chè lam giòn.")
        #expect(cell("id", row) == "s:HT42")
        #expect(cell("price", row) == "s:45000 VND")
        #expect(cell("link", row) == "s:https://disan.example.vn/products/che-lam/")
        #expect(row.allSatisfy { !$0.hasPrefix("f:") }, "no formula anywhere: \(row)")
        let translated = try #require(sheets["meta-catalog.en.csv"]?.dropFirst().first)
        #expect(translated[2] == "s:'+1 ginger rice cake", "\(translated)")

        let control = try #require(sheets["unprotected.csv"]?.dropFirst().first)
        #expect(cell("title", control) == "f:\(Self.hostileName)", "without the quote LibreOffice sees a formula: \(control)")
    }

    @Test func checkWarnsAtEachFieldsLineAndSaysHowTheCSVWritesIt() throws {
        let result = try fixture.dinh("check", "content")
        #expect(result.status == 0, "warnings only: \(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        func warning(_ location: String, _ start: String) -> String? {
            lines.first { $0.hasPrefix("content/products/che-lam/\(location): warning: \(start)") }
        }
        let name = try #require(warning("index.md:4:7", "'name.vi' starts with '='"), "\(result.stderr)")
        #expect(name.contains(#"'=HYPERLINK("http://evil.example","Chè la…"#), "shows how it is written: \(name)")
        #expect(name.contains("feeds/meta-catalog.csv"))
        #expect(warning("index.md:7:8", "'brand' starts with '@'") != nil, "\(result.stderr)")
        #expect(warning("index.md:16:1", "the description starts with '-'") != nil, "the body's first line: \(result.stderr)")
        #expect(warning("index.en.md:2:7", "'name' starts with '+'") != nil, "the translation's line: \(result.stderr)")
        #expect(!result.stderr.contains("index.en.md:4"), "an ordinary description is not warned about")
    }

    @Test func anIdStartingLikeAFormulaIsAnError() throws {
        let product = try String(contentsOf: fixture.content.appendingPathComponent("products/che-lam/index.md"), encoding: .utf8)
        try fixture.write("products/che-lam/index.md", product.replacingOccurrences(of: "code: HT42\n", with: "code: HT42\nsku: \"-HT42\"\n"))
        let result = try fixture.dinh("check", "content")
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/products/che-lam/index.md:3:6: error: 'sku' must start with a letter or a digit"), "\(result.stderr)")
    }
}
