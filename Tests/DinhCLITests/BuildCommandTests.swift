import DinhTestSupport
import Foundation
import Testing

/// The real `dinh` binary, end to end: exit status, messages, output folder.
@Suite struct BuildCommandTests {
    let fixture: SiteFixture

    init() throws { fixture = try SiteFixture() }

    var output: URL { fixture.directory.file("public") }

    @Test func buildWritesTheContractPaths() throws {
        let result = try fixture.dinh("build", "content", "--output", "public")
        #expect(result.status == 0, "\(result.stderr)")
        for path in ["index.html", "en/index.html", "heritage/quan-phuong-tri/index.html", "en/heritage/quan-phuong-tri/index.html",
                     "products/che-lam/index.html", "producers/htx-che-lam/index.html", "products/index.html", "404.html",
                     "sitemap.xml", "robots.txt", "q/DP01/index.html", "q/HT42/index.html"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "missing \(path)")
        }
        let robots = try String(contentsOf: output.appendingPathComponent("robots.txt"), encoding: .utf8)
        #expect(robots.contains("Sitemap: https://disan.example.vn/sitemap.xml"))
    }

    /// After an import, what the build will say of the new products (no photo, so out of the
    /// marketplaces; an expired OCOP recognition) is said at once, as warnings; the other products
    /// are not judged again.
    @Test func anImportSaysWhatTheMarketplacesWillSayOfItsProducts() throws {
        try fixture.directory.write("list.csv", "Tên,Giá,Sao,Năm,Nhóm,HTX\nBánh chưng Tranh Khúc,120000,4,2021,Thực phẩm,htx che lam\n")
        let result = try fixture.dinh("import", "products", "list.csv", "content")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("1 new product"), "\(result.stdout)")
        let page = "content/products/banh-chung-tranh-khuc/index.md"
        #expect(result.stderr.contains("\(page):1:1: warning: the product has no photo"), "\(result.stderr)")
        #expect(result.stderr.contains("\(page):7:3: warning:") && result.stderr.contains("expired"), "\(result.stderr)")
        #expect(!result.stderr.contains("products/che-lam/"), "\(result.stderr)")
        // Updated, from inside the content folder: the same advice, named as the build names it;
        // the word `products` may be left out (a spreadsheet imports products).
        try fixture.directory.write("content/list.csv", "Tên,Giá,Sao,Năm,Nhóm,HTX\nBánh chưng Tranh Khúc,130000,4,2021,Thực phẩm,htx che lam\n")
        let update = try Tools.run(Tools.dinhBinary.path, ["import", "list.csv", ".", "--update"], in: fixture.content)
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stderr.contains("products/banh-chung-tranh-khuc/index.md:1:1: warning: the product has no photo"), "\(update.stderr)")
    }

    /// A big catalogue: the home page shows twelve products, the best rated first, and links to the
    /// products page, which lists them all.
    @Test func theHomePageShowsTwelveProductsTheBestRatedFirst() throws {
        for number in 1...15 {
            let stars = number >= 14 ? 5 : 3
            _ = try fixture.write("products/banh-\(number)/index.md", SiteFixture.product
                .replacingOccurrences(of: "code: HT42", with: "code: B\(number)")
                .replacingOccurrences(of: "vi: Chè lam Hà Trung", with: "vi: Bánh số \(number)")
                .replacingOccurrences(of: "stars: 4", with: "stars: \(stars)"))
        }
        let result = try fixture.dinh("build", "content", "--output", "public", "--quiet")
        #expect(result.status == 0, "\(result.stderr)")
        func cards(_ path: String) throws -> [String] {
            let page = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            return page.components(separatedBy: "href=\"products/").dropFirst().compactMap { $0.split(separator: "/").first.map(String.init) }
                .filter { $0 != "index.html\"" && !$0.hasPrefix("\"") }
        }
        let home = try cards("index.html")
        #expect(Set(home).count == 12, "\(home)")
        #expect(Array(home.prefix(2)) == ["banh-14", "banh-15"], "five stars first: \(home)")
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("href=\"products/\""))
        let all = try String(contentsOf: output.appendingPathComponent("products/index.html"), encoding: .utf8)
        for number in 1...15 { #expect(all.contains("products/banh-\(number)/\""), "banh-\(number) on the products page") }
    }

    @Test func sitemapIsWellFormedWithAlternates() throws {
        #expect(try fixture.dinh("build", "content", "--output", "public").status == 0)
        let sitemap = output.appendingPathComponent("sitemap.xml").path
        let lint = try Tools.run("/usr/bin/xmllint", ["--noout", sitemap])
        #expect(lint.status == 0, "\(lint.stderr)")
        let locs = try Tools.run("/usr/bin/xmllint", ["--xpath", "count(//*[local-name()='url'])", sitemap])
        #expect(locs.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "10", "5 pages × 2 languages")
        let alternates = try Tools.run("/usr/bin/xmllint", ["--xpath", "string(//*[local-name()='url'][*[local-name()='loc']='https://disan.example.vn/en/heritage/quan-phuong-tri/']/*[local-name()='link'][@hreflang='vi']/@href)", sitemap])
        #expect(alternates.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "https://disan.example.vn/heritage/quan-phuong-tri/")
    }

    @Test func contentErrorsExitOneWithLocatedMessages() throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "stars: 4", with: "stars: 6")
            .replacingOccurrences(of: "price: 45000", with: "price: 45.000đ"))
        let result = try fixture.dinh("build", "content", "--output", "public")
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("content/products/che-lam/index.md:9:10: error: 'ocop.stars' must be between 3 and 5") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("content/products/che-lam/index.md:11:8: error: 'price' must be a whole number") }, "\(lines)")
        #expect(!FileManager.default.fileExists(atPath: output.path), "a failed first build writes nothing")
    }

    @Test func wrongUsageExitsTwo() throws {
        #expect(try fixture.dinh("build", "--no-such-option").status == 2)
        #expect(try fixture.dinh("frobnicate").status == 2)
        #expect(try fixture.dinh("build", "--jobs", "0").status == 2)
        #expect(try fixture.dinh("--help").status == 0)
        // Words found wrong once the command starts are wrong usage too.
        let again = try fixture.dinh("init", "content")
        #expect(again.status == 2 && again.stderr.contains("already exists"), "\(again.stderr)")
    }

    /// A failure of the system while working exits 1 (never 2, which means wrong usage) and says
    /// which file, in words: here the cache folder's name is taken by a file.
    @Test func systemFailuresExitOneNamingTheFile() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "geo:", with: "gallery: [cong.jpg]\ngeo:"))
        #expect(try Tools.run("/usr/bin/convert", ["-size", "64x48", "xc:orange", fixture.content.appendingPathComponent("heritage/quan-phuong-tri/cong.jpg").path]).status == 0)
        try fixture.write(".dinh-cache", "in the way")
        let result = try fixture.dinh("build", "content", "--output", "public")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("content/.dinh-cache' is a file, not a folder"), "\(result.stderr)")
        #expect(!result.stderr.contains("UserInfo") && !result.stderr.contains("NSCocoaErrorDomain"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing was published")
    }

    @Test func missingContentFolder() throws {
        // Beside a content folder of another name (made by `dinh init newsite`): that one is named.
        let result = try fixture.dinh("build", "nowhere")
        #expect(result.status == 1)
        #expect(result.stderr.contains("nowhere:1:1: error: there is no folder nowhere here, but content holds a site.yaml: give that folder (`dinh build content`)"), "\(result.stderr)")
        let empty = try TemporaryDirectory("dinh-nowhere")
        defer { empty.remove() }
        let alone = try Tools.run(Tools.dinhBinary.path, ["build", "nowhere"], in: empty.url)
        #expect(alone.status == 1 && alone.stderr.contains("nowhere:1:1: error: the content folder does not exist"), "\(alone.stderr)")
    }

    @Test func failedBuildLeavesPreviousOutputUntouched() throws {
        #expect(try fixture.dinh("build", "content", "--output", "public").status == 0)
        let before = Tools.tree(output)
        #expect(!before.isEmpty)
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "code: DP01", with: "code: bad code"))
        try fixture.write("heritage/den-moi/index.md", SiteFixture.relic.replacingOccurrences(of: "code: DP01", with: "code: DP09"))
        let result = try fixture.dinh("build", "content", "--output", "public")
        #expect(result.status == 1)
        #expect(Tools.tree(output) == before, "the previous site must stay exactly as it was")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path).filter { $0.contains("dinh") }
        #expect(leftovers.isEmpty, "no temporary folder is left: \(leftovers)")
    }

    /// The QR codes are drawn while the pages are written: when drawing fails (here the cache
    /// folder of drawn codes is a file), the build fails once both are done, and the previous
    /// site stays exactly as it was, with no temporary folder left.
    @Test func failedQRDrawingLeavesPreviousOutputUntouched() throws {
        #expect(try fixture.dinh("build", "content", "--output", "public").status == 0)
        let before = Tools.tree(output)
        try FileManager.default.removeItem(at: fixture.content.appendingPathComponent(".dinh-cache"))
        try fixture.write(".dinh-cache/qr", "in the way")
        let result = try fixture.dinh("build", "content", "--output", "public")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("QR code of DP01"), "\(result.stderr)")
        #expect(Tools.tree(output) == before, "the previous site must stay exactly as it was")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path).filter { $0.contains("dinh") }
        #expect(leftovers.isEmpty, "no temporary folder is left: \(leftovers)")
    }

    /// The English page of a relic without index.en.md shows the Vietnamese text marked `lang="vi"`
    /// under a notice in English; build and check warn once per missing translation and count them.
    @Test func missingTranslationIsMarkedAndCounted() throws {
        try fixture.remove("heritage/quan-phuong-tri/index.en.md")
        try fixture.remove("products/che-lam/index.en.md")
        let build = try fixture.dinh("build", "content", "--output", "public")
        #expect(build.status == 0, "\(build.stderr)")
        let relicWarning = "content/heritage/quan-phuong-tri/index.md:1:1: warning: not yet translated into English (en): write the translation in index.en.md"
        #expect(build.stderr.contains(relicWarning), "\(build.stderr)")
        #expect(build.stderr.contains("content/products/che-lam/index.md:1:1: warning: not yet translated into English (en)"))
        // The relic's English name and summary make it translated in part: its kind and address are told too.
        #expect(build.stderr.contains("content/heritage/quan-phuong-tri/index.md:6:7: warning: not yet translated into English (en): kind, address;"), "\(build.stderr)")
        #expect(build.stderr.contains("Not yet translated into English (en): 3"), "one count per language: \(build.stderr)")
        let english = try String(contentsOf: output.appendingPathComponent("en/heritage/quan-phuong-tri/index.html"), encoding: .utf8)
        #expect(english.contains("<div class=\"untranslated\" lang=\"vi\"><p class=\"untranslated-notice\" lang=\"en\">This text has not been translated into English yet; it is shown in the original (Tiếng Việt).</p>"))
        #expect(english.contains("Lịch sử của di tích."))
        let vietnamese = try String(contentsOf: output.appendingPathComponent("heritage/quan-phuong-tri/index.html"), encoding: .utf8)
        #expect(!vietnamese.contains("untranslated"), "the original is not marked")

        // With the translation: no warning, no notice.
        try fixture.write("heritage/quan-phuong-tri/index.en.md", SiteFixture.relicInEnglish)
        let check = try fixture.dinh("check", "content")
        #expect(!check.stderr.contains("quan-phuong-tri/index.md:1:1: warning"), "\(check.stderr)")
        #expect(check.stderr.contains("Not yet translated into English (en): 1"), "\(check.stderr)")
        #expect(try fixture.dinh("build", "content", "--output", "public").status == 0)
        let translated = try String(contentsOf: output.appendingPathComponent("en/heritage/quan-phuong-tri/index.html"), encoding: .utf8)
        #expect(!translated.contains("untranslated") && translated.contains("History of the temple."))
    }

    /// A warning said word for word of many files (a catalogue not yet translated) is printed for
    /// the first three and then counted, so it does not bury the others; `dinh check` prints all.
    @Test func aWarningOfManyFilesIsPrintedForAFewThenCounted() throws {
        for number in 1...7 {
            _ = try fixture.write("products/banh-\(number)/index.md", SiteFixture.product.replacingOccurrences(of: "code: HT42", with: "code: B\(number)"))
        }
        let warning = "warning: not yet translated into English (en): write the translation in index.en.md beside this file; "
            + "until then the English page shows this text, marked as not translated"
        let build = try fixture.dinh("build", "content", "--output", "public")
        #expect(build.status == 0, "\(build.stderr)")
        let lines = build.stderr.split(separator: "\n").map(String.init)
        let said = lines.filter { $0.hasSuffix(warning) }
        #expect(said == ["content/products/banh-1/index.md:1:1: \(warning)", "content/products/banh-2/index.md:1:1: \(warning)",
                         "content/products/banh-3/index.md:1:1: \(warning)"], "\(build.stderr)")
        // Right after the third: how many more, and where to see them.
        let more = lines.firstIndex { $0.hasSuffix("banh-3/index.md:1:1: \(warning)") }.map { lines[$0 + 1] }
        #expect(more == "  … and the same warning for 4 more files (`dinh check` lists every one)", "\(build.stderr)")
        // The other warnings and the counts are all there.
        #expect(build.stderr.contains("Not yet translated into English (en): 7"), "\(build.stderr)")
        #expect(build.stderr.contains("no 'gtin' and no 'brand'") && build.stderr.contains("the product has no photo"), "\(build.stderr)")

        let check = try fixture.dinh("check", "content")
        #expect(check.stderr.split(separator: "\n").filter { $0.hasSuffix(warning) }.count == 7, "\(check.stderr)")
        #expect(!check.stderr.contains("more files"), "\(check.stderr)")

        // In Vietnamese too.
        let vietnamese = try fixture.dinh("build", "content", "--output", "public", "--lang", "vi")
        #expect(vietnamese.stderr.contains("  … và cùng cảnh báo này cho 4 tệp khác (`dinh check` liệt kê đầy đủ)"), "\(vietnamese.stderr)")
    }

    @Test func twoBuildsAreByteIdentical() throws {
        #expect(try fixture.dinh("build", "content", "--output", "one").status == 0)
        #expect(try fixture.dinh("build", "content", "--output", "two").status == 0)
        let one = Tools.tree(fixture.directory.file("one")), two = Tools.tree(fixture.directory.file("two"))
        #expect(one.count > 10)
        #expect(one == two)
    }

    @Test func contentCannotInjectMarkup() throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic
            .replacingOccurrences(of: "  en: Phuong Tri Taoist Temple", with: "  en: \"<script>alert('x')</script>\"")
            .replacingOccurrences(of: "  en: An old Taoist temple beside Phuong Tri lake.", with: "  en: '\"><img src=x onerror=alert(1)>'")
            .replacingOccurrences(of: "Lịch sử của di tích.", with: "<script>alert(2)</script> [a](javascript:alert(3))"))
        #expect(try fixture.dinh("build", "content", "--output", "public").status == 0)
        let page = try String(contentsOf: output.appendingPathComponent("en/heritage/quan-phuong-tri/index.html"), encoding: .utf8)
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<img src=x"))
        #expect(!page.contains("javascript:"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") || page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;&#x2F;script&gt;") || page.contains("&lt;script&gt;"))
    }

    @Test func templateMistakesNameTheFileAndLine() throws {
        try fixture.write("theme/product.mustache", "<article>\n<h1>{{name}}</h1>\n{{#images}}\n<img src=\"{{src}}\" alt=\"\">\n</article>\n")
        try fixture.write("theme/page.mustache", "<article>{{> _missing}}</article>\n")
        let result = try fixture.dinh("build", "content", "--output", "public")
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/theme/product.mustache:3:1: error: this template has a Mustache error: the section {{#images}} is never closed with {{/images}}"), "\(result.stderr)")
        #expect(result.stderr.contains("content/theme/page.mustache:1:10: error: this template includes {{> _missing}}, but there is no template _missing.mustache"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aThemeTemplateFillsOneBlockOfTheBuiltInOne() throws {
        try fixture.write("theme/layout.mustache", "{{<built-in/layout}}\n{{$footer}}\n<footer class=\"site-footer\"><p>Chỉ phần chân trang</p></footer>\n{{/footer}}\n{{/built-in/layout}}\n")
        let result = try fixture.dinh("build", "content", "--output", "public")
        #expect(result.status == 0 && !result.stderr.contains("theme"), "\(result.stderr)")
        let page = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("<footer class=\"site-footer\"><p>Chỉ phần chân trang</p></footer>\n</body>"))
        #expect(page.contains("<header class=\"site-header\">"), "the rest of the layout is the built-in one")

        try fixture.write("theme/page.mustache", "<article>\n  {{> *kind}}\n</article>\n")
        try fixture.write("theme/product.mustache", "{{<base}}{{$main}}x{{/main}}{{/base}}\n")
        let errors = try fixture.dinh("build", "content", "--output", "public")
        #expect(errors.status == 1)
        #expect(errors.stderr.contains("content/theme/page.mustache:2:3: error: this template has a Mustache error: {{>*kind}}: dynamic names are not supported"), "\(errors.stderr)")
        #expect(errors.stderr.contains("content/theme/product.mustache:1:1: error: this template includes {{< base}}, but there is no template base.mustache"), "\(errors.stderr)")
    }

    /// `dinh` copied into another folder (a `bin` on the PATH) uses the theme folder beside it, as
    /// `make install` puts it; copied alone, the theme of the sources it was built from.
    @Test func aCopiedDinhFindsItsTheme() throws {
        let bin = fixture.directory.url.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let copy = bin.appendingPathComponent("dinh")
        try FileManager.default.copyItem(at: Tools.dinhBinary, to: copy)
        let alone = try Tools.run(copy.path, ["build", "content", "--output", "public", "--quiet"], in: fixture.directory.url)
        #expect(alone.status == 0, "\(alone.stderr)")
        let installed = bin.appendingPathComponent("Dinh_DinhSite.resources")
        try FileManager.default.copyItem(at: Tools.dinhBinary.deletingLastPathComponent().appendingPathComponent("Dinh_DinhSite.resources"), to: installed)
        let layout = installed.appendingPathComponent("Theme/layout.mustache")
        try (String(contentsOf: layout, encoding: .utf8).replacingOccurrences(of: "</body>", with: "<!-- installed theme --></body>"))
            .write(to: layout, atomically: true, encoding: .utf8)
        let beside = try Tools.run(copy.path, ["build", "content", "--output", "public", "--quiet"], in: fixture.directory.url)
        #expect(beside.status == 0, "\(beside.stderr)")
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("<!-- installed theme -->"))
    }

    @Test func outputMayNotBeTheContentFolder() throws {
        let before = Tools.tree(fixture.content)
        let result = try fixture.dinh("build", "content", "--output", "content")
        #expect(result.status == 1)
        #expect(result.stderr.contains("would overwrite the content"))
        #expect(Tools.tree(fixture.content) == before)
    }

    /// `--output` pointed at a folder of documents: refused before anything moves (a build
    /// replaces its whole output folder); a folder that is a website, or empty, is built into.
    @Test func outputFolderOfOtherFilesIsRefusedAndLeftAlone() throws {
        let documents = fixture.directory.file("TaiLieu")
        _ = try fixture.directory.write("TaiLieu/bao-cao.docx", "báo cáo")
        for language in ["en", "vi"] {
            let result = try fixture.dinh("build", "content", "--output", "TaiLieu", "--lang", language)
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains(language == "en" ? "holds files or folders that are not a website (such as bao-cao.docx)" : "đang chứa tệp hoặc thư mục không phải trang web (ví dụ bao-cao.docx)"),
                    "\(result.stderr)")
        }
        #expect(text(Tools.tree(documents)) == ["bao-cao.docx": "báo cáo"])
        let siblings = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.url.path)
        #expect(!siblings.contains { $0.hasPrefix(".TaiLieu") }, "nothing put aside: \(siblings)")

        // What `dinh qr` wrote is built over.
        #expect(try fixture.dinh("qr", "content", "--output", "printed").status == 0)
        #expect(try fixture.dinh("build", "content", "--output", "printed", "--quiet").status == 0)
        _ = try fixture.directory.write("empty/.DS_Store", "")
        #expect(try fixture.dinh("build", "content", "--output", "empty", "--quiet").status == 0)
        #expect(try fixture.dinh("build", "content", "--output", "empty", "--quiet").status == 0, "a site is rebuilt")
    }

    private func text(_ tree: [String: Data]) -> [String: String] { tree.mapValues { String(decoding: $0, as: UTF8.self) } }

    @Test func initMakesABuildableFolderAndNeverOverwrites() throws {
        #expect(try fixture.dinh("init", "fresh").status == 0)
        // Clean but for its example address, which the officer is told to replace.
        let check = try fixture.dinh("check", "fresh")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.hasPrefix("fresh/site.yaml:6:11: warning: 'base_url' is still the example address https://disan.ten-xa.example/")
                && check.stderr.contains("1 warning") && !check.stderr.contains("error"), "\(check.stderr)")
        let build = try fixture.dinh("build", "fresh", "--output", "fresh-out")
        #expect(build.status == 0, "\(build.stderr)")
        // Boards are not printed from it.
        let print = try fixture.dinh("qr", "fresh", "--output", "print")
        #expect(print.status == 1 && print.stderr.contains("nothing was printed: 'base_url' is still the example address"), "\(print.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.file("print").path))
        let site = fixture.directory.file("fresh/site.yaml")
        try String(contentsOf: site, encoding: .utf8).replacingOccurrences(of: "https://disan.ten-xa.example/", with: "https://disan.mau.gov.vn/")
            .write(to: site, atomically: true, encoding: .utf8)
        let printed = try fixture.dinh("qr", "fresh", "--output", "print")
        #expect(printed.status == 0 && printed.stdout.contains("print"), "\(printed.stderr)")
        // As `dinh build -q`: nothing but problems, for scripts.
        let quiet = try fixture.dinh("qr", "fresh", "--output", "print", "-q")
        #expect(quiet.status == 0 && quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(quiet.stdout)\(quiet.stderr)")
        let again = try fixture.dinh("init", "fresh")
        #expect(again.status == 2)
        #expect(again.stderr.contains("not empty"))
    }

    /// The first day: `dinh init`'s example relic is built, then replaced by the officer's own,
    /// its code changed. Nothing can be printed from the example address, so nothing was locked:
    /// the build passes (the lock blocked it twice, and said to edit a file marked "do not edit").
    @Test func theExampleRelicIsReplacedFreelyWhileTheAddressIsTheExample() throws {
        #expect(try fixture.dinh("init", "fresh").status == 0)
        #expect(try fixture.dinh("build", "fresh", "--output", "out").status == 0)
        let lock = fixture.directory.file("fresh/codes.lock")
        #expect(!FileManager.default.fileExists(atPath: lock.path))
        let old = fixture.directory.file("fresh/heritage/dinh-lang"), new = fixture.directory.file("fresh/heritage/chua-tan-hoi")
        try FileManager.default.moveItem(at: old, to: new)
        let page = new.appendingPathComponent("index.md")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "code: DL01", with: "code: TH01").write(to: page, atomically: true, encoding: .utf8)
        let rebuilt = try fixture.dinh("build", "fresh", "--output", "out")
        #expect(rebuilt.status == 0 && !rebuilt.stderr.contains("error"), "\(rebuilt.stderr)")
        #expect(rebuilt.stderr.contains("no code is recorded as printed yet"))
        // With the real address, codes are recorded from then on.
        let site = fixture.directory.file("fresh/site.yaml")
        try String(contentsOf: site, encoding: .utf8).replacingOccurrences(of: "https://disan.ten-xa.example/", with: "https://disan.mau.gov.vn/")
            .write(to: site, atomically: true, encoding: .utf8)
        #expect(try fixture.dinh("build", "fresh", "--output", "out").status == 0)
        #expect(try String(contentsOf: lock, encoding: .utf8).contains("TH01 heritage/chua-tan-hoi"))
    }

    /// Run from inside the content folder, the officer is told so (not "create one with dinh
    /// init"), and a site asked for inside the content is pointed beside it.
    @Test func runFromInsideTheContentFolder() throws {
        let inside = try Tools.run(Tools.dinhBinary.path, ["build"], in: fixture.content)
        #expect(inside.status == 1 && inside.stderr.contains("there is no folder content here, but site.yaml is") && !inside.stderr.contains("dinh init"),
                "\(inside.stderr)")
        let here = try Tools.run(Tools.dinhBinary.path, ["build", "."], in: fixture.content)
        #expect(here.status == 1 && here.stderr.contains("is inside the content folder") && here.stderr.contains("--output \(fixture.directory.url.resolvingSymlinksInPath().path)/public"),
                "\(here.stderr)")
        #expect(try Tools.run(Tools.dinhBinary.path, ["build", ".", "--output", "../public"], in: fixture.content).status == 0)
    }

    @Test func checkReportsWithoutWriting() throws {
        try fixture.write("producers/htx-che-lam.yaml", "name: HTX\nkind: coop\n")
        let result = try fixture.dinh("check", "content")
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/producers/htx-che-lam.yaml:2:7: error: 'kind' must be one of cooperative, enterprise, household"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// A text's link to a page that is not there: one message, with the page meant, a warning of
    /// the build and an error of the check.
    @Test func aTextsDeadLinkIsToldOnce() throws {
        try fixture.write("pages/huong-dan/index.md", "---\ntitle: Hướng dẫn\n---\nXem [chè](../../products/che-lamm/).\n")
        let told = "content/pages/huong-dan/index.md:4:1: %@: the link '../../products/che-lamm/' leads nowhere: the content has no products/che-lamm (renamed, or removed?); did you mean '../../products/che-lam/'?"
        let build = try fixture.dinh("build", "content", "--output", "public")
        #expect(build.status == 0 && build.stderr.contains(told.replacingOccurrences(of: "%@", with: "warning")), "\(build.stderr)")
        let check = try fixture.dinh("check", "content")
        #expect(check.status == 1 && check.stderr.contains(told.replacingOccurrences(of: "%@", with: "error")), "\(check.stderr)")
        #expect(check.stderr.split(separator: "\n").filter { $0.contains("che-lamm") }.count == 1, "one message: \(check.stderr)")
    }

    @Test func checkFindsBrokenLinksAndWritesNothing() throws {
        try fixture.write("theme/page.mustache", "<article><h1>{{title}}</h1><a href=\"{{root}}khong-co/\">x</a>{{{body}}}</article>\n")
        try fixture.write("pages/huong-dan/index.md", "---\ntitle: Hướng dẫn\n---\nXin chào.\n")
        // A complete product (with a photo and a brand), so only the link is wrong.
        let photo = fixture.content.appendingPathComponent("products/che-lam/anh.jpg").path
        #expect(try Tools.run("/usr/bin/convert", ["-size", "800x800", "gradient:orange-brown", photo]).status == 0)
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(
            of: "price: 45000", with: "price: 45000\nbrand: Chè lam\nimages: [anh.jpg]"))
        let before = Tools.tree(fixture.content)
        let result = try fixture.dinh("check", "content")
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/pages/huong-dan/index.md"), "\(result.stderr)")
        #expect(result.stderr.contains("khong-co"), "\(result.stderr)")
        // Only the processed-media cache may be filled (it makes the next build faster).
        #expect(Tools.tree(fixture.content).filter { !$0.key.hasPrefix(".dinh-cache/") } == before, "check writes nothing, not even codes.lock")
    }
}
