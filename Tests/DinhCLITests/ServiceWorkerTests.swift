import DinhTestSupport
import Foundation
import Testing

/// The service worker at the site root carries the build's version: the same content gives the
/// same worker (reproducible builds), any change of the site gives a new one (visitors' kept copies follow).
@Suite struct ServiceWorkerTests {
    func version(_ folder: URL) throws -> String {
        let text = try String(contentsOf: folder.appendingPathComponent("sw.js"), encoding: .utf8)
        return try #require(text.firstMatch(of: /"dinh-" *\+ *"([0-9a-f]{16})"/)).1.description
    }

    @Test func versionFollowsTheSite() throws {
        let fixture = try SiteFixture()
        let out = fixture.directory
        #expect(try fixture.dinh("build", "content", "--output", "one").status == 0)
        #expect(try fixture.dinh("build", "content", "--output", "two").status == 0)
        let first = try version(out.file("one"))
        #expect(try version(out.file("two")) == first, "the same content gives the same worker")
        #expect(!FileManager.default.fileExists(atPath: out.file("one/assets/sw.js").path), "the worker is published at the root only")
        let page = try String(contentsOf: out.file("one/heritage/quan-phuong-tri/index.html"), encoding: .utf8)
        #expect(page.contains(".register(\"../../sw.js\")"), "the page registers the worker at the root")

        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "Lịch sử của di tích.", with: "Lịch sử mới."))
        #expect(try fixture.dinh("build", "content", "--output", "one").status == 0)
        #expect(try version(out.file("one")) != first, "a changed page gives a new worker")
    }
}
