import DinhCore
import DinhTestSupport
@testable import DinhQR
import Foundation
import Testing

/// VietQR payloads against payloads published by others, an independent TLV reader and CRC
/// (Python's binascii), and real decoders reading the symbol and a placard that carries it.
@Suite("VietQR payment payloads")
struct VietQRTests {
    /// Published example payloads, each with its CRC, from outside this project.
    struct Example: Sendable, CustomStringConvertible {
        var source: String
        var code: VietQR
        var payload: String
        var description: String { source }
    }

    static let examples: [Example] = [
        // github.com/subiz/vietqr README: 120 000 đ to VietinBank 0011001932418, note "ung ho lu lut".
        Example(source: "subiz/vietqr README",
                code: VietQR(bin: "970415", account: "0011001932418", amount: 120_000, note: "ung ho lu lut"),
                payload: "00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C"),
        // npm dynamic-vietqr 0.0.81 README, "Dynamic QR IBFT to Account": 180 000 đ to Sacombank 0011012345678.
        Example(source: "dynamic-vietqr README (dynamic)",
                code: VietQR(bin: "970403", account: "0011012345678", amount: 180_000, note: "thanh toan don hang"),
                payload: "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA530370454061800005802VN62230819thanh toan don hang63045FAB"),
        // The same README, "Static QR IBFT to Account": no amount, point of initiation 11.
        Example(source: "dynamic-vietqr README (static)",
                code: VietQR(bin: "970403", account: "0011012345678"),
                payload: "00020101021138570010A00000072701270006970403011300110123456780208QRIBFTTA53037045802VN63049E6F"),
    ]

    @Test(arguments: examples)
    func matchesPublishedPayloadByteForByte(_ example: Example) throws {
        let built = try example.code.payload()
        #expect(Array(built.utf8) == Array(example.payload.utf8), "\(example.source)\n built: \(built)\n published: \(example.payload)")
    }

    /// pkg.go.dev thanhtinhpas1/vietqr-parser README prints a payload with payload format "00" (not
    /// a code this builder makes): it checks the CRC alone.
    @Test func crcOfAnotherPublishedPayload() {
        let published = "00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304CD60"
        #expect(VietQR.crcHex(String(published.dropLast(4))) == "CD60")
        // The check value of CRC-16/CCITT-FALSE (the CRC catalogue's "123456789").
        #expect(VietQR.crc16(Array("123456789".utf8)) == 0x29B1)
    }

    /// A small TLV reader written apart from the builder: ID, 2-digit length, value.
    static func tlv(_ text: String) -> [(id: String, value: String)]? {
        var fields: [(String, String)] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            guard rest.count >= 4, let length = Int(rest.dropFirst(2).prefix(2)), rest.count >= 4 + length else { return nil }
            fields.append((String(rest.prefix(2)), String(rest.dropFirst(4).prefix(length))))
            rest = rest.dropFirst(4 + length)
        }
        return fields
    }

    static let cases: [VietQR] = [
        VietQR(bin: "970436", account: "0011000000000", amount: 40_000, note: "HT42"),
        VietQR(bin: "970418", account: "1", amount: 1, note: "A1"),
        VietQR(bin: "970405", account: "1234567890123456789", amount: 9_999_999_999_999, note: "ABCDEFGHIJKL"),
        VietQR(bin: "970415", account: "113366668888", amount: 79_000, note: "Ung Ho Quy Vac Xin"),
        VietQR(bin: "970422", account: "0962091996"),
    ]

    @Test func structureAndCRCCheckedIndependently() throws {
        var payloads: [String] = []
        for code in Self.cases {
            let payload = try code.payload()
            payloads.append(payload)
            let root = try #require(Self.tlv(payload), "\(payload)")
            #expect(root.map(\.id) == ["00", "01", "38", "53"] + (code.amount == nil ? [] : ["54"]) + ["58"] + (code.note == nil ? [] : ["62"]) + ["63"])
            let value = Dictionary(root.map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a })
            #expect(value["00"] == "01")
            #expect(value["01"] == (code.amount == nil ? "11" : "12"))
            #expect(value["53"] == "704" && value["58"] == "VN")
            #expect(value["54"] == code.amount.map(String.init))
            let merchant = try #require(Self.tlv(value["38"] ?? ""))
            #expect(merchant.map(\.id) == ["00", "01", "02"])
            #expect(merchant[0].value == "A000000727" && merchant[2].value == "QRIBFTTA")
            let beneficiary = try #require(Self.tlv(merchant[1].value))
            #expect(beneficiary.map(\.id) == ["00", "01"] && beneficiary[0].value == code.bin && beneficiary[1].value == code.account)
            if let note = code.note { #expect(Self.tlv(value["62"] ?? "")?.first.map { [$0.id, $0.value] } == ["08", note]) }
            #expect(payload.dropLast(4).hasSuffix("6304") && value["63"]?.count == 4)
        }
        // CRC-16/CCITT-FALSE recomputed by Python's binascii.crc_hqx(data, 0xFFFF), over everything up to and including "6304".
        let script = "import sys, binascii\nfor line in sys.stdin.read().splitlines():\n    print('%04X' % binascii.crc_hqx(line[:-4].encode('ascii'), 0xFFFF), line[-4:])\n"
        let dir = try TemporaryDirectory("dinh-vietqr-crc")
        defer { dir.remove() }
        let file = try dir.write("crc.py", script)
        let result = try Tools.shell("\(Tools.python) '\(file.path)'", input: Data((payloads.joined(separator: "\n") + "\n").utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == payloads.count)
        for line in lines {
            let parts = line.split(separator: " ")
            #expect(parts.count == 2 && parts[0] == parts[1], "python CRC differs: \(line)")
        }
    }

    @Test func impossibleValuesAreRefused() {
        #expect(throws: VietQR.Problem.self) { try VietQR(bin: "97043", account: "1", amount: 1).payload() }
        #expect(throws: VietQR.Problem.self) { try VietQR(bin: "970436", account: "0011-000", amount: 1).payload() }
        #expect(throws: VietQR.Problem.self) { try VietQR(bin: "970436", account: "12345678901234567890", amount: 1).payload() }
        #expect(throws: VietQR.Problem.self) { try VietQR(bin: "970436", account: "1", amount: 0).payload() }
        #expect(throws: VietQR.Problem.self) { try VietQR(bin: "970436", account: "1", amount: 10_000_000_000_000).payload() }
        #expect(throws: VietQR.Problem.self) { try VietQR(bin: "970436", account: "1", amount: 1, note: "Chè lam").payload() }
        #expect(throws: VietQR.Problem.self) { try VietQR(bin: "970436", account: "1", amount: 1, note: String(repeating: "A", count: 26)).payload() }
    }

    @Test func bankTableHasTheBigFourAndUniqueBINs() {
        #expect(VietnameseBank.bank(bin: "970436")?.shortName == "Vietcombank")
        #expect(VietnameseBank.bank(bin: "970415")?.shortName == "VietinBank")
        #expect(VietnameseBank.bank(bin: "970418")?.shortName == "BIDV")
        #expect(VietnameseBank.bank(bin: "970405")?.shortName == "Agribank")
        #expect(VietnameseBank.bank(bin: "123456") == nil)
        #expect(Set(VietnameseBank.all.map(\.bin)).count == VietnameseBank.all.count)
        #expect(VietnameseBank.all.allSatisfy { $0.bin.count == 6 && $0.bin.hasPrefix("970") })
    }

    /// The print sheet as Chromium prints it (PDF) and a phone sees the paper (150 dpi): on every
    /// paper size both codes of a product's placard read, with both decoders.
    @Test(arguments: PlacardSize.allCases)
    func printedSheetReadsBothCodes(size: PlacardSize) throws {
        let dir = try TemporaryDirectory("dinh-vietqr-sheet")
        defer { dir.remove() }
        let payload = try Self.cases[2].payload()
        let link = try QRLink(baseURL: "https://disan.danphuong.gov.vn/", code: "HT42")
        let info = PlacardInfo(link: link, name: LocalizedText(["vi": "Mật ong hoa nhãn Đan Phượng", "en": "Dan Phuong longan honey"]), kind: .product, stars: 5,
                               publisher: "UBND huyện Đan Phượng",
                               pay: .init(symbol: try QRCode(payload, errorCorrection: .m, byteMode: true), detail: "Agribank · 1234567890123456789 · 9.999.999.999.999 ₫"))
        let file = try dir.write("index.html", PlacardSheet.html([info], size: size))
        let pdf = dir.file("sheet.pdf")
        try Decoders.printToPDF(file, to: pdf)
        let raster = try Tools.shell("pdftoppm -r 150 -png '\(pdf.path)' '\(dir.file("page").path)'")
        #expect(raster.status == 0, "\(raster.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("page") && $0.hasSuffix(".png") }.sorted()
        #expect(pages.count == 1)
        let paths = pages.map { dir.file($0).path }
        let decoded = try Decoders.decode(paths, degrade: false, in: dir)
        let both = [link.symbol.text, payload].sorted()
        for path in paths {
            #expect(decoded[path]?["original"]?.zbar == both, "zbar \(size.rawValue)")
            #expect(decoded[path]?["original"]?.zxing == both, "zxing \(size.rawValue)")
        }
    }

    /// A phone in the sun: the payment PNG still reads when small, blurred, as a poor JPEG or tilted.
    @Test func paymentPNGSurvivesDegradation() throws {
        let dir = try TemporaryDirectory("dinh-vietqr-degrade")
        defer { dir.remove() }
        let payload = try Self.cases[2].payload()
        let png = dir.file("pay.png")
        try QRCode(payload, errorCorrection: .m, byteMode: true).pngData(minimumSize: 1000, quietZone: 4).write(to: png)
        let decoded = try Decoders.decode([png.path], degrade: true, in: dir)
        for variant in Decoders.degradations {
            for decoder in ["zbar", "zxing"] where Decoders.required(decoder, variant) {
                let read = decoder == "zbar" ? decoded[png.path]?[variant]?.zbar : decoded[png.path]?[variant]?.zxing
                #expect(read == [payload], "\(decoder) \(variant)")
            }
        }
    }

    /// The symbol as PNG, and a product placard with both codes (screenshot by Chromium): zbar and
    /// zxing-cpp read the payment payload, and the placard's main code still reads.
    @Test func symbolAndPlacardDecodeToThePayload() throws {
        let dir = try TemporaryDirectory("dinh-vietqr")
        defer { dir.remove() }
        let payload = try Self.cases[0].payload()
        let symbol = try QRCode(payload, errorCorrection: .m, byteMode: true)
        #expect(symbol.text == payload)
        let png = dir.file("pay.png")
        try symbol.pngData(minimumSize: 1000, quietZone: 4).write(to: png)
        let svgPage = try dir.write("pay.html", "<!doctype html><html><body style=\"margin:0\">\(symbol.svg(quietZone: 4, pixelsPerModule: 10))</body></html>")
        let svgShot = dir.file("pay-svg.png")
        try Decoders.screenshot(svgPage, to: svgShot, width: 700, height: 700)

        let link = try QRLink(baseURL: "https://disan.danphuong.gov.vn/", code: "HT42")
        var placards: [String: [String]] = [:]
        for size in PlacardSize.allCases {
            let info = PlacardInfo(link: link, name: LocalizedText(["vi": "Chè lam Hà Trung", "en": "Ha Trung ginger rice cake"]), kind: .product, stars: 4,
                                   publisher: "UBND huyện Đan Phượng", pay: .init(symbol: symbol, detail: "Vietcombank · 0011000000000 · 40.000 ₫"))
            let svg = Placard.svg(info, size: size)
            #expect(svg.contains("Quét để chuyển khoản") && svg.contains("Scan to pay") && svg.contains("40.000 ₫"))
            let file = try dir.write("placard-\(size.rawValue).svg", svg)
            let lint = try Tools.shell("xmllint --noout '\(file.path)'")
            #expect(lint.status == 0, "\(lint.stderr)")
            // At about 96 dpi (the screenshot used for the other placards) for A5; A6 at twice the pixels.
            let (w, h) = size.millimetres
            let scale = size == .a6 ? 2.0 : size == .a4 ? 0.75 : 1.0
            let px = (Int(Double(w) * 3.78 * scale), Int(Double(h) * 3.78 * scale))
            let page = try dir.write("placard-\(size.rawValue).html", "<!doctype html><html><body style=\"margin:0\"><img src=\"placard-\(size.rawValue).svg\" style=\"width:\(px.0)px;height:\(px.1)px\"></body></html>")
            let shot = dir.file("placard-\(size.rawValue).png")
            try Decoders.screenshot(page, to: shot, width: px.0, height: px.1)
            placards[shot.path] = [link.symbol.text, payload].sorted()
        }
        let decoded = try Decoders.decode([png.path, svgShot.path] + placards.keys.sorted(), degrade: false, in: dir)
        for path in [png.path, svgShot.path] {
            #expect(decoded[path]?["original"]?.zbar == [payload], "zbar \(path)")
            #expect(decoded[path]?["original"]?.zxing == [payload], "zxing \(path)")
        }
        for (path, both) in placards {
            #expect(decoded[path]?["original"]?.zbar == both, "zbar \(path)")
            #expect(decoded[path]?["original"]?.zxing == both, "zxing \(path)")
        }
    }
}
