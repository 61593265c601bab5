import DinhTestSupport
@testable import DinhQR
import Foundation
import Testing

@Suite("QR encoding and short links")
struct QRCodeTests {
    @Test func thirtyCharacterBaseURLStaysAtVersion3() throws {
        let base = "https://disan.danphuong.gov.vn/"
        #expect(base.count == 31 || base.count == 30)
        let base30 = "https://disan.danphuong.gov.vn"
        #expect(base30.count == 30)
        for code in ["DP01", "DP999999", "HT42ABCDEFGH"] {
            let link = try QRLink(baseURL: base30, code: code)
            #expect(link.version <= 3, "\(code): version \(link.version)")
            #expect(link.isUppercase)
            #expect(link.payload == "HTTPS://DISAN.DANPHUONG.GOV.VN/Q/\(code)")
            #expect(link.url == "https://disan.danphuong.gov.vn/q/\(code)")
            #expect(link.moduleCount == 17 + 4 * link.version)
        }
        // 30 characters with the slash, and the longest code allowed (12).
        let typical = "https://disan.danphuong.org.vn/"
        let host = String(repeating: "d", count: 21)
        for base in ["https://\(host)/", "https://\(host)x", typical] {
            let link = try QRLink(baseURL: base, code: "DP0123456789")
            #expect(link.version <= 3, "\(base): version \(link.version)")
        }
        #expect("https://\(host)/".count == 30)
        // Lower case would not fit version 3 at Q: the upper case is what keeps it small.
        let lower = try QRCode("https://disan.danphuong.gov.vn/q/DP01", errorCorrection: .q)
        #expect(lower.version == 4)
    }

    /// `QRLink` encodes only the upper-case form when there is one, on the grounds that it is never
    /// the larger symbol: checked here with the real encoder, over hosts of 4 to 80 characters
    /// (letters, digits and hyphens), codes of 1 to 12 and every error-correction level.
    @Test func theUpperCaseFormIsNeverTheLargerSymbol() throws {
        var random = SystemRandomNumberGenerator()
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789-"), codeLetters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        for level in [QRCode.ErrorCorrection.l, .m, .q, .h] {
            for length in stride(from: 4, through: 80, by: 3) {
                let host = String((0..<length).map { _ in letters.randomElement(using: &random)! }) + ".vn"
                let code = String((0..<Int.random(in: 1...12, using: &random)).map { _ in codeLetters.randomElement(using: &random)! })
                for scheme in ["https", "http"] {
                    let link = try QRLink(baseURL: "\(scheme)://\(host)/", code: code, errorCorrection: level)
                    let mixed = try QRCode(link.url, errorCorrection: level)
                    #expect(link.isUppercase && link.version <= mixed.version, "\(link.url) at \(level): \(link.version) against \(mixed.version)")
                }
            }
        }
    }

    @Test func baseURLWithAPathKeepsItsCase() throws {
        let link = try QRLink(baseURL: "https://example.vn/dinh/", code: "DP01")
        #expect(!link.isUppercase)
        #expect(link.payload == "https://example.vn/dinh/q/DP01")
    }

    @Test func caseCannotBeChangedSafely() throws {
        // A code of other characters than A–Z and 0–9, a query, user info or a non-alphanumeric
        // character keep the URL as is.
        #expect(try !QRLink(baseURL: "https://example.vn/", code: "dp01").isUppercase)
        #expect(QRLink.uppercasePayload(baseURL: "https://example.vn/?a=1", code: "DP01") == nil)
        #expect(QRLink.uppercasePayload(baseURL: "https://example.vn/", code: "DP01") == "HTTPS://EXAMPLE.VN/Q/DP01")
        #expect(try !QRLink(baseURL: "https://example.vn/", code: "DP%1").isUppercase)
        #expect(try !QRLink(baseURL: "https://ex_ample.vn/", code: "DP01").isUppercase)
        #expect(try !QRLink(baseURL: "ftp://example.vn/", code: "DP01").isUppercase)
        #expect(try QRLink(baseURL: "http://localhost:8080", code: "DP01").isUppercase)
        #expect(try QRLink(baseURL: "https://example.vn", code: "DP01").url == "https://example.vn/q/DP01")
    }

    /// The build writes `Q/<CODE>/` landings from `QRLink.isUppercase(baseURL:code:)`, before the
    /// codes are drawn: it must say what the drawn symbol carries.
    @Test func upperCaseKnownWithoutDrawing() throws {
        let bases = ["https://example.vn/", "https://example.vn", "http://localhost:8080", "https://example.vn/dinh/",
                     "https://ex_ample.vn/", "ftp://example.vn/", "https://example.vn/?a=1", "HTTPS://EXAMPLE.VN/", "https://user@example.vn/"]
        for base in bases {
            for code in ["DP01", "dp01", "P-1", "A.B", "X Y", "Đ1", "Q"] {
                let drawn = try QRLink(baseURL: base, code: code).isUppercase
                #expect(QRLink.isUppercase(baseURL: base, code: code) == drawn, "\(base) \(code)")
            }
        }
    }

    @Test func upperCaseOnlyWhenNotLarger() throws {
        // Very short URLs fit version 1 either way: on a tie the alphanumeric payload wins.
        let link = try QRLink(baseURL: "https://a.vn/", code: "A1", errorCorrection: .l)
        #expect(link.version == 1)
        #expect(link.isUppercase)
        #expect(link.displayURL == "a.vn/q/A1")
    }

    @Test func errorCorrectionLevels() throws {
        #expect(QRCode.ErrorCorrection(letter: "q") == .q)
        #expect(QRCode.ErrorCorrection(letter: "H") == .h)
        #expect(QRCode.ErrorCorrection(letter: "X") == nil)
        let versions = try QRCode.ErrorCorrection.allCases.map { try QRCode("https://disan.danphuong.gov.vn/q/DP01", errorCorrection: $0).version }
        #expect(versions == versions.sorted())
    }

    @Test func badInputIsAnErrorNotACrash() {
        #expect(throws: QRError.self) { try QRCode("") }
        #expect(throws: QRError.self) { try QRCode("a\u{0}b") }
        #expect(throws: QRError.self) { try QRCode(String(repeating: "x", count: 4000), errorCorrection: .h) }
    }

    @Test func pngIsModuleExactAndLargeEnough() throws {
        let dir = try TemporaryDirectory("dinh-qr")
        defer { dir.remove() }
        let link = try QRLink(baseURL: "https://disan.danphuong.gov.vn/", code: "DP01")
        let png = try link.symbol.pngData()
        let file = try dir.write("DP01.png", png)
        let scale = link.symbol.pixelsPerModule()
        #expect((link.moduleCount + 8) * scale >= 1000)
        guard try Decoders.pythonReady() else { return }
        let script = try dir.write("grid.py", Decoders.gridScript)
        let result = try Tools.shell("\(Tools.python) '\(script.path)' '\(file.path)' \(scale) 4 \(link.moduleCount)")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        var lines = result.stdout.split(separator: "\n").map(String.init)
        // 1-bit greyscale.
        #expect(lines.first?.hasPrefix("1 ") == true, "1-bit image expected: \(lines.first ?? "")")
        #expect(png[24] == 1 && png[25] == 0, "IHDR bit depth 1, colour type 0")
        lines.removeFirst()
        var expected: [String] = []
        for y in -4..<(link.moduleCount + 4) {
            expected.append(String((-4..<(link.moduleCount + 4)).map { link.symbol[$0, y] ? "1" : "0" }))
        }
        #expect(lines == expected)
        // Compressed: a 1000 px image of big squares is a few kilobytes, not a megabyte.
        #expect(png.count < 40_000)
    }

    /// The PNG writer against libpng (through ImageMagick, which checks CRCs and the zlib stream):
    /// every pixel, for symbols from version 1 to 40, one pixel a module to many, widths that are
    /// not a multiple of 8, and quiet zones from none to wide.
    @Test(arguments: [
        ("A", 1, 4), ("HTTPS://A.VN/Q/DP01", 1000, 4), ("https://disan.danphuong.gov.vn/q/DP01", 333, 0),
        (String(repeating: "0123456789", count: 20), 1, 4), (String(repeating: "Đan Phượng ", count: 30), 50, 7),
        (String(repeating: "x", count: 1200), 1, 4), (String(repeating: "x", count: 1200), 1500, 4),
    ])
    func pngPixelsMatchLibpng(text: String, minimumSize: Int, quietZone: Int) throws {
        let dir = try TemporaryDirectory("dinh-png")
        defer { dir.remove() }
        let symbol = try QRCode(text, errorCorrection: .l)
        let png = try symbol.pngData(minimumSize: minimumSize, quietZone: quietZone)
        let file = try dir.write("code.png", png)
        let scale = symbol.pixelsPerModule(minimumSize: minimumSize, quietZone: quietZone)
        let side = (symbol.size + 2 * quietZone) * scale
        #expect(side >= minimumSize)
        let result = try Tools.shell("convert -regard-warnings '\(file.path)' -depth 8 gray:'\(dir.file("raw").path)'")
        #expect(result.status == 0, "\(result.stderr)")
        let raw = try [UInt8](Data(contentsOf: dir.file("raw")))
        #expect(raw.count == side * side)
        guard raw.count == side * side else { return }
        var mismatches = 0
        for y in 0..<side {
            for x in 0..<side {
                let dark = symbol[x / scale - quietZone, y / scale - quietZone]
                if raw[y * side + x] != (dark ? 0 : 255) { mismatches += 1 }
            }
        }
        #expect(mismatches == 0, "version \(symbol.version), \(side) px")
        #expect(png.count < side * side / 40 + 2000, "\(png.count) bytes: the squares should compress")
    }

    /// Repeated rows are written as matches and checksummed from their sums: any image shape,
    /// down to rows too short for one deflate match, decodes to the same pixels with ImageMagick.
    @Test(arguments: [(1, 2), (8, 3), (9, 2), (16, 5), (17, 100), (203, 1), (1000, 24)])
    func repeatedRowsDecodeExactly(width: Int, repeats: Int) throws {
        let dir = try TemporaryDirectory("dinh-png")
        defer { dir.remove() }
        var generator = SystemRandomNumberGenerator()
        let png = BilevelPNG(width: width, height: 3 * repeats)
        let rows = (0..<3).map { _ in (0..<png.rowBytes).map { _ in UInt8.random(in: 0...255, using: &generator) } }
        let file = try dir.write("rows.png", Data(png.encode(rows: rows, repeats: repeats)))
        let result = try Tools.shell("convert -regard-warnings '\(file.path)' -depth 8 gray:'\(dir.file("raw").path)'")
        #expect(result.status == 0, "\(result.stderr)")
        let raw = try [UInt8](Data(contentsOf: dir.file("raw")))
        #expect(raw.count == width * 3 * repeats)
        guard raw.count == width * 3 * repeats else { return }
        var mismatches = 0
        for y in 0..<(3 * repeats) {
            for x in 0..<width where raw[y * width + x] != (rows[y / repeats][x >> 3] & (0x80 >> UInt8(x & 7)) != 0 ? 255 : 0) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }

    /// The PNG writer's bits, in deflate's order (each value lowest bit first), all kept when it
    /// outgrows the room it was given, the last byte padded with zero bits.
    @Test func bitWriterGrowsAndKeepsEveryBit() {
        var generator = SystemRandomNumberGenerator()
        var writer = BitWriter(capacity: 1)
        var expected: [Bool] = []
        for _ in 0..<5000 {
            let count = Int.random(in: 1...32, using: &generator)
            let value = UInt32.random(in: 0...UInt32.max, using: &generator) >> (32 - count)
            writer.write(value, count: count)
            for bit in 0..<count { expected.append(value >> bit & 1 == 1) }
        }
        let bytes = writer.finish()
        #expect(bytes.count == (expected.count + 7) / 8)
        let bits: [Bool] = (0..<bytes.count * 8).map { index in
            let byte: UInt8 = bytes[index / 8]
            return byte >> UInt8(index % 8) & 1 == 1
        }
        #expect(Array(bits.prefix(expected.count)) == expected)
        #expect(!bits.dropFirst(expected.count).contains(true))
    }

    @Test func pngAndSVGDecodeWithRealDecodersEvenDegraded() throws {
        let dir = try TemporaryDirectory("dinh-qr")
        defer { dir.remove() }
        var expected: [String: String] = [:]
        var pngs: [String] = []
        var svgs: [String] = []
        let cases: [(String, String, QRCode.ErrorCorrection)] = [
            ("https://disan.danphuong.gov.vn/", "DP01", .q),
            ("https://disan.danphuong.example.vn/", "HT42", .q),
            ("https://example.vn/dinh/", "DP07", .q),
            ("https://disan.danphuong.gov.vn/", "ABCDEFGH1234", .m),
            ("https://disan.danphuong.gov.vn/", "DP02", .h),
        ]
        for (base, code, level) in cases {
            let link = try QRLink(baseURL: base, code: code, errorCorrection: level)
            let png = try dir.write("\(code).png", link.symbol.pngData())
            let svg = try dir.write("\(code).svg", link.symbol.svg())
            // Chromium rasterises each SVG (ImageMagick 6's own SVG renderer mis-scales viewBoxes).
            let page = try dir.write("\(code).svg.html", """
                <!doctype html><html><body style="margin:0;background:#fff">\
                <img src="\(svg.lastPathComponent)" width="400" height="400"></body></html>
                """)
            let raster = dir.file("\(code).svg.png")
            try Decoders.screenshot(page, to: raster, width: 400, height: 400)
            expected[png.path] = link.payload
            expected[raster.path] = link.payload
            pngs.append(png.path)
            svgs.append(raster.path)
        }
        let decoded = try Decoders.decode(pngs, degrade: true, in: dir)
        for path in pngs {
            for variant in Decoders.degradations {
                let result = decoded[path]?[variant]
                if Decoders.required("zbar", variant) {
                    #expect(result?.zbar == [expected[path] ?? "?"], "zbar \(variant) \(path)")
                }
                #expect(result?.zxing == [expected[path] ?? "?"], "zxing \(variant) \(path)")
            }
        }
        // Level L (7 %) is for screens: it must read when clean, not after weathering.
        let low = try QRLink(baseURL: "https://disan.danphuong.gov.vn/", code: "DP03", errorCorrection: .l)
        let lowPNG = try dir.write("DP03.png", low.symbol.pngData())
        let lowDecoded = try Decoders.decode([lowPNG.path], degrade: false, in: dir)
        #expect(lowDecoded[lowPNG.path]?["original"]?.zbar == [low.payload])
        #expect(lowDecoded[lowPNG.path]?["original"]?.zxing == [low.payload])
        let decodedSVG = try Decoders.decode(svgs, degrade: false, in: dir)
        for path in svgs {
            #expect(decodedSVG[path]?["original"]?.zbar == [expected[path] ?? "?"], "zbar \(path)")
            #expect(decodedSVG[path]?["original"]?.zxing == [expected[path] ?? "?"], "zxing \(path)")
        }
    }

    @Test func svgIsOneCrispPath() throws {
        let symbol = try QRCode("HTTPS://A.VN/Q/DP01")
        let svg = symbol.svg()
        #expect(svg.components(separatedBy: "<path").count == 2)
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.contains("viewBox=\"0 0 \(symbol.size + 8) \(symbol.size + 8)\""))
    }

    /// The path, stroked one module wide along the middle of each row, paints exactly the dark
    /// modules (read back command by command), in few bytes.
    @Test func svgPathPaintsExactlyTheDarkModules() throws {
        for payload in ["HTTPS://A.VN/Q/DP01", "https://disan.danphuong.gov.vn/q/ABCDEFGH1234", String(repeating: "Đình làng ", count: 30)] {
            let symbol = try QRCode(payload)
            let data = symbol.svgPathData(offset: 4)
            var painted = Array(repeating: false, count: symbol.size * symbol.size)
            var x = 0.0, y = 0.0, runs = 0
            let scanner = Scanner(string: data)
            scanner.charactersToBeSkipped = CharacterSet(charactersIn: " ")
            while let command = scanner.scanCharacter() {
                switch command {
                case "M":
                    x = try #require(scanner.scanDouble()); y = try #require(scanner.scanDouble())
                case "m":
                    x += try #require(scanner.scanDouble()); y += try #require(scanner.scanDouble())
                case "h":
                    let length = try #require(scanner.scanDouble())
                    #expect(y - y.rounded(.down) == 0.5, "a line along the middle of its row")
                    let row = Int(y) - 4
                    for column in Int(x) - 4 ..< Int(x + length) - 4 { painted[row * symbol.size + column] = true }
                    x += length
                    runs += 1
                default:
                    Issue.record("unexpected command \(command) in \(data.prefix(80))")
                    return
                }
            }
            #expect(painted == symbol.modules, "\(payload)")
            #expect(data.utf8.count < runs * 8, "\(data.utf8.count) bytes for \(runs) runs")
        }
    }

    /// PNG chunks' CRC-32, eight bytes a step: the check value, and Python's zlib on buffers of
    /// every length around the step size.
    @Test func crc32MatchesZlib() throws {
        #expect(CRC32.checksum(Array("123456789".utf8)) ^ 0xFFFF_FFFF == 0xCBF4_3926)
        var generator = SystemRandomNumberGenerator()
        let buffers = (0..<200).map { length in (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) } }
        let script = "import sys, zlib\nfor line in sys.stdin.read().splitlines():\n    print('%08X' % zlib.crc32(bytes.fromhex(line)))\n"
        let dir = try TemporaryDirectory("dinh-crc32")
        defer { dir.remove() }
        let file = try dir.write("crc.py", script)
        let input = buffers.map { $0.map { String(format: "%02x", $0) }.joined() }.joined(separator: "\n") + "\n"
        let result = try Tools.shell("\(Tools.python) '\(file.path)'", input: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let expected = result.stdout.split(separator: "\n").map(String.init)
        #expect(expected.count == buffers.count)
        for (buffer, python) in zip(buffers, expected) {
            #expect(String(format: "%08X", CRC32.checksum(buffer) ^ 0xFFFF_FFFF) == python, "length \(buffer.count)")
        }
    }
}
