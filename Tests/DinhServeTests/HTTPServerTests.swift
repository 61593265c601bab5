@testable import DinhServe
import DinhTestSupport
import Foundation
import Testing

/// The preview's own HTTP/1.1 server: how it reads requests (from bytes, however they are cut)
/// and how it answers over a real socket.
@Suite struct HTTPServerTests {
    /// A reader over `chunks`, handed out one by one as a connection would.
    static func reader(_ chunks: [String]) -> HTTPRequestReader {
        let queue = ChunkQueue(chunks.map { Array($0.utf8) })
        return HTTPRequestReader { queue.next() }
    }

    @Test func pipelinedRequestsInOneChunkOrCutAnywhere() throws {
        let bytes = "GET /a?x=1 HTTP/1.1\r\nHost: h\r\n\r\n"
            + "POST /__dinh/edit HTTP/1.1\r\nHost: h\r\ncontent-length: 5\r\n\r\nhello"
            + "GET /c HTTP/1.0\r\n\r\n"
        for cut in [[bytes], bytes.map { String($0) }, [String(bytes.prefix(40)), String(bytes.dropFirst(40))]] {
            var reader = Self.reader(cut)
            guard case .request(let first, let keepFirst) = reader.next(fromLoopback: true) else { Issue.record("no first request"); return }
            #expect(first.method == "GET" && first.path == "/a" && first.query == "x=1" && first.headers["HOST"] == "h" && keepFirst)
            guard case .request(let second, true) = reader.next(fromLoopback: false) else { Issue.record("no second request"); return }
            #expect(second.method == "POST" && second.body == Data("hello".utf8) && !second.fromLoopback)
            guard case .request(let third, let keepThird) = reader.next(fromLoopback: true) else { Issue.record("no third request"); return }
            #expect(third.path == "/c" && third.query.isEmpty && !keepThird, "HTTP/1.0 closes unless asked to keep alive")
            guard case .closed = reader.next(fromLoopback: true) else { Issue.record("more than three requests"); return }
        }
    }

    @Test func connectionHeaderAndExpectContinue() {
        var reader = Self.reader(["GET / HTTP/1.1\r\nConnection: close\r\n\r\nGET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"])
        guard case .request(_, false) = reader.next(fromLoopback: true), case .request(_, true) = reader.next(fromLoopback: true) else {
            Issue.record("Connection: close / keep-alive not honoured")
            return
        }
        var continued = 0
        var waiting = Self.reader(["POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n", "{}"])
        guard case .request(let request, _) = waiting.next(fromLoopback: true, sendContinue: { continued += 1 }) else {
            Issue.record("no request")
            return
        }
        #expect(request.body == Data("{}".utf8) && continued == 1)
    }

    @Test func requestsThisServerDoesNotTake() {
        let cases: [(String, [String], Int)] = [
            ("no version", ["GET /\r\n\r\n"], 400),
            ("a space in the target", ["GET /a b HTTP/1.1\r\n\r\n"], 400),
            ("a control character in the target", ["GET /dir?x\nSet-Cookie:z=1 HTTP/1.1\r\n\r\n"], 400),
            ("no method", [" / HTTP/1.1\r\n\r\n"], 400),
            ("HTTP/2", ["GET / HTTP/2.0\r\n\r\n"], 505),
            ("a field without a colon", ["GET / HTTP/1.1\r\nHost h\r\n\r\n"], 400),
            ("a folded field", ["GET / HTTP/1.1\r\nX-A: 1\r\n  2\r\n\r\n"], 400),
            ("a chunked body", ["POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"], 411),
            ("two lengths", ["POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"], 400),
            ("a negative length", ["POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"], 400),
            ("a body over 1 MB", ["POST / HTTP/1.1\r\nContent-Length: 1048577\r\n\r\n"], 413),
            ("a length past any integer", ["POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n"], 413),
            ("a head over 64 KB", ["GET / HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: 70_000) + "\r\n\r\n"], 431),
            ("endless header lines", ["GET / HTTP/1.1\r\n"] + Array(repeating: "X-A: 1\r\n", count: 10_000), 431),
            ("cut off in the head", ["GET / HTTP/1.1\r\nHost:"], 400),
        ]
        for (name, chunks, status) in cases {
            var reader = Self.reader(chunks)
            guard case .refused(let refused) = reader.next(fromLoopback: true) else { Issue.record("\(name): taken"); continue }
            #expect(refused.code == status, "\(name)")
        }
        var cutInBody = Self.reader(["POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc"])
        guard case .closed = cutInBody.next(fromLoopback: true) else { Issue.record("a body cut short was taken"); return }
    }

    /// A server answering every request with its method, target and body.
    static func echo() throws -> HTTPServer {
        let server = try HTTPServer(host: "127.0.0.1", port: 0) { request in
            if request.path == "/__dinh/events" {
                let (stream, continuation) = AsyncStream<Data>.makeStream()
                continuation.yield(Data("event: hello\n\n".utf8))
                // Left open: only the server's stop ends it.
                return HTTPResponse(status: .ok, body: .stream(stream))
            }
            return HTTPResponse(status: .ok, body: Data("\(request.method) \(request.target) \(String(decoding: request.body, as: UTF8.self))".utf8))
        }
        server.start()
        return server
    }

    @Test func keepAlivePipeliningHeadAndBadRequestsOverASocket() async throws {
        let server = try Self.echo()
        defer { server.stop() }
        let answer = try await HTTPTestClient.raw(port: server.port,
            "GET /one HTTP/1.1\r\nHost: x\r\n\r\nHEAD /two HTTP/1.1\r\nHost: x\r\n\r\nPOST /three HTTP/1.1\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc")
        let responses = answer.components(separatedBy: "HTTP/1.1 200 OK\r\n").dropFirst()
        #expect(responses.count == 3, "\(answer)")
        #expect(responses.first?.hasSuffix("\r\n\r\nGET /one ") == true && responses.first?.contains("Connection: keep-alive") == true)
        // HEAD: the length the body would have, and no body.
        #expect(responses.dropFirst().first?.contains("Content-Length: 10\r\n") == true && responses.dropFirst().first?.hasSuffix("\r\n\r\n") == true)
        #expect(responses.last?.hasSuffix("Connection: close\r\n\r\nPOST /three abc") == true)

        let broken = try await HTTPTestClient.raw(port: server.port, "GARBAGE\r\n\r\nGET / HTTP/1.1\r\n\r\n")
        #expect(broken.hasPrefix("HTTP/1.1 400 Bad Request\r\n") && broken.contains("Connection: close") && !broken.contains("200 OK"), "\(broken)")
    }

    @Test func stopEndsOpenStreamsAndTheListener() async throws {
        let server = try Self.echo()
        let port = server.port
        // The stream stays open until the server stops (read for at most 20 s).
        let (text, seconds) = try await HTTPTestClient.events(port: port, timeout: 20, whileOpen: { server.stop() }) { _ in false }
        #expect(text.contains("event: hello") && text.contains("Connection: close"), "\(text.debugDescription)")
        #expect(seconds < 5, "the stream was not closed by stop()")
        await #expect(throws: (any Error).self) { try await HTTPTestClient.raw(port: port, "GET / HTTP/1.1\r\n\r\n", timeout: 2) }
    }

    /// HEAD of the event stream: its headers, and no listener left behind that nobody reads.
    @Test func aHeadOfTheEventStreamSubscribesNothing() async throws {
        let folder = try TemporaryDirectory("dinh-serve-head")
        defer { folder.remove() }
        let reload = LiveReload()
        let server = PreviewServer(root: folder.url, port: 0, liveReload: reload)
        let port = try await server.start()
        let head = try await HTTPTestClient.get(port: port, "/__dinh/events", method: "HEAD")
        #expect(head.status == 200 && head.header("content-type") == "text/event-stream; charset=utf-8" && head.body.isEmpty)
        #expect(await reload.listenerCount == 0)
        await server.stop()
    }

    /// A stopping preview ends the streams of pages that connect meanwhile; a preview started
    /// again with the same live reload streams events again.
    @Test func aRestartedPreviewStreamsEventsAgain() async throws {
        let folder = try TemporaryDirectory("dinh-serve-restart")
        defer { folder.remove() }
        let reload = LiveReload()
        let first = PreviewServer(root: folder.url, port: 0, liveReload: reload)
        _ = try await first.start()
        await first.stop()
        var ended = await reload.subscribe().makeAsyncIterator()
        #expect(await ended.next() == nil, "a stream handed out while stopping was left open")
        let second = PreviewServer(root: folder.url, port: 0, liveReload: reload)
        let port = try await second.start()
        let (text, _) = try await HTTPTestClient.events(port: port, timeout: 5) { $0.contains("event: hello") }
        #expect(text.contains("event: hello"))
        await second.stop()
    }

    /// Who counts as this computer, for the tour editor: the peer's address as the system gives it.
    @Test func loopbackPeers() {
        for host in ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"] { #expect(ListenAddress(host: host, port: 0)?.isLoopback == true, "\(host)") }
        for host in ["10.0.0.1", "192.168.1.7", "128.0.0.1", "::", "::2", "fe80::1", "::ffff:10.0.0.1", "0.0.0.0"] {
            #expect(ListenAddress(host: host, port: 0)?.isLoopback == false, "\(host)")
        }
        #expect(ListenAddress(host: "localhost", port: 80)?.isLoopback == true)
        #expect(ListenAddress(host: "dinh.example", port: 80) == nil)
    }

    @Test func listenErrorsSayWhy() throws {
        let server = try Self.echo()
        defer { server.stop() }
        #expect { try HTTPServer(host: "127.0.0.1", port: server.port) { _ in HTTPResponse(status: .ok) } } throws: {
            ($0 as? HTTPServer.ListenError)?.code == EADDRINUSE
        }
        #expect { try HTTPServer(host: "not-an-address", port: 0) { _ in HTTPResponse(status: .ok) } } throws: {
            ($0 as? HTTPServer.ListenError)?.code == HTTPServer.ListenError.notAnAddress
        }
        #expect { try HTTPServer(host: "192.0.2.1", port: 0) { _ in HTTPResponse(status: .ok) } } throws: {
            ($0 as? HTTPServer.ListenError)?.code == EADDRNOTAVAIL
        }
        let both = try HTTPServer(host: "::1", port: 0) { _ in HTTPResponse(status: .ok) }
        both.stop()
    }
}

/// Chunks handed out in order, then the end of the connection.
private final class ChunkQueue: @unchecked Sendable {
    private var chunks: [[UInt8]]
    init(_ chunks: [[UInt8]]) { self.chunks = chunks }
    func next() -> [UInt8]? { chunks.isEmpty ? nil : chunks.removeFirst() }
}
