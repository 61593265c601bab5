import DinhTestSupport
import Foundation
import Testing

/// The panorama viewer in a real headless Chromium with WebGL (SwiftShader): the scripts in
/// Tests/Browser print `N passed, N failed` and exit non-zero on any failure.
@Suite(.serialized) struct BrowserTests {
    var browserFolder: URL { Tools.repositoryRoot.appendingPathComponent("Tests/Browser") }

    @Test func viewerOnSyntheticTiles() throws {
        let bench = Tools.dinhBinary.deletingLastPathComponent().appendingPathComponent("dinh-bench").path
        let result = try Tools.shell("\(Tools.python) \(browserFolder.path)/test_viewer.py", environment: ["DINH_BENCH": bench])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("26 passed, 0 failed"), "\(result.stdout)")
    }

    @Test func builtRelicPage() throws {
        let content = try Tools.demoContent()
        let out = try TemporaryDirectory("dinh-relic")
        defer { out.remove() }
        let build = try Tools.run(Tools.dinhBinary.path, ["build", content.path, "--output", out.file("public").path, "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        let result = try Tools.shell("\(Tools.python) \(browserFolder.path)/test_relic_page.py \(out.file("public").path)")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("12 passed, 0 failed"), "\(result.stdout)")
    }

    /// A relic page visited once keeps working without network (service worker), tested as a phone.
    @Test func offlineRelicPage() throws {
        try Tools.requireBrowser()
        let content = try Tools.demoContent()
        let out = try TemporaryDirectory("dinh-offline")
        defer { out.remove() }
        let build = try Tools.run(Tools.dinhBinary.path, ["build", content.path, "--output", out.file("public").path, "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        let result = try Tools.shell("\(Tools.python) \(browserFolder.path)/test_offline.py \(out.file("public").path)")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("8 passed, 0 failed"), "\(result.stdout)")
    }

    /// The pages on a 390×844 touch phone: compact header, no sideways scroll, whole short address,
    /// 44-px targets, the filter's message and address, description before buying, gallery captions
    /// and large photos, producers' descriptions and photos.
    @Test func phoneLayout() throws {
        try Tools.requireBrowser()
        let content = try Tools.demoContent()
        let out = try TemporaryDirectory("dinh-phone")
        defer { out.remove() }
        let build = try Tools.run(Tools.dinhBinary.path, ["build", content.path, "--output", out.file("public").path, "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        let result = try Tools.shell("\(Tools.python) \(browserFolder.path)/test_phone_layout.py \(out.file("public").path)")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("12 passed, 0 failed"), "\(result.stdout)")
    }

    /// The demo's festival clip plays as a phone plays it, with captions in the page's language over
    /// http and from disk (file://); a control without the page's captions script shows none.
    @Test func videoPlaysWithCaptions() throws {
        try Tools.requireBrowser()
        let content = try Tools.demoContent()
        let out = try TemporaryDirectory("dinh-video")
        defer { out.remove() }
        let build = try Tools.run(Tools.dinhBinary.path, ["build", content.path, "--output", out.file("public").path, "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        let result = try Tools.shell("\(Tools.python) \(browserFolder.path)/test_video.py \(out.file("public").path)")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("5 passed, 0 failed"), "\(result.stdout)")
    }
}
