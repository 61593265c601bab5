import DinhContent
import DinhCore
import Foundation

/// The write side of the tour editor in `dinh serve`: `POST /__dinh/edit` changes the scenes of
/// one relic's `index.md` (through `SceneEditor`), the watcher rebuilds and the page reloads.
///
/// It writes into the officer's content, so a request must come from this computer (loopback peer,
/// loopback `Host`, which also stops DNS rebinding), from a page of this preview (`Origin` equal to
/// the `Host`), as JSON (no HTML form can send that content type across sites) and carry the
/// session's random token, which only pages served by this process know. It writes only
/// `heritage/<slug>/index.md` inside the content folder, by its real path, atomically; the version
/// before each edit is kept outside the content for one undo.
package actor TourEditor {
    package nonisolated let content: URL
    package nonisolated let displayContent: String
    package nonisolated let token: String
    /// Where the version before the last edit of each relic is kept (outside the content).
    package nonisolated let undoFolder: URL

    package init(content: URL, displayContent: String, undoFolder: URL, token: String = TourEditor.newToken()) {
        self.content = content
        self.displayContent = displayContent
        self.undoFolder = undoFolder
        self.token = token
    }

    /// 32 random bytes in hex, from the system's secure generator.
    package static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// The tag added to a relic page served to this computer.
    nonisolated func scriptTag(relic: String) -> String {
        "<script src=\"/__dinh/editor.js\" data-token=\"\(token)\" data-relic=\"\(relic)\" defer></script>"
    }

    /// The relic whose page a served file is (`heritage/<slug>/index.html`, in any language's folder).
    static func relic(ofPage relative: String) -> String? {
        let parts = relative.split(separator: "/").map(String.init)
        guard parts.count == 3 || parts.count == 4, parts.last == "index.html", parts[parts.count - 3] == "heritage",
              isSlug(parts[parts.count - 2]) else { return nil }
        return parts[parts.count - 2]
    }

    static func isSlug(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 100 && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    // MARK: Who may write

    /// A `Host` header naming this computer (with any port).
    static func isLoopbackHost(_ header: String?) -> Bool {
        guard var host = header?.lowercased().trimmingCharacters(in: .whitespaces), !host.isEmpty else { return false }
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            let rest = host[host.index(after: close)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy(\.isNumber)) else { return false }
            return host[host.index(after: host.startIndex)..<close] == "::1"
        }
        if let colon = host.firstIndex(of: ":") {
            guard host[host.index(after: colon)...].allSatisfy(\.isNumber) else { return false }
            host = String(host[..<colon])
        }
        if host == "localhost" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// Why a request may not write, or nil when it may.
    nonisolated func refusal(_ request: HTTPRequest) -> (HTTPStatus, String, code: String)? {
        guard request.method == "POST" else { return (.methodNotAllowed, "the tour editor takes POST requests only", "refused") }
        guard request.fromLoopback else { return (.forbidden, "the tour editor answers only on this computer (127.0.0.1)", "refused") }
        let host = request.headers["host"]
        guard Self.isLoopbackHost(host), let host else { return (.forbidden, "the tour editor answers only to http://127.0.0.1 or http://localhost", "refused") }
        guard let origin = request.headers["origin"], origin.lowercased() == "http://" + host.lowercased() else {
            return (.forbidden, "the tour editor answers only to pages of this preview (Origin must be http://\(host))", "refused")
        }
        if let site = request.headers["sec-fetch-site"], site != "same-origin" {
            return (.forbidden, "the tour editor answers only to pages of this preview", "refused")
        }
        let type = request.headers["content-type"]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/json" else { return (.unsupportedMediaType, "the tour editor takes application/json only", "refused") }
        guard let given = request.headers["x-dinh-token"], Self.constantTimeEqual(given, token) else {
            return (.forbidden, "the tour editor's token is missing or wrong; reload the page", "token")
        }
        if request.body.count > Self.maximumBody { return (.payloadTooLarge, "an edit is at most 64 KB", "refused") }
        return nil
    }

    static let maximumBody = 64 << 10

    /// Compares every byte whatever the first difference, so timing tells nothing about the token.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = UInt8(x.count == y.count ? 0 : 1)
        for index in 0..<max(x.count, y.count) {
            difference |= (index < x.count ? x[index] : 0) ^ (index < y.count ? y[index] : 0)
        }
        return difference == 0
    }

    // MARK: Requests

    /// The answer to `POST /__dinh/edit`, as JSON.
    package func respond(to request: HTTPRequest) -> HTTPResponse {
        let answer = handle(request)
        return HTTPResponse(status: HTTPStatus(answer.status, answer.phrase), headers: .preview(type: "application/json; charset=utf-8"), body: answer.body)
    }

    /// Answers one request: a status, its phrase and a JSON body.
    package func handle(_ request: HTTPRequest) -> (status: Int, phrase: String, body: Data) {
        let result: (status: HTTPStatus, body: [String: Any])
        if let (status, text, code) = refusal(request) {
            result = (status, ["ok": false, "error": text, "code": code])
        } else if let object = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any] {
            result = perform(object)
        } else {
            result = (.badRequest, ["ok": false, "error": "the edit is not a JSON object"])
        }
        let data = (try? JSONSerialization.data(withJSONObject: result.body, options: [.withoutEscapingSlashes])) ?? Data("{}".utf8)
        return (result.status.code, result.status.phrase, data)
    }

    /// The file of a relic, by its real path, when it is `heritage/<slug>/index.md` inside the
    /// real content folder and a regular file (not a link).
    struct Refusal: Error {
        var status: HTTPStatus
        var text: String
        init(_ status: HTTPStatus, _ text: String) { self.status = status; self.text = text }
    }

    func relicFile(_ slug: String) -> Result<URL, Refusal> {
        guard Self.isSlug(slug) else { return .failure(Refusal(.badRequest, "'\(slug)' is not the name of a relic folder")) }
        guard let root = SiteFiles.realPath(content.path), let folder = SiteFiles.realPath(content.path + "/heritage/" + slug),
              SiteFiles.isInside(folder, root + "/heritage"), folder != root + "/heritage" else {
            return .failure(Refusal(.notFound, "there is no relic folder heritage/\(slug) in the content folder"))
        }
        let file = folder + "/index.md"
        var info = stat()
        guard lstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .failure(Refusal(.notFound, "heritage/\(slug)/index.md is not a plain file in the content folder (a link, or missing); edit it in a text editor"))
        }
        return .success(URL(fileURLWithPath: file))
    }

    private func display(_ slug: String) -> String {
        let relative = "heritage/\(slug)/index.md"
        return displayContent == "." ? relative : "\(displayContent)/\(relative)"
    }

    private func perform(_ request: [String: Any]) -> (status: HTTPStatus, body: [String: Any]) {
        // `code` lets the page say it in its language.
        func failure(_ status: HTTPStatus, _ text: String, code: String, messages: [String] = []) -> (HTTPStatus, [String: Any]) {
            (status, ["ok": false, "error": text, "code": code, "messages": messages])
        }
        let slug = request["relic"] as? String ?? ""
        let url: URL
        switch relicFile(slug) {
        case .success(let found): url = found
        case .failure(let refused): return failure(refused.status, refused.text, code: "relic")
        }
        let shown = display(slug)
        guard let bytes = FileManager.default.contents(atPath: url.path) else { return failure(.notFound, "\(shown) cannot be read", code: "relic") }
        let op = request["op"] as? String ?? ""
        // Messages in the page's language.
        let language = (request["lang"] as? String).flatMap { Language(code: $0) } ?? .en
        // A content error in this file blocks editing: the loader's messages, as `dinh build` prints them.
        let errors = ContentLoader(root: content, displayRoot: displayContent).load().diagnostics.sorted
            .filter { $0.severity == .error && $0.location.path == shown }.map { $0.description(in: language) }
        let parsed: SceneEditor
        do {
            parsed = try SceneEditor(bytes: bytes, path: shown)
        } catch {
            let messages = errors.isEmpty ? [error.description(in: language)] : errors
            return op == "state" ? (.ok, ["ok": true, "state": state(nil, slug: slug, bytes: bytes, errors: messages)])
                                 : failure(.conflict, "fix \(shown) first", code: "blocked", messages: messages)
        }
        if op == "state" { return (.ok, ["ok": true, "state": state(parsed, slug: slug, bytes: bytes, errors: errors)]) }
        guard errors.isEmpty else { return failure(.conflict, "fix \(shown) first: the tour is edited only in a file without errors", code: "blocked", messages: errors) }
        // The page must have seen this very file: an edit saved in a text editor meanwhile is not overwritten.
        guard request["version"] as? String == Self.version(bytes) else {
            return (.conflict, ["ok": false, "code": "changed", "error": "\(shown) changed since this page read it; here it is again", "state": state(parsed, slug: slug, bytes: bytes, errors: [])])
        }
        let undoFile = undoFolder.appendingPathComponent(slug + ".md"), undoMark = undoFolder.appendingPathComponent(slug + ".after")
        let updated: Data
        let said: String
        if op == "undo" {
            guard let previous = FileManager.default.contents(atPath: undoFile.path),
                  (try? String(contentsOf: undoMark, encoding: .utf8)) == Self.version(bytes) else {
                return failure(.conflict, "there is no change to undo (only the last change made here can be undone, and only while the file has not been changed elsewhere)", code: "noUndo")
            }
            updated = previous
            said = "undone"
        } else {
            let edit: SceneEditor.Edit
            switch Self.edit(from: request, op: op) {
            case .success(let made): edit = made.0; said = made.1
            case .failure(let refused): return failure(refused.status, refused.text, code: "bad")
            }
            do {
                updated = try parsed.applying(edit)
            } catch {
                return failure(.conflict, error.description(in: language), code: "edit")
            }
        }
        do {
            try FileManager.default.createDirectory(at: undoFolder, withIntermediateDirectories: true)
            if op == "undo" {
                try? FileManager.default.removeItem(at: undoFile)
                try? FileManager.default.removeItem(at: undoMark)
            } else {
                try bytes.write(to: undoFile, options: .atomic)
                try Data(Self.version(updated).utf8).write(to: undoMark, options: .atomic)
            }
            try Self.replaceAtomically(url, with: updated)
        } catch {
            return failure(.internalServerError, "\(shown) could not be written: \(error.localizedDescription); check that it is not open read-only", code: "write")
        }
        guard let again = try? SceneEditor(bytes: updated, path: shown) else {
            return (.ok, ["ok": true, "message": said, "state": state(nil, slug: slug, bytes: updated, errors: [])])
        }
        return (.ok, ["ok": true, "message": said, "state": state(again, slug: slug, bytes: updated, errors: [])])
    }

    /// Writes a temporary file beside the target (same folder, same file system) and renames it over
    /// the target, so a reader sees the old file or the new one, never half of one.
    static func replaceAtomically(_ url: URL, with data: Data) throws {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).dinh-\(UUID().uuidString).tmp")
        var info = stat()
        let mode = stat(url.path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: Int(mode)]) else {
            throw DinhError(ServeMessage.cannotCreateFile(folder: folder.path))
        }
        let descriptor = open(temporary.path, O_RDONLY)
        if descriptor >= 0 { fsync(descriptor); close(descriptor) }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw DinhError(reason)
        }
    }

    static func version(_ bytes: Data) -> String {
        // FNV-1a: tells this file from the one the page read; not a security measure.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16) + "-" + String(bytes.count)
    }

    private static func edit(from request: [String: Any], op: String) -> Result<(SceneEditor.Edit, String), Refusal> {
        let scene = request["scene"] as? String ?? ""
        func number(_ key: String) -> Double? {
            (request[key] as? NSNumber).map(\.doubleValue).flatMap { $0.isFinite ? $0 : nil }
        }
        func texts(_ key: String) -> [(String, String)] {
            guard let pairs = request[key] as? [[Any]] else { return [] }
            return pairs.compactMap { pair in
                guard pair.count == 2, let language = pair[0] as? String, let text = pair[1] as? String, text.count <= 2000 else { return nil }
                return (language, text)
            }
        }
        guard !scene.isEmpty else { return .failure(Refusal(.badRequest, "which scene? ('scene' is missing)")) }
        switch op {
        case "add":
            guard let yaw = number("yaw"), let pitch = number("pitch") else { return .failure(Refusal(.badRequest, "yaw and pitch are needed")) }
            if let target = request["target"] as? String, !target.isEmpty {
                return .success((.addHotspot(scene: scene, yaw: yaw, pitch: pitch, target: .scene(target, label: texts("label"))), "hotspot added"))
            }
            let text = texts("text")
            guard text.contains(where: { !$0.1.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) else { return .failure(Refusal(.badRequest, "a note needs its text")) }
            return .success((.addHotspot(scene: scene, yaw: yaw, pitch: pitch, target: .text(text)), "note added"))
        case "move":
            guard let index = request["index"] as? Int, let yaw = number("yaw"), let pitch = number("pitch") else { return .failure(Refusal(.badRequest, "index, yaw and pitch are needed")) }
            return .success((.moveHotspot(scene: scene, index: index, yaw: yaw, pitch: pitch), "hotspot moved"))
        case "delete":
            guard let index = request["index"] as? Int else { return .failure(Refusal(.badRequest, "index is needed")) }
            return .success((.deleteHotspot(scene: scene, index: index), "hotspot deleted"))
        case "view":
            guard let yaw = number("yaw"), let pitch = number("pitch"), let fov = number("fov") else { return .failure(Refusal(.badRequest, "yaw, pitch and fov are needed")) }
            return .success((.setView(scene: scene, yaw: yaw, pitch: pitch, fov: fov), "initial view set"))
        case "north":
            guard let yaw = number("yaw") else { return .failure(Refusal(.badRequest, "yaw is needed")) }
            return .success((.setNorth(scene: scene, yaw: yaw), "north set"))
        case "order":
            guard let to = request["to"] as? Int else { return .failure(Refusal(.badRequest, "'to' is needed")) }
            return .success((.moveScene(scene: scene, to: to), "scene moved"))
        default:
            return .failure(Refusal(.badRequest, "unknown edit '\(op)'"))
        }
    }

    private func state(_ editor: SceneEditor?, slug: String, bytes: Data, errors: [String]) -> [String: Any] {
        func pairs(_ list: [(String, String)]) -> [[String]] { list.map { [$0.0, $0.1] } }
        let scenes: [[String: Any]] = (editor?.scenes ?? []).map { scene in
            var item: [String: Any] = ["id": scene.id, "title": pairs(scene.title)]
            if let view = scene.view { item["view"] = ["yaw": view.yaw, "pitch": view.pitch, "fov": view.fov] }
            if let north = scene.north { item["north"] = north }
            item["hotspots"] = scene.hotspots.map { spot -> [String: Any] in
                var out: [String: Any] = ["yaw": spot.yaw, "pitch": spot.pitch, "text": pairs(spot.text)]
                if let target = spot.scene { out["scene"] = target }
                return out
            }
            return item
        }
        let undo = (try? String(contentsOf: undoFolder.appendingPathComponent(slug + ".after"), encoding: .utf8)) == Self.version(bytes)
        return ["file": display(slug), "version": Self.version(bytes), "languages": languages(), "scenes": scenes, "errors": errors, "undo": undo]
    }

    /// The site's languages from site.yaml (the default first); Vietnamese when it cannot be read.
    private func languages() -> [String] {
        guard let data = FileManager.default.contents(atPath: content.appendingPathComponent("site.yaml").path),
              case .success(let node?) = YAMLReader.parse(String(decoding: data, as: UTF8.self), path: "site.yaml"),
              case .mapping(let fields) = node.kind, let value = fields.first(where: { $0.key == "languages" })?.value,
              case .sequence(let items) = value.kind else { return ["vi"] }
        let codes = items.compactMap(\.scalar).filter { !$0.isEmpty }
        return codes.isEmpty ? ["vi"] : codes
    }
}
