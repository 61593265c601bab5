@testable import DinhServe
import DinhTestSupport
import Foundation
import Testing

/// The write side of the tour editor: who may write (loopback, token, same origin, JSON), what may
/// be written (only `heritage/<slug>/index.md` inside the content), and that a refused request writes
/// nothing; the real binary has no editor on a network address without `--edit`.
@Suite(.serialized) struct TourEditorServerTests {
    static let scenes = """
    scenes:
      - id: san-trong
        title: Sân trong
        panorama: san.jpg
        hotspots:
          - {yaw: 10, pitch: 0, scene: hau-cung}
      - id: hau-cung
        title: Hậu cung
        panorama: hau.jpg

    """

    let fixture: SiteFixture
    var index: URL { fixture.content.appendingPathComponent("heritage/quan-phuong-tri/index.md") }
    var undo: URL { fixture.directory.file("undo") }
    static let token = String(repeating: "ab", count: 32)

    init() throws {
        fixture = try SiteFixture()
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(of: "---\nLịch sử", with: Self.scenes + "---\nLịch sử"))
        let convert = try Tools.require("/usr/bin/convert")
        for name in ["san.jpg", "hau.jpg"] {
            let made = try Tools.run(convert, ["-size", "512x256", "xc:gray", fixture.content.appendingPathComponent("heritage/quan-phuong-tri/\(name)").path])
            #expect(made.status == 0, "\(made.stderr)")
        }
    }

    func editor() -> TourEditor {
        TourEditor(content: fixture.content, displayContent: "content", undoFolder: undo, token: Self.token)
    }

    static let goodHeaders = ["Host": "127.0.0.1:8080", "Origin": "http://127.0.0.1:8080", "Content-Type": "application/json",
                              "X-Dinh-Token": token, "Sec-Fetch-Site": "same-origin"]

    static func request(_ body: [String: Any], headers: [String: String] = goodHeaders, method: String = "POST",
                        fromLoopback: Bool = true) -> HTTPRequest {
        let data = (try? JSONSerialization.data(withJSONObject: body)) ?? Data()
        var fields = HTTPHeaders()
        for (name, value) in headers { fields[name] = value }
        return HTTPRequest(method: method, target: "/__dinh/edit", headers: fields, body: data, fromLoopback: fromLoopback)
    }

    static func json(_ data: Data) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    func version(_ editor: TourEditor) async throws -> String {
        let answer = await editor.handle(Self.request(["op": "state", "relic": "quan-phuong-tri"]))
        #expect(answer.status == 200)
        let state = try #require(Self.json(answer.body)["state"] as? [String: Any])
        return try #require(state["version"] as? String)
    }

    /// Every file of the relic's folder and of the undo folder, to show that nothing was written.
    func snapshot() -> [String: Data] {
        Tools.tree(index.deletingLastPathComponent()).merging(Tools.tree(undo).mapKeys { "undo/" + $0 }) { a, _ in a }
    }

    @Test func aGoodRequestEditsAndOneUndoRestores() async throws {
        let editor = editor()
        let original = try Data(contentsOf: index)
        let state = Self.json(await editor.handle(Self.request(["op": "state", "relic": "quan-phuong-tri"])).body)["state"] as? [String: Any]
        #expect((state?["languages"] as? [String]) == ["vi", "en"])
        #expect((state?["file"] as? String) == "content/heritage/quan-phuong-tri/index.md")
        #expect((state?["scenes"] as? [[String: Any]])?.map { $0["id"] as? String } == ["san-trong", "hau-cung"])
        let added = await editor.handle(Self.request(["op": "add", "relic": "quan-phuong-tri", "version": try await version(editor), "scene": "hau-cung",
                                                      "yaw": 44.44, "pitch": -3.06, "text": [["vi", "Bia đá"], ["en", "Stele"]]]))
        #expect(added.status == 200, "\(String(decoding: added.body, as: UTF8.self))")
        let text = try String(contentsOf: index, encoding: .utf8)
        #expect(text.contains("    panorama: hau.jpg\n    hotspots:\n      - {yaw: 44.4, pitch: -3.1, text: {vi: Bia đá, en: Stele}}\n---\n"), "\(text)")
        // Nothing left behind in the relic's folder but the file itself and its media.
        #expect(Set(Tools.tree(index.deletingLastPathComponent()).keys) == ["index.md", "index.en.md", "san.jpg", "hau.jpg"])
        let undone = await editor.handle(Self.request(["op": "undo", "relic": "quan-phuong-tri", "version": try await version(editor), "scene": "hau-cung"]))
        #expect(undone.status == 200)
        #expect(try Data(contentsOf: index) == original)
        let again = await editor.handle(Self.request(["op": "undo", "relic": "quan-phuong-tri", "version": try await version(editor), "scene": "hau-cung"]))
        #expect(again.status == 409)
        #expect(Self.json(again.body)["code"] as? String == "noUndo")
        #expect(try Data(contentsOf: index) == original)
    }

    @Test func refusedRequestsWriteNothing() async throws {
        let editor = editor()
        let current = try await version(editor)
        let edit: [String: Any] = ["op": "north", "relic": "quan-phuong-tri", "version": current, "scene": "san-trong", "yaw": 12]
        let before = snapshot()
        func without(_ name: String) -> [String: String] { Self.goodHeaders.filter { $0.key != name } }
        func with(_ name: String, _ value: String) -> [String: String] { Self.goodHeaders.merging([name: value]) { _, b in b } }
        let cases: [(String, HTTPRequest, Int)] = [
            ("no token", Self.request(edit, headers: without("X-Dinh-Token")), 403),
            ("a wrong token", Self.request(edit, headers: with("X-Dinh-Token", String(repeating: "ab", count: 31) + "ac")), 403),
            ("a short token", Self.request(edit, headers: with("X-Dinh-Token", "ab")), 403),
            ("another site's Origin", Self.request(edit, headers: with("Origin", "http://evil.example")), 403),
            ("another port's Origin", Self.request(edit, headers: with("Origin", "http://127.0.0.1:9999")), 403),
            ("no Origin", Self.request(edit, headers: without("Origin")), 403),
            ("Origin null", Self.request(edit, headers: with("Origin", "null")), 403),
            ("a cross-site fetch", Self.request(edit, headers: with("Sec-Fetch-Site", "cross-site")), 403),
            ("a rebound DNS name", Self.request(edit, headers: with("Host", "evil.example:8080").merging(["Origin": "http://evil.example:8080"]) { _, b in b }), 403),
            ("a form's text/plain", Self.request(edit, headers: with("Content-Type", "text/plain")), 415),
            ("a form's urlencoded body", Self.request(edit, headers: with("Content-Type", "application/x-www-form-urlencoded")), 415),
            ("a multipart form", Self.request(edit, headers: with("Content-Type", "multipart/form-data; boundary=x")), 415),
            ("a GET", Self.request(edit, method: "GET"), 405),
            ("another computer", Self.request(edit, fromLoopback: false), 403),
        ]
        for (name, request, status) in cases {
            let answer = await editor.handle(request)
            #expect(answer.status == status, "\(name): \(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
            #expect(Self.json(answer.body)["ok"] as? Bool == false, "\(name)")
            // The page says a stale token (an earlier run of dinh serve) in its own words.
            #expect(Self.json(answer.body)["code"] as? String == (name.contains("token") ? "token" : "refused"), "\(name)")
        }
        #expect(snapshot() == before)
        // The same edit with every check met does write.
        #expect(await editor.handle(Self.request(edit)).status == 200)
        #expect(snapshot() != before)
    }

    @Test func onlyRelicIndexFilesInsideTheContentAreWritten() async throws {
        let editor = editor()
        let current = try await version(editor)
        // A relic folder that is a link to a folder outside the content, and an index.md that is a link.
        let outside = try fixture.directory.write("outside/index.md", try String(contentsOf: index, encoding: .utf8))
        try FileManager.default.createSymbolicLink(at: fixture.content.appendingPathComponent("heritage/ngoai"),
                                                   withDestinationURL: outside.deletingLastPathComponent())
        try FileManager.default.createDirectory(at: fixture.content.appendingPathComponent("heritage/lien-ket"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: fixture.content.appendingPathComponent("heritage/lien-ket/index.md"), withDestinationURL: outside)
        let outsideBefore = try Data(contentsOf: outside)
        let before = snapshot()
        for (relic, status) in [("../../outside", 400), ("quan-phuong-tri/../../outside", 400), ("/etc", 400), ("..", 400), ("", 400),
                                ("ngoai", 404), ("lien-ket", 404), ("khong-co", 404), ("quan-phuong-tri%2f..", 400)] {
            let answer = await editor.handle(Self.request(["op": "north", "relic": relic, "version": current, "scene": "san-trong", "yaw": 12]))
            #expect(answer.status == status, "\(relic): \(String(decoding: answer.body, as: UTF8.self))")
        }
        #expect(snapshot() == before)
        #expect(try Data(contentsOf: outside) == outsideBefore)
    }

    @Test func aContentErrorOrAnOutdatedPageBlocksEditing() async throws {
        let editor = editor()
        let stale = try await version(editor)
        let broken = try String(contentsOf: index, encoding: .utf8).replacingOccurrences(of: "geo: [21.0879, 105.6633]", with: "geo: [21.0879, abc]")
        try broken.write(to: index, atomically: true, encoding: .utf8)
        let state = Self.json(await editor.handle(Self.request(["op": "state", "relic": "quan-phuong-tri"])).body)["state"] as? [String: Any]
        let errors = state?["errors"] as? [String] ?? []
        #expect(errors.contains { $0.hasPrefix("content/heritage/quan-phuong-tri/index.md:9:") }, "\(errors)")
        // In the page's language.
        let vietnamese = (Self.json(await editor.handle(Self.request(["op": "state", "relic": "quan-phuong-tri", "lang": "vi"])).body)["state"] as? [String: Any])?["errors"] as? [String] ?? []
        #expect(vietnamese.count == errors.count && vietnamese.first?.hasPrefix("content/heritage/quan-phuong-tri/index.md:9:") == true)
        #expect(vietnamese != errors, "\(vietnamese)")
        let answer = await editor.handle(Self.request(["op": "north", "relic": "quan-phuong-tri", "version": try await version(editor), "scene": "san-trong", "yaw": 12]))
        #expect(answer.status == 409)
        #expect((Self.json(answer.body)["messages"] as? [String])?.first?.hasPrefix("content/heritage/quan-phuong-tri/index.md:9:") == true)
        #expect(try String(contentsOf: index, encoding: .utf8) == broken)
        // Fixed in a text editor: the page's old version is refused, and the fresh one answered.
        let fixed = broken.replacingOccurrences(of: "abc]", with: "105.6633]")
        try fixed.write(to: index, atomically: true, encoding: .utf8)
        let outdated = await editor.handle(Self.request(["op": "north", "relic": "quan-phuong-tri", "version": stale + "x", "scene": "san-trong", "yaw": 12]))
        #expect(outdated.status == 409)
        #expect(Self.json(outdated.body)["code"] as? String == "changed")
        #expect(Self.json(outdated.body)["state"] != nil)
        #expect(try String(contentsOf: index, encoding: .utf8) == fixed)
    }

    @Test func constantTimeComparisonAndLoopbackNames() {
        #expect(TourEditor.constantTimeEqual("abc", "abc"))
        #expect(!TourEditor.constantTimeEqual("abc", "abd") && !TourEditor.constantTimeEqual("abc", "abcd") && !TourEditor.constantTimeEqual("", "a"))
        for host in ["127.0.0.1:8080", "localhost:8081", "[::1]:8080", "127.0.0.1", "LOCALHOST:80"] { #expect(TourEditor.isLoopbackHost(host), "\(host)") }
        for host in ["evil.example", "127.0.0.1.evil.example:80", "localhost.evil:80", "[::2]:80", "192.168.1.5:8080", "127.0.0.1:80x", "", "0.0.0.0:8080"] {
            #expect(!TourEditor.isLoopbackHost(host), "\(host)")
        }
        #expect(TourEditor.newToken().count == 64 && TourEditor.newToken() != TourEditor.newToken())
        #expect(TourEditor.relic(ofPage: "heritage/den-x/index.html") == "den-x")
        #expect(TourEditor.relic(ofPage: "en/heritage/den-x/index.html") == "den-x")
        #expect(TourEditor.relic(ofPage: "products/che/index.html") == nil && TourEditor.relic(ofPage: "heritage/index.html") == nil)
    }

    /// An edit keeping the file's length (scenes reordered) further than 80 bytes in must rebuild:
    /// `Data`'s own hash looks at the first 80 bytes only.
    @Test func theWatcherSeesAnEditOfTheSameLength() throws {
        let watcher = ContentWatcher(root: fixture.content)
        let before = watcher.baseline()
        let text = try String(contentsOf: index, encoding: .utf8)
        try text.replacingOccurrences(of: "yaw: 10,", with: "yaw: 20,").write(to: index, atomically: true, encoding: .utf8)
        var now = watcher.snapshot()
        #expect(now.stamps["heritage/quan-phuong-tri/index.md"]?.size == before.stamps["heritage/quan-phuong-tri/index.md"]?.size)
        #expect(watcher.changes(from: before, to: &now) == ["heritage/quan-phuong-tri/index.md"])
    }

    // MARK: The real binary

    func page(_ server: ServeProcess) async throws -> String {
        try await HTTPTestClient.get(port: server.port, "/heritage/quan-phuong-tri/").text
    }

    static func token(in page: String) -> String? {
        guard let range = page.range(of: #"data-token="[0-9a-f]{64}""#, options: .regularExpression) else { return nil }
        return String(page[range].dropFirst("data-token=\"".count).dropLast())
    }

    @Test func onLoopbackThePageHasTheEditorAndOnlyItsOwnRequestsWrite() async throws {
        let server = try await ServeProcess(in: fixture.directory.url, ["content", "--port", "0", "--lang", "en"])
        defer { Task { await server.stop() } }
        let html = try await page(server)
        let token = try #require(Self.token(in: html), "\(html.suffix(400))")
        #expect(html.contains("<script src=\"/__dinh/editor.js\" data-token=\"\(token)\" data-relic=\"quan-phuong-tri\" defer></script>"))
        #expect(try await HTTPTestClient.get(port: server.port, "/__dinh/editor.js").text.contains("tour editor"))
        #expect(server.stdout.contains("Tour editor:"))
        let origin = "http://127.0.0.1:\(server.port)"
        let before = try Data(contentsOf: index)
        let body = #"{"op":"state","relic":"quan-phuong-tri"}"#
        let headers = ["Origin": origin, "Content-Type": "application/json", "X-Dinh-Token": token]
        let refused = [
            try await HTTPTestClient.get(port: server.port, "/__dinh/edit", method: "POST", headers: headers.filter { $0.key != "X-Dinh-Token" }, body: body),
            try await HTTPTestClient.get(port: server.port, "/__dinh/edit", method: "POST", headers: headers.merging(["Origin": "http://evil.example"]) { _, b in b }, body: body),
            try await HTTPTestClient.get(port: server.port, "/__dinh/edit", method: "POST", headers: headers.merging(["Content-Type": "text/plain"]) { _, b in b }, body: body),
        ]
        #expect(refused.map(\.status) == [403, 403, 415], "\(refused.map(\.text))")
        let state = try await HTTPTestClient.get(port: server.port, "/__dinh/edit", method: "POST", headers: headers, body: body)
        #expect(state.status == 200 && state.header("content-type")?.hasPrefix("application/json") == true, "\(state.text)")
        #expect(state.header("access-control-allow-origin") == nil)
        let version = try #require((Self.json(state.body)["state"] as? [String: Any])?["version"] as? String)
        let edit = #"{"op":"north","relic":"quan-phuong-tri","scene":"hau-cung","yaw":-90,"version":"\#(version)"}"#
        let outside = try await HTTPTestClient.get(port: server.port, "/__dinh/edit", method: "POST", headers: headers,
                                                   body: edit.replacingOccurrences(of: "\"quan-phuong-tri\"", with: "\"../../outside\""))
        #expect(outside.status == 400)
        #expect(try Data(contentsOf: index) == before)
        let written = try await HTTPTestClient.get(port: server.port, "/__dinh/edit", method: "POST", headers: headers, body: edit)
        #expect(written.status == 200, "\(written.text)")
        #expect(try String(contentsOf: index, encoding: .utf8).contains("    panorama: hau.jpg\n    north: -90\n"))
    }

    @Test func onTheNetworkTheEditorIsAbsentWithoutEdit() async throws {
        let server = try await ServeProcess(in: fixture.directory.url, ["content", "--host", "0.0.0.0", "--port", "0", "--lang", "en"])
        let html = try await page(server)
        let script = try await HTTPTestClient.get(port: server.port, "/__dinh/editor.js")
        let post = try await HTTPTestClient.get(port: server.port, "/__dinh/edit", method: "POST",
                                                headers: ["Origin": "http://127.0.0.1:\(server.port)", "Content-Type": "application/json", "X-Dinh-Token": Self.token],
                                                body: #"{"op":"state","relic":"quan-phuong-tri"}"#)
        await server.stop()
        #expect(html.contains("/__dinh/reload.js") && !html.contains("/__dinh/editor.js"))
        #expect(script.status == 404)
        #expect(post.status == 405)
        #expect(!server.stdout.contains("Tour editor") && !server.stderr.contains("--edit"))

        let edited = try await ServeProcess(in: fixture.directory.url, ["content", "--host", "0.0.0.0", "--port", "0", "--edit", "--lang", "en"])
        let page = try await page(edited)
        _ = await edited.waitFor(seconds: 5) { _, err in err.contains("warning: --edit") }
        await edited.stop()
        #expect(page.contains("/__dinh/editor.js") && Self.token(in: page) != nil)
        #expect(edited.stderr.contains("warning: --edit with --host 0.0.0.0"), "\(edited.stderr)")
    }
}

extension Dictionary {
    func mapKeys(_ transform: (Key) -> String) -> [String: Value] {
        Dictionary<String, Value>(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}
