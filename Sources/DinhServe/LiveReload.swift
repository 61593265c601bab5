import DinhCore
import Foundation

/// Tells open pages what the builder did, over Server-Sent Events on `/__dinh/events`: `reload`
/// after a good build, `build-error` (the messages, as JSON) after a failed one. A page that
/// connects while the content has errors gets the error at once, so the overlay survives reloads.
package actor LiveReload {
    /// Counts good builds; pages carry the number they were served with and reload if it moved on
    /// while they were not connected (a build finished between the page load and the connection).
    package private(set) var generation = 0
    /// The messages of the last build when it failed.
    package private(set) var errors: [String]?
    private var listeners: [UUID: AsyncStream<Data>.Continuation] = [:]
    /// The server is stopping: a page connecting now gets an ended stream, not one nobody ends.
    private var finished = false

    package init() {}

    /// How many pages are listening.
    package var listenerCount: Int { listeners.count }

    /// After a good build: every open page reloads.
    package func reload() {
        generation += 1
        errors = nil
        send(Self.event("reload", String(generation)))
    }

    /// After a failed build: every open page shows the messages over the last good site.
    package func fail(_ messages: [String]) {
        errors = messages
        send(Self.event("build-error", Self.json(messages)))
    }

    /// A comment line, so that connections of closed pages fail and are dropped.
    func ping() { send(Data(": ping\n\n".utf8)) }

    /// A new page's stream: first the state it must know, then every later event.
    func subscribe() -> AsyncStream<Data> {
        let id = UUID()
        // A page that stops reading must not make the server hold events for it without end.
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(32))
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        if finished {
            continuation.finish()
            return stream
        }
        continuation.yield(Data("retry: 1000\n\n".utf8) + Self.event("hello", String(generation)))
        if let errors { continuation.yield(Self.event("build-error", Self.json(errors))) }
        listeners[id] = continuation
        return stream
    }

    /// Takes new pages again (a server starts, perhaps after another one stopped).
    func reopen() { finished = false }

    /// Ends every stream (the server is stopping).
    func finishAll() {
        finished = true
        for continuation in listeners.values { continuation.finish() }
        listeners.removeAll()
    }

    private func remove(_ id: UUID) { listeners[id] = nil }

    private func send(_ data: Data) {
        for (id, continuation) in listeners {
            if case .terminated = continuation.yield(data) { listeners[id] = nil }
        }
    }

    static func event(_ name: String, _ data: String) -> Data {
        // Each line of the data needs its own `data:` prefix.
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
        return Data("event: \(name)\n\(lines)\n\n".utf8)
    }

    static func json(_ messages: [String]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: messages, options: [.withoutEscapingSlashes]) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: The page side

    /// The script of the preview, served at `/__dinh/reload.js` (a file rather than inline, so a
    /// theme's Content-Security-Policy of `script-src 'self'` still lets it run): it listens for
    /// events, reloads, and shows build errors in a fixed overlay. Messages go in with
    /// `textContent`, so nothing in them is read as HTML.
    static var reloadScript: String { reloadScript(in: .en) }

    /// The script with the overlay's heading in `language` (the one `dinh` speaks).
    static func reloadScript(in language: Language) -> String {
        func quoted(_ message: ServeMessage) -> String {
            message.text(in: language).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        }
        return """
        /* dinh serve: live reload */(function(){var me=document.currentScript,g=me?+me.getAttribute("data-generation"):0;\
        if(!window.EventSource)return;var s=new EventSource("/__dinh/events");\
        function show(m){var d=document.getElementById("__dinh_errors");if(!d){d=document.createElement("div");d.id="__dinh_errors";\
        d.setAttribute("role","alert");d.style.cssText="position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:1.5rem;\
        background:rgba(40,0,0,.94);color:#fff;font:15px/1.5 system-ui,'Segoe UI',Roboto,'Noto Sans',sans-serif;white-space:pre-wrap;overflow-wrap:anywhere;text-align:left";\
        d.onclick=function(){d.remove()};(document.body||document.documentElement).appendChild(d)}\
        d.textContent="";var h=document.createElement("strong");\
        h.textContent=document.getElementById("__dinh_nosite")?"\(quoted(.overlayHeadingNoSite))":"\(quoted(.overlayHeading))";\
        d.appendChild(h);m.forEach(function(t){var p=document.createElement("div");p.style.marginTop=".75rem";p.textContent=t;d.appendChild(p)})}\
        s.addEventListener("hello",function(e){if(+e.data!==g)location.reload()});\
        s.addEventListener("reload",function(){location.reload()});\
        s.addEventListener("build-error",function(e){try{show(JSON.parse(e.data))}catch(x){}});})();

        """
    }

    /// The tag added to every HTML response in preview (never to the built files); the page
    /// remembers which build it came from.
    static func scriptTag(generation: Int) -> String {
        "<script src=\"/__dinh/reload.js\" data-generation=\"\(generation)\"></script>"
    }

    /// The page with the script (and `extra` tags) before its last `</body>` (or at the end when it has none).
    static func inject(into html: Data, generation: Int, extra: String = "") -> Data {
        let script = Data((scriptTag(generation: generation) + extra).utf8)
        let bytes = [UInt8](html)
        let needle = Array("</body".utf8)
        var position = bytes.count - needle.count
        while position >= 0 {
            var matched = true
            for (offset, byte) in needle.enumerated() where bytes[position + offset] | 0x20 != byte | 0x20 {
                matched = false
                break
            }
            if matched { break }
            position -= 1
        }
        guard position >= 0 else { return html + script }
        var result = Data(bytes[..<position])
        result.append(script)
        result.append(contentsOf: bytes[position...])
        return result
    }
}
