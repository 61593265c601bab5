import DinhTestSupport
import Foundation
import Testing
@testable import DinhSite

/// Scripts and stylesheets as sent to phones: smaller, and still the same program.
@Suite struct CompactAssetsTests {
    func script(_ text: String) -> String { String(decoding: Theme.compactScript(Data(text.utf8)), as: UTF8.self) }
    func style(_ text: String) -> String { String(decoding: Theme.compactStyle(Data(text.utf8)), as: UTF8.self) }

    @Test func spacesBesidePunctuationGo() {
        #expect(script("  var a = [1, 2], b = { c: 3 };  // note\n\n  if (a) { f(a, b); }\n") == "var a=[1,2],b={c:3};\nif(a){f(a,b);}\n")
        #expect(script("return typeof x === 'y';\n") == "return typeof x==='y';\n")
    }

    @Test func stringsRegexAndTemplatesStay() {
        #expect(script("s = 'a , b' + \"c ; d\";\n") == "s='a , b' + \"c ; d\";\n")
        #expect(script("x = t.replace(/ +, /g, ' ');\n") == "x=t.replace(/ +, /g,' ');\n")
        #expect(script("function f(){ return / a /.test(s); }\n") == "function f(){return/ a /.test(s);}\n")
        #expect(script("y = a / b / c;\n") == "y=a/b/c;\n")
        #expect(script("q = `a ${ b } , c`;\n") == "q=`a ${ b } , c`;\n")
        #expect(script("u = 'it\\'s , ok' ; v = 1\n") == "u='it\\'s , ok';v=1\n")
        #expect(script("w = a /* x */ + b;\n") == "w=a + b;\n")
    }

    @Test func signsAndNumbersKeepTheirSpace() {
        #expect(script("a = b + +c - -d;\n") == "a=b + +c - -d;\n")
        #expect(script("n = 1 .toFixed(2);\n") == "n=1 .toFixed(2);\n")
        #expect(script("var CACHE = \"dinh-\" + \"V\";\n") == "var CACHE=\"dinh-\" + \"V\";\n")
    }

    @Test func styles() {
        #expect(style("/* c */\n.a .b > .c, .d:hover { color: #fff; font: 1rem \"A B\", sans-serif; }\n@media (min-width: 45em) { .e { width: calc(1px + 2px); } }\n")
                == ".a .b>.c,.d:hover{color:#fff;font:1rem \"A B\",sans-serif}\n@media (min-width:45em){.e{width:calc(1px + 2px)}}\n")
    }

    /// The viewer's share of the relic page (HTML + CSS + JS within 40 KB), as sent.
    @Test func viewerStaysSmall() throws {
        let theme = Tools.repositoryRoot.appendingPathComponent("Sources/DinhSite/Theme/assets")
        let js = Theme.compactScript(try Data(contentsOf: theme.appendingPathComponent("viewer.js"))).count
        let css = Theme.compactStyle(try Data(contentsOf: theme.appendingPathComponent("viewer.css"))).count
        #expect(js + css <= 24 * 1024, "viewer.js \(js) B + viewer.css \(css) B as sent")
    }
}
