import DinhCore
import Foundation

extension Loading {
    static let audioExtensions = ["mp3", "m4a", "ogg", "opus"]
    static let imageExtensions = ["jpg", "jpeg", "png"]

    mutating func loadHeritage(slug: String, folder: URL) -> HeritageSite? {
        let shown = loader.display("heritage/\(folder.lastPathComponent)/index.md")
        let what = Part.thisRelic
        let document = document(folder.appendingPathComponent("index.md", isDirectory: false), shown: shown, required: true, what: what)
        defer { flushReader() }
        guard let node = document.node,
              let fields = reader.fields(node, allowed: ["code", "name", "kind", "ranking", "ranked_year", "address", "geo", "summary",
                                                         "festival", "opening_hours", "scenes", "narration", "gallery", "videos"], in: what)
        else { return nil }

        let code = reader.require(fields, "code", in: what, example: "code: DP01").flatMap { readCode($0) }
        var name = reader.require(fields, "name", in: what, example: "name: Quán Phượng Trì").flatMap { reader.text($0, field: "name") }
        if let node = fields["name"] { noteLocation(of: node, as: "name") }
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
        if let text = openingHours, let node = fields["opening_hours"] { checkOpeningHours(text, at: node.location) }
        let scenes = fields["scenes"].map { loadScenes($0, folder: folder) } ?? []
        let narration = fields["narration"].map { loadNarration($0, folder: folder) } ?? [:]
        // A language without its recording plays another's: said, counted with the untranslated.
        if let node = fields["narration"], !narration.isEmpty {
            // A language written with a problem (a missing file) is told at its own line.
            let written: Set<String> = if case .mapping(let entries) = node.kind { Set(entries.map(\.key)) } else { [] }
            for language in reader.languages where narration[language] == nil && !written.contains(language) {
                reader.diagnostics.warning(node.location, .narrationNotRecorded(language: language, playing: narration.keys.sorted().first ?? ""),
                                           group: Message(ContentMessage.notTranslatedGroup(language: language)))
            }
        }
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
                guard let fields = reader.fields(item, allowed: ["file", "caption"], in: .aGalleryPhoto) else { return nil }
                caption = fields["caption"].flatMap { reader.text($0, field: "gallery.caption") }
                guard let file = reader.require(fields, "file", in: .thisGalleryPhoto, example: "file: hoanh-phi.jpg") else { return nil }
                photo = file
            }
            return media(photo, field: "gallery", folder: folder, extensions: Self.imageExtensions, kind: .photo)
                .map { ($0, caption) }
        }
    }

    /// Moves the reader's findings into the run's diagnostics, and forgets the texts it read.
    mutating func flushReader() {
        diagnostics.append(contentsOf: reader.diagnostics)
        reader.diagnostics = Diagnostics()
        reader.textsRead = []
    }

    private mutating func loadScenes(_ node: YAMLNode, folder: URL) -> [Scene] {
        guard let items = reader.list(node, field: "scenes") else { return [] }
        var scenes: [Scene] = []
        var pendingTargets: [(String, SourceLocation)] = [], ownTargets: [(String, SourceLocation)] = []
        var declaredIDs: [String] = []
        for item in items {
            guard let fields = reader.fields(item, allowed: ["id", "title", "panorama", "north", "view", "narration", "hotspots"], in: .aScene) else { continue }
            let id = reader.require(fields, "id", in: .thisScene, example: "id: san-trong").flatMap { reader.string($0, field: "id") }
            if let id, !Slug.isValid(id) {
                reader.diagnostics.error(fields["id"]?.location ?? item.location, .badSceneID(id: id, suggestion: Slug.suggest(for: id)))
            }
            if let id, declaredIDs.contains(id) {
                reader.diagnostics.error(fields["id"]?.location ?? item.location, .sceneIDTwice(id: id))
            } else if let id {
                declaredIDs.append(id)
            }
            let title = reader.require(fields, "title", in: .thisScene, example: "title: Sân trong").flatMap { reader.text($0, field: "title") }
            let panorama = reader.require(fields, "panorama", in: .thisScene, example: "panorama: san-trong.jpg").flatMap {
                media($0, field: "panorama", folder: folder, extensions: Self.imageExtensions, kind: .panorama)
            }
            let north = fields["north"].flatMap { reader.number($0, field: "north", range: -180...359.999) }
            var view = Scene.View(yaw: 0, pitch: 0, fov: 90)
            if let node = fields["view"], let group = reader.fields(node, allowed: ["yaw", "pitch", "fov"], in: .view) {
                if let yaw = group["yaw"].flatMap({ reader.number($0, field: "view.yaw", range: -180...359.999) }) { view.yaw = yaw }
                if let pitch = group["pitch"].flatMap({ reader.number($0, field: "view.pitch", range: -90...90) }) { view.pitch = pitch }
                if let fov = group["fov"].flatMap({ reader.number($0, field: "view.fov", range: 30...120) }) { view.fov = fov }
            }
            var narration: [String: MediaFile] = [:]
            if let node = fields["narration"] {
                if case .mapping(let entries) = node.kind {
                    for entry in entries where reader.isSiteLanguage(entry, field: "narration") {
                        narration[entry.key] = media(entry.value, field: "narration.\(entry.key)", folder: folder,
                                                     extensions: Self.audioExtensions, kind: .audioFile)
                    }
                } else if let file = media(node, field: "narration", folder: folder, extensions: Self.audioExtensions, kind: .audioFile) {
                    narration[reader.defaultLanguage] = file
                }
            }
            var hotspots: [Hotspot] = []
            for spot in fields["hotspots"].flatMap({ reader.list($0, field: "hotspots") }) ?? [] {
                guard let group = reader.fields(spot, allowed: ["yaw", "pitch", "scene", "text", "label"], in: .aHotspot) else { continue }
                let yaw = reader.require(group, "yaw", in: .thisHotspot, example: "yaw: 135").flatMap { reader.number($0, field: "yaw", range: -180...359.999) }
                let pitch = reader.require(group, "pitch", in: .thisHotspot, example: "pitch: -4").flatMap { reader.number($0, field: "pitch", range: -90...90) }
                let label = group["label"].flatMap { reader.text($0, field: "label") }
                let target: Hotspot.Target?
                switch (group["scene"], group["text"]) {
                case (let scene?, nil):
                    target = reader.string(scene, field: "scene").map { .scene($0) }
                    if let target = reader.string(scene, field: "scene") {
                        // A hotspot that leads to the scene it is in goes nowhere when tapped.
                        if target == id { ownTargets.append((target, scene.location)) } else { pendingTargets.append((target, scene.location)) }
                    }
                case (nil, let text?):
                    target = reader.text(text, field: "text").map { .text($0) }
                case (.some, .some):
                    reader.diagnostics.error(spot.location, .hotspotBoth)
                    target = nil
                case (nil, nil):
                    reader.diagnostics.error(spot.location, .hotspotNeither)
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
        for (scene, location) in ownTargets {
            reader.diagnostics.error(location, .hotspotToItsOwnScene(scene: scene, others: ids.filter { $0 != scene }))
        }
        for (target, location) in pendingTargets where !ids.contains(target) {
            let message = ContentMessage.hotspotUnknownScene(target: target, guess: DidYouMean.suggestion(for: target, among: ids), scenes: ids)
            reader.diagnostics.error(location, message)
        }
        return scenes
    }

    private mutating func loadNarration(_ node: YAMLNode, folder: URL) -> [String: Narration] {
        guard case .mapping(let entries) = node.kind else {
            reader.diagnostics.error(node.location, .narrationShape)
            return [:]
        }
        var result: [String: Narration] = [:]
        for entry in entries where reader.isSiteLanguage(entry, field: "narration") {
            guard let group = reader.fields(entry.value, allowed: ["audio", "transcript"], in: .field("narration.\(entry.key)")) else { continue }
            let audio = reader.require(group, "audio", in: .field("narration.\(entry.key)"), example: "audio: thuyet-minh.\(entry.key).mp3").flatMap {
                media($0, field: "narration.\(entry.key).audio", folder: folder, extensions: Self.audioExtensions, kind: .audioFile)
            }
            let transcript = group["transcript"].flatMap {
                media($0, field: "narration.\(entry.key).transcript", folder: folder, extensions: Self.captionExtensions, kind: .transcript)
            }
            let cues = transcript.map { readWebVTT($0) } ?? []
            // `en: {audio: thuyet-minh.vi.mp3}`: the English page would play the Vietnamese voice as
            // its own, without the note that says so. Told, and the page says what it plays.
            if let audio, let tagged = Self.languageTag(audio.path), tagged != entry.key, reader.languages.contains(tagged),
               let node = group["audio"] {
                reader.diagnostics.warning(node.location, .narrationFileInOtherLanguage(language: entry.key, file: audio.path, spoken: tagged))
                continue
            }
            if let audio { result[entry.key] = Narration(audio: audio, transcript: transcript, cues: cues) }
        }
        // Captions in one language and not another: that page's visitors who cannot hear go without.
        if let other = result.filter({ $0.value.transcript != nil }).keys.sorted().first {
            for entry in entries {
                guard let narration = result[entry.key], narration.transcript == nil else { continue }
                reader.diagnostics.warning(entry.value.location, .transcriptOnlyInOther(
                    language: entry.key, other: other, example: (narration.audio.path as NSString).deletingPathExtension + ".vtt"))
            }
        }
        return result
    }

    /// Hours written as a range of times (`07:00-17:00`, which search engines are given) must be
    /// times of day; one written another way (`7:00 – 17:00`) is shown as written, and said in
    /// the form search engines read.
    private mutating func checkOpeningHours(_ text: String, at location: SourceLocation) {
        guard let match = text.wholeMatch(of: /(\d{1,2})[:h](\d{2})\s*[-–]\s*(\d{1,2})[:h](\d{2})/),
              let h1 = Int(match.1), let m1 = Int(match.2), let h2 = Int(match.3), let m2 = Int(match.4) else { return }
        func isTime(_ h: Int, _ m: Int) -> Bool { (h < 24 && m < 60) || (h == 24 && m == 0) }
        guard isTime(h1, m1), isTime(h2, m2) else {
            reader.diagnostics.error(location, .openingHoursNotTimes(found: text))
            return
        }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let canonical = "\(two(h1)):\(two(m1))-\(two(h2)):\(two(m2))"
        if canonical != text { reader.diagnostics.warning(location, .openingHoursForm(found: text, canonical: canonical)) }
    }

    /// The language a file's name gives it, `thuyet-minh.vi.mp3` → `vi`, else nil.
    static func languageTag(_ path: String) -> String? {
        let parts = (path as NSString).lastPathComponent.split(separator: ".")
        guard parts.count >= 3, let tag = parts.dropLast().last, tag.count == 2, tag.allSatisfy(\.isLetter) else { return nil }
        return tag.lowercased()
    }

    private mutating func loadVideo(_ node: YAMLNode, folder: URL) -> Video? {
        guard let fields = reader.fields(node, allowed: ["file", "title", "captions", "poster"], in: .aVideo) else { return nil }
        let file = reader.require(fields, "file", in: .thisVideo, example: "file: le-hoi.mp4").flatMap {
            media($0, field: "file", folder: folder, extensions: ["mp4", "webm"], kind: .video)
        }
        let title = fields["title"].flatMap { reader.text($0, field: "title") }
        var captions: [String: MediaFile] = [:], cues: [String: [WebVTT.Cue]] = [:]
        if let node = fields["captions"] {
            if case .mapping(let entries) = node.kind {
                for entry in entries where reader.isSiteLanguage(entry, field: "captions") {
                    if let track = media(entry.value, field: "captions.\(entry.key)", folder: folder, extensions: Self.captionExtensions, kind: .captions) {
                        cues[entry.key] = readWebVTT(track)
                        captions[entry.key] = track
                    }
                }
            } else {
                reader.diagnostics.error(node.location, .captionsShape)
            }
        }
        let poster = fields["poster"].flatMap { media($0, field: "poster", folder: folder, extensions: Self.imageExtensions, kind: .image) }
        guard let file else { return nil }
        return Video(file: file, title: title, captions: captions, cues: cues, poster: poster)
    }

    /// WebVTT, and SubRip subtitles (`.srt`), published as WebVTT.
    static let captionExtensions = ["vtt", "srt"]

    /// A transcript or caption file, checked and read: its cues, each problem an error at its line
    /// (of the `.srt` file as written, for SubRip subtitles).
    mutating func readWebVTT(_ file: MediaFile) -> [WebVTT.Cue] {
        let shown = file.location.path.split(separator: "/").dropLast().joined(separator: "/") + "/" + file.path
        let text: String
        switch SourceText.read(file.url, path: shown) {
        case .success(let value): text = value
        case .failure(let problem):
            // What is wrong with the file (not text, not UTF-8, far too large), at the line naming it.
            reader.diagnostics.error(file.location, .webVTTUnusable(path: file.path, problem: problem.text))
            return []
        }
        let subRip = WebVTT.isSubRipFile(file.path)
        let (cues, problems) = WebVTT.parse(subRip ? WebVTT.fromSubRip(text) : text)
        for problem in problems {
            let line = subRip ? max(1, problem.line - WebVTT.subRipLinesAdded) : problem.line
            // Said in the file's own form: WebVTT's way to write a timing would break an SRT file.
            var text = problem.text
            if subRip, let said = problem.text.value as? ContentMessage {
                switch said {
                case .vttBadTiming: text = Message(ContentMessage.srtBadTiming)
                case .vttNoCues: text = Message(ContentMessage.srtNoCues)
                default: break
                }
            }
            diagnostics.error(SourceLocation(path: shown, line: line), text)
        }
        return cues
    }
}
