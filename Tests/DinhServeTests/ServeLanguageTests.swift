@testable import DinhServe
import DinhCore
import Testing

/// The preview's error overlay speaks the language `dinh` was started in.
@Suite struct ServeLanguageTests {
    @Test func theOverlayHeadingIsInTheChosenLanguage() {
        let vietnamese = LiveReload.reloadScript(in: .vi)
        #expect(vietnamese.contains("h.textContent=\"dinh: chưa tạo lại được trang web. Bên dưới là phiên bản tốt gần nhất"))
        #expect(!vietnamese.contains("could not be rebuilt"))
        #expect(LiveReload.reloadScript.contains("h.textContent=\"dinh: the site could not be rebuilt."))
        // Only the heading differs: the script's workings are the same in both languages.
        let heading = { (language: Language) in ServeMessage.overlayHeading.text(in: language) }
        #expect(vietnamese.replacingOccurrences(of: heading(.vi), with: "") == LiveReload.reloadScript.replacingOccurrences(of: heading(.en), with: ""))
    }
}
