import DinhContent
import DinhCore
import DinhTestSupport
import Foundation
import Testing

/// The tour editor's changes to a relic's `index.md`: only the edited scene entry's lines change
/// (BOM, CRLF, comments, other fields and the body stay byte for byte), angles are rounded to 0.1°,
/// and the content loader reads the result with the values asked for.
@Suite struct SceneEditorTests {
    static let relic = """
    ---
    code: DP01   # printed on the board
    name:
      vi: Quán Phượng Trì
      en: Phuong Tri Taoist Temple
    kind: quán
    ranking: national
    address: Thị trấn Phùng, huyện Đan Phượng, Hà Nội
    geo: [21.0879, 105.6633]
    scenes:
      # the courtyard first
      - id: san-trong
        title: {vi: Sân trong, en: Inner courtyard}   # keep this comment
        panorama: san-trong.jpg
        hotspots:
          - {yaw: 135, pitch: -4, scene: hau-cung, label: {vi: Vào hậu cung, en: To the sanctuary}}
          - yaw: 40
            pitch: 12
            text: {vi: "Hoành phi: thế kỷ XIX", en: "19th-century board"}

      - id: hau-cung
        title: Hậu cung
        panorama: hau-cung.jpg
    summary:
      vi: Quán Đạo giáo cổ.
    ---
    Lịch sử của di tích.
    - not a scene
    """

    /// The fixture as an officer's Windows editor saves it: UTF-8 BOM and CRLF.
    static var windowsBytes: Data { Data([0xEF, 0xBB, 0xBF]) + Data(relic.replacingOccurrences(of: "\n", with: "\r\n").utf8) + Data("\r\n".utf8) }

    static func lines(_ data: Data) -> [String] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        return String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
    }

    /// The lines that differ between two versions: (first changed line, lines removed, lines added).
    static func changed(_ before: Data, _ after: Data) -> (start: Int, removed: [String], added: [String]) {
        let a = lines(before), b = lines(after)
        var prefix = 0
        while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        return (prefix + 1, Array(a[prefix..<(a.count - suffix)]), Array(b[prefix..<(b.count - suffix)]))
    }

    /// Checks the file stays a Windows file: BOM first, every line ended by CRLF, no bare LF or CR.
    static func expectWindows(_ data: Data) {
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
    }

    func editor(_ data: Data = SceneEditorTests.windowsBytes) throws -> SceneEditor {
        try SceneEditor(bytes: data, path: "content/heritage/quan-phuong-tri/index.md")
    }

    /// Loads the edited file in a content folder (panoramas present) and returns its scenes.
    func load(_ data: Data) throws -> (scenes: [Scene], errors: [String]) {
        let fixture = try SiteFixture()
        defer { fixture.directory.remove() }
        try fixture.write("heritage/quan-phuong-tri/index.md", data: data)
        for name in ["san-trong.jpg", "hau-cung.jpg"] {
            try fixture.write("heritage/quan-phuong-tri/\(name)", data: Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(count: 64))
        }
        let (content, diagnostics) = ContentLoader(root: fixture.content, displayRoot: "content").load()
        let errors = diagnostics.sorted.filter { $0.severity == .error }.map(\.description)
        return (content?.heritage.first?.scenes ?? [], errors)
    }

    @Test func readsTheScenesInTheFilesOrder() throws {
        let scenes = try editor().scenes
        #expect(scenes.map(\.id) == ["san-trong", "hau-cung"])
        #expect(scenes[0].hotspots.count == 2)
        #expect(scenes[0].hotspots[0].scene == "hau-cung")
        #expect(scenes[0].hotspots[1].yaw == 40 && scenes[0].hotspots[1].pitch == 12)
        #expect(scenes[0].hotspots[1].text.first?.1 == "Hoành phi: thế kỷ XIX")
    }

    @Test func addingAHotspotChangesOnlyThatScenesHotspotLines() throws {
        let before = Self.windowsBytes
        let after = try editor().applying(.addHotspot(scene: "san-trong", yaw: 190.26, pitch: -4.449,
                                                     target: .text([("vi", "Bia đá: năm 1996"), ("en", "1996")])))
        Self.expectWindows(after)
        let change = Self.changed(before, after)
        // One line after the last hotspot (lines 17–19, kept as written); the blank line and the next scene stay.
        #expect(change.start == 20, "\(change)")
        #expect(change.removed.isEmpty)
        #expect(change.added == ["      - {yaw: -169.7, pitch: -4.4, text: {vi: \"Bia đá: năm 1996\", en: \"1996\"}}"])
        let loaded = try load(after)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        let spot = try #require(loaded.scenes.first?.hotspots.last)
        #expect(spot.yaw == -169.7 && spot.pitch == -4.4)
        guard case .text(let text) = spot.target else { Issue.record("not a note"); return }
        #expect(text.values["vi"] == "Bia đá: năm 1996")
        #expect(text.values["en"] == "1996")
    }

    @Test func aDoorWithoutLabelAndAFirstHotspot() throws {
        let after = try editor().applying(.addHotspot(scene: "hau-cung", yaw: -30, pitch: 0, target: .scene("san-trong", label: [("vi", ""), ("en", " ")])))
        Self.expectWindows(after)
        let change = Self.changed(Self.windowsBytes, after)
        #expect(change.removed.isEmpty)
        #expect(change.added == ["    hotspots:", "      - {yaw: -30, pitch: 0, scene: san-trong}"], "\(change)")
        #expect(change.start == 24)
        let loaded = try load(after)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.scenes.last?.hotspots.first?.yaw == -30)
    }

    @Test func movingAndDeletingHotspots() throws {
        let moved = try editor().applying(.moveHotspot(scene: "san-trong", index: 0, yaw: 12.345, pitch: 89.99))
        let change = Self.changed(Self.windowsBytes, moved)
        #expect(change.added.first == "      - {yaw: 12.3, pitch: 90, scene: hau-cung, label: {vi: Vào hậu cung, en: To the sanctuary}}", "\(change)")
        let once = try editor(moved).applying(.deleteHotspot(scene: "san-trong", index: 1))
        let gone = try editor(once).applying(.deleteHotspot(scene: "san-trong", index: 0))
        Self.expectWindows(gone)
        // No hotspot left: the field goes, the rest of the entry stays.
        let lines = Self.lines(gone)
        #expect(!lines.contains("  hotspots:") && !lines.contains { $0.contains("yaw") })
        #expect(lines.contains("    title: {vi: Sân trong, en: Inner courtyard}   # keep this comment"))
        #expect(throws: Diagnostic.self) { try editor(gone).applying(.deleteHotspot(scene: "san-trong", index: 0)) }
        let loaded = try load(gone)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.scenes.first?.hotspots.isEmpty == true)
    }

    /// The officer's comments stay, above a hotspot, at the end of its line or of the view's, and the
    /// hotspots not touched keep their numbers as written (`yaw: 180` stayed, it became -180); a north
    /// added goes under the view.
    @Test func commentsAndUntouchedHotspotsStayAsWritten() throws {
        let relic = Self.relic.replacingOccurrences(of: "    panorama: hau-cung.jpg\n", with: "    panorama: hau-cung.jpg\n"
            + "    view: {yaw: 0, pitch: 5, fov: 80}   # opening view, chosen on site\n"
            + "    hotspots:\n"
            + "      # the main door, measured on site\n"
            + "      - {yaw: 180, pitch: -2, scene: san-trong}  # middle door\n"
            + "      - {yaw: 30, pitch: 15, text: Bia đá}\n")
        #expect(relic.contains("# middle door"))
        let data = Data(relic.utf8)
        var after = try editor(data).applying(.moveHotspot(scene: "hau-cung", index: 1, yaw: 31.04, pitch: 14))
        after = try editor(after).applying(.setView(scene: "hau-cung", yaw: 38.72, pitch: 8.9, fov: 80))
        after = try editor(after).applying(.setNorth(scene: "hau-cung", yaw: 9.7))
        after = try editor(after).applying(.addHotspot(scene: "hau-cung", yaw: -90, pitch: 0, target: .text([("vi", "Giếng"), ("en", "Well")])))
        let text = String(decoding: after, as: UTF8.self)
        for kept in ["      # the main door, measured on site\n      - {yaw: 180, pitch: -2, scene: san-trong}  # middle door\n",
                     "    view: {yaw: 38.7, pitch: 8.9, fov: 80}   # opening view, chosen on site\n    north: 9.7\n    hotspots:\n",
                     "      - {yaw: 31, pitch: 14, text: Bia đá}\n      - {yaw: -90, pitch: 0, text: {vi: Giếng, en: Well}}\n"] {
            #expect(text.contains(kept), "\(kept) in:\n\(text)")
        }
        let deleted = try editor(after).applying(.deleteHotspot(scene: "hau-cung", index: 1))
        #expect(String(decoding: deleted, as: UTF8.self).contains("# middle door\n      - {yaw: -90"))
        let loaded = try load(deleted)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.scenes.last?.hotspots.map(\.yaw) == [180, -90] && loaded.scenes.last?.north == 9.7)
    }

    @Test func viewAndNorthAreAddedThenReplaced() throws {
        let viewed = try editor().applying(.setView(scene: "hau-cung", yaw: 359.96, pitch: -0.04, fov: 140))
        let north = try editor(viewed).applying(.setNorth(scene: "hau-cung", yaw: -45.55))
        let again = try editor(north).applying(.setView(scene: "hau-cung", yaw: 10, pitch: 5, fov: 75.25))
        Self.expectWindows(again)
        let change = Self.changed(Self.windowsBytes, again)
        #expect(change.removed.isEmpty)
        #expect(change.added == ["    view: {yaw: 10, pitch: 5, fov: 75.3}", "    north: -45.6"], "\(change)")
        #expect(Self.changed(Self.windowsBytes, viewed).added == ["    view: {yaw: 0, pitch: 0, fov: 120}"])
        let loaded = try load(again)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.scenes.last?.view == Scene.View(yaw: 10, pitch: 5, fov: 75.3))
        #expect(loaded.scenes.last?.north == -45.6)
    }

    @Test func reorderingMovesWholeEntriesAndKeepsEveryLine() throws {
        let after = try editor().applying(.moveScene(scene: "hau-cung", to: 0))
        Self.expectWindows(after)
        #expect(Self.lines(after).sorted() == Self.lines(Self.windowsBytes).sorted())
        let lines = Self.lines(after)
        #expect(lines[10] == "  # the courtyard first" && lines[11] == "  - id: hau-cung")
        let loaded = try load(after)
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.scenes.map(\.id) == ["hau-cung", "san-trong"])
        #expect(loaded.scenes.last?.hotspots.count == 2)
        // And back: the original bytes.
        #expect(try editor(after).applying(.moveScene(scene: "hau-cung", to: 1)) == Self.windowsBytes)
    }

    @Test func aSceneWrittenOnOneLineIsWrittenAgainWhole() throws {
        let text = "---\ncode: DP01\nscenes:\n- {id: a, title: \"Sân: trong\", panorama: san-trong.jpg}\n- id: b\n  title: B\n  panorama: hau-cung.jpg\n---\nBody\n"
        let after = try editor(Data(text.utf8)).applying(.setNorth(scene: "a", yaw: 10))
        #expect(String(decoding: after, as: UTF8.self) == "---\ncode: DP01\nscenes:\n- id: a\n  title: \"Sân: trong\"\n  panorama: san-trong.jpg\n  north: 10\n- id: b\n  title: B\n  panorama: hau-cung.jpg\n---\nBody\n")
    }

    /// The demo's Đình Đại Phùng, edited as an officer would: each change touches only the lines it
    /// must, and the whole content folder still loads with the values asked for.
    @Test func theDemoRelicEditedStillLoads() throws {
        let demo = try Tools.demoContent()
        let folder = try TemporaryDirectory("dinh-scene-editor")
        defer { folder.remove() }
        let content = folder.file("content")
        try FileManager.default.copyItem(at: demo, to: content)
        try? FileManager.default.removeItem(at: content.appendingPathComponent(".dinh-cache"))
        let file = content.appendingPathComponent("heritage/dinh-dai-phung/index.md")
        let original = try Data(contentsOf: file)
        let path = "content/heritage/dinh-dai-phung/index.md"
        func edit(_ data: Data, _ change: SceneEditor.Edit) throws -> Data { try SceneEditor(bytes: data, path: path).applying(change) }
        func changedLines(_ a: Data, _ b: Data) -> Int {
            let x = String(decoding: a, as: UTF8.self).components(separatedBy: "\n"), y = String(decoding: b, as: UTF8.self).components(separatedBy: "\n")
            return x.count == y.count ? zip(x, y).filter { $0 != $1 }.count : -1
        }
        let moved = try edit(original, .moveHotspot(scene: "san-dinh", index: 1, yaw: 95.25, pitch: 7.94))
        #expect(changedLines(original, moved) == 1)
        #expect(String(decoding: moved, as: UTF8.self).contains("      - {yaw: 95.3, pitch: 7.9, text: {vi: \"Cổng tam quan\", en: \"The three-entrance gate\"}}\n"))
        let north = try edit(moved, .setNorth(scene: "san-dinh", yaw: -10))
        #expect(changedLines(moved, north) == 1)
        let added = try edit(north, .addHotspot(scene: "dai-dinh", yaw: -60, pitch: 3, target: .text([("vi", "Hương án"), ("en", "")])))
        let reordered = try edit(added, .moveScene(scene: "dai-dinh", to: 0))
        try reordered.write(to: file)
        let (loaded, diagnostics) = ContentLoader(root: content, displayRoot: "content").load()
        let errors = diagnostics.sorted.filter { $0.severity == .error }.map(\.description)
        #expect(errors.isEmpty, "\(errors)")
        let relic = try #require(loaded?.heritage.first { $0.slug == "dinh-dai-phung" })
        #expect(relic.scenes.map(\.id) == ["dai-dinh", "san-dinh"])
        #expect(relic.scenes[1].north == -10 && relic.scenes[1].hotspots[1].yaw == 95.3)
        let note = try #require(relic.scenes[0].hotspots.last)
        #expect(note.yaw == -60 && note.pitch == 3)
        guard case .text(let text) = note.target else { Issue.record("not a note"); return }
        #expect(text.values == ["vi": "Hương án"])
        // Every line outside the scenes block is as it was.
        let before = String(decoding: original, as: UTF8.self), after = String(decoding: reordered, as: UTF8.self)
        #expect(before.components(separatedBy: "scenes:\n")[0] == after.components(separatedBy: "scenes:\n")[0])
        #expect(before.components(separatedBy: "\nnarration:\n")[1] == after.components(separatedBy: "\nnarration:\n")[1])
    }

    @Test func roundingToATenthOfADegree() {
        #expect(SceneEditor.angle(135.04) == "135")
        #expect(SceneEditor.angle(-0.04) == "0")
        #expect(SceneEditor.angle(179.96) == "-180")
        #expect(SceneEditor.angle(540.25) == "-179.7" || SceneEditor.angle(540.25) == "-179.8")
        #expect(SceneEditor.angle(-200) == "160")
        #expect(SceneEditor.angle(.nan) == "0" && SceneEditor.angle(1e300) == "0" || SceneEditor.angle(1e300).count < 8)
        #expect(SceneEditor.pitch(-95) == "-90" && SceneEditor.pitch(12.25) == "12.3" || SceneEditor.pitch(12.25) == "12.2")
        #expect(SceneEditor.number(-0.04) == "0" && SceneEditor.number(7.96) == "8" && SceneEditor.number(-3.14) == "-3.1")
    }

    @Test func filesThatCannotBeEditedSayWhereAndWhy() throws {
        func problem(_ text: String) -> String {
            do { _ = try SceneEditor(bytes: Data(text.utf8), path: "content/heritage/x/index.md"); return "" } catch { return error.description }
        }
        #expect(problem("---\ncode: DP01\nscenes:\n  - id: a\n    title: [unclosed\n---\n").hasPrefix("content/heritage/x/index.md:5:12"), "where the [ opens")
        #expect(problem("---\ncode: DP01\nscenes: [{id: a}]\n---\n").hasPrefix("content/heritage/x/index.md:3"))
        #expect(problem("---\ncode: DP01\n---\n").contains("no 'scenes:'"))
        #expect(problem("no front matter").contains("front matter"))
        #expect(throws: Diagnostic.self) { try SceneEditor(bytes: Data([0xFF, 0xFE, 0x00]), path: "x") }
    }
}
