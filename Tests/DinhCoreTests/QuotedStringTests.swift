@testable import DinhCore
import Foundation
import Testing

/// One string writer for JSON and YAML: what each option escapes, and that JSON reads it back.
@Suite struct QuotedStringTests {
    static let hostile = "Chè \"lam\" \\ <b>&\n\r\t\u{1}\u{7F}\u{85}\u{FEFF}\u{2028}\u{2029}đình"

    @Test func escapesWhatEachUseNeeds() throws {
        #expect(QuotedString.quoted(Self.hostile)
                == "\"Chè \\\"lam\\\" \\\\ <b>&\\n\\r\\t\\u0001\u{7F}\u{85}\u{FEFF}\\u2028\\u2029đình\"")
        #expect(QuotedString.quoted("<b>&", htmlSafe: true) == "\"\\u003cb\\u003e\\u0026\"")
        #expect(QuotedString.quoted("\u{7F}\u{85}\u{9F}\u{A0}\u{FEFF}", printableOnly: true) == "\"\\u007f\\u0085\\u009f\u{A0}\\ufeff\"")
        for (html, printable) in [(false, false), (true, false), (false, true), (true, true)] {
            let literal = QuotedString.quoted(Self.hostile, htmlSafe: html, printableOnly: printable)
            let read = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: [.fragmentsAllowed]) as? String
            #expect(read == Self.hostile, "\(literal)")
        }
    }
}
