import DinhContent
import DinhCore

/// The permanent page a QR code opens: `q/<CODE>/`.
struct Landing {
    enum Target {
        case page(PageRef, name: LocalizedText)
        case retired(LocalizedText)
    }

    var code: String
    var target: Target

    /// Every code of the site, live ones and those moved or retired in `site.yaml`.
    static func all(content: Content) -> [Landing] {
        var live: [String: (PageRef, LocalizedText)] = [:]
        for relic in content.heritage { live[relic.code] = (.heritage(relic.slug), relic.name) }
        for product in content.products { live[product.code] = (.product(product.slug), product.name) }
        for page in content.pages { if let code = page.code { live[code] = (.page(page.slug), page.title) } }
        var landings = live.map { Landing(code: $0.key, target: .page($0.value.0, name: $0.value.1)) }
        for (old, new) in content.site.movedCodes {
            if let target = live[new] { landings.append(Landing(code: old, target: .page(target.0, name: target.1))) }
        }
        for (code, reason) in content.site.retiredCodes { landings.append(Landing(code: code, target: .retired(reason))) }
        return landings.sorted { $0.code < $1.code }
    }
}

extension PageRenderer {
    /// Opens the item at once (a meta refresh, no JavaScript needed) in the default language; a
    /// tiny script first switches to the visitor's language when the browser prefers another.
    func renderLanding(_ landing: Landing) -> String {
        let root = "../../"
        let language = site.defaultLanguage
        let t = Strings(language: language)
        switch landing.target {
        case .page(let ref, let name):
            let targets = site.languages.map { code -> [String: Any] in
                ["lang": code, "href": root + router.path(ref, code), "name": text(name, code), "label": Strings.languageName(code)]
            }
            return theme.render("landing", Self.withFlags([
                "lang": language, "code": landing.code, "title": text(name, language),
                "refresh": root + router.path(ref, language), "targets": targets,
                "languages_json": "{" + site.languages.map { "\"\($0)\":\"\(root + router.path(ref, $0))\"" }.joined(separator: ",") + "}",
                "canonical": router.absolute(ref, language), "t": t.all, "root": root,
            ]))
        case .retired(let reason):
            return theme.render("landing", Self.withFlags([
                "lang": language, "code": landing.code, "retired": true, "title": t["retired"],
                "reason": (reason.isEmpty ? nil : text(reason, language)) as Any,
                "home": root, "t": t.all, "root": root,
                "others": site.languages.dropFirst().map { code -> [String: Any] in
                    let other = Strings(language: code)
                    return ["lang": code, "title": other["retired"], "text": other["retired_text"], "home": root + router.path(.home, code), "home_label": other["home"]]
                },
            ]))
        }
    }
}
