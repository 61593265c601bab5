import DinhContent
import DinhCore
@testable import DinhImport
import DinhTestSupport
import Foundation
import Testing

/// Old Vietnamese spreadsheets: TCVN3 (ABC) and VNI text, and CSV files in Windows-1258 or TCVN3 bytes.
@Suite struct LegacyVietnameseTests {
    /// The 134 precomposed Vietnamese letters outside ASCII (67 lower-case, 67 capitals).
    static let lower = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    static var upper: String { lower.uppercased() }

    @Test func the134LettersRoundTrip() throws {
        #expect(Self.lower.count == 67 && Self.upper.count == 67 && Set(Self.lower + Self.upper).count == 134)
        for letter in Self.lower + Self.upper {
            let text = String(letter)
            // VNI has every letter, capitals included.
            let vni = try #require(LegacyVietnamese.toVNI(text), "\(text)")
            #expect(LegacyVietnamese.fromVNI(vni) == text, "VNI \(text) → \(vni)")
            #expect(LegacyVietnamese.fromVNI("x" + vni + "x") == "x" + text + "x")
            // TCVN3: lower-case letters (and Ă Â Ê Ô Ơ Ư Đ) in .VnTime; every capital in .VnTimeH.
            if letter.isLowercase || "ĂÂÊÔƠƯĐ".contains(letter) {
                let tcvn = try #require(LegacyVietnamese.toTCVN3(text), "\(text)")
                #expect(LegacyVietnamese.fromTCVN3(tcvn) == text, "TCVN3 \(text) → \(tcvn)")
            } else {
                #expect(LegacyVietnamese.toTCVN3(text) == nil, "\(text) has no glyph in .VnTime")
            }
            if letter.isUppercase {
                let tcvn = try #require(LegacyVietnamese.toTCVN3(text, capitals: true), "\(text)")
                #expect(LegacyVietnamese.fromTCVN3(tcvn, capitals: true) == text, "TCVN3 capitals \(text) → \(tcvn)")
            }
        }
        // Whole strings, letters next to each other.
        for text in [Self.lower, "Đình Hạ Mỗ, Quán Phượng Trì: rượu, ngưỡng, khuỷu, nghiêng"] {
            #expect(LegacyVietnamese.fromVNI(try #require(LegacyVietnamese.toVNI(text))) == text)
            #expect(LegacyVietnamese.fromTCVN3(try #require(LegacyVietnamese.toTCVN3(text))) == text)
        }
        #expect(LegacyVietnamese.fromVNI(try #require(LegacyVietnamese.toVNI(Self.upper))) == Self.upper)
        #expect(LegacyVietnamese.fromTCVN3(try #require(LegacyVietnamese.toTCVN3(Self.upper, capitals: true)), capitals: true) == Self.upper)
        // Every letter has its own code.
        #expect(Set(Self.lower.map { LegacyVietnamese.toTCVN3(String($0)) }).count == 67)
        #expect(Set((Self.lower + Self.upper).map { LegacyVietnamese.toVNI(String($0)) }).count == 134)
    }

    /// glibc's TCVN5712-1 converter (VN1, whose lower-case letters and seven capitals are VN3's)
    /// reads every byte of the table as the same letter.
    @Test func tcvn3TableAgreesWithGlibc() throws {
        let bytes = LegacyVietnamese.tcvn3Table.keys.sorted()
        #expect(bytes.count == 74)
        let folder = try TemporaryDirectory()
        var data = Data()
        for byte in bytes { data += [byte, 0x0A] }
        try folder.write("bytes.txt", data)
        let iconv = try Tools.require("/usr/bin/iconv")
        let result = try Tools.run(iconv, ["-f", "TCVN5712-1", "-t", "UTF-8", "bytes.txt"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        let letters = result.stdout.split(separator: "\n").map(String.init)
        #expect(letters == bytes.map { String(LegacyVietnamese.tcvn3Table[$0]!) })
    }

    /// Python's cp1258 codec reads every byte as our Windows-1258 table does.
    @Test func windows1258AgreesWithPython() throws {
        let folder = try TemporaryDirectory()
        try folder.write("dump.py", """
        import unicodedata
        out = []
        for b in range(0x80, 0x100):
            try: out.append("%02X %s" % (b, unicodedata.normalize("NFC", bytes([b]).decode("cp1258")).encode("unicode_escape").decode()))
            except UnicodeDecodeError: out.append("%02X -" % b)
        print("\\n".join(out))
        """)
        let result = try Tools.run("/bin/sh", ["-c", "\(Tools.python) dump.py"], in: folder.url)
        #expect(result.status == 0, "\(result.stderr)")
        var checked = 0
        for line in result.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let byte = UInt8(parts[0], radix: 16), parts[1] != "-" else { continue }
            let ours = LegacyVietnamese.decodeWindows1258(bytes: Data([byte]))
            let escaped = ours.unicodeScalars.map { $0.value < 0x80 ? String($0) : ($0.value < 0x100 ? String(format: "\\x%02x", $0.value) : String(format: "\\u%04x", $0.value)) }.joined()
            #expect(escaped == String(parts[1]), "byte \(parts[0])")
            checked += 1
        }
        #expect(checked == 119, "every byte but the nine Windows-1258 leaves undefined")
    }

    /// Text as it shows in a Unicode program, written by hand from the published layouts.
    @Test func knownPairs() {
        for (legacy, unicode) in [("Ninh B×nh", "Ninh Bình"), ("Hµ Néi", "Hà Nội"), ("ChÌ lam Phñ Qu¶ng", "Chè lam Phủ Quảng"),
                                  ("§×nh H¹ Mç", "Đình Hạ Mỗ"), ("Qu¸n Ph­îng Tr×", "Quán Phượng Trì"), ("45.000®", "45.000đ"),
                                  ("Hîp t¸c x· ¡n uèng", "Hợp tác xã Ăn uống")] {
            #expect(LegacyVietnamese.fromTCVN3(legacy) == unicode, "\(legacy)")
        }
        #expect(LegacyVietnamese.fromTCVN3("§×NH H¹ Mç", capitals: true) == "ĐÌNH HẠ MỖ")
        #expect(LegacyVietnamese.fromTCVN3("chÌ lam", capitals: true) == "CHÈ LAM")
        for (legacy, unicode) in [("Haø Noäi", "Hà Nội"), ("Cheø lam Phuû Quaûng", "Chè lam Phủ Quảng"), ("Vieät Nam", "Việt Nam"),
                                  ("tænh Thanh Hoùa", "tỉnh Thanh Hóa"), ("nghóa", "nghĩa"), ("Nguyeãn Thò", "Nguyễn Thị"),
                                  ("Ñình Haï Moã", "Đình Hạ Mỗ"), ("Quaùn Phöôïng Trì", "Quán Phượng Trì"), ("HAØ NOÄI", "HÀ NỘI"),
                                  ("ÑAËC SAÛN", "ĐẶC SẢN"), ("Möôøng Khöông", "Mường Khương"), ("kyû nieäm", "kỷ niệm")] {
            #expect(LegacyVietnamese.fromVNI(legacy) == unicode, "\(legacy)")
        }
        // Unicode text and text with letters no legacy font has are left alone.
        #expect(LegacyVietnamese.fromTCVN3("Mật ong") == nil && LegacyVietnamese.fromVNI("Phượng") == nil)
    }

    @Test func lettersTellLegacyTextAndNothingElse() {
        for (text, encoding, unicode) in [("Ninh B×nh", LegacyEncoding.tcvn3, "Ninh Bình"), ("Haø Noäi", .vni, "Hà Nội"),
                                          ("B¸nh ®a Kinh Thµnh", .tcvn3, "Bánh đa Kinh Thành"), ("Thöïc phaåm", .vni, "Thực phẩm"),
                                          ("HTX ChÌ lam Phñ Qu¶ng (Hµ Trung)", .tcvn3, "HTX Chè lam Phủ Quảng (Hà Trung)"),
                                          ("Cheø lam Phuû Quaûng 300g", .vni, "Chè lam Phủ Quảng 300g")] {
            let guessed = LegacyVietnamese.guess(text)
            #expect(guessed?.encoding == encoding && guessed?.text == unicode, "\(text) → \(String(describing: guessed))")
        }
        let untouched = [
            // Unicode Vietnamese, including words of Latin-1 letters only.
            "Hà Trung", "Chè lam", "Mật ong hoa nhãn", "Đình Hạ Mỗ", "Quán Phượng Trì", "Nón lá", "Cà phê", "Bánh gai Tứ Trụ",
            "Hòa Bình", "Tây Hồ", "Tô Hiến Thành", "Hà Nội", "Lò Mò", "Cái Bè", "Bà Rịa", "Gò Công", "Tân Hòa", "Mèo Vạc", "Ý Yên",
            "Sìn Hồ", "Thái Bình", "Bún chả", "Phở bò", "Cá kho tộ", "Trà Shan tuyết cổ thụ", "Hoà", "Tòa án", "Chè Thái Nguyên",
            // Other languages and signs.
            "Café", "Crème brûlée", "Müller", "jalapeño", "São Paulo", "naïve", "résumé", "façade", "Gruß", "Zürich", "Ångström",
            "smörgåsbord", "Señor", "Ça va", "½ kg", "©2024 HTX", "45.000 €", "2×3 m", "± 5 g", "Đồ uống", "Ö", "Ñ", "µg",
            "Crêpe", "Piñata", "Fiancée", "Bäckerei", "Øresund", "œuvre", "déjà vu", "El Niño", "Mañana", "Jürgen Klopp",
            // Plain ASCII.
            "Nuoc mam Phu Quoc", "OCOP 4 sao", "HTX", "",
        ]
        for text in untouched {
            #expect(LegacyVietnamese.guess(text) == nil, "\(text) → \(String(describing: LegacyVietnamese.guess(text)))")
        }
    }

    @Test func syllables() {
        let words = "nghiêng khuya quyển giường xoong oanh huých thuở khuỷu ngoằn ngoèo hoạch quýt gì gìn xẻng ưng ước cửa của người tuổi rượu "
            + "chuyện truyền thuyền khoẻ khỏe đường uống yến yêu ỉu oải ngoáy toại khuấy khuây Nguyễn Phượng Đồng Tháp chạch bệnh kính huynh quỳnh "
            + "ĐÌNH HẠ MỖ Hà Nội Ninh Bình Chè lam Phủ Quảng"
        for word in words.split(separator: " ") { #expect(LegacyVietnamese.isSyllable(String(word)), "\(word)") }
        for word in ["Bỡnh", "Bỏnh", "Mỹller", "Crốme", "cafộ", "Seủor", "B×nh", "Haø", "Noäi", "hàà", "ááá", "strength", "ìng", "ơc", "ainh"] {
            #expect(!LegacyVietnamese.isSyllable(word), "\(word)")
        }
    }

    @Test func fontNames() {
        #expect(LegacyVietnamese.font(named: ".VnTime") == .tcvn3(capitals: false))
        #expect(LegacyVietnamese.font(named: ".VnArial Narrow") == .tcvn3(capitals: false))
        #expect(LegacyVietnamese.font(named: ".VnTimeH") == .tcvn3(capitals: true))
        #expect(LegacyVietnamese.font(named: ".VnArial NarrowH") == .tcvn3(capitals: true))
        #expect(LegacyVietnamese.font(named: "VNI-Times") == .vni)
        #expect(LegacyVietnamese.font(named: "VNI-Helve-Condense") == .vni)
        for name in ["Times New Roman", "Calibri", "Arial", "Helvetica", "VnTime"] { #expect(LegacyVietnamese.font(named: name) == nil) }
    }

    // MARK: Whole imports

    func runImport(_ fixture: SiteFixture, _ name: String) -> ProductImport.Report {
        ProductImport(file: fixture.directory.file(name), displayPath: name, contentRoot: fixture.content).run()
    }

    func load(_ fixture: SiteFixture) throws -> Content {
        let (content, diagnostics) = ContentLoader(root: fixture.content, displayRoot: "content").load()
        guard let content else { throw TestFailure("imported content does not load: \(diagnostics.sorted)") }
        return content
    }

    func python(_ fixture: SiteFixture, _ script: String) throws {
        try fixture.directory.write("make.py", script)
        let made = try Tools.run("/bin/sh", ["-c", "\(Tools.python) make.py"], in: fixture.directory.url)
        #expect(made.status == 0, "\(made.stderr)")
    }

    @Test func xlsxWithVnTimeVnTimeHAndVNICells() throws {
        let fixture = try SiteFixture()
        try python(fixture, #"""
        import openpyxl
        from openpyxl.styles import Font
        from openpyxl.cell.rich_text import CellRichText, TextBlock
        from openpyxl.cell.text import InlineFont
        wb = openpyxl.Workbook()
        ws = wb.active
        tcvn, caps, vni, uni = Font(name=".VnTime"), Font(name=".VnTimeH"), Font(name="VNI-Times"), Font(name="Times New Roman")
        def row(cells):
            ws.append([value for value, _ in cells])
            for column, (_, font) in enumerate(cells, start=1):
                if font is not None: ws.cell(row=ws.max_row, column=column).font = font
        row([("Tªn s¶n phÈm", tcvn), ("Giá", None), ("Số sao OCOP", None), ("Năm công nhận", None), ("Nhóm", None), ("HTX", None)])
        # .VnTime: name, a price written with đ, the group and a new producer; stars a number in .VnTime.
        row([("ChÌ lam Phñ Qu¶ng", tcvn), ("45.000®", tcvn), (4, tcvn), ("2023", tcvn), ("Thùc phÈm", tcvn), ("HTX Ninh B×nh", tcvn)])
        # VNI-Times: the same product's name in VNI with đ in it, and a producer from Hà Nội.
        row([("Cheø lam Phuû Quaûng ñaëc bieät", vni), (50000, None), (5, None), (2024, None), ("Thöïc phaåm", vni), ("HTX Haø Noäi", vni)])
        # .VnTimeH: lower-case bytes drawn as capitals.
        row([("mËt ong rõng", caps), ("1.250.000 ®ång", tcvn), (3, None), (2022, None), ("Đồ uống", uni), ("HTX Chè lam Hà Trung", uni)])
        # Unicode, in a Unicode font: untouched (Hòa Bình would read "Hũa Bỡnh" as TCVN3).
        row([("Bánh gai Hòa Bình", uni), (30000, None), (3, None), (2022, None), ("Thực phẩm", uni), ("HTX Chè lam Hà Trung", None)])
        # No legacy font, but legacy letters: told by the letters.
        row([("B¸nh ®a Kinh Thµnh", None), (20000, None), (3, None), (2022, None), ("Thực phẩm", None), ("HTX Chè lam Hà Trung", None)])
        # Unicode text left in a .VnTime cell (a sheet converted without its fonts): kept.
        row([("Bánh gai Hòa Bình Tây", tcvn), (25000, None), (3, None), (2022, None), ("Thực phẩm", None), ("HTX Chè lam Hà Trung", None)])
        # Rich text: a .VnTime run and a Unicode run in one cell.
        ws.append([CellRichText([TextBlock(InlineFont(rFont=".VnTime"), "B¸nh cuèn "), TextBlock(InlineFont(rFont="Arial"), "Hòa Bình")]),
                   15000, 3, 2021, "Thực phẩm", "HTX Chè lam Hà Trung"])
        wb.save("list.xlsx")
        """#)
        let report = runImport(fixture, "list.xlsx")
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        // TCVN3: the heading, row 2's name, price, group and producer, row 4's name and price, row 6's
        // name (by its letters), row 7's rich text. VNI: row 3's name, group and producer.
        #expect(report.conversions == [.tcvn3: 9, .vni: 3], "\(report.conversions)")
        #expect(report.summaryText.text(in: .vi).hasSuffix("; đã chuyển sang Unicode 9 ô từ TCVN3 (ABC), 3 ô từ VNI"), "\(report.summaryText.text(in: .vi))")
        let content = try load(fixture)
        func product(_ slug: String) throws -> Product {
            try #require(content.products.first { $0.slug == slug }, "\(slug) in \(content.products.map(\.slug))")
        }
        let tcvn = try product("che-lam-phu-quang")
        #expect(tcvn.name.values["vi"] == "Chè lam Phủ Quảng" && tcvn.price == 45000 && tcvn.ocop.stars == 4 && tcvn.category == .food)
        #expect(tcvn.producer == "htx-ninh-binh" && content.producer("htx-ninh-binh")?.name.values["vi"] == "HTX Ninh Bình")
        let vni = try product("che-lam-phu-quang-dac-biet")
        #expect(vni.name.values["vi"] == "Chè lam Phủ Quảng đặc biệt" && vni.price == 50000 && vni.category == .food)
        #expect(vni.producer == "htx-ha-noi" && content.producer("htx-ha-noi")?.name.values["vi"] == "HTX Hà Nội")
        let honey = try product("mat-ong-rung")
        #expect(honey.name.values["vi"] == "MẬT ONG RỪNG" && honey.price == 1_250_000)
        #expect(try product("banh-gai-hoa-binh").name.values["vi"] == "Bánh gai Hòa Bình")
        #expect(try product("banh-da-kinh-thanh").name.values["vi"] == "Bánh đa Kinh Thành")
        #expect(try product("banh-cuon-hoa-binh").name.values["vi"] == "Bánh cuốn Hòa Bình")
        #expect(try product("banh-gai-hoa-binh-tay").name.values["vi"] == "Bánh gai Hòa Bình Tây")
        // Written in NFC.
        let text = try String(contentsOf: fixture.content.appendingPathComponent("products/che-lam-phu-quang-dac-biet/index.md"), encoding: .utf8)
        #expect(text.contains("name: \"Chè lam Phủ Quảng đặc biệt\"") && text == text.precomposedStringWithCanonicalMapping)
        #expect(report.summary.hasSuffix("; 9 cells converted from TCVN3 (ABC), 3 from VNI"), "\(report.summary)")
    }

    @Test func aUnicodeSheetIsUntouched() throws {
        let fixture = try SiteFixture()
        let names = ["Bánh gai Hòa Bình", "Mật ong hoa nhãn", "Cà phê Tây Hồ", "Crème brûlée Café", "Chè Thái Nguyên"]
        try python(fixture, #"""
        import openpyxl
        from openpyxl.styles import Font
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["Tên sản phẩm", "Giá", "Số sao OCOP", "Năm công nhận", "Nhóm", "HTX", "Mô tả"])
        for i, name in enumerate(\#(names)):
            ws.append([name, 10000 + i, 3, 2022, "Thực phẩm", "HTX Chè lam Hà Trung", "Ngon, dùng với trà. Müller ½ kg ©"])
            ws.cell(row=ws.max_row, column=1).font = Font(name=["Times New Roman", "Arial", "Calibri"][i % 3])
        wb.save("list.xlsx")
        """#)
        let before = try Data(contentsOf: fixture.directory.file("list.xlsx"))
        let report = runImport(fixture, "list.xlsx")
        #expect(report.succeeded && report.conversions.isEmpty && !report.summary.contains("converted"), "\(report.conversions) \(report.diagnostics.sorted)")
        #expect(!report.summary.contains("converted"))
        let content = try load(fixture)
        #expect(Set(content.products.compactMap { $0.name.values["vi"] }).isSuperset(of: names))
        #expect(try Data(contentsOf: fixture.directory.file("list.xlsx")) == before)
    }

    static let csvText = """
    Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX
    Chè lam Phủ Quảng;45.000đ;4;2023;Thực phẩm;HTX Ninh Bình
    Bánh đa Kinh Thành;"1.250.000 đồng";3;2022;Thực phẩm;HTX Chè lam Hà Trung
    Rượu làng Vân;85000;4;2021;Đồ uống;HTX Chè lam Hà Trung

    """

    func checkCSVImport(_ fixture: SiteFixture, _ name: String, _ encoding: LegacyEncoding) throws {
        let report = runImport(fixture, name)
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        // Cells with letters outside ASCII: 5 headings, and 4 + 4 + 3 in the rows.
        #expect(report.conversions == [encoding: 16], "\(report.conversions)")
        #expect(report.summary.hasSuffix("; 16 cells converted from \(encoding.label)"), "\(report.summary)")
        let content = try load(fixture)
        let che = try #require(content.products.first { $0.slug == "che-lam-phu-quang" })
        #expect(che.name.values["vi"] == "Chè lam Phủ Quảng" && che.price == 45000 && che.producer == "htx-ninh-binh")
        let banh = try #require(content.products.first { $0.slug == "banh-da-kinh-thanh" })
        #expect(banh.name.values["vi"] == "Bánh đa Kinh Thành" && banh.price == 1_250_000 && banh.producer == "htx-che-lam")
        let wine = try #require(content.products.first { $0.slug == "ruou-lang-van" })
        #expect(wine.name.values["vi"] == "Rượu làng Vân" && wine.category == .beverage)
    }

    /// Bytes as Windows writes them: Python's cp1258 codec, with the tones Windows-1258 lacks as
    /// combining marks after the letter.
    @Test func csvInWindows1258() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("text.txt", Self.csvText)
        try python(fixture, #"""
        import unicodedata
        out = b""
        for ch in open("text.txt", encoding="utf-8").read():
            try: out += ch.encode("cp1258")
            except UnicodeEncodeError:
                # The letter without its tone (ô, ơ, ă…), then the tone as a combining mark.
                d = unicodedata.normalize("NFD", ch)
                tone = next(m for m in "\u0300\u0301\u0303\u0309\u0323" if m in d)
                out += unicodedata.normalize("NFC", d.replace(tone, "")).encode("cp1258") + tone.encode("cp1258")
        open("list.csv", "wb").write(out)
        """#)
        let bytes = try Data(contentsOf: fixture.directory.file("list.csv"))
        #expect(String(data: bytes, encoding: .utf8) == nil && bytes.contains(0xF2) && bytes.contains(0xF0), "combining dot below and đ")
        try checkCSVImport(fixture, "list.csv", .windows1258)
    }

    /// Excel's "CSV" (not "CSV UTF-8") has no ★: each star of a rating written ★★★★ is saved
    /// as "?", and the cooperative is told what that was (not only that "????" is no rating).
    @Test func starsLostInWindows1258() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("text.txt", "Tên sản phẩm,Giá,Hạng OCOP,Năm công nhận,Nhóm,HTX\nChè lam,45000,★★★★,2023,Thực phẩm,HTX Chè lam Hà Trung\n")
        try python(fixture, #"""
        import unicodedata
        out = b""
        for ch in open("text.txt", encoding="utf-8").read():
            try: out += ch.encode("cp1258")
            except UnicodeEncodeError:
                d = unicodedata.normalize("NFD", ch)
                tone = next((m for m in "\u0300\u0301\u0303\u0309\u0323" if m in d), None)
                # A letter: without its tone, then the tone as a combining mark; ★: "?", as Windows writes it.
                out += (unicodedata.normalize("NFC", d.replace(tone, "")).encode("cp1258") + tone.encode("cp1258")) if tone else b"?"
        open("list.csv", "wb").write(out)
        """#)
        let report = runImport(fixture, "list.csv")
        #expect(report.diagnostics.errors.map(\.description) == [
            "list.csv:2:3: error: column 'Hạng OCOP' (C): '????' is what ★★★★ becomes in a file saved in an old encoding (Excel's “CSV” rather than “CSV UTF-8”), which has no ★: write 4, or save the sheet as “CSV UTF-8 (Comma delimited)”"],
                "\(report.diagnostics.sorted)")
    }

    /// TCVN3 bytes made by glibc's converter.
    @Test func csvInTCVN3Bytes() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("text.txt", Self.csvText)
        let iconv = try Tools.require("/usr/bin/iconv")
        let made = try Tools.shell("\(iconv) -f UTF-8 -t TCVN5712-1 text.txt > list.csv", in: fixture.directory.url)
        #expect(made.status == 0, "\(made.stderr)")
        try checkCSVImport(fixture, "list.csv", .tcvn3)
    }

    @Test func csvInVNIBytes() throws {
        let fixture = try SiteFixture()
        let vni = try #require(LegacyVietnamese.toVNI(Self.csvText))
        let bytes = vni.unicodeScalars.compactMap(LegacyVietnamese.byte)
        #expect(bytes.count == vni.unicodeScalars.count)
        try fixture.directory.write("list.csv", Data(bytes))
        try checkCSVImport(fixture, "list.csv", .vni)
    }

    /// A UTF-8 CSV whose cells were copied out of a .VnTime sheet.
    @Test func utf8CSVWithCellsInTCVN3Letters() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("list.csv", "Tên sản phẩm,Giá,Số sao OCOP,Năm công nhận,Nhóm,HTX\nChÌ lam Phñ Qu¶ng,45.000,4,2023,Thực phẩm,HTX Ninh B×nh\nCà phê Tây Hồ,30000,3,2022,Đồ uống,HTX Chè lam Hà Trung\n")
        let report = runImport(fixture, "list.csv")
        #expect(report.succeeded && report.conversions == [.tcvn3: 2], "\(report.conversions) \(report.diagnostics.sorted)")
        let content = try load(fixture)
        #expect(content.products.first { $0.slug == "che-lam-phu-quang" }?.price == 45000)
        #expect(content.products.first { $0.slug == "ca-phe-tay-ho" }?.name.values["vi"] == "Cà phê Tây Hồ")
    }

    @Test func anUndecidableCSVSaysWhatToDo() throws {
        let fixture = try SiteFixture()
        // Latin-1 German: no decoding reads as Vietnamese.
        try fixture.directory.write("list.csv", Data("Name;Preis\nMüller Größe Bäckerei;45\nSüße Brötchen;12\n".unicodeScalars.map { UInt8($0.value) }))
        let before = Tools.tree(fixture.content)
        let report = runImport(fixture, "list.csv")
        let errors = report.diagnostics.errors
        #expect(errors.count == 1 && errors.first?.location.path == "list.csv", "\(errors)")
        let message = errors.first?.message ?? ""
        #expect(message.hasPrefix("list.csv is not UTF-8 text") && message.contains("Windows-1258, TCVN3 (ABC) or VNI") && message.contains("CSV UTF-8"), "\(message)")
        #expect(Tools.tree(fixture.content) == before)
    }

    /// The sample under Examples/legacy-sheet/ is tiny, made again byte for byte by its script, and
    /// imports into the demo content as its README says.
    @Test func theLegacySampleSheet() throws {
        let folder = Tools.repositoryRoot.appendingPathComponent("Examples/legacy-sheet")
        let sheet = try Data(contentsOf: folder.appendingPathComponent("danh-sach-cu.xlsx"))
        let csv = try Data(contentsOf: folder.appendingPathComponent("danh-sach-tcvn3.csv"))
        #expect(sheet.count <= 10_000 && csv.count <= 1_000)
        let scratch = try TemporaryDirectory()
        try FileManager.default.copyItem(at: folder.appendingPathComponent("make-sample.py"), to: scratch.file("make-sample.py"))
        let made = try Tools.run("/bin/sh", ["-c", "\(Tools.python) make-sample.py"], in: scratch.url)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try Data(contentsOf: scratch.file("danh-sach-cu.xlsx")) == sheet, "make-sample.py makes the committed workbook")
        #expect(try Data(contentsOf: scratch.file("danh-sach-tcvn3.csv")) == csv)

        let content = scratch.file("content")
        try FileManager.default.copyItem(at: Tools.repositoryRoot.appendingPathComponent("content"), to: content)
        let report = ProductImport(file: folder.appendingPathComponent("danh-sach-cu.xlsx"), displayPath: "danh-sach-cu.xlsx", contentRoot: content).run()
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("# " + report.summary), "\(report.summary)")
        #expect(report.created.contains("products/che-lam-phu-quang/index.md") && report.created.contains("products/banh-da-vung-ha-trung/index.md"))
        let text = try String(contentsOf: content.appendingPathComponent("products/mien-dong-dan-phuong/index.md"), encoding: .utf8)
        #expect(text.contains("name: \"MIẾN DONG ĐAN PHƯỢNG\"") && text.contains("producer: \"htx-nong-nghiep-dan-phuong\""))
        let fromCSV = ProductImport(file: folder.appendingPathComponent("danh-sach-tcvn3.csv"), displayPath: "danh-sach-tcvn3.csv", contentRoot: content).run()
        #expect(fromCSV.succeeded && fromCSV.unchanged == ["products/che-lam-phu-quang", "products/banh-da-vung-ha-trung"], "\(fromCSV.diagnostics.sorted)")
        #expect(fromCSV.conversions == [.tcvn3: 12])
    }
}
