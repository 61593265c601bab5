import DinhContent
import DinhCore
import DinhFeeds
import DinhPanorama
import DinhTemplate
import Foundation

/// The values each template sees. Text is resolved to the page's language here, so templates
/// stay logic-less; HTML bodies are already safe (rendered by `Markdown`).
extension PageRenderer {
    /// How many products the home page shows at most. A big catalogue's full list is the products
    /// page the home page links to: 10,000 products on the home page weighed 3.6 MB on a phone.
    static let homeProducts = 12

    /// The products on the home page: all of them up to `homeProducts`, else that many, the most
    /// OCOP stars (still valid today) first and otherwise in the catalogue's order.
    func featuredProducts() -> [Product] {
        guard content.products.count > Self.homeProducts else { return content.products }
        // Sorted by keys worked out once: 10,000 products take over 100,000 comparisons.
        let stars = content.products.map { $0.ocop.isValid(on: today) ? $0.ocop.stars : 0 }
        return content.products.indices
            .sorted { (stars[$0], $1) > (stars[$1], $0) }
            .prefix(Self.homeProducts).map { content.products[$0] }
    }

    func homeContext(_ language: String, root: String, t: Strings) -> TemplateFields {
        [
            "title": text(site.title, language),
            "relics": content.heritage.enumerated().map { relicCard($1, language, root: root, t: t, eager: $0 == 0) },
            "products": featuredProducts().map { productCard($0, language, root: root, t: t) },
            "producers": content.producers.map { producer -> TemplateFields in ["name": text(producer.name, language), "href": root + router.path(.producer(producer.slug), language)] },
            "products_href": root + router.path(.products, language),
            "t": t.all,
        ]
    }

    func productsContext(_ language: String, root: String, t: Strings) -> TemplateFields {
        let categories = Product.Category.allCases.filter { category in content.products.contains { $0.category == category } }
        return [
            "products": content.products.enumerated().map { productCard($1, language, root: root, t: t, eager: $0 == 0) },
            "categories": categories.map { category -> TemplateFields in ["value": category.rawValue, "label": OCOPGroup.name(category, language: language)] },
            // Only ratings some product has: a choice that always shows nothing is no choice.
            "stars": Set(content.products.map(\.ocop.stars)).sorted(by: >).map { (stars: Int) -> TemplateFields in ["value": stars, "label": "\(stars) \(t["stars"])"] },
            "t": t.all,
        ]
    }

    func relicCard(_ relic: HeritageSite, _ language: String, root: String, t: Strings, eager: Bool = false) -> TemplateFields {
        var card: TemplateFields = [
            "name": text(relic.name, language),
            "kind": text(relic.kind, language),
            "href": root + router.path(.heritage(relic.slug), language),
            "summary": relic.summary.map { text($0, language) },
            "has_tour": !relic.scenes.isEmpty,
            "has_narration": relic.hasNarration,
        ]
        if let photo = relic.gallery.first ?? relic.scenes.first?.panorama {
            card["image"] = imageContext(photo, root: root, alt: "", sizes: "(min-width: 40rem) 20rem, 100vw", eager: eager)
        }
        return card
    }

    func productCard(_ product: Product, _ language: String, root: String, t: Strings, eager: Bool = false) -> TemplateFields {
        var card: TemplateFields = [
            "name": text(product.name, language),
            "href": root + router.path(.product(product.slug), language),
            "category": product.category.rawValue,
            "category_label": OCOPGroup.name(product.category, language: language),
            "stars": product.ocop.stars,
            "price": Format.price(product.salePrice ?? product.price, currency: site.currency, language: language),
        ]
        if product.ocop.isValid(on: today) { card["badge"] = ocopBadge(product.ocop, t: t) }
        if let photo = product.images.first {
            card["image"] = imageContext(photo, root: root, alt: "", sizes: "(min-width: 40rem) 15rem, 50vw", eager: eager)
        }
        return card
    }

    func ocopBadge(_ ocop: OCOP, t: Strings) -> TemplateFields {
        ["stars": ocop.stars, "symbols": String(repeating: "★", count: ocop.stars),
         "label": "\(t["ocop"]) \(ocop.stars) \(t["stars"])"]
    }

    func heritageContext(_ relic: HeritageSite, _ language: String, root: String, t: Strings) -> TemplateFields {
        let history = bodyHTML(relic.body, language)
        // The relic's files sit in its folder: from the page in that folder (the default language's), by name.
        let here = router.path(.heritage(relic.slug), language), link = { (path: String) in Self.link(path, root: root, here: here) }
        var context: TemplateFields = [
            "name": text(relic.name, language),
            "code": relic.code,
            "kind": text(relic.kind, language),
            "address": text(relic.address, language),
            "summary": relic.summary.map { text($0, language) },
            "festival": relic.festival.map { text($0, language) },
            "opening_hours": relic.openingHours,
            "ranked_year": relic.rankedYear,
            // The history sits under its own h2, so its headings start at h3.
            "body": HTMLHeadings.shift(history, by: 1),
            "has_body": !history.isEmpty,
            "gallery": relic.gallery.indices.map { index -> TemplateFields in
                let caption = index < relic.galleryCaptions.count ? relic.galleryCaptions[index].map { text($0, language) } : nil
                return figureContext(relic.gallery[index], caption: caption, root: root, alt: caption ?? text(relic.name, language), here: here)
            },
            "short_url": shortURL(relic.code),
            "short_url_html": shortURLHTML(relic.code),
            "qr_svg": "\(root)qr/\(relic.code).svg",
            "t": t.all,
        ]
        if relic.ranking != .none { context["ranking"] = t["rank.\(relic.ranking.rawValue)"] }
        if let geo = relic.geo { context["map"] = mapLinks(geo) }
        let narration = relic.narration[language] ?? relic.narration[site.defaultLanguage]
        if let player = narrationContext(relic, narration, language, link: link) { context["narration"] = player }
        context["videos"] = relic.videos.map { video -> TemplateFields in
            [
                "src": media.path(video.file).map(link),
                "type": video.file.path.lowercased().hasSuffix(".webm") ? "video/webm" : "video/mp4",
                "title": video.title.map { text($0, language) } ?? text(relic.name, language),
                "poster": video.poster.flatMap { media.image($0) }.map { link($0.src) },
                "tracks": site.languages.compactMap { code -> TemplateFields? in
                    guard let track = video.captions[code], let path = media.path(track) else { return nil }
                    // The cues ride along for pages opened from disk, where browsers refuse to fetch a .vtt.
                    let cues = (video.cues[code] ?? []).map { [$0.start, $0.end, $0.text] as [Any] }
                    let json = (try? JSONSerialization.data(withJSONObject: cues, options: [.withoutEscapingSlashes])).map { String(decoding: $0, as: UTF8.self) }
                    return ["src": link(path), "srclang": code, "label": LocalizedText.languageName(code), "default": code == language, "cues": json]
                },
            ]
        }
        if !relic.scenes.isEmpty { context["tour"] = tourContext(relic, language, root: root, here: here, t: t) }
        // Bytes of each scene's tiles per level, coarsest first: the offline button says what it fetches.
        context["offline"] = "[" + relic.scenes.map { scene in
            "[" + (media.panoramaBytes[scene.panorama.url] ?? []).map(String.init).joined(separator: ",") + "]"
        }.joined(separator: ",") + "]"
        return context
    }

    /// The 360° tour: the viewer's JSON (tiles relative to this page), the preview to fetch first, and
    /// as plain HTML the list of scenes with their notes (screen readers, browsers without WebGL).
    /// A scene's own narration rides on its link (`data-audio`), for the page's one narration player.
    func tourContext(_ relic: HeritageSite, _ language: String, root: String, here: String, t: Strings) -> TemplateFields {
        let scenes: [TemplateFields] = relic.scenes.map { scene in
            let notes = scene.hotspots.compactMap { spot -> String? in
                if case .text(let note) = spot.target { return text(note, language) }
                return nil
            }
            var entry: TemplateFields = ["id": scene.id, "title": text(scene.title, language), "notes": notes, "has_notes": !notes.isEmpty]
            entry["image"] = imageContext(scene.panorama, root: root, alt: text(scene.title, language), here: here)
            if let file = scene.narration[language] ?? scene.narration[site.defaultLanguage], let path = media.path(file) {
                entry["audio"] = Self.link(path, root: root, here: here)
                entry["length"] = media.length(file)
            }
            return entry
        }
        let described = relic.scenes.compactMap { scene -> SceneDescription? in
            guard let layout = media.panoramas[scene.panorama.url] else { return nil }
            let hotspots = scene.hotspots.map { spot -> SceneDescription.Hotspot in
                switch spot.target {
                case .scene(let id):
                    let label = spot.label.map { text($0, language) }
                        ?? relic.scenes.first { $0.id == id }.map { text($0.title, language) } ?? id
                    return .init(yaw: spot.yaw, pitch: spot.pitch, target: .scene(id: id, label: label))
                case .text(let note):
                    return .init(yaw: spot.yaw, pitch: spot.pitch, target: .text(text(note, language)))
                }
            }
            return SceneDescription(id: scene.id, title: text(scene.title, language), base: Self.link(SitePaths.tiles(relic.slug, scene: scene.id), root: root, here: here),
                                    layout: layout, view: .init(yaw: scene.view.yaw, pitch: scene.view.pitch, fov: scene.view.fov),
                                    north: scene.north, hotspots: hotspots)
        }
        var context: TemplateFields = ["scenes": scenes, "first": scenes.first]
        if described.count == relic.scenes.count, let first = described.first {
            var strings = Strings(language: language).viewer
            strings.merge(TourStrings.viewer(language)) { $1 }
            strings["scenes"] = t["scenes"]
            context["json"] = TourDescription(scenes: described, strings: strings).json
            // The entry scene's preview is what the visitor sees first: fetched before anything else.
            context["preload"] = first.base + "preview.jpg"
        }
        return context
    }

    /// The one narration player: the relic's guide with its transcript (captions drawn by the page
    /// from these cues, so nothing is fetched), or the current scene's own narration; what plays is
    /// named with its length (`Sân đình (0:12)`), which the player cannot show before it is fetched.
    func narrationContext(_ relic: HeritageSite, _ narration: Narration?, _ language: String, link: (String) -> String) -> TemplateFields? {
        let main = narration.flatMap { media.path($0.audio) }.map(link)
        let firstFile = relic.scenes.first.flatMap { $0.narration[language] ?? $0.narration[site.defaultLanguage] }
        let first = firstFile.flatMap { media.path($0) }.map(link)
        let anyScene = relic.scenes.contains { $0.narration[language] ?? $0.narration[site.defaultLanguage] != nil }
        guard main != nil || anyScene else { return nil }
        let words = TourStrings.narration(language)
        let mainLength = narration.flatMap { media.length($0.audio) }
        var context: TemplateFields = ["src": first ?? main, "main": main, "now": words["now"], "general": words["general"], "none": words["none"],
                                       "play": words["play"], "length": mainLength]
        // What plays first: the first scene's narration, else the relic's, else nothing.
        let (playing, length): (String?, String?) =
            if first != nil { (relic.scenes.first.map { text($0.title, language) }, firstFile.flatMap { media.length($0) }) }
            else if main != nil { (words["general"], mainLength) }
            else { (words["none"], nil) }
        context["playing"] = playing.map { name in length.map { "\(name) (\($0))" } ?? name }
        // Heard in another language than the page's: said above the player, the transcript marked
        // with its language (a screen reader reads it with the right voice).
        if main != nil, relic.narration[language] == nil, language != site.defaultLanguage {
            context["spoken"] = site.defaultLanguage
            context["spoken_note"] = Strings(language: language)["narration_untranslated"]
                .replacingOccurrences(of: "{language}", with: LocalizedText.languageName(site.defaultLanguage))
        }
        if let narration, let transcript = narration.transcript, media.path(transcript) != nil {
            let cues = narration.cues
            context["cues"] = cues.map { cue -> TemplateFields in
                ["s": WebVTT.seconds(cue.start), "e": WebVTT.seconds(cue.end), "start": WebVTT.clock(cue.start), "text": cue.text]
            }
            context["has_cues"] = !cues.isEmpty
        }
        return context
    }

    func mapLinks(_ geo: Coordinate) -> TemplateFields {
        let lat = Format.coordinate(geo.latitude), lon = Format.coordinate(geo.longitude)
        return ["geo": "geo:\(lat),\(lon)",
                "osm": "https://www.openstreetmap.org/?mlat=\(lat)&mlon=\(lon)#map=17/\(lat)/\(lon)",
                "lat": lat, "lon": lon]
    }

    func productContext(_ product: Product, _ language: String, root: String, t: Strings) -> TemplateFields {
        let producer = index.producers[product.producer]
        var context: TemplateFields = [
            "name": text(product.name, language),
            "code": product.code,
            "category": OCOPGroup.name(product.category, language: language),
            "price": Format.price(product.price, currency: site.currency, language: language),
            "sale_price": product.salePrice.map { Format.price($0, currency: site.currency, language: language) },
            "unit": product.unit.map { text($0, language) },
            "weight": product.weight.map { Format.weight($0, language: language) },
            "availability": t[product.availability.rawValue],
            "in_stock": product.availability == .inStock,
            "producer": producer.map { ["name": text($0.name, language), "href": root + router.path(.producer($0.slug), language)] },
            "body": bodyHTML(product.body, language),
            "images": product.images.enumerated().map { imageContext($1, root: root, alt: text(product.name, language), eager: $0 == 0) },
            "several_images": product.images.count > 1,
            "buy": product.buy.map { ["name": $0.marketplace.displayName, "href": $0.url] },
            // Rural producers sell by phone: a buyer from a marketplace or a board can call at once.
            "call": producer?.phone.map { ["phone": $0, "href": Self.telLink($0)] },
            "order": !product.buy.isEmpty || producer?.phone != nil,
            "short_url": shortURL(product.code),
            "short_url_html": shortURLHTML(product.code),
            "qr_svg": "\(root)qr/\(product.code).svg",
            "t": t.all,
        ]
        if product.ocop.isValid(on: today) {
            var badge = ocopBadge(product.ocop, t: t)
            badge["year"] = product.ocop.year
            badge["decision"] = product.ocop.decision
            context["ocop"] = badge
        }
        if let payment = ProductPayment(product, index: index) {
            context["pay"] = payment.context(code: product.code, root: root, language: language, currency: site.currency)
        }
        return context
    }

    func producerContext(_ producer: Producer, _ language: String, root: String, t: Strings) -> TemplateFields {
        var context: TemplateFields = [
            "name": text(producer.name, language),
            "kind": t["kind.\(producer.kind.rawValue)"],
            "address": producer.address.map { text($0, language) },
            "phone": producer.phone,
            "phone_href": producer.phone.map(Self.telLink),
            "email": producer.email,
            "website": producer.website,
            "products": content.products.filter { $0.producer == producer.slug }.map { productCard($0, language, root: root, t: t) },
            "t": t.all,
        ]
        if let geo = producer.geo { context["map"] = mapLinks(geo) }
        let description = bodyHTML(producer.description, language)
        if !description.isEmpty { context["description"] = description }
        if let photo = producer.photo { context["photo"] = figureContext(photo, caption: nil, root: root, alt: text(producer.name, language), eager: true) }
        return context
    }

    /// A photo that opens large when tapped (a plain link to the largest variant: works from disk
    /// and offline too), with its caption.
    func figureContext(_ file: MediaFile, caption: String?, root: String, alt: String, here: String = "", eager: Bool = false) -> TemplateFields {
        ["image": imageContext(file, root: root, alt: alt, here: here, eager: eager), "caption": caption,
         "large": media.image(file).map { Self.link($0.largest.path, root: root, here: here) }]
    }

    /// A published file (`path` from the site root) as linked from a page at `root` whose own folder is
    /// `here`: by its name (or its path below that folder) when it is in there, else through the root.
    static func link(_ path: String, root: String, here: String) -> String {
        !here.isEmpty && path.hasPrefix(here) ? String(path.dropFirst(here.count)) : root + path
    }

    /// A phone number as a link that dials it: `0237 3800 000` → `tel:02373800000`.
    static func telLink(_ phone: String) -> String { "tel:" + PhoneNumber.dialled(phone) }

    /// The short address printed on boards: `https://host/q/CODE`.
    func shortURL(_ code: String) -> String { "\(site.baseURL)q/\(code)" }

    /// The short address for narrow screens: it may break only after `//`, before a dot and after a
    /// slash (`disan.example.vn/q/DP01`, never `examp/le`).
    func shortURLHTML(_ code: String) -> String {
        var html = ""
        var previous: Character = " "
        for character in shortURL(code) {
            if character == "." || (previous == "/" && character != "/") { html += "<wbr>" }
            HTML.appendEscaped(String(character), to: &html)
            previous = character
        }
        return html
    }
}

extension Product.Marketplace {
    var displayName: String {
        switch self {
        case .shopee: return "Shopee"
        case .lazada: return "Lazada"
        case .tiki: return "Tiki"
        case .tiktok: return "TikTok Shop"
        case .zalo: return "Zalo"
        }
    }
}

enum AudioType {
    static func mime(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "m4a": return "audio/mp4"
        case "ogg", "opus": return "audio/ogg"
        default: return "audio/mpeg"
        }
    }
}

/// Cue times as pages show them.
extension WebVTT {
    /// Seconds as an attribute value: whole or with milliseconds.
    static func seconds(_ value: Double) -> String {
        let ms = Int((value * 1000).rounded())
        return ms % 1000 == 0 ? String(ms / 1000) : String(format: "%.3f", Double(ms) / 1000)
    }

    /// What the transcript shows: `m:ss`, or `h:mm:ss` past an hour.
    static func clock(_ value: Double) -> String {
        let s = Int(value), h = s / 3600, m = s / 60 % 60
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s % 60) : String(format: "%d:%02d", m, s % 60)
    }
}

/// Moves the headings of rendered Markdown down a level, to nest them under a section heading.
enum HTMLHeadings {
    static func shift(_ html: String, by levels: Int) -> String {
        // One pass over the bytes: our Markdown writes headings only as `<hN>` and `</hN>`.
        var bytes = Array(html.utf8)
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == UInt8(ascii: "<") {
                let at = bytes[i + 1] == UInt8(ascii: "/") ? i + 2 : i + 1
                if at + 2 < bytes.count, bytes[at] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[at + 1]),
                   bytes[at + 2] == UInt8(ascii: ">") {
                    bytes[at + 1] = min(UInt8(ascii: "6"), bytes[at + 1] + UInt8(levels))
                    i = at + 3
                    continue
                }
            }
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
