import DinhTestSupport
import Foundation
import Testing

/// *1.1* VietQR payment codes, through the real `dinh`: a producer's `bank:` gives its products
/// `qr/<CODE>-pay.png` and `.svg`, a section on the product page and a second code on the placard;
/// mistakes in `bank:` are errors at their line.
@Suite struct PayCodesTests {
    let fixture: SiteFixture

    init() throws { fixture = try SiteFixture() }

    var output: URL { fixture.directory.file("public") }

    static let bank = """
    bank:
      bin: "970436"
      account: "0011000000000"
      name: HTX CHE LAM HA TRUNG
    """

    /// Computed apart from Dinh (a few lines of Python with binascii.crc_hqx) for 970436 /
    /// 0011000000000, 45 000 đ, note HT42.
    static let payload45000 = "00020101021238570010A00000072701270006970436011300110000000000208QRIBFTTA53037045405450005802VN62080804HT42630477D9"
    /// The same with the sale price, 40 000 đ.
    static let payload40000 = "00020101021238570010A00000072701270006970436011300110000000000208QRIBFTTA53037045405400005802VN62080804HT4263044A7E"
    /// The placard's: static (01 = 11), no amount (no field 54), so a printed board never asks for an old price.
    static let boardPayload = "00020101021138570010A00000072701270006970436011300110000000000208QRIBFTTA53037045802VN62080804HT426304D89D"

    func build() throws -> ProcessResult { try fixture.dinh("build", "content", "--output", "public", "--quiet") }
    func page(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path) }
    /// A code's board as the print shop gets it from `dinh qr` (into `print/qr/`; a build leaves
    /// the boards to the sheet).
    func placard(_ code: String) throws -> String {
        let result = try fixture.dinh("qr", "content", "--output", "print")
        #expect(result.status == 0, "\(result.stderr)")
        return try String(contentsOf: fixture.directory.file("print/qr/\(code)-placard.svg"), encoding: .utf8)
    }

    /// zbar and zxing-cpp (Python, from the test environment) on each image: path → what each read.
    static let decodeScript = #"""
    import json, subprocess, sys
    from PIL import Image
    import zxingcpp
    out = {}
    for path in sys.argv[1:]:
        img = Image.open(path).convert("RGBA")
        bg = Image.new("RGBA", img.size, "white")
        flat = Image.alpha_composite(bg, img).convert("L")
        flat.save(path + ".flat.png")
        z = subprocess.run(["zbarimg", "-q", "--raw", path + ".flat.png"], capture_output=True, text=True)
        out[path] = {"zbar": sorted(l for l in z.stdout.splitlines() if l), "zxing": sorted(b.text for b in zxingcpp.read_barcodes(flat))}
    print(json.dumps(out))
    """#

    func decode(_ paths: [String]) throws -> [String: [String: [String]]] {
        let script = try fixture.directory.write("decode.py", Self.decodeScript)
        let result = try Tools.shell("\(Tools.python) '\(script.path)' " + paths.map { "'\($0)'" }.joined(separator: " "))
        #expect(result.status == 0, "\(result.stderr)")
        let json = result.stdout.split(separator: "\n").last.map(String.init) ?? "{}"
        return try JSONDecoder().decode([String: [String: [String]]].self, from: Data(json.utf8))
    }

    @Test func bankGivesPayCodesThatDecodeToThePayload() throws {
        try fixture.write("producers/htx-che-lam.yaml", SiteFixture.producer + "\n" + Self.bank + "\n")
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45000\nbuy: {shopee: \"https://shopee.vn/che-lam\"}"))
        let result = try build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(exists("qr/HT42-pay.png") && exists("qr/HT42-pay.svg"))
        #expect(!exists("qr/DP01-pay.png"), "a relic has no payment code")

        // The product page, in both languages: the code image (a PNG, which a phone saves as a picture its
        // banking app can open), bank, account and amount as text.
        let vi = try page("products/che-lam/index.html")
        #expect(vi.contains("Chuyển khoản") && vi.contains("src=\"../../qr/HT42-pay.png\""))
        #expect(vi.contains("Vietcombank") && vi.contains("0011000000000") && vi.contains("HTX CHE LAM HA TRUNG") && vi.contains("45.000 ₫"))
        // On a phone the ways to order come first (the code is for another device, or saved and
        // chosen in the banking app, which the page says).
        let order = try #require(vi.range(of: "id=\"buy-title\"")), pay = try #require(vi.range(of: "id=\"pay-title\""))
        #expect(order.lowerBound < pay.lowerBound)
        #expect(vi.contains("Trên điện thoại này: nhấn giữ ảnh mã để lưu"))
        let en = try page("en/products/che-lam/index.html")
        #expect(en.contains("Pay by bank transfer") && en.contains("45,000 VND") && en.contains("qr/HT42-pay.png"))

        // The placard as a print shop's browser draws it: both codes read, the main one unchanged,
        // the payment code without the amount (nor is the price printed beside it).
        let board = try placard("HT42")
        #expect(board.contains("Quét để chuyển khoản") && board.contains("Scan to pay"))
        #expect(board.contains("Vietcombank · 0011000000000") && !board.contains("45.000"))
        let html = try fixture.directory.write("placard.html", "<!doctype html><html><body style=\"margin:0\"><img src=\"print/qr/HT42-placard.svg\" style=\"width:560px;height:794px\"></body></html>")
        let shot = fixture.directory.file("placard.png")
        try Tools.requireBrowser()
        _ = try Tools.shell("/usr/lib/chromium/chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1' --screenshot='\(shot.path)' --window-size=560,794 '\(html.absoluteString)'")
        let svgHTML = try fixture.directory.write("pay.html", "<!doctype html><html><body style=\"margin:0\"><img src=\"public/qr/HT42-pay.svg\" style=\"width:600px;height:600px\"></body></html>")
        let svgShot = fixture.directory.file("pay-svg.png")
        _ = try Tools.shell("/usr/lib/chromium/chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --host-resolver-rules='MAP * ~NOTFOUND, EXCLUDE 127.0.0.1' --screenshot='\(svgShot.path)' --window-size=600,600 '\(svgHTML.absoluteString)'")
        let png = output.appendingPathComponent("qr/HT42-pay.png").path
        let decoded = try decode([png, svgShot.path, shot.path])
        for path in [png, svgShot.path] {
            #expect(decoded[path]?["zbar"] == [Self.payload45000], "zbar \(path)")
            #expect(decoded[path]?["zxing"] == [Self.payload45000], "zxing \(path)")
        }
        let both = ["HTTPS://DISAN.EXAMPLE.VN/Q/HT42", Self.boardPayload].sorted()
        #expect(decoded[shot.path]?["zbar"] == both, "zbar placard")
        #expect(decoded[shot.path]?["zxing"] == both, "zxing placard")
    }

    @Test func salePriceIsTheAmountAndDrawingsFollowTheContent() throws {
        try fixture.write("producers/htx-che-lam.yaml", SiteFixture.producer + "\n" + Self.bank + "\n")
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45000\nsale_price: 40000"))
        #expect(try build().status == 0)
        let decoded = try Tools.run("/usr/bin/zbarimg", ["-q", "--raw", output.appendingPathComponent("qr/HT42-pay.png").path])
        #expect(decoded.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == Self.payload40000)
        #expect(try page("products/che-lam/index.html").contains("40.000 ₫"))
        // A new account: the boards printed before pay the old one, which the build says (once).
        try fixture.write("producers/htx-che-lam.yaml", SiteFixture.producer + "\n" + Self.bank.replacingOccurrences(of: "0011000000000", with: "0022000000000") + "\n")
        let moved = try build()
        #expect(moved.status == 0 && moved.stderr.contains(
            "warning: boards printed with HT42 carry a payment code into the account 970436/0011000000000 (content/codes.lock:"), "\(moved.stderr)")
        #expect(moved.stderr.contains("now goes to 970436/0022000000000: buyers who scan an old board pay the old account; print its new boards (on the sheet qr/index.html, or each as qr/HT42-placard.svg from dinh qr)"))
        #expect(try !build().stderr.contains("boards printed with"), "told once: the lock records the new account")
        // The cache is keyed by what is drawn: taking the bank away takes the codes away.
        try fixture.write("producers/htx-che-lam.yaml", SiteFixture.producer + "\n")
        let removed = try build()
        #expect(removed.status == 0 && removed.stderr.contains("now goes nowhere (no payment code)"), "\(removed.stderr)")
        #expect(!exists("qr/HT42-pay.png") && !exists("qr/HT42-pay.svg"))
        #expect(try !page("products/che-lam/index.html").contains("Chuyển khoản"))
        #expect(try !placard("HT42").contains("Quét để chuyển khoản"))
    }

    @Test func payQRFalseOptsOut() throws {
        try fixture.write("producers/htx-che-lam.yaml", SiteFixture.producer + "\n" + Self.bank + "\n")
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45000\npay_qr: false"))
        let result = try build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!exists("qr/HT42-pay.png") && !exists("qr/HT42-pay.svg") && exists("qr/HT42.png"))
        #expect(try !page("products/che-lam/index.html").contains("Chuyển khoản"))
        #expect(try !placard("HT42").contains("Quét để chuyển khoản"))
    }

    @Test(arguments: [
        // (line of the producer file, what is written, what the message says)
        ("bin: \"970499\"", 4, "'bank.bin' 970499 is not a known Vietnamese bank"),
        ("bin: \"97043\"", 4, "'bank.bin' must be the 6-digit NAPAS number"),
        ("bin: Vietinbank", 4, "found 'Vietinbank': write bin: \"970415\""),
        ("bin: Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam", 4, "write bin: \"970405\""),
        ("account: \"0011-000-000\"", 5, "write account: \"0011000000\""),
        ("account: \"STK 0011\"", 5, "'bank.account' must be the account number"),
        ("name: HTX Chè lam Hà Trung", 6, "write name: HTX CHE LAM HA TRUNG"),
        ("name: htx che lam", 6, "'bank.name' must be the account holder as the bank shows it"),
        ("pay: yes", 7, "unknown field 'pay' in 'bank'"),
    ])
    func mistakesInBankAreErrorsAtTheirLine(_ change: String, _ line: Int, _ message: String) throws {
        let key = String(change.prefix { $0 != ":" })
        var lines = Self.bank.split(separator: "\n").map(String.init)
        if let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key + ":") }) {
            lines[index] = "  " + change
        } else {
            lines.append("  " + change)
        }
        // Line 1 name, 2 kind, 3 bank:, 4 bin, 5 account, 6 name, 7 the unknown field.
        try fixture.write("producers/htx-che-lam.yaml", SiteFixture.producer + "\n" + lines.joined(separator: "\n") + "\n")
        let result = try fixture.dinh("check", "content")
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let errors = (result.stdout + result.stderr).split(separator: "\n").filter { $0.contains(": error: ") }
        let hit = errors.first { $0.contains(message) }
        #expect(hit?.hasPrefix("content/producers/htx-che-lam.yaml:\(line):") == true, "\(errors)")
    }

    @Test func qrCommandWritesAndReportsPayCodes() throws {
        try fixture.write("producers/htx-che-lam.yaml", SiteFixture.producer + "\n" + Self.bank + "\n")
        let result = try fixture.dinh("qr", "content", "--output", "public")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("HT42: version") && result.stdout.contains("VietQR payment code: version"), "\(result.stdout)")
        #expect(exists("qr/HT42-pay.png") && exists("qr/HT42-pay.svg") && !exists("qr/DP01-pay.png"))
        let decoded = try Tools.run("/usr/bin/zbarimg", ["-q", "--raw", output.appendingPathComponent("qr/HT42-pay.png").path])
        #expect(decoded.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == Self.payload45000)
    }

    @Test func payQRMustBeTrueOrFalse() throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45000\npay_qr: maybe"))
        let result = try fixture.dinh("check", "content")
        #expect(result.status == 1)
        #expect((result.stdout + result.stderr).contains("content/products/che-lam/index.md:12:"), "\(result.stdout)\(result.stderr)")
        #expect((result.stdout + result.stderr).contains("'pay_qr' must be true or false"))
    }
}
