@testable import DinhContent
import Testing

/// The formula warning on a product's description looks closely only at bodies whose first
/// visible character could start a formula: the quick look must agree with the close one.
@Suite struct FirstVisibleTextTests {
    @Test func theQuickLookFindsWhatTheCloseLookStartsWith() {
        let samples: [(html: String, first: Unicode.Scalar?)] = [
            ("<p>  =SUM(A1)</p>", "="),
            ("<p>&#61;SUM(A1)</p>", "&"),          // an entity: the close look decodes it to '='
            ("<p>\u{00A0}=x</p>", "="),            // a no-break space is white space too
            ("\n<ul>\n<li>-1 hộp</li></ul>", "-"),
            ("<h2>Đình làng</h2>", "Đ"),
            ("<p>a<b>c</b></p>", "a"),
            ("<p></p>\n", nil),
            ("", nil),
            ("<p unclosed", nil),
        ]
        for (html, first) in samples {
            #expect(Markdown.firstVisibleScalar(html) == first, "\(html)")
            let text = Markdown.firstVisibleText(html)
            if first == "&" {
                #expect(text?.unicodeScalars.first == "=", "\(html)")
            } else {
                #expect(text?.unicodeScalars.first == first, "\(html)")
            }
        }
    }
}
