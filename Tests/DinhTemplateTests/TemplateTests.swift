import DinhCore
import DinhTestSupport
import Foundation
import Testing
@testable import DinhTemplate

/// The template engine: Mustache's rules, checked by hand for each feature and against an
/// independent implementation (Python's `chevron`) on a corpus of templates.
@Suite struct TemplateTests {
    func render(_ source: String, _ fields: TemplateFields, partials: [String: String] = [:]) throws -> String {
        var library = TemplateLibrary()
        library.register(try Template(source), named: "main")
        for (name, text) in partials { library.register(try Template(text), named: name) }
        return String(decoding: library.render("main", fields), as: UTF8.self)
    }

    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        let fields: TemplateFields = ["name": "<b>Đình \"Hạ Mỗ\" & 'đền'</b>", "n": 45000, "on": true]
        #expect(try render("{{name}}|{{{name}}}|{{& name}}|{{n}}|{{on}}|{{missing}}", fields)
            == "&lt;b&gt;Đình &quot;Hạ Mỗ&quot; &amp; &#39;đền&#39;&lt;/b&gt;|<b>Đình \"Hạ Mỗ\" & 'đền'</b>|<b>Đình \"Hạ Mỗ\" & 'đền'</b>|45000|true|")
    }

    @Test func markupIsWrittenAsItIsOrEscapedLikeText() throws {
        let body = "<p>Đình \"Hạ Mỗ\" & 'đền'</p>"
        let fields: TemplateFields = ["body": TemplateValue.markup(Array(body.utf8)), "none": TemplateValue.markup([])]
        #expect(try render("{{{body}}}|{{body}}|{{#none}}shown{{/none}}{{^none}}empty{{/none}}", fields)
            == body + "|&lt;p&gt;Đình &quot;Hạ Mỗ&quot; &amp; &#39;đền&#39;&lt;/p&gt;|empty")
        // The page's bytes are the text's: a long text with escapes at its ends and in the middle.
        var library = TemplateLibrary()
        library.register(try Template("<a title=\"{{title}}\">{{{body}}}</a>"), named: "page")
        let title = "&" + String(repeating: "Chè lam \"Hà Trung\" <số 1> ", count: 200) + "'"
        let bytes = library.render("page", ["title": title, "body": TemplateValue.markup(Array(body.utf8))])
        let escaped = [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;")]
            .reduce(title) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        #expect(String(decoding: bytes, as: UTF8.self) == "<a title=\"" + escaped + "\">" + body + "</a>")
        #expect(HTML.escape(title) == escaped)
    }

    @Test func fieldsKeepTheirValuesPastTheListLimit() throws {
        // A page's few fields are a list; past 32 (the theme's words), a table: the same answers.
        var fields: TemplateFields = ["first": "1"]
        for number in 0..<40 { fields["f\(number)"] = "\(number)" }
        fields["f3"] = "three"
        fields["f4"] = String?.none
        fields["first"] = "one"
        #expect(try render("{{first}} {{f3}} [{{f4}}] {{f39}}", fields) == "one three [] 39")
        #expect(fields.values.count == 40)
        var few: TemplateFields = ["a": "x", "b": "y"]
        few["a"] = "z"
        few["b"] = String?.none
        #expect(try render("{{a}}[{{b}}]", few) == "z[]")
        #expect(few.values == ["a": .text("z")])
    }

    @Test func sectionsShowTruthyValuesAndRepeatLists() throws {
        let fields: TemplateFields = [
            "items": [["name": "a"], ["name": "b"]] as [TemplateFields],
            "empty": [String](),
            "yes": true, "no": false, "blank": "", "absent": String?.none,
            "product": ["name": "Chè lam", "price": "45.000 ₫"] as TemplateFields,
            "words": ["x", "y"],
        ]
        #expect(try render("{{#items}}[{{name}}]{{/items}}", fields) == "[a][b]")
        #expect(try render("{{#empty}}never{{/empty}}{{^empty}}none{{/empty}}", fields) == "none")
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}not{{/no}}", fields) == "Ynot")
        #expect(try render("{{#blank}}B{{/blank}}{{#absent}}A{{/absent}}{{^absent}}-{{/absent}}", fields) == "-", "empty text and absent values are false")
        #expect(try render("{{#product}}{{name}}: {{price}}{{/product}}", fields) == "Chè lam: 45.000 ₫")
        #expect(try render("{{product.name}}/{{product.nothing.deeper}}", fields) == "Chè lam/")
        #expect(try render("{{#words}}{{.}},{{/words}}", fields) == "x,y,")
        #expect(try render("{{#has_items}}list{{/has_items}}{{^has_empty}} no list{{/has_empty}}", fields) == "list no list")
    }

    @Test func namesAreLookedUpOutwardsThroughSections() throws {
        let fields: TemplateFields = ["root": "../../", "items": [["href": "a/"], ["href": "b/", "root": "/"]] as [TemplateFields]]
        #expect(try render("{{#items}}{{root}}{{href}} {{/items}}", fields) == "../../a/ /b/ ")
    }

    @Test func standaloneTagsLeaveNoBlankLines() throws {
        let source = """
        <ul>
          {{#items}}
          <li>{{.}}</li>
          {{/items}}
          {{! a comment
              over two lines }}
        </ul>
        {{^items}}
        none
        {{/items}}
        """
        #expect(try render(source, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render("a {{#x}}b{{/x}}\n", ["x": true]) == "a b\n", "tags sharing a line with text are not standalone")
    }

    /// A section inside a tag's attributes shares its line with text, so it is never standalone (the
    /// specification: only a tag alone on its line with blanks is) and takes nothing of its line with
    /// it, in every item of a list: each link keeps its own `href`, a missing value leaves no trace.
    /// Also in an indented partial (whose lines, inside the list, are each indented), with CRLF lines,
    /// and with the section at the start or the end of a line of the tag.
    @Test func aSectionInAnAttributeLeavesItsLineAlone() throws {
        let line = ##"<li><a href="#scene={{id}}"{{#audio}} data-audio="{{audio}}"{{/audio}}>{{title}}</a></li>"##
        let scenes: [TemplateFields] = [["id": "san", "title": "Sân", "audio": "san.mp3"], ["id": "dai", "title": "Đại"],
                                        ["id": "hau", "title": "Hậu", "audio": "a&b \"c\".mp3"]]
        let items = [##"<li><a href="#scene=san" data-audio="san.mp3">Sân</a></li>"##, ##"<li><a href="#scene=dai">Đại</a></li>"##,
                     ##"<li><a href="#scene=hau" data-audio="a&amp;b &quot;c&quot;.mp3">Hậu</a></li>"##]
        let list = "{{#scenes}}\n\(line)\n{{/scenes}}\n"
        #expect(try render("<ol>\n\(list)</ol>\n", ["scenes": scenes]) == "<ol>\n" + items.map { $0 + "\n" }.joined() + "</ol>\n")
        #expect(try render("<ol>\n  {{> scenes}}\n</ol>\n", ["scenes": scenes], partials: ["scenes": list])
                == "<ol>\n" + items.map { "  " + $0 + "\n" }.joined() + "</ol>\n")
        #expect(try render("<ol>\r\n\(list.replacingOccurrences(of: "\n", with: "\r\n"))</ol>", ["scenes": scenes])
                == "<ol>\r\n" + items.map { $0 + "\r\n" }.joined() + "</ol>")
        // The section opens at the end of one line and closes at the start of the next: neither tag is alone.
        let wrapped = "{{#scenes}}\n<a href=\"#{{id}}\"{{#audio}}\n data-audio=\"{{audio}}\"{{/audio}}>{{title}}</a>\n{{/scenes}}\n"
        #expect(try render(wrapped, ["scenes": Array(scenes.prefix(2))])
                == "<a href=\"#san\"\n data-audio=\"san.mp3\">Sân</a>\n<a href=\"#dai\">Đại</a>\n")
        // Alone on their lines, the same tags are standalone: their lines go, blanks and line breaks included.
        let alone = "{{#scenes}}\n<a href=\"#{{id}}\"\n  {{#audio}}  \n data-audio=\"{{audio}}\"\n\t{{/audio}}\n>{{title}}</a>\n{{/scenes}}\n"
        #expect(try render(alone, ["scenes": Array(scenes.prefix(2))])
                == "<a href=\"#san\"\n data-audio=\"san.mp3\"\n>Sân</a>\n<a href=\"#dai\"\n>Đại</a>\n")
    }

    @Test func partialsAreIndentedLikeTheirTag() throws {
        let out = try render("<div>\n  {{> item}}\n</div>\n", ["name": "Chè"], partials: ["item": "<p>\n{{name}}\n</p>\n"])
        #expect(out == "<div>\n  <p>\n  Chè\n  </p>\n</div>\n")
        #expect(try render("[{{>item}}]", ["name": "x"], partials: ["item": "{{name}}"]) == "[x]")
    }

    @Test func anIndentedPartialIndentsItsLinesNotTheValuesItShows() throws {
        // Issue 16: a code block shown by an indented partial keeps its own lines as they are.
        let out = try render("<article>\n  {{> body}}\n</article>\n", ["html": "<pre>line1\nline2</pre>"], partials: ["body": "{{{html}}}\n"])
        #expect(out == "<article>\n  <pre>line1\nline2</pre>\n</article>\n")
        // Nested standalone partials add up their indentation; empty lines stay empty.
        let nested = try render("<ul>\n  {{> list}}\n</ul>\n", [:], partials: ["list": "<li>\n\n  {{> item}}\n</li>\n", "item": "a\nb\n"])
        #expect(nested == "<ul>\n  <li>\n\n    a\n    b\n  </li>\n</ul>\n")
    }

    @Test func aTemplateFillsTheBlocksOfItsParent() throws {
        let layout = """
        <body>
        {{$header}}
        <header>{{title}}</header>
        {{/header}}
        <main>
          {{$main}}
          <p>nothing yet</p>
          {{/main}}
        </main>
        {{$footer}}
        <footer>© {{site}}</footer>
        {{/footer}}
        </body>

        """
        let fields: TemplateFields = ["title": "Đình", "site": "Đan Phượng"]
        #expect(try render("{{<layout}}{{/layout}}", fields, partials: ["layout": layout])
            == "<body>\n<header>Đình</header>\n<main>\n  <p>nothing yet</p>\n</main>\n<footer>© Đan Phượng</footer>\n</body>\n",
            "a parent with no blocks filled renders as it is")
        let child = """
        {{<layout}}
        {{$footer}}
        <footer>{{site}}, 2025</footer>
        {{/footer}}
        {{$main}}
            <h1>{{title}}</h1>
            <p>Chùa</p>
        {{/main}}
        {{/layout}}

        """
        #expect(try render(child, fields, partials: ["layout": layout])
            == "<body>\n<header>Đình</header>\n<main>\n  <h1>Đình</h1>\n  <p>Chùa</p>\n</main>\n<footer>Đan Phượng, 2025</footer>\n</body>\n",
            "each block takes the indentation of the place it fills")
        #expect(try render("{{<layout}}{{$header}}{{/header}}{{/layout}}", fields, partials: ["layout": layout]).hasPrefix("<body>\n<main>"),
                "an empty block leaves no line")
    }

    @Test func blockTagsAloneChangeNothing() throws {
        // The built-in layout's blocks must leave its pages as they were.
        let fields: TemplateFields = ["items": ["a", "b"], "name": "x"]
        let plain = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n<p>\n  {{name}}\n\n</p>\n"
        let withBlocks = "{{$list}}\n<ul>\n  {{#items}}\n  {{$item}}\n  <li>{{.}}</li>\n  {{/item}}\n  {{/items}}\n</ul>\n{{/list}}\n<p>\n  {{$name}}{{name}}{{/name}}\n\n</p>\n"
        #expect(try render(plain, fields) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n<p>\n  x\n\n</p>\n")
        #expect(try render(withBlocks, fields) == render(plain, fields))
    }

    @Test func delimitersCanBeChanged() throws {
        #expect(try render("{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{name}}", ["name": "Đình"]) == "Đình {{name}} Đình")
    }

    @Test func aPartialIncludingItselfStops() throws {
        let out = try render("{{> loop}}", [:], partials: ["loop": "x{{> loop}}"])
        #expect(out.count == 32, "rendering stops at a fixed depth instead of overflowing the stack")
    }

    @Test func mistakesComeBackWithLineAndColumn() {
        func error(_ source: String) -> TemplateError? {
            do { _ = try Template(source); return nil } catch { return error }
        }
        #expect(error("<p>\n  {{#relics}}\n  <li>{{name}}</li>\n") == TemplateError(
            message: "the section {{#relics}} is never closed with {{/relics}}", line: 2, column: 3))
        #expect(error("{{#a}}\n{{/b}}")?.line == 2)
        #expect(error("{{#a}}\n{{/b}}")?.message.contains("opened on line 1") == true)
        #expect(error("x\n\n  {{/a}}")?.message == "{{/a}} closes a section that was never opened")
        #expect(error("<h1>{{title</h1>") == TemplateError(message: "a tag is not finished (missing }})", line: 1, column: 5))
        #expect(error("{{}}")?.message == "a tag has no name")
        #expect(error("{{=<%=}}")?.message.contains("set-delimiter") == true)
        #expect(error("<p>\n  {{>*name}}") == TemplateError(
            message: "{{>*name}}: dynamic names are not supported; name the template itself", line: 2, column: 3))
        #expect(error("{{<built-in/layout}}\n{{$title}}x{{/title}}\n") == TemplateError(
            message: "the parent {{<built-in/layout}} is never closed with {{/built-in/layout}}", line: 1, column: 1))
        #expect(error("{{<base}}\n<p>{{title}}</p>\n{{/base}}")?.message
            == "{{title}} is inside {{<base}} (line 1) but outside its blocks, where it would never show: only {{$block}}…{{/block}} fill a parent")
        #expect(error("{{<base}}{{$a}}1{{/a}}{{$a}}2{{/a}}{{/base}}") == TemplateError(message: "{{$a}} fills {{<base}} twice", line: 1, column: 23))
        #expect(error("{{$title}}\n{{/base}}") == TemplateError(
            message: "{{/base}} closes the block {{$title}} opened on line 1: close it with {{/title}}", line: 2, column: 1))
    }

    /// Every case of the corpus renders as `chevron` (a Mustache implementation in Python) renders it.
    @Test func rendersLikeAnIndependentImplementation() throws {
        struct Case { var template: String; var data: String; var partials: [String: String] = [:] }
        let cases: [Case] = [
            Case(template: "Hello {{name}}!", data: #"{"name": "Đan Phượng <&>"}"#),
            Case(template: "{{#list}}\n  - {{name}} ({{stars}}★)\n{{/list}}\n", data: #"{"list": [{"name": "Chè lam", "stars": 4}, {"name": "Mật ong", "stars": 3}]}"#),
            Case(template: "{{^list}}\nempty\n{{/list}}\n{{#list}}x{{/list}}", data: #"{"list": []}"#),
            Case(template: "{{#a}}{{#b}}{{c}}{{d}}{{/b}}{{/a}}", data: #"{"a": {"b": {"c": "C"}, "d": "D-outer"}, "d": "D-top"}"#),
            Case(template: "{{a.b.c}}|{{a.x.c}}|{{#a.b}}{{c}}{{/a.b}}", data: #"{"a": {"b": {"c": "deep"}}}"#),
            Case(template: "  {{#flag}}\n  shown\n  {{/flag}}\n  {{^flag}}\n  hidden\n  {{/flag}}\n", data: #"{"flag": true}"#),
            Case(template: "<ul>\n{{#items}}\n  {{> item}}\n{{/items}}\n</ul>\n", data: #"{"items": [{"t": "một"}, {"t": "hai"}]}"#,
                 partials: ["item": "<li>\n  {{t}}\n</li>\n"]),
            Case(template: "{{! comment }}a{{! another\nline }}b\n{{! standalone }}\nc", data: "{}"),
            Case(template: "{{=| |=}}|x| {{x}} |={{ }}=|{{{x}}}", data: #"{"x": "<i>"}"#),
            Case(template: "{{#items}}{{.}}{{^last}}, {{/last}}{{/items}}", data: #"{"items": ["a", "b", "c"]}"#),
            Case(template: "\r\n{{#a}}\r\nline\r\n{{/a}}\r\n", data: #"{"a": true}"#),
            // (We also escape ', which chevron leaves as it is: see the first test.)
            Case(template: "{{&html}} {{{html}}} {{html}}", data: #"{"html": "<a href=\"x\">q & a</a>"}"#),
            Case(template: "{{#people}}{{name}} lives in {{town}}; {{/people}}", data: #"{"town": "Hà Trung", "people": [{"name": "An"}, {"name": "Bình", "town": "Đan Phượng"}]}"#),
        ]
        let work = try TemporaryDirectory()
        defer { work.remove() }
        for (number, item) in cases.enumerated() {
            let fields = try Self.fields(fromJSON: item.data)
            let ours = try render(item.template, fields, partials: item.partials)
            let input = try JSONSerialization.data(withJSONObject: ["template": item.template, "data": item.data, "partials": item.partials])
            let script = """
            import json, sys, chevron
            case = json.load(sys.stdin)
            out = chevron.render(case["template"], json.loads(case["data"]), partials_dict=case["partials"])
            sys.stdout.write(out)
            """
            try work.write("render.py", script)
            let result = try Tools.shell("\(Tools.python) render.py", in: work.url, input: input)
            #expect(result.status == 0, "chevron failed: \(result.stderr)")
            #expect(ours == result.stdout, "case \(number): \(item.template.debugDescription)")
        }
    }

    @Test func typedFieldsDropAbsentValues() {
        let summary: String? = nil
        let gallery: [TemplateFields?] = [["src": "a.jpg"], nil]
        let fields: TemplateFields = ["summary": summary, "gallery": gallery, "name": "x"]
        #expect(fields.values.keys.sorted() == ["gallery", "name"])
        #expect(fields.values["gallery"] == .list([.fields(["src": "a.jpg"])]))
        #expect(fields.lookup("has_gallery") == .flag(true))
    }

    /// JSON (as a test writes it) to template values.
    static func fields(fromJSON text: String) throws -> TemplateFields {
        guard case .fields(let fields) = SpecificationTests.value(fromJSON: try JSONSerialization.jsonObject(with: Data(text.utf8))) else { return [:] }
        return fields
    }
}
