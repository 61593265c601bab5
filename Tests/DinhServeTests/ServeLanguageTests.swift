@testable import DinhServe
import DinhCore
import Testing

/// The preview's error overlay speaks the language `dinh` was started in.
@Suite struct ServeLanguageTests {
    @Test func theOverlayHeadingIsInTheChosenLanguage() {
        let vietnamese = LiveReload.reloadScript(in: .vi)
        #expect(vietnamese.contains(":\"dinh: chưa tạo lại được trang web. Bên dưới là phiên bản tốt gần nhất"))
        #expect(!vietnamese.contains("could not be rebuilt"))
        #expect(LiveReload.reloadScript.contains(":\"dinh: the site could not be rebuilt."))
        // Over the page of a site not built yet, no "last good version" is promised.
        #expect(vietnamese.contains("getElementById(\"__dinh_nosite\")?\"dinh: chưa tạo được trang web."))
        // Only the headings differ: the script's workings are the same in both languages.
        func headings(_ language: Language) -> [String] { [ServeMessage.overlayHeading, .overlayHeadingNoSite].map { $0.text(in: language) } }
        func without(_ script: String, _ texts: [String]) -> String { texts.reduce(script) { $0.replacingOccurrences(of: $1, with: "") } }
        #expect(without(vietnamese, headings(.vi)) == without(LiveReload.reloadScript, headings(.en)))
    }
}
