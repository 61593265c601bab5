@testable import DinhContent
import Testing

@Suite struct MarkdownTests {
    func html(_ source: String) -> String { Markdown.render(source).html }

    /// Raw HTML never reaches the page: a tag is left out (its words stay, as text), anything else
    /// that looks like one is shown as text.
    @Test func rawHTMLNeverReachesThePage() {
        #expect(html("<script>alert(1)</script>") == "<p> alert(1) </p>")
        #expect(html("a <img src=x onerror=alert(1)> b") == "<p>a   b</p>")
        #expect(html("<p>Miến <b>dai</b> &amp; trong.</p>") == "<p> Miến dai &amp; trong. </p>")
        #expect(html("a <x onclick=alert(1)> b") == "<p>a &lt;x onclick=alert(1)&gt; b</p>")
    }

    /// A character reference pasted from a web page (`&nbsp;`, `&amp;`, `&#8211;`) is the character
    /// it names, not its spelling (the page showed "Gói&nbsp;500 g"); an `&` that starts none is
    /// itself, and code keeps what is written.
    @Test func characterReferencesAreTheirCharacters() {
        #expect(html("Gói&nbsp;500 g &amp; hộp &#8211; 3&#x2009;kg, R&D &copy x") == "<p>Gói\u{A0}500 g &amp; hộp – 3\u{2009}kg, R&amp;D &amp;copy x</p>")
        #expect(html("`&amp;` &lt;b&gt; &quot;") == "<p><code>&amp;amp;</code> &lt;b&gt; &quot;</p>")
        #expect(html("&#0; &#xD800; &#99999999; &#+5; &bogus;") == "<p>&amp;#0; &amp;#xD800; &amp;#99999999; &amp;#+5; &amp;bogus;</p>")
    }

    /// A link to a page's own file is a link to the page (the .md is not published).
    @Test func linksToAPagesFileLeadToThePage() {
        #expect(html("[Đại Phùng](../dinh-dai-phung/index.md) [đây](index.md#lich-su) [x](../x/index.md.bak)")
                == "<p><a href=\"../dinh-dai-phung/\">Đại Phùng</a> <a href=\"./#lich-su\">đây</a> <a href=\"../x/index.md.bak\">x</a></p>")
    }

    /// HTML pasted from a web page shows its tags on the page: the writer is told once, at the
    /// first tag's line; a `<` in a sentence or an autolink is no tag.
    @Test func htmlTagsAreNotedOnce() {
        let result = Markdown.render("Miến dong.\n\n<p>Miến <b>dai</b></p>\n<br/>", firstLine: 5)
        #expect(result.notes.map(\.line) == [7])
        #expect(result.notes.first?.message.text(in: .en).hasPrefix("HTML such as <p> is not shown: its tags are left out, its words kept") == true)
        #expect(Markdown.render("Giá < 50.000 đ, 3<5, <order> 7 days ahead và <https://example.vn>").notes.isEmpty)
        #expect(Markdown.render("a </div> b").notes.map { $0.message.text(in: .en).contains("</div>") } == [true])
    }

    /// A shop's address written without https:// leads to it, with a note; a file's name stays a link beside the page.
    @Test func webAddressWithoutSchemeIsLinkedAndNoted() {
        let result = Markdown.render("Mua tại [Shopee](shopee.vn/htx-che-lam?x=1), xem [hướng dẫn](huong-dan.pdf).")
        #expect(result.html == "<p>Mua tại <a href=\"https://shopee.vn/htx-che-lam?x=1\">Shopee</a>, xem <a href=\"huong-dan.pdf\">hướng dẫn</a>.</p>")
        #expect(result.notes.map { $0.message.text(in: .en) } == ["the link 'shopee.vn/htx-che-lam?x=1' has no https:// in front, so it would lead to a page of this site that does not exist: it is published as https://shopee.vn/htx-che-lam?x=1; write it so"])
        #expect(Markdown.isBareWebAddress("www.facebook.com/htx") && Markdown.isBareWebAddress("zalo.me/0912345678"))
        #expect(!Markdown.isBareWebAddress("anh.jpg") && !Markdown.isBareWebAddress("../trang") && !Markdown.isBareWebAddress("#lich-su"))
    }

    @Test func unsafeLinksBecomeText() {
        let result = Markdown.render("[bấm](javascript:alert(1))")
        #expect(result.html == "<p>bấm</p>")
        #expect(result.notes.count == 1)
        #expect(html("[x](\"onmouseover=alert(1))") == "<p><a href=\"&quot;onmouseover=alert(1)\">x</a></p>")
    }

    @Test func blocksAndInline() {
        #expect(html("# Tiêu đề\n\nĐoạn **đậm** và *nghiêng*, `mã`.") == "<h2>Tiêu đề</h2>\n<p>Đoạn <strong>đậm</strong> và <em>nghiêng</em>, <code>mã</code>.</p>")
        #expect(html("- một\n- hai") == "<ul>\n<li>một</li>\n<li>hai</li>\n</ul>")
        #expect(html("1. một\n2. hai") == "<ol>\n<li>một</li>\n<li>hai</li>\n</ol>")
        #expect(html("> trích") == "<blockquote>\n<p>trích</p>\n</blockquote>")
        #expect(html("[Trang](https://example.vn/?a=1&b=2)") == "<p><a href=\"https://example.vn/?a=1&amp;b=2\">Trang</a></p>")
        #expect(html("snake_case_name") == "<p>snake_case_name</p>")
    }

    @Test func headingLevelsNeverSkip() {
        #expect(html("### Ba\n\n##### Năm") == "<h2>Ba</h2>\n<h3>Năm</h3>")
    }

    /// Two headings of one level stay equals (the second `##` was a level below the first).
    @Test func equalHeadingsStayEqual() {
        #expect(html("## Lịch sử\n\n## Giá trị\n\n### Chạm khắc\n\n## Lễ hội") == "<h2>Lịch sử</h2>\n<h2>Giá trị</h2>\n<h3>Chạm khắc</h3>\n<h2>Lễ hội</h2>")
        #expect(html("# Một\n\n## Hai") == "<h2>Một</h2>\n<h3>Hai</h3>")
    }

    @Test func picturesAreNotedWithTheirLine() {
        let result = Markdown.render("Một\n\n![ảnh](a.jpg)", firstLine: 10)
        #expect(result.notes.first?.line == 12)
    }
}
