import DinhCore

/// What the viewer needs to show one scene, in the page's language. The lead maps content to it:
/// `base` is the URL of the scene's tile folder relative to the page (ending in `/`).
package struct SceneDescription: Sendable, Hashable {
    package struct View: Sendable, Hashable {
        package var yaw: Double, pitch: Double, fov: Double
        package init(yaw: Double = 0, pitch: Double = 0, fov: Double = 90) {
            self.yaw = yaw
            self.pitch = pitch
            self.fov = fov
        }
    }

    package struct Hotspot: Sendable, Hashable {
        package enum Target: Sendable, Hashable {
            /// Moves to another scene; the label names it for buttons and screen readers.
            case scene(id: String, label: String)
            /// Shows a text popup.
            case text(String)
        }
        package var yaw: Double, pitch: Double, target: Target
        package init(yaw: Double, pitch: Double, target: Target) {
            self.yaw = yaw
            self.pitch = pitch
            self.target = target
        }
    }

    package var id: String
    package var title: String
    package var base: String
    package var layout: PanoramaLayout
    package var view: View
    package var north: Double?
    package var hotspots: [Hotspot]

    package init(id: String, title: String, base: String, layout: PanoramaLayout, view: View = View(),
                north: Double? = nil, hotspots: [Hotspot] = []) {
        self.id = id
        self.title = title
        self.base = base
        self.layout = layout
        self.view = view
        self.north = north
        self.hotspots = hotspots
    }

    /// The scene as one JSON object with a fixed key order (byte-identical for equal values).
    package var json: String {
        var j = JSONWriter()
        write(to: &j)
        return j.text
    }

    func write(to j: inout JSONWriter) {
        j.begin("{")
        j.key("id"); j.string(id)
        j.key("title"); j.string(title)
        j.key("base"); j.string(base)
        j.key("tileSize"); j.number(Double(layout.tileSize))
        j.key("levels"); j.begin("[")
        for level in layout.levels { j.number(Double(level.faceSize)) }
        j.end("]")
        j.key("preview"); j.number(Double(layout.previewFaceSize))
        // The view the viewer opens on when none is given (facing yaw 0, level, 90°) goes unsaid:
        // a relic page's bytes are counted.
        if view.yaw != 0 || view.pitch != 0 || view.fov != 90 {
            j.key("view"); j.begin("{")
            j.key("yaw"); j.number(view.yaw)
            j.key("pitch"); j.number(view.pitch)
            j.key("fov"); j.number(view.fov)
            j.end("}")
        }
        if let north { j.key("north"); j.number(north) }
        j.key("hotspots"); j.begin("[")
        for spot in hotspots {
            j.begin("{")
            j.key("yaw"); j.number(spot.yaw)
            j.key("pitch"); j.number(spot.pitch)
            switch spot.target {
            case .scene(let id, let label):
                j.key("scene"); j.string(id)
                j.key("label"); j.string(label)
            case .text(let text):
                j.key("text"); j.string(text)
            }
            j.end("}")
        }
        j.end("]")
        j.end("}")
    }
}

/// All scenes of a page (the first is the entry scene) plus the viewer's interface strings in the
/// page's language; keys the viewer knows: `view` (the canvas label, after the scene title),
/// `fullscreen`, `gyro`, `close`, `north`, `zoomIn`, `zoomOut`. Missing ones fall back to English.
package struct TourDescription: Sendable, Hashable {
    package var scenes: [SceneDescription]
    package var strings: [String: String]

    package init(scenes: [SceneDescription], strings: [String: String] = [:]) {
        self.scenes = scenes
        self.strings = strings
    }

    /// `{"scenes":[…],"strings":{…}}`, safe to inline in `<script type="application/json">`.
    package var json: String {
        var j = JSONWriter()
        j.begin("{")
        j.key("scenes"); j.begin("[")
        for scene in scenes { scene.write(to: &j) }
        j.end("]")
        j.key("strings"); j.begin("{")
        for key in strings.keys.sorted() { j.key(key); j.string(strings[key] ?? "") }
        j.end("}")
        j.end("}")
        return j.text
    }
}

/// A minimal JSON writer: fixed key order, shortest round-trip numbers, and `<`, `>`, `&`, U+2028/9
/// escaped so the text can sit inside an HTML `<script>` element unchanged.
struct JSONWriter {
    var text = ""
    private var needsComma = false

    mutating func begin(_ bracket: String) { value(); text += bracket; needsComma = false }
    mutating func end(_ bracket: String) { text += bracket; needsComma = true }

    mutating func key(_ name: String) {
        value(); quoted(name); text += ":"; needsComma = false
    }

    mutating func number(_ x: Double) {
        value()
        if !x.isFinite { text += "0" } else if x == x.rounded(), abs(x) < 1e15 { text += String(Int64(x)) } else { text += "\(x)" }
    }

    mutating func string(_ s: String) { value(); quoted(s) }

    private mutating func quoted(_ s: String) { text += QuotedString.quoted(s, htmlSafe: true) }

    private mutating func value() { if needsComma { text += "," }; needsComma = true }
}
