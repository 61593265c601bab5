import DinhContent
import DinhCore
import DinhTestSupport
import Foundation
import Testing

/// The texts of a translated item that lack their translation (a scene's title, a hotspot's label):
/// one warning per file and language, at the first of them, naming each as the file does.
@Suite struct UntranslatedTextsTests {
    let fixture: SiteFixture

    init() throws {
        fixture = try SiteFixture()
        for panorama in ["san.jpg", "hau.jpg"] { try fixture.write("heritage/quan-phuong-tri/\(panorama)", "panorama") }
    }

    func warnings() -> [Diagnostic] {
        let (_, diagnostics) = ContentLoader(root: fixture.content, displayRoot: "content",
                                             today: CalendarDate(year: 2026, month: 1, day: 1)!).load()
        return diagnostics.sorted.filter { $0.severity == .warning }
    }

    /// The fixture's relic with `scenes` before its closing `---`.
    func relic(scenes: String) throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "---\nLịch sử", with: scenes + "\n---\nLịch sử"))
    }

    static let tour = """
    scenes:
      - id: san-trong
        title: {vi: Sân trong, en: Inner courtyard}
        panorama: san.jpg
        hotspots:
          - {yaw: 10, pitch: 0, scene: hau-cung, label: Vào hậu cung}
      - id: hau-cung
        title: Hậu cung
        panorama: hau.jpg
    """

    @Test func aSceneTitleAndAHotspotLabelWithoutTheirTranslationAreTold() throws {
        try relic(scenes: Self.tour)
        let told = warnings()
        #expect(told.count == 1, "\(told.map(\.description))")
        let warning = try #require(told.first)
        // The hotspot's line (18) comes before the second scene's title (20).
        #expect(warning.location.path == "content/heritage/quan-phuong-tri/index.md" && warning.location.line == 18, "\(warning)")
        #expect(warning.message == "not yet translated into English (en): label \"Vào hậu cung\", title \"Hậu cung\"; the English page shows them in Vietnamese: write them as `label: {vi: Vào hậu cung, en: …}`")
        #expect(warning.message(in: .vi) == "chưa dịch sang tiếng Anh (en): label \"Vào hậu cung\", title \"Hậu cung\"; trang tiếng Anh đang hiện các mục này bằng tiếng Việt: hãy viết theo mẫu `label: {vi: Vào hậu cung, en: …}`")
        #expect(warning.group?.text(in: .en) == "Not yet translated into English (en)", "counted with the other translations to write")
    }

    @Test func aTopLevelTextMayBeTranslatedInTheTranslationFile() throws {
        try relic(scenes: Self.tour)
        try fixture.write("heritage/quan-phuong-tri/index.en.md", "---\nkind: Taoist temple\n---\nHistory of the temple.\n")
        let warning = try #require(warnings().first)
        #expect(warning.location.line == 8, "the address, first in the file: \(warning)")
        #expect(warning.message.hasPrefix("not yet translated into English (en): address, label \"Vào hậu cung\", title \"Hậu cung\"; "))
        #expect(warning.message.hasSuffix("write `address: …` in index.en.md, and the others as `label: {vi: Vào hậu cung, en: …}`"), "\(warning)")
    }

    @Test func aFullyTranslatedItemIsNotTold() throws {
        try relic(scenes: Self.tour.replacingOccurrences(of: "label: Vào hậu cung", with: "label: {vi: Vào hậu cung, en: To the sanctuary}")
            .replacingOccurrences(of: "title: Hậu cung", with: "title:\n      vi: Hậu cung\n      en: Sanctuary"))
        #expect(warnings().isEmpty, "\(warnings().map(\.description))")
    }

    /// Without its translation file nor any English text, the item has the warning that it is not
    /// translated, and no other.
    @Test func anItemNotTranslatedAtAllHasOnlyThatWarning() throws {
        try fixture.remove("heritage/quan-phuong-tri/index.en.md")
        try fixture.remove("products/che-lam/index.en.md")
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic
            .replacingOccurrences(of: "\n  en: Phuong Tri Taoist Temple", with: "")
            .replacingOccurrences(of: "\n  en: An old Taoist temple beside Phuong Tri lake.", with: ""))
        let told = warnings()
        #expect(told.map(\.location.path) == ["content/heritage/quan-phuong-tri/index.md", "content/products/che-lam/index.md"], "\(told.map(\.description))")
        #expect(told.allSatisfy { $0.location.line == 1 && $0.message.contains("write the translation in index.en.md beside this file") })
    }

    @Test func aOneLanguageSiteHasNothingToTranslate() throws {
        try fixture.write("site.yaml", "title: Di sản\nbase_url: https://disan.example.vn/\nlanguages: [vi]\n")
        try fixture.remove("heritage/quan-phuong-tri/index.en.md")
        try fixture.remove("products/che-lam/index.en.md")
        try fixture.write("heritage/quan-phuong-tri/index.md", "---\ncode: DP01\nname: Quán Phượng Trì\naddress: Đan Phượng\n"
            + Self.tour.replacingOccurrences(of: "{vi: Sân trong, en: Inner courtyard}", with: "Sân trong") + "\n---\nLịch sử.\n")
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "\n  en: Ha Trung ginger rice cake", with: ""))
        #expect(warnings().isEmpty, "\(warnings().map(\.description))")
    }

    /// A long list is cut: the first five, then how many more.
    @Test func manyTextsAreCounted() throws {
        let scenes = (1...7).map { "  - {id: canh-\($0), title: Cảnh \($0), panorama: san.jpg}" }.joined(separator: "\n")
        try relic(scenes: "scenes:\n" + scenes)
        let warning = try #require(warnings().first)
        #expect(warning.message.hasPrefix("not yet translated into English (en): "
            + (1...5).map { "title \"Cảnh \($0)\"" }.joined(separator: ", ") + " and 2 more; "), "\(warning)")
    }

    /// A producer has no translation file: it is translated when one of its texts is, and is
    /// told where its other texts lack the translation.
    @Test func aProducerTranslatedInPart() throws {
        try fixture.write("producers/htx-che-lam.yaml", """
        name: {vi: HTX Chè lam Hà Trung, en: Ha Trung Rice Cake Cooperative}
        kind: cooperative
        address: Xã Hà Sơn, huyện Hà Trung
        """)
        let warning = try #require(warnings().first)
        #expect(warning.location.path == "content/producers/htx-che-lam.yaml" && warning.location.line == 3, "\(warning)")
        #expect(warning.message.hasSuffix(": address; the English page shows them in Vietnamese: write them as `address: {vi: \"Xã Hà Sơn, huyện Hà Trung\", en: …}`"), "\(warning)")
    }

    /// A product's texts given in its translation file count as translated.
    @Test func aProductsUnitTranslatedInItsFile() throws {
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45000\nunit: hộp 500 g"))
        #expect(warnings().first?.message.contains(": unit; ") == true, "\(warnings().map(\.description))")
        try fixture.write("products/che-lam/index.en.md", "---\nunit: 500 g box\n---\nAbout the product.\n")
        #expect(warnings().isEmpty, "\(warnings().map(\.description))")
    }
}
