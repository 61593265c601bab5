import DinhCore
import DinhTestSupport
import Foundation
import Testing

extension BrowserTests {
    /// The search page on a 390×844 phone, over http and from disk: "dinh ha mo" finds Đình Hạ Mỗ and
    /// leads to it, exact diacritics rank first, the header link, keyboard, Back, offline, no JavaScript;
    /// the page folds strings as Swift's `Fold` does.
    @Test func searchWithoutDiacritics() throws {
        let samples = ["Đình Hạ Mỗ", "QUÁN PHƯỢNG TRÌ", "Mật ong hoa nhãn".decomposedStringWithCanonicalMapping, "giỏ\ttre  đan \"Quà quê\"",
                       "ĐẶC SẢN Ở HÀ TRUNG 2025", "Nghè Tân Hội – chùa Đại Bi", "ỲÝỶỸỴ ỳýỷỹỵ Ưư Ơơ Ăă Ââ Êê Ôô"]
        let folder = try TemporaryDirectory("dinh-fold-cases")
        defer { folder.remove() }
        let cases = try folder.write("cases.json", try JSONSerialization.data(withJSONObject: samples.map { [$0, Fold.text($0)] }))
        try run("test_search.py", checks: 11, environment: ["DINH_FOLD_CASES": cases.path])
    }
}

/// The search pages of the built demo: valid HTML (Nu) and no serious axe-core violation, with results
/// shown; the index is one small script per language.
@Suite(.serialized) struct SearchPageTests {
    @Test func searchPagesAreValidAndAccessible() throws {
        try Tools.requireBrowser()
        let content = try Tools.demoContent()
        let out = try TemporaryDirectory("dinh-search-site")
        defer { out.remove() }
        let site = out.file("public")
        let build = try Tools.run(Tools.dinhBinary.path, ["build", content.path, "--output", site.path, "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        let jar = try #require(Tools.vnuJar, "the Nu checker is installed by `make test` (scripts/setup.sh --test)")
        let check = try Tools.run("/usr/bin/java", ["-jar", jar, "--errors-only", site.appendingPathComponent("search/index.html").path,
                                                    site.appendingPathComponent("en/search/index.html").path])
        #expect(check.status == 0, "Nu checker errors:\n\(check.stderr)")
        let script = Tools.repositoryRoot.appendingPathComponent("Tests/Accessibility/axe_check.py").path
        let pages = ["search/index.html", "search/index.html?q=dinh+ha+mo", "en/search/index.html?q=ha", "search/index.html?q=xyz"]
        let result = try Tools.shell("\(Tools.python) \(script) \(site.path) \(pages.map { "'\($0)'" }.joined(separator: " "))")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\(pages.count) passed, 0 failed"), "\(result.stdout)")

        // One index per language, small; every page of every kind links to the search page.
        for language in ["", "en/"] {
            let index = try Data(contentsOf: site.appendingPathComponent("\(language)search/index.js"))
            #expect(index.count < 4000, "\(language)search/index.js is \(index.count) bytes")
        }
        let index = try String(contentsOf: site.appendingPathComponent("search/index.js"), encoding: .utf8)
        #expect(index.contains("\"Đình Hạ Mỗ\"") && index.contains("\"Mật ong hoa nhãn\"") && index.contains("\"HTX Chè lam Hà Trung\""))
        // The demo's meeting is unlisted: no item of the meeting kind (4) in search.
        #expect(FileManager.default.fileExists(atPath: content.appendingPathComponent("meetings").path) && !index.contains("[4,\""))
        // For visitors, not search engines: out of the sitemap, marked noindex.
        let sitemap = try String(contentsOf: site.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(!sitemap.contains("/search/"))
        let page = try String(contentsOf: site.appendingPathComponent("en/search/index.html"), encoding: .utf8)
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        let relic = try String(contentsOf: site.appendingPathComponent("heritage/dinh-ha-mo/index.html"), encoding: .utf8)
        #expect(relic.contains("class=\"search-link\" href=\"../../search/\""))
        let english = try String(contentsOf: site.appendingPathComponent("en/products/index.html"), encoding: .utf8)
        #expect(english.contains("class=\"search-link\" href=\"../../en/search/\""))
    }
}
