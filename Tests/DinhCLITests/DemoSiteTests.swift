import DinhTestSupport
import Foundation
import Testing

/// The demo content, built by the real binary and checked by independent validators.
@Suite(.serialized) struct DemoSiteTests {
    @Test func demoBuildsAndEveryPageIsValidHTML() throws {
        let content = try Tools.demoContent()
        let out = try TemporaryDirectory("dinh-demo")
        defer { out.remove() }
        let build = try Tools.run(Tools.dinhBinary.path, ["build", content.path, "--output", out.file("public").path, "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.isEmpty, "the demo builds without warnings: \(build.stderr)")
        let jar = try #require(Tools.vnuJar, "the Nu checker is installed by `make test` (scripts/setup.sh --test)")
        let check = try Tools.run("/usr/bin/java", ["-jar", jar, "--errors-only", "--skip-non-html", out.file("public").path])
        #expect(check.status == 0, "Nu checker errors:\n\(check.stderr)")
        let pages = Tools.tree(out.file("public")).keys.filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 40)

        // Each relic's board promises what its page has: tour and narration (Đình Đại Phùng),
        // a tour without narration (Quán Phượng Trì), photos and history (Đình Hạ Mỗ).
        let print = try Tools.run(Tools.dinhBinary.path, ["qr", content.path, "--output", out.file("print").path])
        #expect(print.status == 0, "\(print.stderr)")
        func placard(_ code: String) throws -> String {
            try String(contentsOf: out.file("print/qr/\(code)-placard.svg"), encoding: .utf8)
        }
        #expect(try placard("DP01").contains("Quét để xem 360° và nghe thuyết minh"))
        #expect(try placard("DP03").contains("Quét để tham quan 360°") && !placard("DP03").contains("thuyết minh"))
        #expect(try placard("DP02").contains("Quét để xem ảnh và lịch sử di tích") && !placard("DP02").contains("thuyết minh"))
        // The home page's cards say the same, and the relic page names its narration with its length.
        let home = try String(contentsOf: out.file("public/index.html"), encoding: .utf8)
        #expect(home.contains("đình · Tham quan 360° · Thuyết minh</span>") && home.contains("quán · Tham quan 360°</span>"), "\(home)")
        let relic = try String(contentsOf: out.file("public/heritage/dinh-dai-phung/index.html"), encoding: .utf8)
        #expect(relic.contains(/<b>Sân đình \(\d+:\d\d\)<\/b>/) && relic.contains(/data-length="\d+:\d\d"/), "\(relic)")
        // A product can be ordered by calling its producer; the publisher's phone dials too.
        let product = try String(contentsOf: out.file("public/products/che-lam-ha-trung/index.html"), encoding: .utf8)
        #expect(product.contains("<a class=\"button\" href=\"tel:02373800000\">Gọi 0237 3800 000</a>"), "\(product)")
        #expect(product.contains("<a href=\"tel:+842433880000\">+84 24 3388 0000</a>"), "\(product)")
        // Out of stock (Bánh gai, HT44): no payment code to pay for what cannot be sent.
        let soldOut = try String(contentsOf: out.file("public/products/banh-gai-ha-trung/index.html"), encoding: .utf8)
        #expect(soldOut.contains("Hết hàng") && !soldOut.contains("class=\"pay\""), "\(soldOut)")
    }

    /// axe-core in Chromium on one page of each kind: no serious or critical WCAG A/AA violation.
    /// A deliberately broken page is checked too, so the test is known to be able to fail.
    @Test func demoPagesPassAxe() throws {
        try Tools.requireBrowser()
        let content = try Tools.demoContent()
        let out = try TemporaryDirectory("dinh-axe")
        defer { out.remove() }
        let site = out.file("public")
        let build = try Tools.run(Tools.dinhBinary.path, ["build", content.path, "--output", site.path, "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        try out.write("public/broken.html", "<!DOCTYPE html><html><head><title>x</title></head><body><img src=a.png><a href=x></a></body></html>")
        let script = Tools.repositoryRoot.appendingPathComponent("Tests/Accessibility/axe_check.py").path
        let pages = ["index.html", "en/index.html", "heritage/dinh-dai-phung/index.html", "en/heritage/dinh-dai-phung/index.html",
                     "products/che-lam-ha-trung/index.html", "products/index.html", "producers/htx-che-lam-ha-trung/index.html",
                     "pages/huong-dan-tham-quan/index.html", "404.html", "q/DP01/index.html"]
        let result = try Tools.shell("\(Tools.python) \(script) \(site.path) \(pages.joined(separator: " "))")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\(pages.count) passed, 0 failed"), "\(result.stdout)")
        let control = try Tools.shell("\(Tools.python) \(script) \(site.path) broken.html")
        #expect(control.status == 1, "axe must flag a page with an unlabeled image and an empty link: \(control.stdout)")
    }
}
