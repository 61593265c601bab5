import DinhCore
import Foundation

extension Loading {
    static let audioExtensions = ["mp3", "m4a", "ogg", "opus"]
    static let imageExtensions = ["jpg", "jpeg", "png"]

    mutating func loadHeritage(slug: String, folder: URL) -> HeritageSite? {
        let shown = loader.display("heritage/\(slug)/index.md")
        let what = "this relic"
        let document = document(folder.appendingPathComponent("index.md", isDirectory: false), shown: shown, required: true, what: what)
        defer { flushReader() }
        guard let node = document.node,
              let fields = reader.fields(node, allowed: ["code", "name", "kind", "ranking", "ranked_year", "address", "geo", "summary",
                                                         "festival", "opening_hours", "scenes", "narration", "gallery", "videos"], in: what)
        else { return nil }

        let code = reader.require(fields, "code", in: what, example: "code: DP01").flatMap { readCode($0) }
        var name = reader.require(fields, "name", in: what, example: "name: Quán Phượng Trì").flatMap { reader.text($0, field: "name") }
        var kind = fields["kind"].flatMap { reader.text($0, field: "kind") }
        let ranking = fields["ranking"].flatMap { reader.choice($0, field: "ranking", among: HeritageSite.Ranking.allCases.map(\.rawValue)) }
            .flatMap(HeritageSite.Ranking.init(rawValue:)) ?? HeritageSite.Ranking.none
        let rankedYear = fields["ranked_year"].flatMap { reader.integer($0, field: "ranked_year", range: 1900...2100) }
        var address = reader.require(fields, "address", in: what, example: "address: Thị trấn Phùng, huyện Đan Phượng, Hà Nội")
            .flatMap { reader.text($0, field: "address") }
        let geo = fields["geo"].flatMap { reader.geo($0) }
        var summary = fields["summary"].flatMap { reader.text($0, field: "summary") }
        var festival = fields["festival"].flatMap { reader.text($0, field: "festival") }
        let openingHours = fields["opening_hours"].flatMap { reader.string($0, field: "opening_hours") }
        let scenes = fields["scenes"].map { loadScenes($0, folder: folder) } ?? []
        let narration = fields["narration"].map { loadNarration($0, folder: folder) } ?? [:]
        let gallery = fields["gallery"].map { loadGallery($0, folder: folder) } ?? []
        let videos = fields["videos"].flatMap { reader.list($0, field: "videos") }?.compactMap { loadVideo($0, folder: folder) } ?? []

        let body = translations(folder: folder, slug: slug, section: "heritage", what: what, defaultBody: document.body,
                                textFields: ["name", "kind", "address", "summary", "festival"]) { key, language, text in
            guard let value = text?.values[language] else { return }
            switch key {
            case "name": name?.values[language] = value
            case "kind": kind?.values[language] = value
            case "address": address?.values[language] = value
            case "summary": summary?.values[language] = value
            case "festival": festival?.values[language] = value
            default: break
            }
        }
        guard let code, let name, let address else { return nil }
        return HeritageSite(slug: slug, folder: folder, source: SourceLocation(path: shown), code: code, name: name,
                            kind: kind ?? LocalizedText("di tích", language: reader.defaultLanguage), ranking: ranking,
                            rankedYear: rankedYear, address: address, geo: geo, summary: summary, festival: festival,
                            openingHours: openingHours, scenes: scenes, narration: narration, gallery: gallery.map(\.file),
                            galleryCaptions: gallery.map(\.caption), videos: videos, body: body)
    }

    /// `gallery:` photos, each a file name or (*1.1*) `{file: …, caption: …}`; both forms mix.
    private mutating func loadGallery(_ node: YAMLNode, folder: URL) -> [(file: MediaFile, caption: LocalizedText?)] {
        guard let items = reader.list(node, field: "gallery") else { return [] }
        return items.compactMap { item in
            var photo = item, caption: LocalizedText?
            if case .mapping = item.kind {
                guard let fields = reader.fields(item, allowed: ["file", "caption"], in: "a gallery photo") else { return nil }
                caption = fields["caption"].flatMap { reader.text($0, field: "gallery.caption") }
                guard let file = reader.require(fields, "file", in: "this gallery photo", example: "file: hoanh-phi.jpg") else { return nil }
                photo = file
            }
            return media(photo, field: "gallery", folder: folder, extensions: Self.imageExtensions, kind: "a JPEG or PNG photo")
                .map { ($0, caption) }
        }
    }

    /// Moves the reader's findings into the run's diagnostics.
    mutating func flushReader() {
        diagnostics.append(contentsOf: reader.diagnostics)
        reader.diagnostics = Diagnostics()
    }

    private mutating func loadScenes(_ node: YAMLNode, folder: URL) -> [Scene] {
        guard let items = reader.list(node, field: "scenes") else { return [] }
        var scenes: [Scene] = []
        var pendingTargets: [(String, SourceLocation)] = []
        var declaredIDs: [String] = []
        for item in items {
            guard let fields = reader.fields(item, allowed: ["id", "title", "panorama", "north", "view", "narration", "hotspots"], in: "a scene") else { continue }
            let id = reader.require(fields, "id", in: "this scene", example: "id: san-trong").flatMap { reader.string($0, field: "id") }
            if let id, !Slug.isValid(id) {
                reader.diagnostics.error(fields["id"]?.location ?? item.location, "scene id '\(id)' must use only a-z, 0-9 and -; write '\(Slug.suggest(for: id))'")
            }
            if let id, declaredIDs.contains(id) {
                reader.diagnostics.error(fields["id"]?.location ?? item.location, "two scenes have the id '\(id)'; each scene needs its own id")
            } else if let id {
                declaredIDs.append(id)
            }
            let title = reader.require(fields, "title", in: "this scene", example: "title: Sân trong").flatMap { reader.text($0, field: "title") }
            let panorama = reader.require(fields, "panorama", in: "this scene", example: "panorama: san-trong.jpg").flatMap {
                media($0, field: "panorama", folder: folder, extensions: Self.imageExtensions, kind: "a JPEG or PNG panorama")
            }
            let north = fields["north"].flatMap { reader.number($0, field: "north", range: -180...359.999) }
            var view = Scene.View(yaw: 0, pitch: 0, fov: 90)
            if let node = fields["view"], let group = reader.fields(node, allowed: ["yaw", "pitch", "fov"], in: "'view'") {
                if let yaw = group["yaw"].flatMap({ reader.number($0, field: "view.yaw", range: -180...359.999) }) { view.yaw = yaw }
                if let pitch = group["pitch"].flatMap({ reader.number($0, field: "view.pitch", range: -90...90) }) { view.pitch = pitch }
                if let fov = group["fov"].flatMap({ reader.number($0, field: "view.fov", range: 30...120) }) { view.fov = fov }
            }
            var narration: [String: MediaFile] = [:]
            if let node = fields["narration"] {
                if case .mapping(let entries) = node.kind {
                    for entry in entries {
                        guard reader.languages.contains(entry.key) else {
                            reader.diagnostics.error(entry.keyLocation, "narration for '\(entry.key)', which is not a language of this site (\(reader.languages.joined(separator: ", ")))")
                            continue
                        }
                        narration[entry.key] = media(entry.value, field: "narration.\(entry.key)", folder: folder,
                                                     extensions: Self.audioExtensions, kind: "an audio file")
                    }
                } else if let file = media(node, field: "narration", folder: folder, extensions: Self.audioExtensions, kind: "an audio file") {
                    narration[reader.defaultLanguage] = file
                }
            }
            var hotspots: [Hotspot] = []
            for spot in fields["hotspots"].flatMap({ reader.list($0, field: "hotspots") }) ?? [] {
                guard let group = reader.fields(spot, allowed: ["yaw", "pitch", "scene", "text", "label"], in: "a hotspot") else { continue }
                let yaw = reader.require(group, "yaw", in: "this hotspot", example: "yaw: 135").flatMap { reader.number($0, field: "yaw", range: -180...359.999) }
                let pitch = reader.require(group, "pitch", in: "this hotspot", example: "pitch: -4").flatMap { reader.number($0, field: "pitch", range: -90...90) }
                let label = group["label"].flatMap { reader.text($0, field: "label") }
                let target: Hotspot.Target?
                switch (group["scene"], group["text"]) {
                case (let scene?, nil):
                    target = reader.string(scene, field: "scene").map { .scene($0) }
                    if let id = reader.string(scene, field: "scene") { pendingTargets.append((id, scene.location)) }
                case (nil, let text?):
                    target = reader.text(text, field: "text").map { .text($0) }
                case (.some, .some):
                    reader.diagnostics.error(spot.location, "a hotspot has either 'scene' (a door to another scene) or 'text' (a note), not both")
                    target = nil
                case (nil, nil):
                    reader.diagnostics.error(spot.location, "a hotspot needs 'scene: <scene id>' or 'text: …'")
                    target = nil
                }
                if let yaw, let pitch, let target {
                    hotspots.append(Hotspot(yaw: yaw, pitch: pitch, target: target, label: label, location: spot.location))
                }
            }
            if let id, let title, let panorama {
                scenes.append(Scene(id: id, title: title, panorama: panorama, north: north, view: view,
                                    narration: narration, hotspots: hotspots, location: item.location))
            }
        }
        // Every scene that names an id counts, even one dropped for another mistake (a missing
        // panorama), so one mistake does not cascade into "unknown scene" errors.
        let ids = declaredIDs
        for (target, location) in pendingTargets where !ids.contains(target) {
            var message = "this hotspot leads to the scene '\(target)', but this relic has no scene with that id"
            if let guess = DidYouMean.suggestion(for: target, among: ids) { message += "; did you mean '\(guess)'?" }
            else if !ids.isEmpty { message += " (its scenes are: \(ids.joined(separator: ", ")))" }
            reader.diagnostics.error(location, message)
        }
        return scenes
    }

    private mutating func loadNarration(_ node: YAMLNode, folder: URL) -> [String: Narration] {
        guard case .mapping(let entries) = node.kind else {
            reader.diagnostics.error(node.location, "'narration' must list the audio per language, as `vi: {audio: thuyet-minh.vi.mp3, transcript: thuyet-minh.vi.vtt}`")
            return [:]
        }
        var result: [String: Narration] = [:]
        for entry in entries {
            guard reader.languages.contains(entry.key) else {
                reader.diagnostics.error(entry.keyLocation, "narration for '\(entry.key)', which is not a language of this site (\(reader.languages.joined(separator: ", ")))")
                continue
            }
            guard let group = reader.fields(entry.value, allowed: ["audio", "transcript"], in: "narration.\(entry.key)") else { continue }
            let audio = reader.require(group, "audio", in: "narration.\(entry.key)", example: "audio: thuyet-minh.\(entry.key).mp3").flatMap {
                media($0, field: "narration.\(entry.key).audio", folder: folder, extensions: Self.audioExtensions, kind: "an audio file")
            }
            let transcript = group["transcript"].flatMap {
                media($0, field: "narration.\(entry.key).transcript", folder: folder, extensions: ["vtt"], kind: "a WebVTT transcript")
            }
            let cues = transcript.map { readWebVTT($0) } ?? []
            if let audio { result[entry.key] = Narration(audio: audio, transcript: transcript, cues: cues) }
        }
        return result
    }

    private mutating func loadVideo(_ node: YAMLNode, folder: URL) -> Video? {
        guard let fields = reader.fields(node, allowed: ["file", "title", "captions", "poster"], in: "a video") else { return nil }
        let file = reader.require(fields, "file", in: "this video", example: "file: le-hoi.mp4").flatMap {
            media($0, field: "file", folder: folder, extensions: ["mp4", "webm"], kind: "an MP4 or WebM video")
        }
        let title = fields["title"].flatMap { reader.text($0, field: "title") }
        var captions: [String: MediaFile] = [:], cues: [String: [WebVTT.Cue]] = [:]
        if let node = fields["captions"] {
            if case .mapping(let entries) = node.kind {
                for entry in entries where reader.languages.contains(entry.key) {
                    if let track = media(entry.value, field: "captions.\(entry.key)", folder: folder, extensions: ["vtt"], kind: "WebVTT captions") {
                        cues[entry.key] = readWebVTT(track)
                        captions[entry.key] = track
                    }
                }
            } else {
                reader.diagnostics.error(node.location, "'captions' must list a .vtt file per language, as `{vi: le-hoi.vi.vtt}`")
            }
        }
        let poster = fields["poster"].flatMap { media($0, field: "poster", folder: folder, extensions: Self.imageExtensions, kind: "a JPEG or PNG image") }
        guard let file else { return nil }
        return Video(file: file, title: title, captions: captions, cues: cues, poster: poster)
    }

    /// A transcript or caption file, checked and read: its cues, each problem an error at its line.
    mutating func readWebVTT(_ file: MediaFile) -> [WebVTT.Cue] {
        let shown = file.location.path.split(separator: "/").dropLast().joined(separator: "/") + "/" + file.path
        let text: String
        switch SourceText.read(file.url, path: shown) {
        case .success(let value): text = value
        case .failure(let problem):
            // What is wrong with the file (not text, not UTF-8, far too large), at the line naming it.
            reader.diagnostics.error(file.location, "'\(file.path)' cannot be used as WebVTT: \(problem.message)")
            return []
        }
        let (cues, problems) = WebVTT.parse(text)
        for problem in problems { diagnostics.error(SourceLocation(path: shown, line: problem.line), problem.message) }
        return cues
    }
}
