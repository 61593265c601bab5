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

    @Test func aDamagedQRDrawingInTheCacheIsDrawnAgain() throws {
        #expect(try build().status == 0)
        let before = Tools.tree(output)
        let cache = fixture.content.appendingPathComponent(".dinh-cache/qr")
        let drawings = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { !$0.hasPrefix(".") }
        #expect(drawings.count >= 2, "a relic and a product")
        for (number, name) in drawings.enumerated() {
            let file = cache.appendingPathComponent(name)
            var bytes = try Data(contentsOf: file)
            if number.isMultiple(of: 2) {
                // Cut short, as a full disk or a killed build might leave it.
                bytes = bytes.prefix(100)
            } else {
                // Whole length, with a hole of zeros, as two writers cut short might leave it.
                let middle = bytes.count / 2
                bytes.replaceSubrange(middle..<min(bytes.count, middle + 200), with: Data(count: min(200, bytes.count - middle)))
            }
            try bytes.write(to: file)
        }
        let result = try build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Tools.tree(output) == before, "the same site, from drawings made again")
        for name in drawings {
            let size = try Data(contentsOf: cache.appendingPathComponent(name)).count
            #expect(size > 1000, "\(name) is whole again in the cache (\(size) bytes)")
        }
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

    @Test func movedCodeLandsOnTheNewItem() throws {
        #expect(try build().status == 0)
        try fixture.remove("heritage/quan-phuong-tri")
        try fixture.write("site.yaml", SiteFixture.siteYAML + "\nmoved_codes:\n  DP01: HT42\n")
        let result = try build()
        #expect(result.status == 0, "\(result.stderr)")
        let landing = try page("q/DP01/index.html")
        #expect(landing.contains("url=../../products/che-lam/"), "\(landing)")
        #expect(try String(contentsOf: lock, encoding: .utf8).contains("DP01 moved HT42"))
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

    @Test func qrCommandWritesOnlyCodes() throws {
        let result = try fixture.dinh("qr", "content", "--output", "public")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("DP01: version"))
        let files = Tools.tree(output).keys.sorted()
        #expect(files.allSatisfy { $0.hasPrefix("qr/") }, "\(files)")
        #expect(files.contains("qr/index.html") && files.contains("qr/HT42.svg") && files.contains("qr/HT42-placard.svg"))
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
