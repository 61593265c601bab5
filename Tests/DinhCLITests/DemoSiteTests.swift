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
    }
}
