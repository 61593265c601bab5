import DinhTestSupport
import Foundation
import Testing

/// The visitor's pages in a real headless Chromium with WebGL (SwiftShader): each script in
/// Tests/Browser prints `N passed, N failed` and exits non-zero on any failure.
@Suite(.serialized) struct BrowserTests {
    /// Runs `script` on the demo site built by the real binary (or on its own fixtures) and expects
    /// all its `checks` to pass.
    func run(_ script: String, checks: Int, onTheDemo: Bool = true, environment: [String: String] = [:]) throws {
        try Tools.requireBrowser()
        let path = Tools.repositoryRoot.appendingPathComponent("Tests/Browser/\(script)").path
        var command = "\(Tools.python) \(path)"
        let out = try TemporaryDirectory("dinh-browser")
        defer { out.remove() }
        if onTheDemo {
            let content = try Tools.demoContent()
            let build = try Tools.run(Tools.dinhBinary.path, ["build", content.path, "--output", out.file("public").path, "--quiet"])
            #expect(build.status == 0, "\(build.stderr)")
            command += " \(out.file("public").path)"
        }
        let result = try Tools.shell(command, environment: environment)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("\(checks) passed, 0 failed"), "\(result.stdout)")
    }

    /// The viewer on synthetic tiles whose colour is a known function of direction.
    @Test func viewerOnSyntheticTiles() throws {
        let bench = Tools.dinhBinary.deletingLastPathComponent().appendingPathComponent("dinh-bench").path
        try run("test_viewer.py", checks: 28, onTheDemo: false, environment: ["DINH_BENCH": bench])
    }

    /// The tour editor of `dinh serve` (the real binary) on synthetic panoramas with coloured discs:
    /// a click on a disc adds a note within 1° of it, drag, delete, "use this view", "north is here",
    /// reordering and undo are written into index.md changing only scene lines (BOM and CRLF kept),
    /// the editor passes axe-core, and an error in the file blocks editing with its file:line; saved
    /// twelve times in quick succession, the page reloads after every build (no service worker of
    /// the site in the preview).
    @Test func tourEditorInThePreview() throws {
        try run("test_tour_editor.py", checks: 12, onTheDemo: false, environment: ["DINH_BINARY": Tools.dinhBinary.path])
    }

    /// The demo's Đình Đại Phùng: tour, one narration player, captions, over http and from disk.
    @Test func builtRelicPage() throws { try run("test_relic_page.py", checks: 24) }

    /// The tour when viewer.js answers 404, is blocked or never arrives: the photo and the scene links
    /// show; when it works, the photo is not fetched before the panorama's first pixels.
    @Test func tourWithoutItsViewer() throws { try run("test_tour_fallback.py", checks: 4) }

    /// A relic page visited once keeps working without network (service worker), tested as a phone.
    @Test func offlineRelicPage() throws { try run("test_offline.py", checks: 15) }

    /// The pages on a 390×844 touch phone: compact header, no sideways scroll, whole short address,
    /// 44-px targets, the filter's message and address, description before buying, gallery captions
    /// and large photos, producers' descriptions and photos.
    @Test func phoneLayout() throws { try run("test_phone_layout.py", checks: 22) }

    /// The demo's festival clip plays as a phone plays it, with captions in the page's language over
    /// http and from disk (file://); a control without the page's captions script shows none.
    @Test func videoPlaysWithCaptions() throws { try run("test_video.py", checks: 5) }

    /// The demo's meeting pack on a phone: the code's landing leads to it (http, file://, the upper-case
    /// address), every document link returns the source PDF byte for byte, the A4 placard's code reads
    /// back as the code's address, and the pack is in no sitemap, search index or list.
    @Test func meetingPack() throws { try run("test_meeting.py", checks: 8) }
}
