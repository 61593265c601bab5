import DinhCore
import DinhSite
import DinhTestSupport
import Foundation
import Testing

@Suite struct LinkCheckerTests {
    private func build(_ fixture: SiteFixture) async throws -> URL {
        let output = fixture.directory.file("public")
        let report = try await SiteBuilder(options: BuildOptions(content: fixture.content, displayContent: "content", output: output, jobs: 2)).build()
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        return output
    }

    @Test func aBuiltSiteHasNoBrokenLinks() async throws {
        let fixture = try SiteFixture()
        defer { fixture.directory.remove() }
        let site = try await build(fixture)
        let broken = LinkChecker.check(site: site, baseURL: "https://disan.example.vn/")
        #expect(broken.isEmpty, "\(broken)")
    }

    @Test func theDemoSiteHasNoBrokenLinks() async throws {
        let content = try Tools.demoContent()
        let folder = try TemporaryDirectory("dinh-demo-links")
        defer { folder.remove() }
        let output = folder.file("public")
        let report = try await SiteBuilder(options: BuildOptions(content: content, displayContent: "content", output: output)).build()
        #expect(report.succeeded, "\(report.diagnostics.sorted)")
        let site = try String(contentsOf: content.appendingPathComponent("site.yaml"), encoding: .utf8)
        let base = site.split(separator: "\n").first { $0.hasPrefix("base_url:") }.map { $0.dropFirst("base_url:".count).trimmingCharacters(in: .whitespaces) } ?? ""
        let broken = LinkChecker.check(site: output, baseURL: base)
        #expect(broken.isEmpty, "\(broken.map(\.description).joined(separator: "\n"))")
    }

    @Test func aBrokenLinkInTheThemeIsReportedWithPageAndSource() async throws {
        let fixture = try SiteFixture()
        defer { fixture.directory.remove() }
        try fixture.write("theme/heritage.mustache", """
        <article>
        <h1>{{name}}</h1>
        <p><a href="../khong-co/">Missing relic</a> <a href="#khong-co-id">Missing anchor</a></p>
        <img src="anh-mat.jpg" alt="">
        <a href="https://disan.example.vn/products/che-lam/">own site, fine</a>
        <a href="https://disan.example.vn/products/khong-co/">own site, missing</a>
        <a href="https://example.org/x">another site</a> <a href="mailto:a@b.vn">mail</a> <a href="tel:+8424">phone</a> <a href="geo:21,105">map</a>
        </article>
        """)
        let site = try await build(fixture)
        let before = Tools.tree(site)
        let broken = LinkChecker.check(site: site, baseURL: "https://disan.example.vn/")
        let onRelic = broken.filter { $0.page == "heritage/quan-phuong-tri/index.html" }
        #expect(Set(onRelic.map(\.url)) == ["../khong-co/", "#khong-co-id", "anh-mat.jpg", "https://disan.example.vn/products/khong-co/"], "\(broken)")
        #expect(onRelic.first { $0.url == "anh-mat.jpg" }?.attribute == "src")
        #expect(broken.contains { $0.page == "en/heritage/quan-phuong-tri/index.html" && $0.url == "../khong-co/" })

        // `dinh check` (the same pipeline into a scratch folder) puts each at the content file its page comes from.
        let check = try await SiteBuilder(options: BuildOptions(content: fixture.content, displayContent: "content", output: site, jobs: 2)).check()
        let diagnostics = check.diagnostics.all
        let relic = try #require(diagnostics.first { $0.message.contains("'../khong-co/'") && $0.message.contains("on page /heritage/quan-phuong-tri/") })
        #expect(relic.location.path == "content/heritage/quan-phuong-tri/index.md")
        let english = try #require(diagnostics.first { $0.message.contains("'../khong-co/'") && $0.message.contains("on page /en/heritage/quan-phuong-tri/") })
        #expect(english.location.path == "content/heritage/quan-phuong-tri/index.en.md", "the translation the English page is made from")
        #expect(Tools.tree(site) == before, "a check changes nothing")
        #expect(relic.severity == .error)
        #expect(relic.message.contains("leads to /heritage/khong-co/, which the built site does not have (written by the theme)"), "\(relic)")
        #expect(relic.description.hasPrefix("content/heritage/quan-phuong-tri/index.md:1:1: error: broken link on page /heritage/quan-phuong-tri/"))
    }

    @Test func aMarkdownLinkIsLocatedOnItsLine() throws {
        let folder = try TemporaryDirectory("dinh-links")
        defer { folder.remove() }
        try folder.write("content/pages/gioi-thieu/index.md", "---\ntitle: Giới thiệu\n---\nXem [bản đồ](ban-do.pdf) nhé.\n")
        try folder.write("site/pages/gioi-thieu/index.html", "<html><body>\n<p>Xem <a href=\"ban-do.pdf\">bản đồ</a> nhé.</p></body></html>")
        let broken = LinkChecker.check(site: folder.file("site"), baseURL: "https://x.vn/")
        #expect(broken.count == 1)
        #expect(broken.first?.line == 2)
        #expect(broken.first?.column == 17)
        let diagnostic = try #require(LinkChecker.diagnostics(for: broken, sources: ["pages/gioi-thieu/index.html": "pages/gioi-thieu/index.md"],
                                                              content: folder.file("content"), displayContent: "content").first)
        #expect(diagnostic.location == SourceLocation(path: "content/pages/gioi-thieu/index.md", line: 4, column: 14))
    }

    @Test func everyKindOfLinkIsChecked() throws {
        let folder = try TemporaryDirectory("dinh-links")
        defer { folder.remove() }
        try folder.write("site/index.html", "<p id=top>home</p>")
        try folder.write("site/assets/style.css", "")
        try folder.write("site/heritage/den/anh-400.jpg", "")
        try folder.write("site/heritage/den/index.html", """
        <!DOCTYPE html><html><head><link rel="stylesheet" href="../../assets/style.css">
        <meta property="og:image" content="https://x.vn/heritage/den/anh-1600.jpg">
        <script type="application/ld+json">{"@context":"https://schema.org","@id":"https://x.vn/heritage/den/#place","image":"https://x.vn/heritage/den/anh-400.jpg","url":"https://x.vn/heritage/den/"}</script>
        <script>var s = "<a href='not-checked.html'>";</script>
        </head><body>
        <!-- <a href="commented-out.html"> -->
        <img src="anh-400.jpg" srcset="anh-400.jpg 400w, anh-800.jpg 800w" alt="">
        <audio><source src="thuyet-minh.mp3" type="audio/mpeg"><track src="thuyet-minh.vtt" kind="captions"></audio>
        <video poster="poster.jpg"></video>
        <div data-dinh-viewer='{"scenes":[{"panorama":"pano/san.jpg","tiles":"pano/{f}/{z}.jpg","hotspots":[{"target":"../den-khac/index.html"}]}]}'></div>
        <a href="../../#top">top</a> <a href="../../#nowhere">nowhere</a> <a href="/heritage/den/">rooted</a> <a href="../../../x/">above</a>
        <a href="?lang=en">same page</a> <a href="&#x61;nh-400.jpg">entity</a> <a href="">empty</a>
        </body></html>
        """)
        try folder.write("site/q/DP01/index.html", "<meta http-equiv=\"refresh\" content=\"0; url=../../heritage/den/\">")
        try folder.write("site/q/DP02/index.html", "<meta http-equiv=\"refresh\" content=\"0; url=../../heritage/da-doi-ten/\">")
        let broken = LinkChecker.check(site: folder.file("site"), baseURL: "https://x.vn/")
        let found = Set(broken.map { "\($0.page) \($0.attribute) \($0.url)" })
        #expect(found == [
            "heritage/den/index.html og:image https://x.vn/heritage/den/anh-1600.jpg",
            "heritage/den/index.html srcset anh-800.jpg",
            "heritage/den/index.html src thuyet-minh.mp3",
            "heritage/den/index.html src thuyet-minh.vtt",
            "heritage/den/index.html poster poster.jpg",
            "heritage/den/index.html data-dinh-viewer pano/san.jpg",
            "heritage/den/index.html data-dinh-viewer ../den-khac/index.html",
            "heritage/den/index.html href ../../#nowhere",
            "heritage/den/index.html href ../../../x/",
            "q/DP02/index.html refresh ../../heritage/da-doi-ten/",
        ], "\(broken)")
        #expect(broken.first { $0.url == "../../../x/" }?.problem == "climbs above the site's root folder")
    }

    @Test func panoramaToursNeedTheirTilesAndHotspotScenes() throws {
        let folder = try TemporaryDirectory("dinh-links")
        defer { folder.remove() }
        // Scene "cong": 2 levels (1 and 2 tiles a side), all present. Scene "san": no tiles at all.
        try folder.write("site/heritage/den/cong/preview.jpg", "")
        for face in ["f", "r", "b", "l", "u", "d"] {
            try folder.write("site/heritage/den/cong/0/\(face)0_0.jpg", "")
            for row in 0..<2 { for column in 0..<2 { try folder.write("site/heritage/den/cong/1/\(face)\(row)_\(column).jpg", "") } }
        }
        let tour = #"{"scenes":[{"id":"cong","title":"Cổng","base":"cong/","tileSize":512,"levels":[512,1024],"preview":96,"view":{"yaw":0,"pitch":0,"fov":90},"hotspots":[{"yaw":10,"pitch":0,"scene":"san","label":"Sân"},{"yaw":50,"pitch":0,"scene":"hau-cung","label":"Hậu cung"},{"yaw":90,"pitch":0,"text":"Bia đá"}]},{"id":"san","title":"Sân","base":"san/","tileSize":512,"levels":[512],"preview":96,"view":{"yaw":0,"pitch":0,"fov":90},"hotspots":[{"yaw":0,"pitch":0,"scene":"cong","label":"Cổng"}]}],"strings":{"close":"Đóng"}}"#
        try folder.write("site/heritage/den/index.html", "<html><body>\n<div class=\"tour\"></div>\n<script type=\"application/json\" id=\"tour\">\(tour)</script></body></html>")
        let broken = LinkChecker.check(site: folder.file("site"), baseURL: "https://x.vn/")
        let found = Set(broken.map { "\($0.attribute) \($0.url)" })
        #expect(found == ["hotspot hau-cung", "panorama san/preview.jpg", "panorama tile san/0/f0_0.jpg"], "\(broken)")
        #expect(broken.first { $0.attribute == "panorama tile" }?.problem.contains("and 5 more tiles") == true)
        #expect(broken.first { $0.attribute == "hotspot" }?.problem.contains("in scene 'cong' leads to no scene of this tour") == true)
        #expect(broken.allSatisfy { $0.line == 3 })

        // Links into the tour's state: a scene that exists, one that does not, and the viewer's full form.
        try folder.write("site/heritage/den/scenes.html", #"<a href="index.html#scene=san">ok</a> <a href="index.html#scene=cong&yaw=10.0&pitch=0.0&fov=90">ok</a> <a href="index.html#scene=mat">missing</a> <a href="index.html#yaw=10">no scene</a>"#)
        let fragments = LinkChecker.check(site: folder.file("site"), baseURL: "https://x.vn/").filter { $0.page == "heritage/den/scenes.html" }
        #expect(fragments.map(\.url) == ["index.html#scene=mat"], "\(fragments)")
        #expect(fragments.first?.problem == "leads to scene 'mat', which is not in the 360° tour of heritage/den/index.html")
    }

    @Test func ownAddressesInSitemapAndFeeds() throws {
        let folder = try TemporaryDirectory("dinh-links")
        defer { folder.remove() }
        try folder.write("site/index.html", "")
        try folder.write("site/products/che-lam/index.html", "")
        try folder.write("site/products/che-lam/anh.jpg", "")
        try folder.write("site/robots.txt", "User-agent: *\nSitemap: https://x.vn/sitemap.xml\n")
        try folder.write("site/sitemap.xml", "<urlset><url><loc>https://x.vn/products/che-lam/</loc></url>\n<url><loc>https://x.vn/products/banh/</loc></url></urlset>")
        try folder.write("site/feeds/google-merchant.xml", "<item><link>https://x.vn/products/che-lam/?utm=a&amp;b=c</link>\n<g:image_link>https://x.vn/products/che-lam/mat.jpg</g:image_link><link>https://other.vn/x</link></item>")
        try folder.write("site/feeds/products.json", #"[{"url":"https:\/\/x.vn\/products\/che-lam\/","image":"https://x.vn/products/che-lam/anh.jpg"}]"#)
        try folder.write("site/feeds/meta-catalog.csv", "id,link,image_link\nHT42,https://x.vn/products/che-lam/,https://x.vn/products/che-lam/anh.png\n")
        let broken = LinkChecker.check(site: folder.file("site"), baseURL: "https://x.vn/")
        #expect(Set(broken.map { "\($0.page):\($0.line) \($0.url)" }) == [
            "sitemap.xml:2 https://x.vn/products/banh/",
            "feeds/google-merchant.xml:2 https://x.vn/products/che-lam/mat.jpg",
            "feeds/meta-catalog.csv:2 https://x.vn/products/che-lam/anh.png",
        ], "\(broken)")
        let diagnostic = try #require(LinkChecker.diagnostics(for: broken, sources: [:], content: folder.file("content"), displayContent: "content")
            .first { $0.location.path == "sitemap.xml" })
        #expect(diagnostic.message == "broken link in /sitemap.xml: url 'https://x.vn/products/banh/' leads to /products/banh/, which the built site does not have")
    }

    @Test func aSiteUnderASubFolder() throws {
        let folder = try TemporaryDirectory("dinh-links")
        defer { folder.remove() }
        try folder.write("site/index.html", "<a href=\"/disan/products/\">ok</a> <a href=\"/other/\">outside</a> <a href=\"https://x.vn/disan/\">home</a>")
        try folder.write("site/products/index.html", "")
        let broken = LinkChecker.check(site: folder.file("site"), baseURL: "https://x.vn/disan/")
        #expect(broken.map(\.url) == ["/other/"])
    }
}
