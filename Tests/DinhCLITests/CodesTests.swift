import DinhTestSupport
import Foundation
import Testing

/// Printed codes never die: the lock file, moves, retirements, and the QR images a phone decodes.
@Suite struct CodesTests {
    let fixture: SiteFixture

    init() throws { fixture = try SiteFixture() }

    var output: URL { fixture.directory.file("public") }
    var lock: URL { fixture.content.appendingPathComponent("codes.lock") }

    func build() throws -> ProcessResult { try fixture.dinh("build", "content", "--output", "public", "--quiet") }

    func page(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }

    @Test func buildRecordsCodesAndTheLockIsByteStable() throws {
        #expect(try build().status == 0)
        let first = try Data(contentsOf: lock)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("DP01 heritage/quan-phuong-tri\n"))
        #expect(text.contains("HT42 products/che-lam\n"))
        #expect(try build().status == 0)
        #expect(try Data(contentsOf: lock) == first)
    }

    var drawings: URL { fixture.content.appendingPathComponent(".dinh-cache/qr") }

    /// The files in the cache of drawings, by name.
    func cachedFiles() throws -> [String: Data] {
        try Dictionary(uniqueKeysWithValues: FileManager.default.contentsOfDirectory(atPath: drawings.path).map {
            ($0, try Data(contentsOf: drawings.appendingPathComponent($0)))
        })
    }

    /// A pack's drawings: each one's key and where its bytes lie (`DrawingCache`'s format, read
    /// here independently).
    func entries(_ pack: Data) throws -> [(key: String, range: Range<Int>)] {
        let bytes = [UInt8](pack)
        let header = Array("dinh-qr-pack 1\n".utf8)
        try #require(Array(bytes.prefix(header.count)) == header)
        var found: [(key: String, range: Range<Int>)] = [], offset = header.count
        while offset < bytes.count {
            let newline = try #require(bytes[offset...].firstIndex(of: 0x0A))
            let fields = String(decoding: bytes[offset..<newline], as: UTF8.self).split(separator: " ")
            let length = try #require(Int(fields[1]))
            found.append((String(fields[0]), (newline + 1)..<(newline + 1 + length)))
            offset = newline + 1 + length
        }
        return found
    }

    /// A first build keeps its drawings in one pack; a rebuild draws nothing and writes nothing there.
    @Test func drawingsAreKeptInOnePack() throws {
        // What older versions left: a drawing per file, and an unfinished pack of a stopped build.
        try fixture.write(".dinh-cache/qr/00026fc13408123b", "an old drawing")
        try fixture.write(".dinh-cache/qr/.pack-A5-999999999-5f3a", "unfinished")
        // And a pack another build (here process 1, always running) is writing: left alone.
        try fixture.write(".dinh-cache/qr/.pack-A5-1-77", "being written")
        #expect(try build().status == 0)
        #expect(try cachedFiles()[".pack-A5-1-77"] != nil)
        try FileManager.default.removeItem(at: drawings.appendingPathComponent(".pack-A5-1-77"))
        let first = try cachedFiles()
        #expect(first.count == 1 && first.keys.first?.hasPrefix("pack-") == true, "\(first.keys.sorted())")
        #expect(try entries(try #require(first.values.first)).count == 2, "the relic's drawing and the product's (with its payment code)")
        let site = Tools.tree(output)
        #expect(try build().status == 0)
        #expect(try cachedFiles() == first)
        #expect(Tools.tree(output) == site)
    }

    /// A drawing damaged in its pack (bytes changed; the pack cut short) is drawn again, the site
    /// is the same, and the next build finds every drawing whole.
    @Test func aDamagedQRDrawingInTheCacheIsDrawnAgain() throws {
        #expect(try build().status == 0)
        let before = Tools.tree(output)
        let (name, pack) = try #require(try cachedFiles().first)
        let found = try entries(pack)
        try #require(found.count >= 2, "a relic and a product")
        var bytes = pack
        // A hole of zeros in the first drawing, and the last one cut short.
        let hole = found[0].range.lowerBound + found[0].range.count / 2
        bytes.replaceSubrange(hole..<(hole + 100), with: Data(count: 100))
        bytes = bytes.prefix(found[found.count - 1].range.lowerBound + 50)
        try bytes.write(to: drawings.appendingPathComponent(name))
        let result = try build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Tools.tree(output) == before, "the same site, from drawings made again")
        // Both drawings were made again, so the damaged pack held nothing used: it is gone.
        let mended = try cachedFiles()
        #expect(mended.count == 1 && mended[name] == nil, "\(mended.keys.sorted())")
        let redrawn = try entries(try #require(mended.values.first)).map(\.key)
        #expect(Set(redrawn) == [found[0].key, found[found.count - 1].key])
        #expect(try build().status == 0)
        #expect(try cachedFiles() == mended, "nothing drawn again")
    }

    /// Boards printed at another size now and then (`dinh qr --size A4`) keep their own pack and
    /// leave the site's alone: the next build draws nothing.
    @Test func boardsOfAnotherSizeKeepTheSitesDrawings() throws {
        #expect(try build().status == 0)
        let site = try cachedFiles()
        let printed = try fixture.dinh("qr", "content", "--output", "print", "--size", "A4")
        #expect(printed.status == 0, "\(printed.stderr)")
        let both = try cachedFiles()
        #expect(both.count == 2 && site.allSatisfy { both[$0.key] == $0.value }, "\(both.keys.sorted())")
        #expect(both.keys.contains { $0.hasPrefix("pack-A4-") })
        #expect(try build().status == 0)
        #expect(try fixture.dinh("qr", "content", "--output", "print", "--size", "A4").status == 0)
        #expect(try cachedFiles() == both, "nothing drawn again, nothing dropped")
    }

    /// What lies in the cache under a pack's name without being one (another format, a length past
    /// its end, a negative length, a folder, a named pipe) is read as holding no drawing: the
    /// build draws what it needs, never waits on the pipe, and makes the same site.
    @Test func namesOfPacksThatAreNotPacksAreIgnored() throws {
        #expect(try build().status == 0)
        let site = Tools.tree(output)
        try FileManager.default.removeItem(at: drawings)
        try fixture.write(".dinh-cache/qr/pack-other", "not a pack\n")
        try fixture.write(".dinh-cache/qr/pack-past-its-end", "dinh-qr-pack 1\nabc 99999999999\nxyz")
        try fixture.write(".dinh-cache/qr/pack-negative", "dinh-qr-pack 1\nabc -5\n")
        try fixture.write(".dinh-cache/qr/pack-no-line-end", "dinh-qr-pack 1\n" + String(repeating: "a", count: 500))
        try FileManager.default.createDirectory(at: drawings.appendingPathComponent("pack-folder"), withIntermediateDirectories: true)
        #expect(mkfifo(drawings.appendingPathComponent("pack-pipe").path, 0o644) == 0)
        let result = try build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Tools.tree(output) == site)
    }

    /// When most kept drawings are no longer used (here the publisher's name, on every board,
    /// changed), the build keeps what it uses in its own pack and removes the others.
    @Test func unusedDrawingsAreDropped() throws {
        #expect(try build().status == 0)
        let old = try cachedFiles()
        try fixture.write("site.yaml", SiteFixture.siteYAML.replacingOccurrences(of: "UBND huyện", with: "UBND huyện Đan Phượng"))
        #expect(try build().status == 0)
        let now = try cachedFiles()
        #expect(now.count == 1 && Set(now.keys).isDisjoint(with: old.keys), "\(old.keys.sorted()) → \(now.keys.sorted())")
        #expect(try entries(try #require(now.values.first)).count == 2)
    }

    @Test func removedCodeFailsTheBuildNamingCodeAndLock() throws {
        #expect(try build().status == 0)
        let before = Tools.tree(output)
        try fixture.remove("heritage/quan-phuong-tri")
        let result = try build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/codes.lock:"), "\(result.stderr)")
        #expect(result.stderr.contains("DP01"))
        #expect(Tools.tree(output) == before, "the published site stays as it was")
    }

    /// A new relic given a code whose boards are printed for another is the one told to change,
    /// whichever file sorts first (the officer was told to change the printed one).
    @Test func aDuplicateCodeIsToldAtThePageWhoseBoardsAreNotPrinted() throws {
        #expect(try build().status == 0)
        try fixture.write("heritage/den-hat-mon/index.md", SiteFixture.relic.replacingOccurrences(of: "Quán Phương Trì", with: "Đền Hát Môn"))
        let result = try build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/heritage/den-hat-mon/index.md:2:7: error: the code DP01 is already used by content/heritage/quan-phuong-tri/index.md"),
                "\(result.stderr)")
    }

    /// A relic's folder renamed after its code was printed: its old address keeps opening it (links
    /// shared on Zalo, bookmarks, search engines' results), in each language, and links to the old
    /// folder in the content are told with the new one (the lock knows which folder the code opened).
    @Test func aRenamedRelicsOldAddressOpensItAndLinksToItAreTold() throws {
        #expect(try build().status == 0)
        try FileManager.default.moveItem(at: fixture.content.appendingPathComponent("heritage/quan-phuong-tri"),
                                         to: fixture.content.appendingPathComponent("heritage/quan-dao-giao-phuong-tri"))
        try fixture.write("pages/huong-dan/index.md", "---\ntitle: Hướng dẫn\n---\nXem [quán](../../heritage/quan-phuong-tri/).\n")
        let told = "content/pages/huong-dan/index.md:4:1: warning: the link '../../heritage/quan-phuong-tri/' leads to the old address of heritage/quan-dao-giao-phuong-tri, whose folder was renamed: the old address still opens the page, but link the new one: '../../heritage/quan-dao-giao-phuong-tri/'"
        for run in 1...2 {
            let built = try build()
            #expect(built.status == 0)
            #expect(built.stderr.contains(told), "build \(run): \(built.stderr)")
            #expect(try String(contentsOf: lock, encoding: .utf8).contains("DP01 heritage/quan-dao-giao-phuong-tri was heritage/quan-phuong-tri\n"))
            let old = try page("heritage/quan-phuong-tri/index.html"), oldEnglish = try page("en/heritage/quan-phuong-tri/index.html")
            #expect(old.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../heritage/quan-dao-giao-phuong-tri/\">"), "\(old)")
            #expect(oldEnglish.contains("<html lang=\"en\">") && oldEnglish.contains("url=../../../en/heritage/quan-dao-giao-phuong-tri/"), "\(oldEnglish)")
            #expect(!(try page("sitemap.xml")).contains("quan-phuong-tri/"), "search engines are given the new address only")
        }
        // Copied from the browser's address bar, the site's own address in full is told too (it
        // needs the network; from a USB stick it opens the site online), with the link to write:
        // one message a link, whose advice leads to the page.
        try fixture.write("pages/huong-dan/index.md", "---\ntitle: Hướng dẫn\n---\nXem [quán](https://disan.example.vn/heritage/quan-phuong-tri/#lich-su) "
            + "và [chè](http://www.disan.example.vn/products/che-lam), [báo](https://baohanoi.vn/heritage/x/),\n"
            + "[chè lam](../../products/che-lam), [HTX](products/che-lam/), [lễ hội](/pages/le-hoi/).\n")
        let full = try build()
        #expect(full.status == 0)
        let links = full.stderr.split(separator: "\n").filter { $0.contains("huong-dan/index.md:") && $0.contains("link") }
        #expect(Set(links) == Set([
            "content/pages/huong-dan/index.md:4:1: warning: the link 'https://disan.example.vn/heritage/quan-phuong-tri/#lich-su' leads to the old address of heritage/quan-dao-giao-phuong-tri, whose folder was renamed: the old address still opens the page, but link the new one: '../../heritage/quan-dao-giao-phuong-tri/#lich-su'",
            "content/pages/huong-dan/index.md:4:1: warning: the link 'http://www.disan.example.vn/products/che-lam' names this site by its full address: it needs the network, and from a USB stick it opens the site online; write '../../products/che-lam/'",
            "content/pages/huong-dan/index.md:5:1: warning: the link '../../products/che-lam' leads to a page's folder without its final /: opened from a folder or a USB stick, it shows the folder's files instead of the page; write '../../products/che-lam/'",
            "content/pages/huong-dan/index.md:5:1: warning: the link 'products/che-lam/' leads nowhere: the content has no pages/huong-dan/products/che-lam beside this page; did you mean '../../products/che-lam/'?",
            "content/pages/huong-dan/index.md:5:1: warning: the link '/pages/le-hoi/' leads nowhere: the content has no pages/le-hoi (renamed, or removed?); did you mean '../../pages/le-hoi/'?",
        ].map { Substring($0) }), "\(full.stderr)")
        // Fixed, the link is not told; the old address stays.
        try fixture.write("pages/huong-dan/index.md", "---\ntitle: Hướng dẫn\n---\nXem [quán](../../heritage/quan-dao-giao-phuong-tri/).\n")
        let fixed = try build()
        #expect(fixed.status == 0 && !fixed.stderr.contains("old address"), "\(fixed.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("heritage/quan-phuong-tri/index.html").path))
        // A new relic in the old folder: the address is its page now.
        try fixture.write("heritage/quan-phuong-tri/index.md", "---\ncode: DP05\nname: Quán mới\nkind: quán\naddress: Đan Phượng, Hà Nội\n---\nMới.\n")
        let newer = try build()
        #expect(newer.status == 0, "\(newer.stderr)")
        #expect(try page("heritage/quan-phuong-tri/index.html").contains("Quán mới"))
        #expect(try String(contentsOf: lock, encoding: .utf8).contains("DP01 heritage/quan-dao-giao-phuong-tri\n"))
    }

    /// A district moving its site to another address (its .gov.vn portal) is told that the boards
    /// on the gates carry the old one, at base_url's line; a build for a test address is not.
    @Test func aNewSiteAddressIsToldWithTheOneTheBoardsCarry() throws {
        #expect(try build().status == 0)
        #expect(try String(contentsOf: lock, encoding: .utf8).contains("# address: https://disan.example.vn/\n"))
        let test = try fixture.dinh("build", "content", "--output", "test-site", "--base-url", "https://thu.example.vn/")
        #expect(test.status == 0 && !test.stderr.contains("boards printed so far"), "\(test.stderr)")
        #expect(try String(contentsOf: lock, encoding: .utf8).contains("# address: https://disan.example.vn/\n"))
        try fixture.write("site.yaml", SiteFixture.siteYAML.replacingOccurrences(of: "https://disan.example.vn/", with: "https://danphuong.hanoi.gov.vn/di-san/"))
        let moved = try build()
        #expect(moved.status == 0)
        #expect(moved.stderr.contains("content/site.yaml:4:11: warning: the boards printed so far carry the address https://disan.example.vn/"), "\(moved.stderr)")
        #expect(!(try build()).stderr.contains("boards printed so far"), "told once")
    }

    @Test func movedCodeLandsOnTheNewItem() throws {
        #expect(try build().status == 0)
        try fixture.remove("heritage/quan-phuong-tri")
        try fixture.write("site.yaml", SiteFixture.siteYAML + "\nmoved_codes:\n  DP01: HT42\n")
        let result = try build()
        #expect(result.status == 0, "\(result.stderr)")
        let landing = try page("q/DP01/index.html")
        #expect(landing.contains("url=../../products/che-lam/"), "\(landing)")
        #expect(try String(contentsOf: lock, encoding: .utf8).contains("DP01 moved HT42"))
        // A move to nothing is told at its own line of site.yaml.
        try fixture.write("site.yaml", SiteFixture.siteYAML + "\nmoved_codes:\n  DP01: HT99\n")
        #expect(try build().stderr.contains("content/site.yaml:10:9: error:"))
        // The sheet prints the product's own board, not a second one with its old code.
        let sheet = try page("qr/index.html")
        #expect(sheet.contains("id=\"HT42\"") && !sheet.contains("id=\"DP01\""))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("qr/DP01.png").path), "the old code's image stays")
    }

    /// A code opens an item in the visitor's language only where its text is written in it: a
    /// Vietnamese text under English menus helps no one who reads the code's board in Vietnamese.
    @Test func landingOffersOnlyTheLanguagesTheTextIsWrittenIn() throws {
        try fixture.remove("heritage/quan-phuong-tri/index.en.md")
        #expect(try build().status == 0)
        #expect(try page("q/DP01/index.html").contains("var t={\"vi\":\"../../heritage/quan-phuong-tri/\"},l="))
        try fixture.write("heritage/quan-phuong-tri/index.en.md", "History of the temple.\n")
        #expect(try build().status == 0)
        #expect(try page("q/DP01/index.html").contains("var t={\"vi\":\"../../heritage/quan-phuong-tri/\",\"en\":\"../../en/heritage/quan-phuong-tri/\"},l="))
    }

    @Test func retiredCodeSaysSoKindly() throws {
        #expect(try build().status == 0)
        try fixture.remove("heritage/quan-phuong-tri")
        try fixture.write("site.yaml", SiteFixture.siteYAML + "\nretired_codes:\n  DP01: Di tích đang trùng tu\n")
        #expect(try build().status == 0)
        let landing = try page("q/DP01/index.html")
        #expect(landing.contains("Mã này không còn được sử dụng"))
        #expect(landing.contains("Di tích đang trùng tu"))
        #expect(landing.contains("href=\"../../\""), "links to the home page")
        #expect(!landing.contains("http-equiv=\"refresh\""))
        // A reason given in both languages is shown in both.
        try fixture.write("site.yaml", SiteFixture.siteYAML + "\nretired_codes:\n  DP01: {vi: Di tích đang trùng tu, en: The temple is being restored}\n")
        #expect(try build().status == 0)
        let both = try page("q/DP01/index.html")
        #expect(both.contains("<p>Di tích đang trùng tu</p>") && both.contains("<p lang=\"en\">The temple is being restored <a href="), "\(both)")
        #expect(!both.contains("ngừng giới thiệu") && !both.contains("no longer presented"), "the reason says more than the general words")
    }

    @Test func qrImageDecodesToAnAddressTheSiteServes() throws {
        #expect(try build().status == 0)
        let decoded = try Tools.run("/usr/bin/zbarimg", ["-q", "--raw", output.appendingPathComponent("qr/DP01.png").path])
        let url = decoded.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(url == "HTTPS://DISAN.EXAMPLE.VN/Q/DP01", "short alphanumeric form")
        let path = String(url.dropFirst("HTTPS://DISAN.EXAMPLE.VN/".count))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("\(path)/index.html").path))
        #expect(try page("Q/DP01/index.html") == page("q/DP01/index.html"))
    }

    /// A name too long for its board is printed cut ("…"): said by the build and by `dinh qr`.
    @Test func nameTooLongForItsBoardIsAWarning() throws {
        let long = "Đình, chùa và miếu Thượng Thụy — di tích lịch sử văn hoá cấp quốc gia đặc biệt của huyện Đan Phượng, thành phố Hà Nội"
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "vi: Quán Phượng Trì", with: "vi: \(long)"))
        let built = try build()
        #expect(built.status == 0)
        // At the name's own line (it was the code's).
        #expect(built.stderr.contains("content/heritage/quan-phuong-tri/index.md:4:7: warning: the Vietnamese name is too long for the QR board of DP01 (A5) and is printed cut: 'Đình, chùa"),
                "\(built.stderr)")
        // An English name too long, in the translation file: pointed at there.
        try fixture.write("heritage/quan-phuong-tri/index.en.md", "---\nname: \(String(repeating: "Dai Phung Communal House ", count: 5))\n---\nHistory.\n")
        #expect(try build().stderr.contains("content/heritage/quan-phuong-tri/index.en.md:2:7: warning: the English name is too long"), "English")
        #expect(built.stderr.contains("a board has room for about 105 characters of it (on every paper size): shorten it"), "\(built.stderr)")
        #expect(try fixture.dinh("qr", "content", "--output", "print", "--size", "A3").stderr.contains("QR board of DP01 (A3) and is printed cut"))
    }

    @Test func qrCommandWritesOnlyCodes() throws {
        let result = try fixture.dinh("qr", "content", "--output", "public")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("DP01: version"))
        let files = Tools.tree(output).keys.sorted()
        #expect(files.allSatisfy { $0.hasPrefix("qr/") }, "\(files)")
        #expect(files.contains("qr/index.html") && files.contains("qr/HT42.svg") && files.contains("qr/HT42-placard.svg"))
        // A3, for a board at a gate: the placard drawn on 297 × 420 mm, the sheet printed on A3.
        let big = try fixture.dinh("qr", "content", "--output", "public", "--size", "a3")
        #expect(big.status == 0, "\(big.stderr)")
        #expect(try page("qr/DP01-placard.svg").contains("viewBox=\"0 0 297 420\""))
        #expect(try page("qr/index.html").contains("@page { size: 297mm 420mm;"))
        #expect(try fixture.dinh("qr", "content", "--size", "B5").stderr.contains("--size must be A3, A4, A5 or A6"))
    }

    /// One board to print: named after the content folder (in capitals or not), it gets a sheet of
    /// its own beside the sheet of all; a code the site has not, or a code in the folder's place, is told.
    @Test func qrCommandPrintsTheBoardsNamed() throws {
        let result = try fixture.dinh("qr", "content", "ht42")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("To print only this board: open public/qr/print.html"), "\(result.stdout)")
        // Only the board asked for is told of, though every code is drawn.
        #expect(result.stdout.contains("HT42: version") && !result.stdout.contains("DP01: version"), "\(result.stdout)")
        #expect(result.stdout.contains("Wrote 2 QR codes"), "\(result.stdout)")
        let sheet = try page("qr/print.html"), all = try page("qr/index.html")
        #expect(sheet.components(separatedBy: "<section").count == 2 && sheet.contains("id=\"HT42\""), "\(sheet)")
        // A board hangs for years: its stars say the years their certificate holds.
        let board = try page("qr/HT42-placard.svg")
        #expect(board.contains("OCOP 4 sao · 4-star OCOP (2025–2028)"), "\(board)")
        #expect(all.contains("id=\"DP01\"") && all.contains("id=\"HT42\""))
        let unknown = try fixture.dinh("qr", "content", "HT24")
        #expect(unknown.status == 1 && unknown.stderr.contains("error: no page of this site has the code HT24; did you mean HT42?"), "\(unknown.stderr)")
        let misplaced = try fixture.dinh("qr", "HT42")
        #expect(misplaced.status != 0 && misplaced.stderr.contains("HT42 is a code, not a content folder: write the folder first, `dinh qr content HT42`"), "\(misplaced.stderr)")
    }

    /// A site build leaves the boards to the printable sheet: one file less per code than `dinh qr`.
    @Test func buildLeavesPlacardFilesToTheQRCommand() throws {
        #expect(try build().status == 0)
        let files = Tools.tree(output).keys
        #expect(files.contains("qr/HT42.png") && files.contains("qr/HT42.svg") && files.contains("qr/index.html"))
        #expect(!files.contains { $0.hasSuffix("-placard.svg") }, "\(files.sorted())")
        #expect(try page("qr/index.html").contains("id=\"HT42\""))
    }
}
