import DinhCore
import FlyingFox
import FlyingSocks
import Foundation

/// The HTTP server of `dinh serve` (FlyingFox): the output folder as a static site with the
/// headers a preview needs, the live-reload script added to HTML responses, and the event stream.
package actor PreviewServer {
    package nonisolated let root: URL
    package nonisolated let host: String
    package nonisolated let liveReload: LiveReload
    /// The tour editor, when this preview has one.
    package nonisolated let editor: TourEditor?
    private let requestedPort: UInt16
    private let language: Language
    private var server: HTTPServer?
    private var running: Task<Void, Never>?
    private var heartbeat: Task<Void, Never>?

    /// - Parameters:
    ///   - root: the folder to serve (the build's output folder; it may not exist yet).
    ///   - host: the address to listen on: `127.0.0.1` (default), `0.0.0.0` or `::` for the LAN.
    ///   - port: 0 for any free port (see `start()`'s result).
    ///   - language: the language of the error overlay's heading.
    package init(root: URL, host: String = "127.0.0.1", port: UInt16, liveReload: LiveReload = LiveReload(), editor: TourEditor? = nil,
                 language: Language = .en) {
        self.language = language
        self.root = root
        self.host = host
        self.requestedPort = port
        self.liveReload = liveReload
        self.editor = editor
    }

    /// Starts listening and returns the port. Throws when the address cannot be used (a port
    /// taken by another program, an address this machine does not have).
    @discardableResult
    package func start() async throws -> UInt16 {
        if let server, let port = await Self.port(of: server) { return port }
        let address = try Self.address(host: host, port: requestedPort)
        let handler = SiteHandler(files: SiteFiles(root: root), liveReload: liveReload, editor: editor, language: language)
        let server = HTTPServer(address: address, timeout: 30, pool: NoDelayPool(base: HTTPServer.defaultPool()), logger: .disabled, handler: handler)
        let failure = FailureBox()
        let running = Task {
            do { try await server.run() } catch { failure.set(error) }
        }
        // Wait until it listens, or until it failed to bind.
        for _ in 0..<500 {
            if let error = failure.error {
                running.cancel()
                throw DinhError(ServeMessage.cannotListen(host: host, port: Int(requestedPort), reason: Self.describe(error)))
            }
            if await server.isListening, let port = await Self.port(of: server) {
                self.server = server
                self.running = running
                heartbeat = Task { [liveReload] in
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(15))
                        await liveReload.ping()
                    }
                }
                return port
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        running.cancel()
        throw DinhError(ServeMessage.cannotListen(host: host, port: Int(requestedPort), reason: Message(ServeMessage.didNotStart)))
    }

    /// Closes every connection (event streams included) and stops listening.
    package func stop() async {
        heartbeat?.cancel()
        await liveReload.finishAll()
        if let server { await server.stop(timeout: 0.2) }
        running?.cancel()
        server = nil
        running = nil
    }

    private static func port(of server: HTTPServer) async -> UInt16? {
        switch await server.listeningAddress {
        case .ip4(_, let port), .ip6(_, let port): return port
        default: return nil
        }
    }

    static func address(host: String, port: UInt16) throws -> any SocketAddress {
        switch host {
        case "localhost": return sockaddr_in.loopbackIPv4(port: port)
        case "0.0.0.0", "": return sockaddr_in.inet(port: port)
        case "::": return sockaddr_in6.inet6(port: port)
        default:
            do {
                return host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
            } catch {
                throw DinhError(ServeMessage.notLocalAddress(host: host))
            }
        }
    }

    private static func describe(_ error: any Error) -> Message {
        let text = "\(error)"
        if text.contains("Address already in use") || text.contains("errno: 98") || text.contains("EADDRINUSE") {
            return Message(ServeMessage.portInUse)
        }
        if text.contains("Cannot assign requested address") || text.contains("errno: 99") {
            return Message(ServeMessage.noSuchAddress)
        }
        return Message(verbatim: text)
    }
}

extension sockaddr_in {
    static func loopbackIPv4(port: UInt16) -> sockaddr_in {
        (try? .inet(ip4: "127.0.0.1", port: port)) ?? .inet(port: port)
    }
}

/// FlyingFox writes a response's header and its body in two writes; with Nagle's algorithm the
/// body then waits for the browser's delayed ACK, 40 ms on every keep-alive request. Every socket
/// that waits in the pool (the listening one first, whose setting accepted sockets inherit on
/// Linux, and each connection) gets TCP_NODELAY.
struct NoDelayPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base

    func prepare() async throws { try await base.prepare() }
    func run() async throws { try await base.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        var on: Int32 = 1
        // Fails harmlessly (ENOTSUP) on a socket that is not TCP.
        _ = setsockopt(socket.file.rawValue, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}

/// The first error of the server task, read by the task that waits for it to listen.
private final class FailureBox: @unchecked Sendable {
    private var stored: (any Error)?
    private let lock = NSLock()
    var error: (any Error)? { lock.withLock { stored } }
    func set(_ error: any Error) { lock.withLock { stored = error } }
}

/// Answers one request: the event stream, the tour editor, or a file of the site.
struct SiteHandler: HTTPHandler {
    let files: SiteFiles
    let liveReload: LiveReload
    var editor: TourEditor? = nil
    /// The language of the error overlay's heading.
    var language: Language = .en

    /// Files up to this size are read at once; larger ones (videos) are streamed from disk.
    private static let readWholeLimit = 1 << 20

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The editor exists only for this computer: to others (and without an editor) these
        // addresses are like any missing file.
        let editing = editor != nil && TourEditor.isLoopback(request.remoteAddress)
        if let editor, editing, request.target.path(percentEncoded: true) == "/__dinh/edit" { return await editor.handle(request) }
        guard request.method == .GET || request.method == .HEAD else {
            return Self.plain(.methodNotAllowed, "only GET and HEAD are served\n", extra: [.init("Allow"): "GET, HEAD"])
        }
        let path = request.target.path(percentEncoded: true)
        if path == "/__dinh/events" { return await events() }
        if editing, path == "/__dinh/editor.js" {
            return Self.respond(status: .ok, type: "text/javascript; charset=utf-8", body: Data(TourEditorScript.source.utf8), request: request)
        }
        if path == "/__dinh/reload.js" {
            return Self.respond(status: .ok, type: "text/javascript; charset=utf-8", body: Data(LiveReload.reloadScript(in: language).utf8), request: request)
        }
        switch files.resolve(path: path, query: request.target.query(percentEncoded: true)) {
        case .file(let file):
            return try await serve(file: file, status: .ok, request: request, editing: editing)
        case .redirect(let location):
            var response = Self.plain(.movedPermanently, "moved to \(location)\n")
            response.headers[.location] = location
            return response
        case .forbidden:
            return Self.plain(.forbidden, "forbidden: only files of the site are served\n")
        case .badRequest:
            return Self.plain(.badRequest, "bad request\n")
        case .notFound:
            if let page = files.notFoundPage { return try await serve(file: page, status: .notFound, request: request) }
            // No site yet (the first build failed): a page that still shows errors and reloads.
            let body = Data("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Not found</title></head><body><p>Nothing here yet.</p></body></html>".utf8)
            return Self.respond(status: .notFound, type: "text/html; charset=utf-8",
                                body: LiveReload.inject(into: body, generation: await liveReload.generation), request: request)
        }
    }

    private func events() async -> HTTPResponse {
        let stream = await liveReload.subscribe()
        var headers = HTTPHeaders()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.init("X-Accel-Buffering")] = "no"
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventBytes(stream: stream)))
    }

    private func serve(file: String, status: HTTPStatusCode, request: HTTPRequest, editing: Bool = false) async throws -> HTTPResponse {
        let type = MediaType.forPath(file)
        if MediaType.isHTML(file) {
            guard let html = FileManager.default.contents(atPath: file) else { return Self.plain(.notFound, "not found\n") }
            var extra = ""
            if editing, let editor, let root = SiteFiles.realPath(files.root.path), file.hasPrefix(root + "/"),
               let relic = TourEditor.relic(ofPage: String(file.dropFirst(root.count + 1))) {
                extra = editor.scriptTag(relic: relic)
            }
            return Self.respond(status: status, type: type, body: LiveReload.inject(into: html, generation: await liveReload.generation, extra: extra), request: request)
        }
        var info = stat()
        guard stat(file, &info) == 0 else { return Self.plain(.notFound, "not found\n") }
        let size = Int(info.st_size)
        var headers = Self.baseHeaders(type: type)
        headers[.acceptRanges] = "bytes"
        var range = ByteRange(header: request.headers[.range], size: size)
        if status != .ok { range = .whole }
        switch range {
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            return HTTPResponse(statusCode: .rangeNotSatisfiable, headers: headers)
        case .whole:
            return try Self.fileResponse(status: status, file: file, range: 0..<size, size: size, headers: headers, request: request)
        case .partial(let bytes):
            headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(size)"
            return try Self.fileResponse(status: .partialContent, file: file, range: bytes.lowerBound..<(bytes.upperBound + 1),
                                         size: size, headers: headers, request: request)
        }
    }

    private static func fileResponse(status: HTTPStatusCode, file: String, range: Range<Int>, size: Int,
                                     headers: HTTPHeaders, request: HTTPRequest) throws -> HTTPResponse {
        var headers = headers
        if request.method == .HEAD {
            headers[.contentLength] = String(range.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        if size <= readWholeLimit {
            guard let data = FileManager.default.contents(atPath: file) else { return plain(.notFound, "not found\n") }
            // The file may have been replaced by a rebuild since its size was read.
            let clipped = range.clamped(to: 0..<data.count)
            return HTTPResponse(statusCode: status, headers: headers, body: data.subdata(in: clipped))
        }
        let body = try HTTPBodySequence(file: URL(fileURLWithPath: file), range: range, suggestedBufferSize: 64 * 1024)
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }

    private static func baseHeaders(type: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers[.contentType] = type
        // A preview must always show the latest build.
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")] = "nosniff"
        return headers
    }

    private static func respond(status: HTTPStatusCode, type: String, body: Data, request: HTTPRequest) -> HTTPResponse {
        var headers = baseHeaders(type: type)
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }

    private static func plain(_ status: HTTPStatusCode, _ text: String, extra: [HTTPHeader: String] = [:]) -> HTTPResponse {
        var headers = baseHeaders(type: "text/plain; charset=utf-8")
        for (name, value) in extra { headers[name] = value }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(text.utf8))
    }
}
