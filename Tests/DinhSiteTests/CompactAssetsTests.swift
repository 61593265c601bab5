import DinhTestSupport
import Foundation
import Testing
@testable import DinhSite

/// Scripts and stylesheets as sent to phones: smaller, and still the same program.
@Suite struct CompactAssetsTests {
    func script(_ text: String) -> String { String(decoding: Theme.compactScript(Data(text.utf8)), as: UTF8.self) }
    func style(_ text: String) -> String { String(decoding: Theme.compactStyle(Data(text.utf8)), as: UTF8.self) }

    @Test func filesSavedOnWindowsCompactAsOthers() {
        let lf = "var a = 1;\n// note\nfunction f() {\n  return a;\n}\n"
        #expect(script(lf.replacingOccurrences(of: "\n", with: "\r\n")) == script(lf))
        #expect(script(lf).contains("function f"))
        let css = "a {\n  color: red;\n}\n/* note */\nb { margin: 0 }\n"
        #expect(style(css.replacingOccurrences(of: "\n", with: "\r\n")) == style(css))
    }

    @Test func spacesBesidePunctuationGo() {
        #expect(script("  var a = [1, 2], b = { c: 3 };  // note\n\n  if (a) { f(a, b); }\n") == "var a=[1,2],b={c:3};if(a){f(a,b)}\n")
        #expect(script("return typeof x === 'y';\n") == "return typeof x==='y';\n")
    }

    @Test func stringsRegexAndTemplatesStay() {
        #expect(script("s = 'a , b' + \"c ; d\";\n") == "s='a , b'+\"c ; d\";\n")
        #expect(script("x = t.replace(/ +, /g, ' ');\n") == "x=t.replace(/ +, /g,' ');\n")
        #expect(script("function f(){ return / a /.test(s); }\n") == "function f(){return/ a /.test(s)}\n")
        #expect(script("y = a / b / c;\n") == "y=a/b/c;\n")
        // true and false as !0 and !1, but not a property, a key, a longer word or a string.
        #expect(script("var t = true, f = false, o = { true: x ? true : false, a: o.false }; return true\n")
                == "var t=!0,f=!1,o={true:x?!0:!1,a:o.false};return!0\n")
        #expect(script("b.setAttribute('aria-pressed', 'false'); untrue = isfalse;\n") == "b.setAttribute('aria-pressed','false');untrue=isfalse;\n")
        #expect(script("q = `a ${ b } , c`;\n") == "q=`a ${ b } , c`;\n")
        #expect(script("u = 'it\\'s , ok' ; v = 1\n") == "u='it\\'s , ok';v=1\n")
        #expect(script("w = a /* x */ + b;\n") == "w=a+b;\n")
    }

    @Test func signsAndNumbersKeepTheirSpace() {
        #expect(script("a = b + +c - -d - 1, e = a++ + ++b;\n") == "a=b+ +c- -d-1,e=a++ + ++b;\n")
        #expect(script("n = 1 .toFixed(2);\n") == "n=1 .toFixed(2);\n")
        #expect(script("var CACHE = \"dinh-\" + \"V\";\n") == "var CACHE=\"dinh-\"+\"V\";\n")
        #expect(script("if (a < !--b) c = d-- > e;\n") == "if(a< !--b)c=d-->e;\n")
    }

    /// A line break goes after `{`, `;` and `,`; elsewhere it may end a statement, and after a line the
    /// scanner copied as it was (an unclosed string, a template literal) it stays too.
    @Test func lineBreaksThatEndNothingGo() {
        #expect(script("var a = 1,\n  b = 2;\n// c\nif (a) {\n  f();\n}\n(g)();\nreturn\nx\n") == "var a=1,b=2;if(a){f()}\n(g)();return\nx\n")
        #expect(script("s = 'open;\nt = 1;\nq = `a ${b};\nc = 1;\n") == "s='open;\nt=1;q=`a ${b};\nc=1;\n")
        // After a `}`, a line that can only go on joins it; one that may start a statement does not
        // (`x = {}` then `y()` would run together).
        #expect(script("if (a) {\n  f();\n}\nelse {\n  g();\n}\n}\n}, 500);\nx = {}\ny();\nz = function () {\n}\n.call(w);\nq = {}\nelsewhere();\n")
                == "if(a){f()}else{g()}}},500);x={}\ny();z=function(){}.call(w);q={}\nelsewhere();\n")
        #expect(style(".a\n.b { x: 1;\n}\n.c,\n.d { y: 2 }\n") == ".a\n.b{x:1}.c,.d{y:2}\n")
    }

    /// A `;` before `}` goes (one is inserted there), also across lines, but not an empty statement's:
    /// `if (a);}` without it would not parse.
    @Test func semicolonsBeforeBracesGo() {
        #expect(script("function f() {\n  g();\n  if (a) { h(1); }\n}\n") == "function f(){g();if(a){h(1)}}\n")
        #expect(script("s = ';'; }\nr = /;/; }\n") == "s=';'}\nr=/;/}\n")
        #expect(script("if (a) f();\nwhile (b);\n}\nfor (;;) { if (c) ; }\nif (d) x(); else ;}\n")
                == "if(a)f();while(b);}\nfor(;;){if(c);}\nif(d)x();else;}\n")
        // A condition over two lines: its `)` may close an `if` (the scanner reads a line at a time).
        #expect(script("if (a &&\n    b);\n}\n") == "if(a&&\nb);}\n")
    }

    @Test func styles() {
        #expect(style("/* c */\n.a .b > .c, .d:hover { color: #fff; font: 1rem \"A B\", sans-serif; }\n@media (min-width: 45em) { .e { width: calc(1px + 2px); } }\n")
                == ".a .b>.c,.d:hover{color:#fff;font:1rem \"A B\",sans-serif}@media (min-width:45em){.e{width:calc(1px + 2px)}}\n")
        #expect(style(".f { aspect-ratio: 4 / 3; width: calc(100% / 3 - 1px) !important; content: \"a / b\" / \"\"; }\n")
                == ".f{aspect-ratio:4/3;width:calc(100%/3 - 1px)!important;content:\"a / b\"/\"\"}\n")
    }

    /// The viewer's share of the relic page (HTML + CSS + JS within 40 KB), as sent.
    @Test func viewerStaysSmall() throws {
        let theme = Tools.repositoryRoot.appendingPathComponent("Sources/DinhSite/Theme/assets")
        let js = Theme.compactScript(try Data(contentsOf: theme.appendingPathComponent("viewer.js"))).count
        let css = Theme.compactStyle(try Data(contentsOf: theme.appendingPathComponent("viewer.css"))).count
        #expect(js + css <= 24 * 1024, "viewer.js \(js) B + viewer.css \(css) B as sent")
    }

    /// The demo's Đình Đại Phùng weighs at most 40 KB before tiles: its HTML and the styles and scripts
    /// it loads at start, as built (offline.js comes 1.5 s after the load event, viewer-css3d.js only
    /// where WebGL may not read the tiles: neither is named by a tag of the page).
    @Test func relicPageWeighsAtMost40KB() throws {
        let content = try Tools.demoContent()
        let out = try TemporaryDirectory("dinh-weight")
        defer { out.remove() }
        let build = try Tools.run(Tools.dinhBinary.path, ["build", content.path, "--output", out.file("public").path, "--quiet"])
        try #require(build.status == 0, "\(build.stderr)")
        // In every language: the English page's texts are longer.
        for path in ["heritage/dinh-dai-phung/index.html", "en/heritage/dinh-dai-phung/index.html"] {
            let page = out.file("public/" + path)
            let html = try String(contentsOf: page, encoding: .utf8)
            var sizes = ["index.html": try Data(contentsOf: page).count]
            for tag in Self.tags(in: html) where tag.hasPrefix("<script") || (tag.hasPrefix("<link") && tag.contains("rel=\"stylesheet\"")) {
                guard let link = Self.attribute(tag.hasPrefix("<script") ? "src" : "href", in: tag) else { continue }
                let file = page.deletingLastPathComponent().appendingPathComponent(link).standardizedFileURL
                sizes[file.lastPathComponent] = try Data(contentsOf: file).count
            }
            let total = sizes.values.reduce(0, +)
            let list = sizes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value) B" }.joined(separator: ", ")
            print("\(path): \(total) B of HTML+CSS+JS at start (limit 40960 B): \(list)")
            #expect(Set(sizes.keys).isSuperset(of: ["style.css", "viewer.css", "viewer.js", "narration.js"]), "\(list)")
            #expect(total <= 40 * 1024, "\(path) weighs \(total) B, \(total - 40 * 1024) B over its 40 KB: \(list)")
        }
    }

    static func tags(in html: String) -> [Substring] {
        var tags: [Substring] = [], rest = html[...]
        while let start = rest.firstIndex(of: "<"), let end = rest[start...].firstIndex(of: ">") {
            tags.append(rest[start...end])
            rest = rest[rest.index(after: end)...]
        }
        return tags
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        return tag[start.upperBound...].split(separator: "\"", maxSplits: 1).first.map(String.init)
    }
}

/// Where the built-in theme is found: beside the program first, then in the sources; nowhere is a
/// message saying which folder to put where (not the stop `Bundle.module` makes).
@Suite struct BuiltInThemeTests {
    @Test func theFolderBesideTheProgramComesFirstAndNoneIsNil() throws {
        let sources = try #require(Theme.builtInFolder).deletingLastPathComponent()
        let nowhere = URL(fileURLWithPath: "/nonexistent-dinh")
        #expect(Theme.builtInFolder(beside: nowhere, sources: nowhere) == nil)
        #expect(Theme.builtInFolder(beside: nil, sources: URL(fileURLWithPath: #filePath).deletingLastPathComponent()) == nil)
        #expect(Theme.builtInFolder(beside: nowhere, sources: sources)?.lastPathComponent == "Theme")
        let message = SiteMessage.themeMissing(folder: Theme.resourceFolder, beside: "BIN").text(in: .en)
        #expect(message.contains("Dinh_DinhSite.resources must be beside dinh (in BIN)") && message.contains("make install"))
    }
}
