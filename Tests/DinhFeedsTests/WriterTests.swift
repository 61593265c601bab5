import DinhFeeds
import Testing

@Suite struct WriterTests {
    @Test func xmlEscapesMarkupAndDropsControls() {
        #expect(XMLWriter.escape("a & b < c > d \" e ' f\u{0B}g\u{0}") == "a &amp; b &lt; c &gt; d &quot; e &apos; fg")
        var xml = XMLWriter()
        xml.start("a", ["k": "<\"&'>"])
        xml.element("b", "Đình & chùa")
        xml.end()
        #expect(xml.output == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a k=\"&lt;&quot;&amp;&apos;&gt;\">\n  <b>Đình &amp; chùa</b>\n</a>\n")
    }

    @Test func csvQuotesOnlyWhatNeedsIt() {
        var csv = CSVWriter()
        csv.row(["plain", "a,b", "say \"hi\"", "two\nlines", "Chè"])
        #expect(csv.output == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",Chè\r\n")
    }

    /// OWASP's CSV-injection advice: a cell a spreadsheet would run gets a ' in front and quotes;
    /// numbers, URLs and ordinary text are written as before.
    @Test func csvNeutralisesCellsThatStartLikeFormulas() {
        var csv = CSVWriter()
        csv.row(["=HYPERLINK(\"http://evil.example\",\"Chè lam\")", "+84 912", "-x", "@SUM(A1)", "\tx", "\ry", "-", "-1-2"])
        #expect(csv.output == "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Chè lam\"\")\",\"'+84 912\",\"'-x\",\"'@SUM(A1)\",\"'\tx\",\"'\ry\",\"'-\",\"'-1-2\"\r\n")
        var numbers = CSVWriter()
        numbers.row(["-5", "+3", "-1.5", "45000 VND", "https://a.example/x,y", "a=b", "Chè - lam", ""])
        #expect(numbers.output == "-5,+3,-1.5,45000 VND,\"https://a.example/x,y\",a=b,Chè - lam,\r\n")
        var verbatim = CSVWriter(neutralisesFormulas: false)
        verbatim.row(["=1+1"])
        #expect(verbatim.output == "=1+1\r\n")
    }

    @Test func jsonIsOrderedAndScriptSafe() {
        let value: JSONValue = .fields(["b": 1, "a": "</script>&", "n": nil, "d": .double(2.5), "e": .double(300)])
        #expect(value.serialized() == #"{"b":1,"a":"</script>&","d":2.5,"e":300}"#)
        #expect(value.serialized(htmlSafe: true) == #"{"b":1,"a":"\u003c/script\u003e\u0026","d":2.5,"e":300}"#)
        #expect(JSONValue.string("a\u{1}\n\u{2028}").serialized() == #""a\u0001\n\u2028""#)
    }

    @Test func plainTextFromHTML() {
        let html = "<h2>Tên</h2>\n<p>Chè &amp; <em>gừng</em> &lt;ngon&gt; &#39;x&#39; &#x1EBF;</p>\n<ul>\n<li>một</li>\n<li>hai</li>\n</ul>"
        #expect(PlainText.fromHTML(html) == "Tên\nChè & gừng <ngon> 'x' ế\nmột\nhai")
        // Tag names in any case; block tags of every length break lines, inline ones (and longer
        // names that only start like a block tag) do not.
        #expect(PlainText.fromHTML("<P>a</P><BlockQuote>b</BlockQuote>x<em>y</em><pre2>z</pre2><blockquotes>w<TABLE><tr>c") == "a\nb\nxyzw\nc")
        // Named references of pasted text, a decoded space collapsing like any other.
        #expect(PlainText.fromHTML("Gói&nbsp;&nbsp;500&#32;g &hellip; &ndash; &bogus; &#0;") == "Gói 500 g … – &bogus; &#0;")
        #expect(PlainText.singleLine("  a \u{A0}b  c ") == "a b c")
        #expect(PlainText.singleLine("a  b") == "a b")
        #expect(PlainText.singleLine("a b") == "a b")
        #expect(PlainText.fromWebVTT("WEBVTT\n\nNOTE hi\n\ncue-1\n00:00.000 --> 00:01.000\nXin <b>chào</b>\n\n00:01.000 --> 00:02.000\nbạn\n") == "Xin chào bạn")
    }
}
