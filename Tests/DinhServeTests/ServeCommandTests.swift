import DinhServe
import DinhSite
import DinhTestSupport
import Foundation
import Testing

/// The real `dinh serve` binary, and the injected script in a real browser.
@Suite(.serialized) struct ServeCommandTests {
    @Test func serveBuildsServesAndCleansUpOnControlC() async throws {
        let fixture = try SiteFixture()
        defer { fixture.directory.remove() }
        let serve = try await ServeProcess(in: fixture.directory.url, ["content", "--port", "0"])
        let process = serve.process, port = serve.port
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("dinh-serve-\(process.processIdentifier)")
        let page = try await HTTPTestClient.get(port: port, "/heritage/quan-phuong-tri/")
        #expect(page.status == 200)
        #expect(page.text.contains("/__dinh/reload.js"))
        #expect(FileManager.default.fileExists(atPath: temporary.path), "builds into a temporary folder")
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.file("public").path), "and never into public/")
        #expect(await serve.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: temporary.path), "the temporary output is removed on Ctrl-C")
    }

    /// The preview prints a build's warnings as `dinh build` does: one said of many files, for the
    /// first three and then counted (it printed every one, on every save).
    @Test func aWarningOfManyFilesIsCountedInThePreview() async throws {
        let fixture = try SiteFixture()
        defer { fixture.directory.remove() }
        for number in 1...7 {
            _ = try fixture.write("products/banh-\(number)/index.md", SiteFixture.product.replacingOccurrences(of: "code: HT42", with: "code: B\(number)"))
        }
        let serve = try await ServeProcess(in: fixture.directory.url, ["content", "--port", "0"])
        let warning = "warning: not yet translated into English (en)"
        let counted = await serve.waitFor(seconds: 30) { _, stderr in stderr.contains("… and the same warning for 4 more files") }
        #expect(counted, "\(serve.stderr)")
        #expect(serve.stderr.split(separator: "\n").filter { $0.contains(warning) }.count == 3, "\(serve.stderr)")
        #expect(await serve.stop() == 0)
    }

    @Test func usageAndStartProblemsAreClearErrors() async throws {
        let fixture = try SiteFixture()
        defer { fixture.directory.remove() }
        let blocker = try ListeningSocket()
        let busy = blocker.port
        let result = try await HTTPTestClient.offPool { try fixture.dinh("serve", "content", "--port", String(busy)) }
        blocker.close()
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot listen on 127.0.0.1:\(busy): the port is used by another program; choose another with --port"), "\(result.stderr)")
        #expect(try fixture.dinh("serve", "content", "--port", "70000").status == 2)
        #expect(try fixture.dinh("serve", "nowhere").status == 1)
        let inside = try await HTTPTestClient.offPool { try fixture.dinh("serve", "content", "--port", "0", "--output", "content/preview") }
        #expect(inside.status == 1)
        #expect(inside.stderr == "error: the output folder \(fixture.content.path)/preview is inside the content folder, and a site built there would be read as content; build beside it: --output \(fixture.directory.url.resolvingSymlinksInPath().path)/preview\n", "\(inside.stderr)")
    }

    @Test func theNextFreePortIsTakenWhenNoneIsGiven() async throws {
        let fixture = try SiteFixture()
        defer { fixture.directory.remove() }
        let blocker = try ListeningSocket()
        let busy = blocker.port
        let options = BuildOptions(content: fixture.content, output: fixture.directory.file("out"), jobs: 1)
        let session = PreviewSession(options: options, ports: [busy, 0])
        let port = try await session.start()
        #expect(port != busy)
        await session.stop()
        blocker.close()
    }

    /// Headless Chromium (driven by selenium) opens a page while the content has an error: the
    /// overlay shows the message as text (a `<b>` in it stays text) over the last good page; then
    /// the fix is saved and the page reloads by itself, without the overlay.
    @Test func theBrowserShowsTheErrorOverlayAndReloadsAfterTheFix() async throws {
        try Tools.require("/usr/bin/chromedriver")
        try Tools.require("/usr/lib/chromium/chromium")
        let fixture = try SiteFixture()
        defer { fixture.directory.remove() }
        let serve = try await ServeProcess(in: fixture.directory.url, ["content", "--port", "0"])
        let port = serve.port
        let product = fixture.content.appendingPathComponent("products/che-lam/index.md")
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: <b>45.000đ</b>"))
        let reported = try await HTTPTestClient.events(port: port, timeout: 5, until: { $0.contains("event: build-error") })
        #expect(reported.text.contains("event: build-error"))
        try fixture.directory.write("fixed.md", SiteFixture.product)
        try fixture.directory.write("browser.py", Self.browserScript)
        let result = try await HTTPTestClient.offPool {
            try Tools.shell("timeout 90 \(Tools.python) browser.py http://127.0.0.1:\(port)/products/che-lam/ \(product.path) fixed.md", in: fixture.directory.url)
        }
        await serve.stop()
        #expect(result.status == 0, "\(result.stdout) \(result.stderr.suffix(2000))")
        let report = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any] ?? [:]
        let overlay = report["overlay"] as? String ?? ""
        #expect(overlay.contains("content/products/che-lam/index.md:11:8: error:"), "\(report)")
        #expect(overlay.contains("<b>45.000đ</b>"), "the message is shown as text")
        #expect(report["markupInOverlay"] as? Int == 0, "no element was made from the message")
        #expect((report["title"] as? String ?? "").contains("Chè lam Hà Trung"), "the last good page is underneath")
        #expect(report["reloaded"] as? Bool == true, "the page reloaded after the fix")
        #expect(report["overlayAfterFix"] as? Bool == false)
    }

    static let browserScript = #"""
    import json, sys, time
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    url, target, fixed = sys.argv[1], sys.argv[2], sys.argv[3]
    options = Options()
    options.binary_location = "/usr/lib/chromium/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    report = {}
    try:
        driver.set_page_load_timeout(20)
        driver.get(url)
        def wait(condition, seconds):
            end = time.time() + seconds
            while time.time() < end:
                value = driver.execute_script(condition)
                if value: return value
                time.sleep(0.05)
            return None
        report["overlay"] = wait("var d=document.getElementById('__dinh_errors');return d&&d.textContent", 10) or ""
        report["markupInOverlay"] = driver.execute_script("var d=document.getElementById('__dinh_errors');return d?d.querySelectorAll('b').length:-1")
        report["title"] = driver.execute_script("var h=document.querySelector('h1');return h?h.textContent:''")
        driver.execute_script("window.__before_fix = true")
        open(target, "w", encoding="utf-8").write(open(fixed, encoding="utf-8").read())
        report["reloaded"] = bool(wait("return window.__before_fix === undefined && document.readyState === 'complete'", 5))
        report["overlayAfterFix"] = bool(driver.execute_script("return !!document.getElementById('__dinh_errors')"))
    finally:
        driver.quit()
    print(json.dumps(report))
    """#
}

/// A port taken by someone else: a plain listening socket on 127.0.0.1.
final class ListeningSocket: @unchecked Sendable {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && listen(descriptor, 1) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard descriptor >= 0, bound else { throw TestFailure("cannot listen on 127.0.0.1") }
        self.descriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    func close() { _ = Foundation.close(descriptor) }
}
