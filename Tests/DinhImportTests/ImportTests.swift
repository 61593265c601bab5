import DinhContent
import DinhCore
@testable import DinhImport
import DinhTestSupport
import Foundation
import Testing

@Suite struct ImportTests {
    static let header = "Mã;Tên sản phẩm;Giá;Giá khuyến mãi;Số sao OCOP;Năm công nhận;Nhóm;HTX;Mô tả;Khối lượng;Mã vạch;Ảnh"

    /// Runs an import of `file` (in the fixture's folder) into the fixture's content.
    func runImport(_ fixture: SiteFixture, _ name: String, update: Bool = false) -> ProductImport.Report {
        ProductImport(file: fixture.directory.file(name), displayPath: name, contentRoot: fixture.content, update: update).run()
    }

    /// The errors of importing `list.csv` of these lines into a fresh site, as printed.
    func errors(importing csv: String) throws -> [String] {
        let fixture = try SiteFixture()
        try fixture.directory.write("list.csv", csv)
        return runImport(fixture, "list.csv").diagnostics.errors.map(\.description)
    }

    /// Runs an openpyxl `script` in the fixture's folder: the workbook it saves, as Excel would.
    func makeWorkbook(_ fixture: SiteFixture, _ script: String) throws {
        try fixture.directory.write("make.py", script)
        let made = try Tools.run("/bin/sh", ["-c", "\(Tools.python) make.py"], in: fixture.directory.url)
        #expect(made.status == 0, "\(made.stderr)")
    }

    func load(_ fixture: SiteFixture) throws -> Content {
        let (content, diagnostics) = ContentLoader(root: fixture.content, displayRoot: "content").load()
        guard let content else { throw TestFailure("imported content does not load: \(diagnostics.sorted)") }
        return content
    }

    @Test func csvWithBOMSemicolonsAndQuotedFields() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("anh-1.jpg", "jpeg")
        let csv = Self.header + "\r\n"
            + ";Mật ong \"rừng\": Ba Vì #1;45.000đ;40,000 VND;4 sao;2023;Đồ uống;HTX Ong Ba Vì;\"Dòng 1; có \"\"ngoặc\"\"\r\nDòng 2\";300g;8936012345674;anh-1.jpg\r\n"
            + "NL01;Nón lá;1.250.000;;★★★;30/06/2024;Thủ công mỹ nghệ;HTX Chè lam Hà Trung;\"=HYPERLINK(\"\"https://x.vn\"\",\"\"xem\"\")\";1,5 kg;;\r\n"
        try fixture.directory.write("list.csv", Data([0xEF, 0xBB, 0xBF]) + Data(csv.utf8))
        let report = runImport(fixture, "list.csv")
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        // The codes the new products got, for their boards, in the sheet's order.
        #expect(report.newCodes == ["SP001", "NL01"])
        #expect(report.newCodesText?.text(in: .en) == "the new products' QR codes (2): SP001, NL01; once the site is published at its real address, print their boards with `dinh qr`")
        var many = ProductImport.Report()
        many.newCodes = (1...120).map { String(format: "SP%03d", $0) }
        #expect(many.newCodesText?.text(in: .vi) == "mã QR của các sản phẩm mới (120): SP001 … SP120; khi trang đã đăng ở địa chỉ thật, hãy in biển bằng `dinh qr`")
        #expect(report.created.sorted() == ["producers/htx-ong-ba-vi.yaml", "products/mat-ong-rung-ba-vi-1/anh-1.jpg",
                                             "products/mat-ong-rung-ba-vi-1/index.md", "products/non-la/index.md"])
        let content = try load(fixture)
        let honey = try #require(content.products.first { $0.slug == "mat-ong-rung-ba-vi-1" })
        #expect(honey.name.values["vi"] == "Mật ong \"rừng\": Ba Vì #1")
        #expect(honey.code == "SP001")
        #expect(honey.price == 45000 && honey.salePrice == 40000)
        #expect(honey.ocop.stars == 4 && honey.ocop.year == 2023)
        #expect(honey.category == .beverage && honey.producer == "htx-ong-ba-vi")
        #expect(honey.weight?.description == "300 g" && honey.gtin == "8936012345674")
        #expect(honey.images.map(\.path) == ["anh-1.jpg"])
        #expect(honey.body["vi"]?.contains("ngoặc") == true)
        let hat = try #require(content.products.first { $0.slug == "non-la" })
        #expect(hat.code == "NL01" && hat.price == 1_250_000 && hat.ocop.stars == 3)
        #expect(hat.ocop.date == CalendarDate(year: 2024, month: 6, day: 30))
        #expect(hat.producer == "htx-che-lam", "an existing producer is found by its name")
        #expect(hat.weight?.description == "1.5 kg")
        // A formula-looking cell is text, not evaluated or dropped.
        let hatText = try String(contentsOf: fixture.content.appendingPathComponent("products/non-la/index.md"), encoding: .utf8)
        #expect(hatText.hasSuffix("---\n=HYPERLINK(\"https://x.vn\",\"xem\")\n"), "\(hatText)")
        let producer = try #require(content.producers.first { $0.slug == "htx-ong-ba-vi" })
        #expect(producer.kind == .cooperative && producer.name.values["vi"] == "HTX Ong Ba Vì")
    }

    /// A buyer can buy what is imported: the phone column gives a new producer its `phone:` (an
    /// existing producer's file is not changed: a warning says to add it), the shop link columns
    /// give the product's `buy:`; under `--update` a link cell left empty keeps the page's link.
    @Test func phoneAndShopLinksLetABuyerBuy() throws {
        let fixture = try SiteFixture()
        let csv = "Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX;SĐT;Link Shopee;Lazada;Zalo\n"
            + "Mật ong;45000;4;2023;Thực phẩm;HTX Ong Ba Vì;;https://shopee.vn/mat-ong;;\n"
            + "Sáp ong;60000;4;2023;Thực phẩm;HTX Ong Ba Vì;0912 345 678;;https://www.lazada.vn/sap-ong;0912 345 678\n"
            + "Chè lam;50000;5;2024;Thực phẩm;HTX Chè lam Hà Trung;0237 3800 000;;;\n"
        try fixture.directory.write("list.csv", csv)
        let report = runImport(fixture, "list.csv", update: true)
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        #expect(report.diagnostics.warnings.map(\.description).contains(
            "list.csv:4:7: warning: the phone 0237 3800 000 is not imported: an import does not change producers/htx-che-lam.yaml, which has no phone; add the line phone: \"0237 3800 000\" to it, so that buyers can call"),
                "\(report.diagnostics.sorted)")
        var content = try load(fixture)
        #expect(content.producers.first { $0.slug == "htx-ong-ba-vi" }?.phone == "0912 345 678", "the first phone its rows give")
        #expect(content.producers.first { $0.slug == "htx-che-lam" }?.phone == nil)
        #expect(content.products.first { $0.slug == "mat-ong" }?.buy.map(\.url) == ["https://shopee.vn/mat-ong"])
        let wax = try #require(content.products.first { $0.slug == "sap-ong" })
        #expect(wax.buy.map { "\($0.marketplace.rawValue) \($0.url)" } == ["lazada https://www.lazada.vn/sap-ong", "zalo https://zalo.me/0912345678"])

        try fixture.directory.write("update.csv", "Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX;Shopee;Lazada\n"
            + "Sáp ong;65000;4;2023;Thực phẩm;HTX Ong Ba Vì;https://shopee.vn/sap-ong;\n")
        let update = runImport(fixture, "update.csv", update: true)
        #expect(update.succeeded, "\(update.diagnostics.sorted)")
        content = try load(fixture)
        #expect(content.products.first { $0.slug == "sap-ong" }?.buy.map(\.marketplace) == [.shopee, .lazada, .zalo], "an empty cell keeps the page's link")

        // A phone other than the producer's file gives is told (the same number written another way is not).
        try fixture.directory.write("other.csv", "Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX;SĐT\n"
            + "Sáp ong;65000;4;2023;Thực phẩm;HTX Ong Ba Vì;+84 912 345 678\n"
            + "Mật ong;45000;4;2023;Thực phẩm;HTX Ong Ba Vì;0987 654 321\n")
        #expect(runImport(fixture, "other.csv", update: true).diagnostics.warnings.map(\.description).filter { $0.contains("phone") }
                == [], "the first row's number is the file's")
        try fixture.directory.write("other.csv", "Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX;SĐT\n"
            + "Sáp ong;65000;4;2023;Thực phẩm;HTX Ong Ba Vì;0987 654 321\n")
        #expect(runImport(fixture, "other.csv", update: true).diagnostics.warnings.map(\.description).filter { $0.contains("phone") } == [
            "other.csv:2:7: warning: the phone 0987 654 321 is not imported: producers/htx-ong-ba-vi.yaml gives 0912 345 678, which the pages keep (an import does not change a producer's file); if 0987 654 321 is the number buyers should call, write it in that file's line phone:"])

        try fixture.directory.write("bad.csv", "Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX;Điện thoại;Shopee\n"
            + "Nến ong;45000;4;2023;Thực phẩm;HTX Mới;912345678;shopee.vn/nen-ong\n"
            + "Kẹo ong;45000;4;2023;Thực phẩm;HTX Mới;gọi chủ nhiệm;\n")
        let errors = runImport(fixture, "bad.csv").diagnostics.errors.map(\.description)
        #expect(errors == [
            "bad.csv:2:7: error: column 'Điện thoại' (G): '912345678' has lost its leading 0 (Excel drops it from a number): format the column as Text and write 0912345678",
            "bad.csv:2:8: error: column 'Shopee' (H): 'shopee.vn/nen-ong' is not a web address; copy the shop's address from the browser, starting with https://",
            "bad.csv:3:7: error: column 'Điện thoại' (G): 'gọi chủ nhiệm' is not a phone number; write one number, such as 0912 345 678 or 0237 3800 000",
        ], "\(errors)")
    }

    /// Headings cooperatives and offices write; none of the names Dinh knows means two columns.
    @Test func commonHeadingsAreRecognised() throws {
        let sheets = ["STT;Tên sản phẩm;Tên HTX;Giá bán lẻ (đồng);Hạng OCOP;Năm đạt OCOP;Nhóm sản phẩm",
                      "Tên sản phẩm;Tên hợp tác xã;Giá niêm yết;Xếp hạng OCOP;Năm xếp hạng;Nhóm",
                      "Tên sản phẩm;Chủ thể;Giá;Số sao;Năm công nhận;Nhóm",
                      "Tên sản phẩm;Đơn vị sản xuất;Giá;Số sao;Năm công nhận;Nhóm",
                      // As district OCOP lists head the producer ("chủ thể", the programme's word).
                      "STT;Tên sản phẩm;Giá bán;Số sao OCOP;Năm công nhận;Nhóm sản phẩm;Tên chủ thể/HTX;Ghi chú",
                      "Tên sản phẩm;Chủ thể OCOP;Giá;Số sao;Năm công nhận;Nhóm",
                      "Tên sản phẩm;Chủ thể sản xuất;Giá;Số sao;Năm công nhận;Nhóm"]
        for (index, heading) in sheets.enumerated() {
            let fixture = try SiteFixture()
            let row = heading.split(separator: ";").map { cell -> String in
                switch Column.recognise(String(cell)) {
                case .name?: "Sen sấy"
                case .producer?: "HTX Sen Thọ Xuân"
                case .price?: "80000"
                case .stars?: "3"
                case .year?: "2024"
                case .category?: "Thực phẩm"
                default: "1"
                }
            }
            try fixture.directory.write("list.csv", heading + "\n" + row.joined(separator: ";") + "\n")
            let report = runImport(fixture, "list.csv")
            #expect(report.succeeded && report.diagnostics.warnings.isEmpty, "sheet \(index): \(report.diagnostics.sorted)")
        }
        var meanings: [String: Column] = [:]
        for (column, names) in Column.headers {
            for key in names.map(Column.key) + [Column.key(column.rawValue)] {
                #expect(meanings[key].map { $0 == column } ?? true, "'\(key)' means both \(column) and \(meanings[key]!)")
                meanings[key] = column
            }
        }
    }

    /// A required column missing is most often there under a heading Dinh does not know: the
    /// error is at that heading, and says what to head it.
    @Test func aMissingColumnNamesTheHeadingItMostLikelyIs() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("list.csv", "Tên sản phẩm,Giá,Sô sao OCP,Năm chứng nhận OCOP,Nhóm,HTX,Vùng\nSen sấy,80000,3,2024,Thực phẩm,HTX Sen,Thanh Hoá\n")
        let errors = runImport(fixture, "list.csv").diagnostics.errors.map(\.description)
        #expect(errors == ["list.csv:1:3: error: no column has a heading Dinh reads as 'Số sao ocop'; the column 'Sô sao OCP' (C) is most likely it: head it 'Số sao ocop'",
                           "list.csv:1:4: error: no column has a heading Dinh reads as 'Năm công nhận'; the column 'Năm chứng nhận OCOP' (D) is most likely it: head it 'Năm công nhận'"],
                "\(errors)")
        // The heading named so is not also told "not imported"; another unknown one is.
        #expect(runImport(fixture, "list.csv").diagnostics.warnings.map(\.description).contains { $0.hasPrefix("list.csv:1:7: warning:") })
        #expect(!runImport(fixture, "list.csv").diagnostics.warnings.contains { $0.location.column == 3 || $0.location.column == 4 })
        try fixture.directory.write("list.csv", "Tên sản phẩm,Giá,Số sao,Năm công nhận,Nhóm\nSen sấy,80000,3,2024,Thực phẩm\n")
        #expect(runImport(fixture, "list.csv").diagnostics.errors.map(\.description)
                == ["list.csv:1:1: error: no column has a heading Dinh reads as 'HTX'; add a column headed 'HTX'"])
        // `Phân loại` is the group, as cooperatives head it; a column not there at all is said in one language.
        try fixture.directory.write("list.csv", "Tên sản phẩm,Giá,Số sao,Năm công nhận,Phân loại,HTX\nSen sấy,80000,3,2024,Thực phẩm,HTX Sen\n")
        #expect(runImport(fixture, "list.csv").diagnostics.errors.isEmpty)
        try fixture.directory.write("list.csv", "Tên sản phẩm,Giá,Số sao,Năm công nhận,HTX\nSen sấy,80000,3,2024,HTX Sen\n")
        #expect(runImport(fixture, "list.csv").diagnostics.errors.map(\.description)
                == ["list.csv:1:1: error: no column has a heading Dinh reads as 'Nhóm'; add a column headed 'Nhóm'"])
    }

    /// Rows that group the list's products under a heading, or sum them up, are skipped with one
    /// warning each; a row with only its number, made ready for a product to come, silently.
    @Test func groupHeadingAndTotalRowsAreSkipped() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("list.csv", "STT;Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX\n"
            + "I;NHÓM THỰC PHẨM;;;;;\n"
            + "1;Nước mắm;45000;4;2024;Thực phẩm;HTX Cửa Vạn\n"
            + "2;Cồng chiêng;450000;4;2024;Thủ công mỹ nghệ;HTX Cửa Vạn\n"
            + "3;;;;;;\n"
            + "Tổng cộng;;=SUM(C3:C4);;;;\n"
            + ";Tổng số: 2 sản phẩm;;;;;\n")
        let report = runImport(fixture, "list.csv")
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        #expect(report.created.filter { $0.hasPrefix("products/") }.sorted() == ["products/cong-chieng/index.md", "products/nuoc-mam/index.md"])
        #expect(report.diagnostics.warnings.map(\.description).filter { $0.contains("group heading") } == [
            "list.csv:2:1: warning: row 2 ('NHÓM THỰC PHẨM') looks like a group heading or a total, not a product: skipped",
            "list.csv:6:1: warning: row 6 ('Tổng cộng') looks like a group heading or a total, not a product: skipped",
            "list.csv:7:1: warning: row 7 ('Tổng số: 2 sản phẩm') looks like a group heading or a total, not a product: skipped",
        ])
    }

    /// A year written with its word is read; a year cell that is none gives its own year as the example.
    @Test func yearsAsPeopleWriteThem() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("list.csv", "Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX\n"
            + "Nước mắm;45000;4;năm 2024;Thực phẩm;HTX Cửa Vạn\nMắm tôm;45000;4;Năm 2023;Thực phẩm;HTX Cửa Vạn\n")
        let report = runImport(fixture, "list.csv")
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        #expect(try load(fixture).products.filter { $0.producer == "htx-cua-van" }.map(\.ocop.year).sorted() == [2023, 2024])
        try fixture.directory.write("bad.csv", "Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX\n"
            + "Nước mắm;45000;4;2024 (gia hạn);Thực phẩm;HTX Cửa Vạn\nMắm tôm;45000;4;chưa có;Thực phẩm;HTX Cửa Vạn\n")
        #expect(runImport(fixture, "bad.csv").diagnostics.errors.map(\.description) == [
            "bad.csv:2:4: error: column 'Năm công nhận' (D): '2024 (gia hạn)' is not a year of OCOP recognition; write it as 2024 (the programme started in 2018)",
            "bad.csv:3:4: error: column 'Năm công nhận' (D): 'chưa có' is not a year of OCOP recognition; write it as 2023 (the programme started in 2018)",
        ])
    }

    /// A barcode Excel took the leading 0 from (typed as a number) still checks: the error says to write it with its 0.
    @Test func aBarcodeThatLostItsLeadingZeroSaysSo() throws {
        #expect(try errors(importing: "Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX;Mã vạch\n"
            + "Nước mắm;45000;4;2024;Thực phẩm;HTX Cửa Vạn;36000291452\nMắm tôm;45000;4;2024;Thực phẩm;HTX Cửa Vạn;36000291453\n") == [
            "list.csv:2:7: error: column 'Mã vạch' (G): the barcode 36000291452 is a digit short: did Excel drop its leading 0? format the column as Text and write it as 036000291452",
            "list.csv:3:7: error: column 'Mã vạch' (G): '36000291453' is not a barcode number: it has 8, 12, 13 or 14 digits",
        ])
    }

    /// A product renamed in the sheet: without its code it would become a second product (a new
    /// page, a new QR code, twice in every feed) with nothing said; the import warns, and with
    /// the code in a `Mã` column the row updates the product's own page under its new name.
    @Test func aProductRenamedInTheSheetKeepsItsPageByItsCode() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("renamed.csv", "Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX\n"
            + "Chè lam Hà Trung gừng;45000;4;2025;Thực phẩm;HTX Chè lam Hà Trung\n")
        let warned = runImport(fixture, "renamed.csv", update: true)
        #expect(warned.diagnostics.warnings.map(\.description).contains(
            "renamed.csv:2:1: warning: 'Chè lam Hà Trung gừng' will be a new product, but the sheet no longer names 'Chè lam Hà Trung' of the same producer (products/che-lam, code HT42): if it is that product renamed, write HT42 in a column 'Mã' on this row and import again with --update, so that its page and printed boards stay (else two pages sell one product)"),
                "\(warned.diagnostics.sorted)")
        try FileManager.default.removeItem(at: fixture.content.appendingPathComponent("products/che-lam-ha-trung-gung"))

        try fixture.directory.write("coded.csv", "Mã;Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX\n"
            + "HT42;Chè lam Hà Trung gừng;48000;4;2025;Thực phẩm;HTX Chè lam Hà Trung\n")
        let report = runImport(fixture, "coded.csv", update: true)
        #expect(report.succeeded && report.diagnostics.warnings.isEmpty, "\(report.diagnostics.sorted)")
        let content = try load(fixture)
        #expect(content.products.map(\.slug) == ["che-lam"], "no second page")
        #expect(content.products.first?.name.values["vi"] == "Chè lam Hà Trung gừng" && content.products.first?.price == 48000)
        #expect(content.products.first?.code == "HT42")

        // Another page's code is named, not "another page".
        try fixture.directory.write("relic.csv", "Mã;Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX\n"
            + "DP01;Mật ong;45000;4;2025;Thực phẩm;HTX Chè lam Hà Trung\n")
        #expect(runImport(fixture, "relic.csv").diagnostics.errors.map(\.description) == [
            "relic.csv:2:1: error: column 'Mã' (A): the code DP01 is already used by heritage/quan-phuong-tri; choose another or leave the cell empty for a new one"])
    }

    /// A cooperative's list imported again without a product the site has: the product is said,
    /// kept, with what to write if it is no longer made; one told as renamed is not told twice.
    @Test func productsOfTheProducerTheSheetNoLongerNamesAreSaid() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("list.csv", "Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX\n"
            + "Bánh gai Tứ Trụ;30000;4;2025;Thực phẩm;HTX Chè lam Hà Trung\n")
        #expect(runImport(fixture, "list.csv").diagnostics.warnings.isEmpty, "new products added: nothing to say of the others")
        try FileManager.default.removeItem(at: fixture.content.appendingPathComponent("products/banh-gai-tu-tru"))
        let report = runImport(fixture, "list.csv", update: true)
        #expect(report.succeeded)
        #expect(report.diagnostics.warnings.map(\.description) == [
            "list.csv:1:1: warning: this sheet does not name 1 product of producers/htx-che-lam.yaml that the site has (products/che-lam); it is left as it is. If one is no longer made, write `availability: out_of_stock` in its index.md: its page and printed boards keep working"],
                "\(report.diagnostics.sorted)")
        #expect(FileManager.default.fileExists(atPath: fixture.content.appendingPathComponent("products/che-lam/index.md").path))
        // Named in the sheet, nothing is said.
        try fixture.directory.write("all.csv", "Mã;Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX\n"
            + ";Bánh gai Tứ Trụ;30000;4;2025;Thực phẩm;HTX Chè lam Hà Trung\nHT42;Chè lam Hà Trung;45000;4;2025;Thực phẩm;HTX Chè lam Hà Trung\n")
        let all = runImport(fixture, "all.csv", update: true)
        #expect(all.succeeded && all.diagnostics.warnings.isEmpty, "\(all.diagnostics.warnings.map(\.description))")
    }

    /// The renamed product imported as new, then its code written in the sheet as the warning
    /// said: the build tells the two pages of one name, and which to delete.
    @Test func twoPagesOfOneNameByOneProducerAreTold() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("renamed.csv", "Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX\n"
            + "Chè lam Hà Trung gừng;45000;4;2025;Thực phẩm;HTX Chè lam Hà Trung\n")
        #expect(runImport(fixture, "renamed.csv", update: true).succeeded)
        try fixture.directory.write("coded.csv", "Mã;Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX\n"
            + "HT42;Chè lam Hà Trung gừng;48000;4;2025;Thực phẩm;HTX Chè lam Hà Trung\n")
        #expect(runImport(fixture, "coded.csv", update: true).succeeded)
        let (_, diagnostics) = ContentLoader(root: fixture.content, displayRoot: "content").load()
        #expect(diagnostics.warnings.map(\.description).filter { $0.contains("same name") } == [
            "content/products/che-lam/index.md:4:3: warning: content/products/che-lam-ha-trung-gung/index.md is a product of the same producer with the same name, 'Chè lam Hà Trung gừng': buyers and marketplaces see two pages for one product; if one of them was made by mistake (an import of a product renamed in the sheet), delete its folder, or give each its own name"],
                "\(diagnostics.sorted)")
    }

    /// Two new producers of one sheet, one name written two ways, are an error at the second:
    /// the import would split the products between two producer pages.
    @Test func twoNewProducersLikeEachOtherAreAnError() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("list.csv", "Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX\n"
            + "Rau an toàn;45000;4;2024;Thực phẩm;HTX Nông nghiệp Đan Phượng\nRau mầm;45000;4;2024;Thực phẩm;HTX NN Đan Phượng\n"
            + "Mật ong;45000;4;2024;Thực phẩm;HTX Ong Ba Vì\nSáp ong;45000;4;2024;Thực phẩm;HTX Ong Ba Vi\nNến;45000;4;2024;Thực phẩm;HTX Ong Hà Nội\n")
        let before = Tools.tree(fixture.content)
        let report = runImport(fixture, "list.csv")
        #expect(report.diagnostics.errors.map(\.description) == [
            "list.csv:3:6: error: 'HTX NN Đan Phượng' looks like 'HTX Nông nghiệp Đan Phượng' of row 2 written another way: the import would make two producers, each with part of the products; if they are one, write its name the same way on every row; if they are two, write each full name so that they differ"])
        #expect(Tools.tree(fixture.content) == before, "nothing is written")
    }

    /// A new producer whose name is an existing one's written another way is an error, once, and
    /// nothing is written (a second producer page was made, and undoing it took editing every product).
    @Test func aNewProducerLikeAnExistingOneIsAnError() throws {
        let fixture = try SiteFixture()
        try fixture.write("producers/htx-nong-nghiep-dan-phuong.yaml", "name: HTX Nông nghiệp Đan Phượng\nkind: cooperative\n")
        try fixture.directory.write("list.csv", "Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX\n"
            + "Rau an toàn;45000;4;2024;Thực phẩm;HTX NN Đan Phượng\nRau mầm;45000;4;2024;Thực phẩm;HTX NN Đan Phượng\n"
            + "Chè lam gừng;45000;4;2024;Thực phẩm;Hợp tác xã Chè lam Hà Trung\nMật ong;45000;4;2024;Thực phẩm;HTX Ong Ba Vì\n")
        let before = Tools.tree(fixture.content)
        let report = runImport(fixture, "list.csv")
        #expect(!report.succeeded)
        #expect(report.diagnostics.errors.map(\.description) == [
            "list.csv:2:6: error: 'HTX NN Đan Phượng' would be a new producer (producers/htx-nn-dan-phuong.yaml), but the site has 'HTX Nông nghiệp Đan Phượng' (producers/htx-nong-nghiep-dan-phuong.yaml): if it is that one, write its name as 'HTX Nông nghiệp Đan Phượng'; if it is another, write its full name so that it differs (with its commune, say)",
            "list.csv:4:6: error: 'Hợp tác xã Chè lam Hà Trung' would be a new producer (producers/hop-tac-xa-che-lam-ha-trung.yaml), but the site has 'HTX Chè lam Hà Trung' (producers/htx-che-lam.yaml): if it is that one, write its name as 'HTX Chè lam Hà Trung'; if it is another, write its full name so that it differs (with its commune, say)",
        ], "\(report.diagnostics.sorted)")
        #expect(Tools.tree(fixture.content) == before, "nothing written")
    }

    /// A description pasted from a web shop: its text, paragraph by paragraph, with a warning at
    /// the cell; no tag or entity reaches the page or the feeds. A `<` in words is no HTML.
    @Test func htmlDescriptionIsImportedAsText() throws {
        let fixture = try SiteFixture()
        let csv = "Tên sản phẩm,Giá,Số sao OCOP,Năm công nhận,Nhóm,HTX,Mô tả\n"
            + "Miến dong,45000,4,2023,Thực phẩm,HTX Chè lam Hà Trung,\"<p>Miến <b>dai</b> &amp; trong.</p><p>Gói&nbsp;500 g</p>\"\n"
            + "Bánh gai,45000,4,2023,Thực phẩm,HTX Chè lam Hà Trung,Giá < 50.000 đ & ngon\n"
        try fixture.directory.write("list.csv", csv)
        let report = runImport(fixture, "list.csv")
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        #expect(report.diagnostics.warnings.map(\.description).filter { $0.contains("HTML") }
                    == ["list.csv:2:7: warning: the description is written in HTML (tags such as <p>, <b>, or &nbsp;): imported as its text, one paragraph per block; check it on the product's page (bold and lists are written **bold** and - item)"])
        let content = try load(fixture)
        let noodles = try #require(content.products.first { $0.slug == "mien-dong" })
        #expect(noodles.body["vi"] == "<p>Miến dai &amp; trong.</p>\n<p>Gói 500 g</p>", "\(noodles.body)")
        let cake = try #require(content.products.first { $0.slug == "banh-gai" })
        #expect(cake.body["vi"] == "<p>Giá &lt; 50.000 đ &amp; ngon</p>", "\(cake.body)")
    }

    @Test func badPriceOnRowSevenNamesRowAndColumnAndWritesNothing() throws {
        let fixture = try SiteFixture()
        var csv = "Tên sản phẩm,Giá,Số sao OCOP,Năm công nhận,Nhóm,HTX\n"
        for index in 2...6 { csv += "Sản phẩm \(index),\(index)0.000,4,2023,Thực phẩm,HTX Chè lam Hà Trung\n" }
        csv += "Sản phẩm 7,liên hệ,4,2023,Thực phẩm,HTX Chè lam Hà Trung\n"
        csv += "Sản phẩm 8,45000,7,2023,Nước giải khát,HTX Chè lam Hà Trung\n"
        try fixture.directory.write("list.csv", csv)
        let before = Tools.tree(fixture.content)
        let report = runImport(fixture, "list.csv")
        #expect(!report.succeeded)
        let errors = report.diagnostics.errors.map(\.description)
        #expect(errors.contains { $0.hasPrefix("list.csv:7:2: error: column 'Giá' (B): 'liên hệ' is no price") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("list.csv:8:3: error: column 'Số sao OCOP' (C)") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("list.csv:8:5: error: column 'Nhóm' (E): 'Nước giải khát'") }, "\(errors)")
        #expect(Tools.tree(fixture.content) == before, "a failed import writes nothing")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.content.path).filter { $0.hasPrefix(".dinh-import") }
        #expect(leftovers.isEmpty)
    }

    @Test func reimportWithoutUpdateChangesNothing() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("list.csv", "Tên sản phẩm,Giá,Số sao OCOP,Năm công nhận,Nhóm,HTX\nChè lam,50000,5,2024,Thực phẩm,HTX Chè lam Hà Trung\nBánh mới,20000,3,2024,Thực phẩm,Hộ kinh doanh Bà Tư\n")
        // `che-lam` exists in the fixture (code HT42); the first import adds only `banh-moi`.
        let first = runImport(fixture, "list.csv")
        #expect(first.succeeded && first.unchanged == ["products/che-lam"], "\(first.diagnostics.sorted)")
        #expect(first.created.sorted() == ["producers/ho-kinh-doanh-ba-tu.yaml", "products/banh-moi/index.md"])
        #expect(first.summary == "imported: 1 new product, 1 new producer, 1 already there and left unchanged (import with --update to replace them)")
        let afterFirst = Tools.tree(fixture.content)
        let second = runImport(fixture, "list.csv")
        #expect(second.succeeded && second.created.isEmpty && second.updated.isEmpty)
        #expect(Tools.tree(fixture.content) == afterFirst)
        #expect(second.diagnostics.warnings.count == 2)

        let third = runImport(fixture, "list.csv", update: true)
        #expect(third.succeeded && third.updated == ["products/che-lam"] && third.upToDate == ["products/banh-moi"], "\(third.diagnostics.sorted)")
        #expect(third.summary == "imported: 0 new products, 1 updated, 1 already as the sheet says")
        let content = try load(fixture)
        let updated = try #require(content.products.first { $0.slug == "che-lam" })
        #expect(updated.code == "HT42", "the printed code is kept")
        #expect(updated.price == 50000 && updated.ocop.stars == 5)
        #expect(content.producers.first { $0.slug == "ho-kinh-doanh-ba-tu" }?.kind == .household)
    }

    /// `--update` changes what the sheet gives and keeps what only the page has; a product of the
    /// same name by another producer is refused, its page untouched.
    @Test func updateKeepsWhatTheSheetDoesNotGiveAndNeverTakesOverAnotherProducersProduct() throws {
        let fixture = try SiteFixture()
        try fixture.write("products/che-lam/index.md", """
            ---
            # Kiểm tra lại giá mỗi năm
            code: HT42
            name:
              vi: Chè lam Hà Trung
              en: Ha Trung ginger rice cake
            producer: htx-che-lam
            category: food
            ocop:
              stars: 4
              date: 2025-06-30
              decision: "Quyết định 104/QĐ-UBND"
            price: 45000
            gtin: "8936012345674"
            images: [che-lam.jpg]
            ---
            Chè lam làm thủ công **mỗi sáng**.
            """)
        try fixture.write("products/che-lam/che-lam.jpg", data: Data([0xFF, 0xD8, 0xFF]))
        // The photo and barcode cells are empty: the page's, added by hand, stay.
        try fixture.directory.write("list.csv", "Tên sản phẩm,Giá,Số sao OCOP,Năm công nhận,Nhóm,HTX,Ảnh,Mã vạch\nChè lam,48.000,5,2025,Thực phẩm,HTX Chè lam Hà Trung,,\n")
        let report = runImport(fixture, "list.csv", update: true)
        #expect(report.succeeded && report.updated == ["products/che-lam"], "\(report.diagnostics.sorted)")
        let product = try #require(try load(fixture).products.first { $0.slug == "che-lam" })
        #expect(product.price == 48000 && product.ocop.stars == 5 && product.ocop.date == CalendarDate(year: 2025, month: 6, day: 30), "the sheet's fields, the page's date of its year")
        #expect(product.name.values == ["vi": "Chè lam", "en": "Ha Trung ginger rice cake"], "the sheet's name, the page's English one")
        #expect(product.gtin == "8936012345674" && product.images.count == 1 && product.ocop.decision == "Quyết định 104/QĐ-UBND")
        let page = try String(contentsOf: fixture.content.appendingPathComponent("products/che-lam/index.md"), encoding: .utf8)
        #expect(page.hasPrefix("---\n# Kiểm tra lại giá mỗi năm\ncode: \"HT42\"\n"), "\(page)")
        #expect(page.hasSuffix("---\nChè lam làm thủ công **mỗi sáng**."), "\(page)")

        let before = Tools.tree(fixture.content)
        // Nothing at all is written, not the new product of the same sheet nor its new producer.
        try fixture.directory.write("other.csv", "Tên sản phẩm,Giá,Số sao OCOP,Năm công nhận,Nhóm,HTX\nBánh mới,30000,3,2026,Thực phẩm,HTX Sen\nChè lam,30000,3,2026,Thực phẩm,HTX Sen\n")
        for update in [true, false] {
            let other = runImport(fixture, "other.csv", update: update)
            #expect(!other.succeeded)
            #expect(other.diagnostics.errors.map(\.description).contains { $0.contains("products/che-lam is a product of htx-che-lam, not of htx-sen") }, "\(other.diagnostics.sorted)")
            #expect(Tools.tree(fixture.content) == before)
        }
    }

    /// A sheet's year over the page's date of that year keeps the date; another year replaces it.
    @Test func updateKeepsARecognitionDateOfTheSheetsYear() {
        let page = "---\nocop:\n  stars: 4\n  date: 2024-06-30\n  decision: \"104/QĐ\"\nprice: 1\n---\nText\n"
        let sameYear = ProductUpdate.merged("---\nocop:\n  stars: 5\n  year: 2024\nprice: 2\n---\n", into: page, defaultLanguage: "vi")
        #expect(sameYear == "---\nocop:\n  stars: 5\n  date: 2024-06-30\n  decision: \"104/QĐ\"\nprice: 2\n---\nText\n")
        let later = ProductUpdate.merged("---\nocop:\n  stars: 5\n  year: 2026\nprice: 2\n---\nNew text\n", into: page, defaultLanguage: "vi")
        // A later year is a new recognition: the old decision is not its.
        #expect(later == "---\nocop:\n  stars: 5\n  year: 2026\nprice: 2\n---\nNew text\n")
    }

    /// Pages as officers write them: CRLF and a BOM, comments between fields, braces, quoted keys,
    /// four-space indentation; a field the sheet does not give stays.
    @Test func updateMergesPagesAsOfficersWriteThem() throws {
        let fresh = "---\ncode: \"HT42\"\nname: \"Chè lam\"\nocop:\n  stars: 5\n  year: 2026\nprice: 48000\n---\n"
        let page = "\u{FEFF}---\r\ncode: HT42\r\nname: {vi: Chè lam cũ, en: Rice cake}\r\n# giá năm 2025\r\n\"price\": 45000\r\nocop:\r\n    stars: 4\r\n    # số quyết định\r\n    decision: 104/QĐ\r\n"
            + "sale_price: 40000\r\n# ảnh chụp 2024\r\nimages: [a.jpg]\r\n---\r\nMô tả.\r\n"
        let merged = try #require(ProductUpdate.merged(fresh, into: page, defaultLanguage: "vi"))
        #expect(merged == "---\ncode: \"HT42\"\nname:\n  vi: \"Chè lam\"\n  en: \"Rice cake\"\nocop:\n  stars: 5\n  year: 2026\n  # số quyết định\n  decision: 104/QĐ\n"
                + "# giá năm 2025\nprice: 48000\nsale_price: 40000\n# ảnh chụp 2024\nimages: [a.jpg]\n---\nMô tả.\n", "\(merged)")
        #expect(ProductUpdate.merged(fresh, into: "no front matter\n", defaultLanguage: "vi") == nil)
        // A photo added by hand stays beside the one the sheet names (it was lost).
        let photos = try #require(ProductUpdate.merged("---\nprice: 2\nimages: [\"a.jpg\"]\n---\n", into: "---\nprice: 1\nimages:\n  - a.jpg\n  - \"b 2.jpg\"\n---\n", defaultLanguage: "vi"))
        #expect(photos == "---\nprice: 2\nimages: [\"a.jpg\", \"b 2.jpg\"]\n---\n", "\(photos)")
    }

    @Test func generatedCodesAvoidEveryUsedCode() throws {
        let fixture = try SiteFixture()
        try fixture.write("codes.lock", "# Dinh codes lock\nSP001 heritage/gone\nSP003 products/old\nOLD7 products/c-ba\n")
        try fixture.directory.write("list.csv", "Tên,Giá,Sao,Năm,Nhóm,HTX\nA một,1000,3,2020,1,HTX Chè lam Hà Trung\nB hai,1000,3,2020,2,HTX Chè lam Hà Trung\nC ba,1000,3,2020,2,HTX Chè lam Hà Trung\n")
        let report = runImport(fixture, "list.csv")
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let content = try load(fixture)
        #expect(content.products.filter { $0.slug != "che-lam" }.map(\.code).sorted() == ["OLD7", "SP002", "SP004"])
    }

    /// A photo pasted into a product's row (as clerks do) is not lost without a word: the import
    /// says where it is and how to give it (the product then gets its photo by file name).
    @Test func aPicturePastedIntoTheSheetIsTold() throws {
        let fixture = try SiteFixture()
        try makeWorkbook(fixture, #"""
        import openpyxl
        from openpyxl.drawing.image import Image
        from PIL import Image as Picture
        Picture.new("RGB", (120, 90), (200, 40, 40)).save("pasted.png")
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["Tên sản phẩm", "Giá", "Số sao OCOP", "Năm công nhận", "Nhóm", "HTX", "Hình ảnh"])
        ws.append(["Bánh gai", 30000, 4, 2023, "Thực phẩm", "HTX Chè lam Hà Trung", None])
        ws.append(["Bánh gai nhân dừa", 35000, 4, 2023, "Thực phẩm", "HTX Chè lam Hà Trung", None])
        ws.add_image(Image("pasted.png"), "G3")
        wb.save("list.xlsx")
        """#)
        let report = runImport(fixture, "list.xlsx")
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let told = report.diagnostics.warnings.filter { $0.message.contains("picture is pasted") }.map(\.description)
        #expect(told == ["list.xlsx:3:7: warning: a picture is pasted into the sheet at G3: Dinh does not take pictures out of a sheet; "
                         + "save it as a photo (.jpg) in the folder of the sheet and write its file name in the column 'Hình ảnh' (G)"], "\(report.diagnostics.sorted)")
    }

    @Test func xlsxWrittenByOpenpyxl() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("photo.png", "png")
        let script = #"""
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Sản phẩm"
        ws.append(["Tên sản phẩm", "Giá", "Giá khuyến mãi", "Số sao OCOP", "Năm công nhận", "Nhóm", "Nhà sản xuất", "Mô tả", "Mã vạch", "Ảnh", "Đơn vị", "Màu sắc"])
        ws.append(["Chè Shan tuyết & <trà>", 120000, 99000, 5, 2022, "Đồ uống", "Công ty Trà Việt", "Trà 'ngon'", "8936012345674", "photo.png", "gói 100 g", "x"])
        ws.append(["Rượu làng Vân", "85.000đ", None, "4", 2021, "Đồ uống", "HTX Chè lam Hà Trung", None, None, None, None, None])
        ws.append([None] * 12)
        ws.append(["Tinh dầu sả", 60000, None, 3, 2024, "Thảo dược", "HTX Chè lam Hà Trung", "=HYPERLINK(\"https://x.vn\",\"xem\")", None, None, None, None])
        ws["H5"].data_type = "s"
        import datetime
        ws["M1"] = "Ngày công nhận"
        ws["M5"] = datetime.date(2024, 3, 15)
        wb.save("list.xlsx")
        print("ok")
        """#
        try makeWorkbook(fixture, script)
        let report = runImport(fixture, "list.xlsx")
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        #expect(report.diagnostics.warnings.contains { $0.location == SourceLocation(path: "list.xlsx", line: 1, column: 12) && $0.message.contains("'Màu sắc' is not imported") })
        let content = try load(fixture)
        let tea = try #require(content.products.first { $0.slug == "che-shan-tuyet-tra" })
        #expect(tea.name.values["vi"] == "Chè Shan tuyết & <trà>")
        #expect(tea.price == 120000 && tea.salePrice == 99000 && tea.ocop.stars == 5 && tea.ocop.year == 2022)
        #expect(tea.gtin == "8936012345674" && tea.images.map(\.path) == ["photo.png"])
        #expect(tea.unit?.values["vi"] == "gói 100 g")
        #expect(content.producer(tea.producer)?.kind == .enterprise)
        let wine = try #require(content.products.first { $0.slug == "ruou-lang-van" })
        #expect(wine.price == 85000 && wine.producer == "htx-che-lam")
        let oil = try #require(content.products.first { $0.slug == "tinh-dau-sa" })
        let oilText = try String(contentsOf: fixture.content.appendingPathComponent("products/tinh-dau-sa/index.md"), encoding: .utf8)
        #expect(oilText.hasSuffix("---\n=HYPERLINK(\"https://x.vn\",\"xem\")\n"), "\(oilText)")
        #expect(oil.category == .herbal)
        #expect(oil.ocop.date == CalendarDate(year: 2024, month: 3, day: 15), "an Excel date cell is a date")
    }

    @Test func xlsxErrorsPointAtTheCell() throws {
        let fixture = try SiteFixture()
        let script = #"""
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["Name", "Price", "Stars", "Year", "Category", "Producer", "GTIN"])
        for i in range(2, 7):
            ws.append([f"P{i}", 1000, 3, 2020, "food", "HTX Chè lam Hà Trung", None])
        ws.append(["P7", "abc", 3, 2020, "food", "HTX Chè lam Hà Trung", "8936012345675"])
        wb.save("list.xlsx")
        """#
        try makeWorkbook(fixture, script)
        let before = Tools.tree(fixture.content)
        let report = runImport(fixture, "list.xlsx")
        let errors = report.diagnostics.errors.map(\.description)
        #expect(errors.contains { $0.hasPrefix("list.xlsx:7:2: error: column 'Price' (B): 'abc'") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("list.xlsx:7:7: error: column 'GTIN' (G)") && $0.contains("check digit") }, "\(errors)")
        #expect(Tools.tree(fixture.content) == before)
    }

    /// Cooperatives merge a cell over the rows it applies to (the producer beside each of its
    /// products, a year for a group): each row gets that value, as the sheet shows it. A merge
    /// across columns (a long description over two columns) gives nothing to the columns it covers.
    @Test func xlsxMergedCellsGiveTheirValueToEachRow() throws {
        let fixture = try SiteFixture()
        let script = #"""
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["DANH SÁCH SẢN PHẨM OCOP"])
        ws.merge_cells("A1:G1")
        ws.append(["Tên sản phẩm", "Giá", "Số sao", "Năm", "Nhóm", "Nhà sản xuất", "Đơn vị"])
        ws.append(["Chè lam gừng", 45000, 4, 2024, "Thực phẩm", "HTX Chè lam Hà Trung", None])
        ws.append(["Chè lam lạc", 50000, 3, None, "Thực phẩm", None, None])
        ws.append(["Bánh gai", 60000, 3, None, "Thực phẩm", None, None])
        ws.merge_cells("D3:D5")
        ws.merge_cells("F3:F5")
        ws.append(["Nem chua", 70000, 4, 2025, "Thực phẩm", "Cơ sở Nem Hà Trung", "gói"])
        ws.merge_cells("F6:G6")
        wb.save("list.xlsx")
        """#
        try makeWorkbook(fixture, script)
        let report = runImport(fixture, "list.xlsx")
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let content = try load(fixture)
        for slug in ["che-lam-gung", "che-lam-lac", "banh-gai"] {
            let product = try #require(content.products.first { $0.slug == slug }, "\(content.products.map(\.slug))")
            #expect(product.producer == "htx-che-lam" && product.ocop.year == 2024, "\(slug): \(product.producer) \(product.ocop)")
        }
        let nem = try #require(content.products.first { $0.slug == "nem-chua" })
        #expect(nem.unit == nil, "the merge over 'Đơn vị' is the producer's cell, not a unit")
    }

    /// A hidden row is out of sight in Excel: not imported, with a warning naming it.
    @Test func xlsxHiddenRowsAreNotImported() throws {
        let fixture = try SiteFixture()
        let script = #"""
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["Tên sản phẩm", "Giá", "Số sao", "Năm", "Nhóm", "Nhà sản xuất"])
        ws.append(["Chè lam gừng", 45000, 4, 2024, "Thực phẩm", "HTX Chè lam Hà Trung"])
        ws.append(["Chè lam cũ", 40000, 3, 2020, "Thực phẩm", "HTX Chè lam Hà Trung"])
        ws.append(["Bánh gai", 60000, 3, 2024, "Thực phẩm", "HTX Chè lam Hà Trung"])
        ws.row_dimensions[3].hidden = True
        wb.save("list.xlsx")
        """#
        try makeWorkbook(fixture, script)
        let report = runImport(fixture, "list.xlsx")
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        #expect(report.created.sorted() == ["products/banh-gai/index.md", "products/che-lam-gung/index.md"], "\(report.created)")
        #expect(report.diagnostics.warnings.map(\.description).contains("list.xlsx:3:1: warning: row 3 is hidden in the sheet: not imported; unhide it to import it"),
                "\(report.diagnostics.sorted)")
    }

    /// Only one worksheet is imported: the others that hold rows are named in a warning, and
    /// `sheet` (`--sheet`) chooses another by the name on its tab.
    @Test func xlsxOtherSheetsAreNamedAndOneCanBeChosen() throws {
        let fixture = try SiteFixture()
        let script = #"""
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Thực phẩm"
        ws.append(["Tên sản phẩm", "Giá", "Số sao", "Năm", "Nhóm", "Nhà sản xuất"])
        ws.append(["Chè lam gừng", 45000, 4, 2024, "Thực phẩm", "HTX Chè lam Hà Trung"])
        crafts = wb.create_sheet("Thủ công")
        crafts.append(["Tên sản phẩm", "Giá", "Số sao", "Năm", "Nhóm", "Nhà sản xuất"])
        crafts.append(["Làn cói", 150000, 3, 2022, "Thủ công mỹ nghệ", "HTX Chè lam Hà Trung"])
        crafts.append(["Chiếu cói", 350000, 4, 2023, "Thủ công mỹ nghệ", "HTX Chè lam Hà Trung"])
        wb.create_sheet("Trống")
        wb.save("list.xlsx")
        """#
        try makeWorkbook(fixture, script)
        let first = runImport(fixture, "list.xlsx")
        #expect(first.succeeded && first.created == ["products/che-lam-gung/index.md"], "\(first.created) \(first.diagnostics.sorted)")
        #expect(first.diagnostics.warnings.map(\.description) == ["list.xlsx:1:1: warning: the sheet 'Thủ công' (3 rows) was not read: one sheet is imported at a time, here 'Thực phẩm'; "
                                                                 + "put its rows in the sheet 'Thực phẩm', or import it on its own with --sheet \"Thủ công\""], "\(first.diagnostics.sorted)")

        let crafts = ProductImport(file: fixture.directory.file("list.xlsx"), displayPath: "list.xlsx", contentRoot: fixture.content, sheet: "thu cong").run()
        #expect(crafts.succeeded && crafts.created.sorted() == ["products/chieu-coi/index.md", "products/lan-coi/index.md"], "\(crafts.created) \(crafts.diagnostics.sorted)")
        #expect(crafts.diagnostics.warnings.map(\.message).contains { $0.hasPrefix("the sheet 'Thực phẩm' (2 rows) was not read") }, "\(crafts.diagnostics.sorted)")

        let wrong = ProductImport(file: fixture.directory.file("list.xlsx"), displayPath: "list.xlsx", contentRoot: fixture.content, sheet: "Đồ uống").run()
        #expect(wrong.diagnostics.errors.map(\.description) == ["list.xlsx:1:1: error: list.xlsx has no sheet named 'Đồ uống'; its sheets are 'Thực phẩm', 'Thủ công', 'Trống'"],
                "\(wrong.diagnostics.sorted)")
    }

    /// A barcode copied from another product, on the site or in the sheet, is an error at its
    /// cell, and nothing is written.
    @Test func aBarcodeOfAnotherProductIsRefused() throws {
        let fixture = try SiteFixture()
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45000\ngtin: \"8936012345674\""))
        let before = Tools.tree(fixture.content)
        // The page's own product keeps its barcode; two new rows share one.
        try fixture.directory.write("list.csv", """
        Tên,Giá,Sao,Năm,Nhóm,HTX,Mã vạch
        Chè lam,46000,4,2025,Thực phẩm,htx che lam,8936012345674
        Rượu nếp,90000,4,2024,Đồ uống,htx che lam,8936012345810
        Rượu nếp cái,95000,4,2024,Đồ uống,htx che lam,8936012345810

        """)
        var errors = runImport(fixture, "list.csv", update: true).diagnostics.errors.map(\.description)
        #expect(errors.count == 1 && errors.first?.hasPrefix("list.csv:4:7: error: column 'Mã vạch' (G): the barcode 8936012345810 is also on row 3") == true, "\(errors)")
        // Another product with the page's barcode.
        try fixture.directory.write("list.csv", "Tên,Giá,Sao,Năm,Nhóm,HTX,Mã vạch\nChè lam gừng,50000,4,2024,Thực phẩm,htx che lam,8936012345674\n")
        errors = runImport(fixture, "list.csv").diagnostics.errors.map(\.description)
        #expect(errors.count == 1 && errors[0].hasPrefix("list.csv:2:7: error: column 'Mã vạch' (G): the barcode 8936012345674 is already that of products/che-lam/index.md"), "\(errors)")
        #expect(Tools.tree(fixture.content) == before, "nothing written")
    }

    @Test func anExistingProducerFileIsNeverReplaced() throws {
        let fixture = try SiteFixture()
        let before = try String(contentsOf: fixture.content.appendingPathComponent("producers/htx-che-lam.yaml"), encoding: .utf8)
        try fixture.directory.write("list.csv", "Tên,Giá,Sao,Năm,Nhóm,HTX\nBánh,1000,3,2020,1,htx che lam\n")
        let report = runImport(fixture, "list.csv")
        #expect(report.succeeded && report.created == ["products/banh/index.md"], "\(report.created) \(report.diagnostics.sorted)")
        #expect(try String(contentsOf: fixture.content.appendingPathComponent("producers/htx-che-lam.yaml"), encoding: .utf8) == before)
    }

    @Test func titleRowsNumberColumnsAndUnitsInHeadings() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("list.csv", """
        DANH SÁCH SẢN PHẨM OCOP NĂM 2024,,,,,,,
        ,,,,,,,
        STT,Tên sản phẩm,Giá bán (đồng),Số sao,Năm công nhận,Nhóm sản phẩm,Chủ thể,Khối lượng (g)
        1,Bánh đa,"15.000",3,2024,Thực phẩm,HTX Chè lam Hà Trung,250
        2,Mắm tép,"30,000",bốn,2024,Thực phẩm,HTX Chè lam Hà Trung,500

        """)
        let report = runImport(fixture, "list.csv")
        let errors = report.diagnostics.errors.map(\.description)
        #expect(errors.count == 1 && errors[0].hasPrefix("list.csv:5:4: error: column 'Số sao' (D): 'bốn'"), "\(errors)")
        #expect(report.diagnostics.warnings.isEmpty, "\(report.diagnostics.sorted)")
        try fixture.directory.write("list.csv", "STT,Tên sản phẩm,Giá bán (đồng),Số sao,Năm công nhận,Nhóm sản phẩm,Chủ thể,Khối lượng (g)\n1,Bánh đa,15.000,3,2024,Thực phẩm,HTX Chè lam Hà Trung,250\n")
        #expect(runImport(fixture, "list.csv").succeeded)
        let content = try load(fixture)
        #expect(content.products.first { $0.slug == "banh-da" }?.weight?.description == "250 g")
    }

    /// A list in thousands of đồng (`Giá bán (nghìn đồng)`, 45 for 45.000 đ) is read in đồng; a
    /// price under 1,000 đ is a list in thousands whose heading does not say so.
    @Test func pricesInThousandsOfDong() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("list.csv", """
        Tên sản phẩm,Giá bán (nghìn đồng),Giá khuyến mãi (nghìn đồng),Hạng sao,Năm,Nhóm,Chủ thể
        Nước mắm Cửa Vạn,45,40,4,2024,Thực phẩm,HTX Chè lam Hà Trung
        Tương bần hộp quà,"1,2",,3,2023,Thực phẩm,HTX Chè lam Hà Trung
        Mắm tép,30.000đ,25k,3,2023,Thực phẩm,HTX Chè lam Hà Trung

        """)
        let report = runImport(fixture, "list.csv")
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let content = try load(fixture)
        let sauce = try #require(content.products.first { $0.slug == "nuoc-mam-cua-van" })
        #expect(sauce.price == 45000 && sauce.salePrice == 40000)
        #expect(content.products.first { $0.slug == "tuong-ban-hop-qua" }?.price == 1200)
        let shrimp = try #require(content.products.first { $0.slug == "mam-tep" })
        #expect(shrimp.price == 30000 && shrimp.salePrice == 25000)

        try fixture.directory.write("bare.csv", "Tên sản phẩm,Giá bán,Giá khuyến mãi,Hạng sao,Năm,Nhóm,Chủ thể\nChè kho,45,40,4,2024,Thực phẩm,HTX Chè lam Hà Trung\n")
        let before = Tools.tree(fixture.content)
        let errors = runImport(fixture, "bare.csv").diagnostics.errors.map(\.description)
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.first?.hasPrefix("bare.csv:2:2: error: column 'Giá bán' (B): '45' reads as 45 đồng, less than any OCOP product costs: "
                                         + "if the prices are in thousands of đồng, write the unit in the heading, as 'Giá bán (nghìn đồng)', or write the price in full, as 45000") == true, "\(errors)")
        #expect(errors.last?.hasPrefix("bare.csv:2:3: error: column 'Giá khuyến mãi' (C): '40' reads as 40 đồng") == true, "\(errors)")
        #expect(Tools.tree(fixture.content) == before)

        // A full price under a heading in thousands would be a thousand times too much; a number
        // that is no price there is told in the heading's unit.
        try fixture.directory.write("full.csv", "Tên sản phẩm,Giá bán (nghìn đồng),Hạng sao,Năm,Nhóm,Chủ thể\nChè kho,45000,4,2024,Thực phẩm,HTX Chè lam Hà Trung\n"
            + "Chè con ong,\"1,250\",4,2024,Thực phẩm,HTX Chè lam Hà Trung\n")
        let full = runImport(fixture, "full.csv").diagnostics.errors.map(\.description)
        #expect(full == [
            "full.csv:2:2: error: column 'Giá bán (nghìn đồng)' (B): the heading 'Giá bán (nghìn đồng)' counts prices in its unit, so '45000' would be 45000000 đồng: write it in that unit (45 for 45.000 đ), or write it with its đ (45.000đ)",
            "full.csv:3:2: error: column 'Giá bán (nghìn đồng)' (B): '1,250' is not a price in the unit of the heading 'Giá bán (nghìn đồng)': write a whole number in that unit (45 for 45.000 đ), or a price with its đ (45.000đ)",
        ], "\(full)")
        #expect(Tools.tree(fixture.content) == before)
    }

    /// A photo's name as typed in the sheet finds the file whatever its letter case, or its Unicode
    /// normalisation (macOS names files decomposed); a name that finds none is told the closest.
    @Test func photoNamesMatchWhateverTheirCaseAndNormalisation() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("Banh Gai.jpeg", "jpeg")
        try fixture.directory.write("mật-ong-hoa-nhãn.jpg".decomposedStringWithCanonicalMapping, "jpeg")
        try fixture.directory.write("mien-dong.jpg", "jpeg")
        try fixture.directory.write("list.csv", """
        Tên sản phẩm,Giá,Số sao,Năm,Nhóm,HTX,Ảnh
        Bánh gai,60000,3,2024,Thực phẩm,HTX Chè lam Hà Trung,banh gai.JPEG
        Mật ong hoa nhãn,250000,4,2023,Thực phẩm,HTX Chè lam Hà Trung,Mật-ong-hoa-nhãn.jpg

        """)
        let report = runImport(fixture, "list.csv")
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let content = try load(fixture)
        #expect(content.products.first { $0.slug == "banh-gai" }?.images.map(\.path) == ["Banh Gai.jpeg"])
        #expect(content.products.first { $0.slug == "mat-ong-hoa-nhan" }?.images.count == 1)

        try fixture.directory.write("wrong.csv", "Tên sản phẩm,Giá,Số sao,Năm,Nhóm,HTX,Ảnh\nMiến dong,45000,4,2024,Thực phẩm,HTX Chè lam Hà Trung,mien dong.jpg\n")
        let errors = runImport(fixture, "wrong.csv").diagnostics.errors.map(\.description)
        #expect(errors == ["wrong.csv:2:7: error: column 'Ảnh' (G): there is no photo 'mien dong.jpg' next to the spreadsheet, but there is 'mien-dong.jpg': if it is that photo, write its name as it is"], "\(errors)")
    }

    /// A count in stock (`Số lượng tồn`) gives the availability: 0 is out of stock; a status
    /// written beside it wins, but not "in stock" beside 0.
    @Test func aStockCountOfZeroIsOutOfStock() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("list.csv", """
        Tên sản phẩm,Giá,Số sao,Năm,Nhóm,HTX,Số lượng tồn,Tình trạng
        Bánh gai,60000,3,2024,Thực phẩm,HTX Chè lam Hà Trung,0,
        Nem chua,45000,4,2024,Thực phẩm,HTX Chè lam Hà Trung,12,
        Rượu nếp,120000,5,2024,Đồ uống,HTX Chè lam Hà Trung,0,Đặt trước

        """)
        let report = runImport(fixture, "list.csv")
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let content = try load(fixture)
        #expect(content.products.first { $0.slug == "banh-gai" }?.availability == .outOfStock)
        #expect(content.products.first { $0.slug == "nem-chua" }?.availability == .inStock)
        #expect(content.products.first { $0.slug == "ruou-nep" }?.availability == .preorder)

        try fixture.directory.write("wrong.csv", "Tên sản phẩm,Giá,Số sao,Năm,Nhóm,HTX,Tồn kho,Tình trạng\nMiến dong,45000,4,2024,Thực phẩm,HTX Chè lam Hà Trung,0,Còn hàng\nChè kho,45000,4,2024,Thực phẩm,HTX Chè lam Hà Trung,hết,\n")
        let errors = runImport(fixture, "wrong.csv").diagnostics.errors.map(\.description)
        #expect(errors == ["wrong.csv:2:7: error: column 'Tồn kho' (G): 0 in stock, but the column 'Tình trạng' says 'Còn hàng'; correct the one that is wrong",
                           "wrong.csv:3:7: error: column 'Tồn kho' (G): 'hết' is not a number in stock; write a whole number such as 12, or 0 when none is left"], "\(errors)")
    }

    @Test func excelSeparatorHint() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("list.csv", "sep=;\r\nTên;Giá;Sao;Năm;Nhóm;HTX\r\nBánh;12,5;3;2020;1;HTX Chè lam Hà Trung\r\n")
        let errors = runImport(fixture, "list.csv").diagnostics.errors.map(\.description)
        #expect(errors.count == 1 && errors[0].hasPrefix("list.csv:2:2: error: column 'Giá' (B): '12,5'"), "\(errors)")
    }

    @Test func notASpreadsheet() throws {
        let fixture = try SiteFixture()
        try fixture.directory.write("list.xlsx", "not a zip")
        // Latin-1 "Größe": not UTF-8, and no Vietnamese in any legacy encoding either.
        try fixture.directory.write("latin.csv", Data([0x47, 0x72, 0xF6, 0xDF, 0x65, 0x0A]))
        #expect(runImport(fixture, "list.xlsx").diagnostics.errors.first?.message.contains("not a valid .xlsx") == true)
        #expect(runImport(fixture, "latin.csv").diagnostics.errors.first?.message.contains("CSV UTF-8") == true)
    }

    /// A price per kilo, or words where the price goes: said for what they are.
    @Test func pricesThatAreNoPackPrice() throws {
        #expect(try errors(importing: "Tên sản phẩm;Giá;Số sao OCOP;Năm công nhận;Nhóm;HTX\n"
            + "Gạo nếp;50.000 đ/kg;4;2024;Thực phẩm;HTX Chè lam Hà Trung\nMật ong;Liên hệ;4;2024;Thực phẩm;HTX Chè lam Hà Trung\n") == [
            "list.csv:2:2: error: column 'Giá' (B): '50.000 đ/kg' is a price per kg: marketplaces sell a product by its pack, so write the pack's price here, and the pack in a column 'Đơn vị' (hộp 500 g)",
            "list.csv:3:2: error: column 'Giá' (B): 'Liên hệ' is no price, and marketplaces take no product without one: write its price (a price to agree can be said in the description)"])
    }

    @Test func pricesAsPeopleWriteThem() {
        for (text, value) in [("45000", 45000), ("45.000", 45000), ("45.000đ", 45000), ("45,000 VND", 45000), ("45 000 ₫", 45000),
                              ("1.250.000 đồng", 1_250_000), ("45.000 VNĐ", 45000),
                              // Excel's accounting format shows two zero decimals.
                              ("45.000,00", 45000), ("45,000.00", 45000), ("1.250.000,00 đ", 1_250_000)] {
            #expect(CellValue.price(text) == value, "\(text)")
        }
        for text in ["45.5", "0", "4,50", "abc", "45.000,5", "-5", "0k", "1.250 triệu", "1,2,3k", "k", "45.5555k"] { #expect(CellValue.price(text) == nil, "\(text)") }
        // In thousands or millions, as prices are said.
        for (text, value) in [("45k", 45000), ("45 K", 45000), ("45,5k", 45500), ("45 nghìn", 45000), ("45 ngàn đồng", 45000), ("1,2 triệu", 1_200_000),
                              ("1.2 triệu", 1_200_000), ("1.25tr", 1_250_000), ("2 triệu đồng", 2_000_000)] {
            #expect(CellValue.price(text) == value, "\(text)")
        }
        // A bare number in a column of thousands; a cell that says đồng is in đồng.
        for (text, value) in [("45", 45000), ("1.2", 1200), ("1,25", 1250), ("45.000đ", 45000), ("2 triệu", 2_000_000)] {
            #expect(CellValue.price(text, scale: 1000) == value, "\(text)")
        }
        for text in ["45.000", "1.250", "1.2345"] { #expect(CellValue.price(text, scale: 1000) == nil, "\(text) could be read two ways") }
        for (header, scale) in [("Giá bán (nghìn đồng)", 1000), ("Giá (ngàn đồng)", 1000), ("Giá [nghìn đ]", 1000), ("Giá (1000đ)", 1000), ("Giá (1.000 đ)", 1000),
                                ("Giá (k)", 1000), ("Giá (x1000)", 1000), ("Giá (triệu đồng)", 1_000_000), ("Giá (đồng)", 1), ("Giá", 1)] {
            #expect(Column.priceScale(in: header) == scale, "\(header)")
        }
        // Groups by the OCOP programme's numbers: 4 is textiles and 5 souvenirs and decoration (handicraft), 6 tourism.
        for (text, category) in [("1", "food"), ("Nhóm 2", "beverage"), ("3", "herbal"), ("Nhóm 4", "handicraft"), ("5", "handicraft"),
                                 ("Nhóm 6", "tourism"), ("Lưu niệm - nội thất - trang trí", "handicraft"), ("Sinh vật cảnh", "ornamental"),
                                 ("6 - Dịch vụ du lịch cộng đồng", "tourism"), ("Nhóm 1: Thực phẩm", "food"), ("4. Vải và may mặc", "handicraft")] {
            #expect(CellValue.category(text) == category, "\(text)")
        }
        #expect(CellValue.category("7") == nil)
        #expect(Column.recognise("TÊN SẢN PHẨM") == .name)
        #expect(Column.recognise("Giá khuyến mại") == .salePrice)
        #expect(Column.recognise("HTX/Nhà sản xuất") == .producer)
        #expect(YAMLText.quoted("a\"b\\c\nd\u{1}") == #""a\"b\\c\nd\u0001""#)
    }
}
