@testable import DinhServe
import DinhTestSupport
import Foundation
import Testing

/// Ranges, content types and path resolution, without a network.
@Suite struct StaticFilesTests {
    @Test func byteRanges() {
        #expect(ByteRange(header: nil, size: 100) == .whole)
        #expect(ByteRange(header: "bytes=0-9", size: 100) == .partial(0...9))
        #expect(ByteRange(header: "bytes=90-", size: 100) == .partial(90...99))
        #expect(ByteRange(header: "bytes=90-500", size: 100) == .partial(90...99), "the end is clipped to the file")
        #expect(ByteRange(header: "bytes=-10", size: 100) == .partial(90...99))
        #expect(ByteRange(header: "bytes=-500", size: 100) == .partial(0...99))
        #expect(ByteRange(header: "bytes=100-", size: 100) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=-0", size: 100) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=0-", size: 0) == .unsatisfiable)
        #expect(ByteRange(header: "bytes=5-2", size: 100) == .whole, "an invalid range is ignored")
        #expect(ByteRange(header: "bytes=0-1,5-6", size: 100) == .whole, "several ranges: the whole file")
        #expect(ByteRange(header: "items=0-1", size: 100) == .whole)
        #expect(ByteRange(header: "bytes=x-1", size: 100) == .whole)
    }

    @Test func contentTypes() {
        let expected = [
            "a.html": "text/html; charset=utf-8", "a.css": "text/css; charset=utf-8", "a.js": "text/javascript; charset=utf-8",
            "a.json": "application/json", "sitemap.xml": "application/xml; charset=utf-8", "qr/DP01.svg": "image/svg+xml",
            "a.png": "image/png", "A.JPG": "image/jpeg", "a.jpeg": "image/jpeg", "a.webp": "image/webp",
            "a.mp3": "audio/mpeg", "a.m4a": "audio/mp4", "a.opus": "audio/ogg", "a.ogg": "audio/ogg",
            "a.vtt": "text/vtt; charset=utf-8", "a.mp4": "video/mp4", "a.webm": "video/webm",
            "feeds/meta-catalog.csv": "text/csv; charset=utf-8", "robots.txt": "text/plain; charset=utf-8",
            "noextension": "application/octet-stream", ".hidden": "application/octet-stream",
        ]
        for (path, type) in expected { #expect(MediaType.forPath(path) == type, "\(path)") }
    }

    @Test func pathsStayInsideTheRoot() throws {
        let folder = try TemporaryDirectory("dinh-serve-files")
        defer { folder.remove() }
        try folder.write("site/index.html", "<p>home</p>")
        try folder.write("site/a b/index.html", "<p>space</p>")
        try folder.write("site/empty/.keep", "")
        try folder.write("secret.txt", "secret")
        let root = folder.file("site")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("leak.txt").path, withDestinationPath: folder.file("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("up").path, withDestinationPath: folder.url.path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("home.html").path, withDestinationPath: "index.html")
        let files = SiteFiles(root: root)
        let realRoot = try #require(SiteFiles.realPath(root.path))

        #expect(files.resolve(path: "/") == .file(realRoot + "/index.html"))
        #expect(files.resolve(path: "/a%20b/") == .file(realRoot + "/a b/index.html"))
        #expect(files.resolve(path: "/a%20b", query: "x=1") == .redirect("/a%20b/?x=1"))
        #expect(files.resolve(path: "/empty/") == .notFound, "a folder without index.html")
        #expect(files.resolve(path: "/home.html") == .file(realRoot + "/index.html"), "a symlink inside the site is fine")
        for attack in ["/../secret.txt", "/..%2fsecret.txt", "/..%2F..%2Fetc/passwd", "/%2e%2e/secret.txt", "/a%5c..%5csecret.txt", "/x%00.html"] {
            #expect(files.resolve(path: attack) == .forbidden, "\(attack)")
        }
        #expect(files.resolve(path: "/leak.txt") == .forbidden, "a symlink to a file outside")
        #expect(files.resolve(path: "/up/secret.txt") == .forbidden, "a symlink to a folder outside")
        #expect(files.resolve(path: "/etc/passwd") == .notFound)
        #expect(files.resolve(path: "http://evil.example/index.html") == .file(realRoot + "/index.html"), "absolute form keeps only the path")
        #expect(files.resolve(path: "//evil.example/") == .notFound)
        #expect(files.resolve(path: "/%zz") == .badRequest)
        #expect(SiteFiles(root: folder.file("missing")).resolve(path: "/") == .notFound)
    }

    @Test func reloadScriptGoesBeforeTheLastBodyEnd() {
        let page = Data("<html><body><p>x</p><script>var a='</body>'</script></BODY></html>".utf8)
        let injected = String(decoding: LiveReload.inject(into: page, generation: 7), as: UTF8.self)
        #expect(injected.hasSuffix("<script src=\"/__dinh/reload.js\" data-generation=\"7\"></script></BODY></html>"))
        let noBody = String(decoding: LiveReload.inject(into: Data("<p>x</p>".utf8), generation: 1), as: UTF8.self)
        #expect(noBody.hasPrefix("<p>x</p><script src="))
    }

    @Test func eventsCarryEveryLineAndEscapeNothingAsHTML() {
        let event = String(decoding: LiveReload.event("build-error", LiveReload.json(["a:1:1: error: <script>x</script>", "two\nlines"])), as: UTF8.self)
        #expect(event.hasPrefix("event: build-error\ndata: "))
        #expect(event.hasSuffix("\n\n"))
        #expect(!event.dropLast(2).contains("\n\n"), "a message with a newline must not end the event")
        #expect(LiveReload.reloadScript.contains("textContent=t"), "messages are shown as text, never as HTML")
        #expect(!LiveReload.reloadScript.contains("innerHTML"))
    }
}
