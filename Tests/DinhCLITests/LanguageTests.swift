import DinhTestSupport
import Foundation
import Testing

/// `dinh` speaks Vietnamese when the locale says so (LC_ALL, then LC_MESSAGES, then LANG) or with
/// `--lang vi`, English otherwise or with `--lang en`; the `path:line:column: error:` start of each
/// line stays the same in both languages, since editors read it.
@Suite struct LanguageTests {
    let fixture: SiteFixture

    init() throws {
        fixture = try SiteFixture()
        // A price written as it is printed: one error, at its line.
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45.000đ"))
    }

    static let vietnamese = "'price': giá phải là số đồng nguyên, không có dấu chấm, dấu cách hay ký hiệu tiền; đang ghi '45.000đ'; hãy viết price: 45000"
    static let english = "'price' must be a whole number of đồng, without dots, spaces or currency sign; found '45.000đ'; write price: 45000"
    static let location = "content/products/che-lam/index.md:11:8: error: "

    func build(_ extra: [String] = [], environment: [String: String]) throws -> ProcessResult {
        try Tools.run(Tools.dinhBinary.path, ["build", "content", "--output", "public"] + extra, in: fixture.directory.url, environment: environment)
    }

    @Test func aVietnameseLocaleGivesVietnameseMessagesAtTheSameLocation() throws {
        let result = try build(environment: ["LANG": "vi_VN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains(Self.location + Self.vietnamese), "\(result.stderr)")
        #expect(lines.last == "1 lỗi, 0 cảnh báo: hãy sửa các lỗi trên rồi chạy lại (chưa có gì bị thay đổi)")
        #expect(result.stdout.contains("[1/7] đọc nội dung"), "\(result.stdout)")
        #expect(!result.stderr.contains("must be"))
    }

    @Test func langEnOverridesAVietnameseLocale() throws {
        let result = try build(["--lang", "en"], environment: ["LANG": "vi_VN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").map(String.init).contains(Self.location + Self.english), "\(result.stderr)")
        #expect(result.stderr.contains("1 error, 0 warnings: fix the errors above and run again (nothing was changed)"))
        #expect(result.stdout.contains("[1/7] load content"))
    }

    @Test func langViWorksAnywhereOnTheLineAndInAnEnglishLocale() throws {
        for words in [["--lang", "vi"], ["--lang=vi"]] {
            let result = try build(words, environment: ["LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
            #expect(result.stderr.contains(Self.location + Self.vietnamese), "\(words): \(result.stderr)")
        }
        let before = try Tools.run(Tools.dinhBinary.path, ["--lang", "vi", "build", "content", "--output", "public"],
                                   in: fixture.directory.url, environment: ["LANG": "C.UTF-8"])
        #expect(before.stderr.contains(Self.location + Self.vietnamese), "\(before.stderr)")
    }

    @Test func theLocaleIsReadAsPOSIXSays() throws {
        // LC_ALL wins over everything, then LC_MESSAGES, then LANG; an empty one does not count.
        let cases: [([String: String], Bool)] = [
            (["LANG": "vi_VN.UTF-8", "LC_ALL": "C.UTF-8", "LC_MESSAGES": ""], false),
            (["LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": "vi_VN.UTF-8"], true),
            (["LANG": "vi_VN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "en_GB.UTF-8"], false),
            (["LANG": "C.UTF-8", "LC_ALL": "vi_VN", "LC_MESSAGES": "en_GB.UTF-8"], true),
            (["LANG": "", "LC_ALL": "", "LC_MESSAGES": ""], false),
        ]
        for (environment, vietnamese) in cases {
            let result = try build(environment: environment)
            #expect(result.stderr.contains(vietnamese ? Self.vietnamese : Self.english), "\(environment): \(result.stderr)")
        }
    }

    /// Help as read, without the line breaks ArgumentParser puts at 80 columns.
    func flat(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    @Test func helpIsInTheChosenLanguage() throws {
        let vi = try fixture.dinh("--help", environment: ["LANG": "vi_VN.UTF-8", "LC_ALL": ""])
        #expect(vi.status == 0)
        #expect(flat(vi.stdout).contains("Tạo trang web di tích và sản phẩm OCOP từ một thư mục nội dung."), "\(vi.stdout)")
        #expect(flat(vi.stdout).contains("Tạo trang web vào thư mục kết quả"))
        #expect(vi.stdout.contains("--lang <vi|en>"))

        let build = try fixture.dinh("build", "--help", "--lang", "vi")
        #expect(build.status == 0)
        #expect(flat(build.stdout).contains("Thư mục kết quả, được thay toàn bộ khi tạo trang thành công."), "\(build.stdout)")
        #expect(build.stdout.contains("Số ảnh xử lý cùng lúc"))
        // ArgumentParser's own words too: an officer reading Vietnamese meets no English.
        #expect(build.stdout.contains("TÙY CHỌN:") && build.stdout.contains("(mặc định: public)") && build.stdout.contains("In phần trợ giúp này."), "\(build.stdout)")
        for english in ["OPTIONS:", "USAGE:", "default:", "Show the version", "Show help"] { #expect(!build.stdout.contains(english), "\(english)") }
        let wrong = try fixture.dinh("build", "--outptu", "x", "--lang", "vi")
        #expect(wrong.status == 2 && wrong.stderr.hasPrefix("Lỗi: không có tùy chọn '--outptu'. Có phải ý bạn là '--output'?"), "\(wrong.stderr)")
        #expect(wrong.stderr.contains("Cách dùng: dinh build") && !wrong.stderr.contains("Usage"), "\(wrong.stderr)")
        let typo = try fixture.dinh("importt", "--lang", "vi")
        #expect(typo.status == 2 && typo.stderr.hasPrefix("Lỗi: không có lệnh 'importt'; có phải ý bạn là 'dinh import'?"), "\(typo.stderr)")
        let importUsage = try fixture.dinh("import", "--help", "--lang", "vi")
        #expect(importUsage.stdout.contains("Xem 'dinh help import <lệnh>' để biết chi tiết.") && !importUsage.stdout.contains("detailed"), "\(importUsage.stdout)")

        let en = try fixture.dinh("--help", "--lang", "en", environment: ["LANG": "vi_VN.UTF-8"])
        #expect(flat(en.stdout).contains("Build a heritage and OCOP products website from a content folder."), "\(en.stdout)")
        #expect(!en.stdout.contains("Tạo trang web"))

        let importHelp = try fixture.dinh("import", "products", "--help", environment: ["LANG": "vi_VN.UTF-8", "LC_ALL": ""])
        #expect(flat(importHelp.stdout).contains("Tạo thư mục sản phẩm (và chủ thể còn thiếu) từ danh sách CSV hoặc .xlsx của hợp tác xã."), "\(importHelp.stdout)")
    }

    @Test func dinhQRReportsInVietnamese() throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product)
        let vi = try fixture.dinh("qr", "content", "--output", "public", "--lang", "vi")
        #expect(vi.status == 0, "\(vi.stderr)")
        #expect(vi.stdout.contains("DP01: phiên bản "), "\(vi.stdout)")
        #expect(vi.stdout.contains("Đã ghi 2 mã QR và biển vào public/qr (in từ public/qr/index.html)"), "\(vi.stdout)")
        // The same drawings from the cache, reported in English.
        let en = try fixture.dinh("qr", "content", "--output", "public", "--lang", "en")
        #expect(en.stdout.contains("DP01: version "), "\(en.stdout)")
        #expect(en.stdout.contains("Wrote 2 QR codes and placards into public/qr"), "\(en.stdout)")
    }

    @Test func anUnknownLanguageIsWrongUsage() throws {
        let result = try fixture.dinh("build", "content", "--lang", "fr")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--lang must be vi (Vietnamese) or en (English), not 'fr'"), "\(result.stderr)")
    }

    @Test func importSpeaksVietnameseToo() throws {
        let sheet = fixture.directory.file("list.csv")
        try Data("Tên sản phẩm,Giá,Số sao OCOP,Nhóm,HTX\nMật ong,45.000,4,Thực phẩm,HTX Mật ong\n".utf8).write(to: sheet)
        let result = try fixture.dinh("import", "products", "list.csv", "content", "--lang", "vi")
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("list.csv:1:1: error: chưa có cột năm được công nhận OCOP; hãy thêm cột 'Năm công nhận'"), "\(result.stderr)")
        // An old Excel file is an error at the file in Vietnamese, not the parser's English "Error: … Usage: …".
        try Data("not read".utf8).write(to: fixture.directory.file("list.xls"))
        let old = try fixture.dinh("import", "products", "list.xls", "content", "--lang", "vi")
        #expect(old.status == 1 && old.stderr.hasPrefix("list.xls:1:1: error: list.xls phải là tệp .csv hoặc .xlsx"), "\(old.stderr)")
        #expect(!old.stderr.contains("Usage") && !old.stderr.contains("Error:"), "\(old.stderr)")
    }
}
