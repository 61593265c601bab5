import DinhCore
import DinhSite
import Foundation

/// The HTTP server of `dinh serve`: the output folder as a static site with the headers a
/// preview needs, the live-reload script added to HTML responses, and the event stream.
package actor PreviewServer {
    package nonisolated let root: URL
    package nonisolated let host: String
    package nonisolated let liveReload: LiveReload
    /// The tour editor, when this preview has one.
    package nonisolated let editor: TourEditor?
    private let requestedPort: UInt16
    private let language: Language
    private var server: HTTPServer?
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
        if let server { return server.port }
        let handler = SiteHandler(files: SiteFiles(root: root), liveReload: liveReload, editor: editor, language: language)
        let server: HTTPServer
        do {
            server = try HTTPServer(host: host, port: requestedPort) { await handler.respond(to: $0) }
        } catch where error.code == HTTPServer.ListenError.notAnAddress {
            throw DinhError(ServeMessage.notLocalAddress(host: host))
        } catch {
            throw DinhError(ServeMessage.cannotListen(host: host, port: Int(requestedPort), reason: Self.describe(error)))
        }
        await liveReload.reopen()
        server.start()
        self.server = server
        heartbeat = Task { [liveReload] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                await liveReload.ping()
            }
        }
        return server.port
    }

    /// Closes every connection (event streams included) and stops listening.
    package func stop() async {
        heartbeat?.cancel()
        await liveReload.finishAll()
        server?.stop()
        server = nil
    }

    private static func describe(_ error: HTTPServer.ListenError) -> Message {
        switch error.code {
        case EADDRINUSE: Message(ServeMessage.portInUse)
        case EADDRNOTAVAIL: Message(ServeMessage.noSuchAddress)
        default: Message(verbatim: "\(error.call): \(String(cString: strerror(error.code)))")
        }
    }
}

/// Answers one request: the event stream, the tour editor, the preview's worker, or a file of the site.
struct SiteHandler: Sendable {
    let files: SiteFiles
    let liveReload: LiveReload
    var editor: TourEditor? = nil
    /// The language of the error overlay's heading.
    var language: Language = .en

    /// Files up to this size are read at once; larger ones (videos) are streamed from disk.
    private static let readWholeLimit = 1 << 20

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        // The editor exists only for this computer: to others (and without an editor) these
        // addresses are like any missing file.
        let editing = editor != nil && request.fromLoopback
        let path = request.path
        if let editor, editing, path == "/__dinh/edit" { return await editor.respond(to: request) }
        guard request.method == "GET" || request.method == "HEAD" else {
            return Self.plain(.methodNotAllowed, "only GET and HEAD are served\n", extra: ["Allow": "GET, HEAD"])
        }
        if path == "/__dinh/events" { return await events(subscribing: request.method == "GET") }
        if let script = previewScript(at: path, editing: editing) {
            return Self.respond(status: .ok, type: MediaType.forPath(path), body: Data(script.utf8))
        }
        switch files.resolve(path: path, query: request.query) {
        case .file(let file):
            return await serve(file: file, status: .ok, request: request, editing: editing)
        case .redirect(let location):
            var response = Self.plain(.movedPermanently, "moved to \(location)\n")
            response.headers["Location"] = location
            return response
        case .forbidden:
            return Self.plain(.forbidden, "forbidden: only files of the site are served\n")
        case .badRequest:
            return Self.plain(.badRequest, "bad request\n")
        case .notFound:
            if let page = files.notFoundPage { return await serve(file: page, status: .notFound, request: request) }
            // No site yet (the first build failed): a page that still shows errors and reloads.
            let text = HTML.escape(ServeMessage.noSiteYet.text(in: language))
            let body = Data("<!DOCTYPE html><html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><title>dinh</title></head><body><p id=\"__dinh_nosite\">\(text)</p></body></html>".utf8)
            return Self.respond(status: .notFound, type: "text/html; charset=utf-8",
                                body: LiveReload.inject(into: body, generation: await liveReload.generation))
        }
    }

    /// The preview's own scripts: the tour editor's (on this computer), the live reload's, and the
    /// worker that takes the place of the site's.
    private func previewScript(at path: String, editing: Bool) -> String? {
        switch path {
        case "/__dinh/editor.js" where editing: TourEditorScript.source
        case "/__dinh/reload.js": LiveReload.reloadScript(in: language)
        case PreviewWorker.path: PreviewWorker.script
        default: nil
        }
    }

    /// The event stream; to a HEAD request, its headers only (a stream nobody reads would stay
    /// among the listeners).
    private func events(subscribing: Bool) async -> HTTPResponse {
        var headers = HTTPHeaders()
        headers["Content-Type"] = "text/event-stream; charset=utf-8"
        headers["Cache-Control"] = "no-store"
        headers["X-Accel-Buffering"] = "no"
        guard subscribing else { return HTTPResponse(status: .ok, headers: headers) }
        return HTTPResponse(status: .ok, headers: headers, body: .stream(await liveReload.subscribe()))
    }

    private func serve(file: String, status: HTTPStatus, request: HTTPRequest, editing: Bool = false) async -> HTTPResponse {
        let type = MediaType.forPath(file)
        if MediaType.isHTML(file) {
            guard let html = FileManager.default.contents(atPath: file) else { return Self.plain(.notFound, "not found\n") }
            var extra = ""
            if editing, let editor, let root = SiteFiles.realPath(files.root.path), file.hasPrefix(root + "/"),
               let relic = TourEditor.relic(ofPage: String(file.dropFirst(root.count + 1))) {
                extra = editor.scriptTag(relic: relic)
            }
            return Self.respond(status: status, type: type, body: LiveReload.inject(into: html, generation: await liveReload.generation, extra: extra))
        }
        var info = stat()
        guard stat(file, &info) == 0 else { return Self.plain(.notFound, "not found\n") }
        let size = Int(info.st_size)
        var headers = HTTPHeaders.preview(type: type)
        headers["Accept-Ranges"] = "bytes"
        var range = ByteRange(header: request.headers["Range"], size: size)
        if status != .ok { range = .whole }
        switch range {
        case .unsatisfiable:
            headers["Content-Range"] = "bytes */\(size)"
            return HTTPResponse(status: .rangeNotSatisfiable, headers: headers)
        case .whole:
            return Self.fileResponse(status: status, file: file, range: 0..<size, size: size, headers: headers)
        case .partial(let bytes):
            headers["Content-Range"] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(size)"
            return Self.fileResponse(status: .partialContent, file: file, range: bytes.lowerBound..<(bytes.upperBound + 1), size: size, headers: headers)
        }
    }

    /// The server sends no body to a HEAD request, with the length the body would have.
    private static func fileResponse(status: HTTPStatus, file: String, range: Range<Int>, size: Int, headers: HTTPHeaders) -> HTTPResponse {
        if size <= readWholeLimit {
            guard let data = FileManager.default.contents(atPath: file) else { return plain(.notFound, "not found\n") }
            // The file may have been replaced by a rebuild since its size was read.
            let clipped = range.clamped(to: 0..<data.count)
            return HTTPResponse(status: status, headers: headers, body: data.subdata(in: clipped))
        }
        return HTTPResponse(status: status, headers: headers, body: .file(path: file, range: range))
    }


    private static func respond(status: HTTPStatus, type: String, body: Data) -> HTTPResponse {
        HTTPResponse(status: status, headers: HTTPHeaders.preview(type: type), body: body)
    }

    private static func plain(_ status: HTTPStatus, _ text: String, extra: [String: String] = [:]) -> HTTPResponse {
        var headers = HTTPHeaders.preview(type: "text/plain; charset=utf-8")
        for (name, value) in extra { headers[name] = value }
        return HTTPResponse(status: status, headers: headers, body: Data(text.utf8))
    }
}

extension HTTPHeaders {
    /// What every answer of the preview carries: its type, and neither caching (a preview must
    /// always show the latest build) nor type guessing.
    static func preview(type: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers["Content-Type"] = type
        headers["Cache-Control"] = "no-store"
        headers["X-Content-Type-Options"] = "nosniff"
        return headers
    }
}
