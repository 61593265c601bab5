@testable import DinhServe
import DinhTestSupport
import Foundation
import Testing

/// The real server (`dinh serve`) on a loopback port. Files are added to its output folder after
/// the first build, so each case has exactly the file it needs.
@Suite(.serialized) struct PreviewServerTests {
    let fixture: SiteFixture
    var folder: TemporaryDirectory { fixture.directory }
    let audio: Data

    init() throws {
        fixture = try SiteFixture()
        // Bytes 0…255 repeated: any range is easy to check.
        audio = Data((0..<3000).map { UInt8($0 % 256) })
    }

    private func addFiles() throws {
        try folder.write("site/index.html", "<!DOCTYPE html><html><body><p>Trang chủ</p></body></html>")
        try folder.write("site/404.html", "<!DOCTYPE html><html><body><h1>Không tìm thấy</h1></body></html>")
        try folder.write("site/heritage/den/index.html", "<!DOCTYPE html><html><body><p>Đền</p></body></html>")
        try folder.write("site/heritage/den/thuyet-minh.mp3", audio)
        try folder.write("site/heritage/den/thuyet-minh.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n")
        try folder.write("site/assets/style.css", "body{}")
        try folder.write("secret.txt", "secret")
        try? FileManager.default.removeItem(at: folder.file("site/leak.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder.file("site/leak.txt").path, withDestinationPath: folder.file("secret.txt").path)
        // A big file is streamed from disk rather than read at once.
        try folder.write("site/video.mp4", Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }))
    }

    private func withServer(_ body: (UInt16, ServeProcess) async throws -> Void) async throws {
        let server = try await ServeProcess(in: folder.url, ["content", "--port", "0", "--output", "site"])
        #expect(server.port != 0)
        do {
            try addFiles()
            try await body(server.port, server)
        } catch {
            await server.stop()
            folder.remove()
            throw error
        }
        #expect(await server.stop() == 0)
        folder.remove()
    }

    @Test func rangeRequestsReturnTheRightBytes() async throws {
        try await withServer { port, _ in
            let whole = try await HTTPTestClient.get(port: port, "/heritage/den/thuyet-minh.mp3")
            #expect(whole.status == 200)
            #expect(whole.body == audio)
            #expect(whole.header("Accept-Ranges") == "bytes")
            #expect(whole.header("Content-Type") == "audio/mpeg")

            let middle = try await HTTPTestClient.get(port: port, "/heritage/den/thuyet-minh.mp3", headers: ["Range": "bytes=1000-1099"])
            #expect(middle.status == 206)
            #expect(middle.header("Content-Range") == "bytes 1000-1099/3000")
            #expect(middle.header("Content-Length") == "100")
            #expect(middle.body == audio.subdata(in: 1000..<1100))

            let open = try await HTTPTestClient.get(port: port, "/heritage/den/thuyet-minh.mp3", headers: ["Range": "bytes=2990-"])
            #expect(open.status == 206)
            #expect(open.body == audio.subdata(in: 2990..<3000))
            #expect(open.header("Content-Range") == "bytes 2990-2999/3000")

            let suffix = try await HTTPTestClient.get(port: port, "/heritage/den/thuyet-minh.mp3", headers: ["Range": "bytes=-5"])
            #expect(suffix.status == 206)
            #expect(suffix.body == audio.subdata(in: 2995..<3000))

            // What Safari sends first to probe a media file.
            let probe = try await HTTPTestClient.get(port: port, "/heritage/den/thuyet-minh.mp3", headers: ["Range": "bytes=0-1"])
            #expect(probe.status == 206)
            #expect(probe.body == Data([0, 1]))

            let beyond = try await HTTPTestClient.get(port: port, "/heritage/den/thuyet-minh.mp3", headers: ["Range": "bytes=3000-"])
            #expect(beyond.status == 416)
            #expect(beyond.header("Content-Range") == "bytes */3000")

            let streamed = try await HTTPTestClient.get(port: port, "/video.mp4", headers: ["Range": "bytes=2000000-2000009"])
            #expect(streamed.status == 206)
            #expect(streamed.body == Data((2_000_000..<2_000_010).map { UInt8(truncatingIfNeeded: $0 &* 7) }))
            #expect(streamed.header("Content-Type") == "video/mp4")

            let head = try await HTTPTestClient.get(port: port, "/heritage/den/thuyet-minh.mp3", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "3000")
        }
    }

    @Test func contentTypesAndPreviewHeaders() async throws {
        try await withServer { port, _ in
            let vtt = try await HTTPTestClient.get(port: port, "/heritage/den/thuyet-minh.vtt")
            #expect(vtt.status == 200)
            #expect(vtt.header("Content-Type") == "text/vtt; charset=utf-8")
            #expect(vtt.header("Cache-Control") == "no-store")
            #expect(vtt.text.hasPrefix("WEBVTT"))
            let css = try await HTTPTestClient.get(port: port, "/assets/style.css")
            #expect(css.header("Content-Type") == "text/css; charset=utf-8")
            #expect(css.text == "body{}", "only HTML gets the reload script")
        }
    }

    /// The site's service worker answers from what it kept, so a preview would show an earlier
    /// build: the preview answers `/sw.js` with a worker that keeps nothing and sees no request.
    @Test func theSitesWorkerIsNotServedInPreview() async throws {
        try await withServer { port, _ in
            try folder.write("site/sw.js", "self.addEventListener(\"fetch\", function (e) {});")
            let worker = try await HTTPTestClient.get(port: port, "/sw.js")
            #expect(worker.status == 200)
            #expect(worker.header("Content-Type") == "text/javascript; charset=utf-8")
            #expect(worker.text.contains("a preview keeps nothing") && worker.text.contains("caches.delete"))
            #expect(!worker.text.contains("\"fetch\""), "a worker with a fetch listener would see every request")
        }
    }

    @Test func foldersIndexesRedirectsAndNotFound() async throws {
        try await withServer { port, _ in
            let home = try await HTTPTestClient.get(port: port, "/")
            #expect(home.status == 200)
            #expect(home.header("Content-Type") == "text/html; charset=utf-8")
            #expect(home.text.contains("<p>Trang chủ</p>"))
            #expect(home.text.contains("<script src=\"/__dinh/reload.js\" data-generation=\"1\"></script></body>"), "the reload script is added in preview")
            let script = try await HTTPTestClient.get(port: port, "/__dinh/reload.js")
            #expect(script.status == 200)
            #expect(script.header("Content-Type") == "text/javascript; charset=utf-8")
            #expect(script.text.contains("new EventSource(\"/__dinh/events\")"))
            let onDisk = try String(contentsOf: folder.file("site/index.html"), encoding: .utf8)
            #expect(!onDisk.contains("__dinh"), "but never written into the files")

            let redirect = try await HTTPTestClient.get(port: port, "/heritage/den?lang=vi")
            #expect(redirect.status == 301)
            #expect(redirect.header("Location") == "/heritage/den/?lang=vi")
            let page = try await HTTPTestClient.get(port: port, "/heritage/den/")
            #expect(page.status == 200)
            #expect(page.text.contains("Đền"))

            let missing = try await HTTPTestClient.get(port: port, "/heritage/khong-co/")
            #expect(missing.status == 404)
            #expect(missing.text.contains("Không tìm thấy"), "the site's own 404 page")
            #expect(missing.header("Cache-Control") == "no-store")

            let post = try await HTTPTestClient.get(port: port, "/", method: "POST")
            #expect(post.status == 405)
        }
    }

    @Test func neverServesOutsideTheOutputFolder() async throws {
        try await withServer { port, _ in
            for attack in ["/..%2f..%2fetc/passwd", "/..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/../secret.txt",
                           "/heritage/..%2f..%2fsecret.txt", "/leak.txt", "/%2e%2e%5csecret.txt"] {
                let response = try await HTTPTestClient.get(port: port, attack)
                #expect([403, 404].contains(response.status), "\(attack) → \(response.status)")
                #expect(!response.text.contains("secret") && !response.text.contains("root:"), "\(attack)")
            }
        }
    }

    @Test func eventStreamSaysHelloAndForwardsEvents() async throws {
        try await withServer { port, _ in
            let fixture = fixture
            let received = try await HTTPTestClient.events(port: port, timeout: 5, whileOpen: {
                try fixture.write("heritage/quan-phuong-tri/index.md", "---\ncode: DP01\nname: <b>x</b>\n---\n")
            }, until: { $0.contains("event: build-error") && $0.contains("index.md") })
            #expect(received.text.contains("text/event-stream"))
            #expect(received.text.contains("event: hello\ndata: 1"), "one good build so far")
            #expect(received.text.contains("data: [\"content/heritage/quan-phuong-tri/index.md:"), "\(received.text)")
        }
    }
}
