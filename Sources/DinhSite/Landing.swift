import DinhContent
import DinhCore
import DinhQR
import DinhTemplate

/// The permanent page a QR code opens: `q/<CODE>/` (and `Q/<CODE>/` when the symbol carries the
/// upper-case address).
struct Landing: Sendable {
    enum Target: Sendable {
        case page(PageRef, name: LocalizedText)
        case retired(LocalizedText)
    }

    var code: String
    var target: Target
    var uppercase: Bool

    /// Where the lock says a code leads, as a page of this site.
    init?(_ landing: CodeLanding, codes: PrintedCodes, uppercase: Bool) {
        code = landing.code
        self.uppercase = uppercase
        switch landing.resolution {
        case .live(let path), .moved(let path, _):
            guard let item = codes.page(at: path) else { return nil }
            target = .page(item.ref, name: item.name)
        case .retired(let reason):
            target = .retired(reason)
        }
    }
}

/// An address a page had before its folder was renamed (or its item merged into another code's),
/// kept by the lock (`FormerAddress`): it opens the page it became, in its own language.
struct FormerPage: Sendable {
    /// The site path it had, e.g. `heritage/dinh-ha-mo-cu`.
    var path: String
    var ref: PageRef
    var name: LocalizedText

    /// Nil when the address is a page of this site again, or its target is not.
    init?(_ former: FormerAddress, codes: PrintedCodes) {
        guard codes.page(at: former.path) == nil, let item = codes.page(at: former.target) else { return nil }
        path = former.path
        ref = item.ref
        name = item.name
    }
}

extension PageRenderer {
    /// Opens the item at once (a meta refresh, no JavaScript needed) in the default language; a
    /// tiny script first switches to the visitor's language when the browser prefers another, and
    /// to English, when the site has it, for a visitor whose languages the site does not have.
    func renderLanding(_ landing: Landing) -> [UInt8] {
        let root = "../../"
        let language = site.defaultLanguage
        let t = Strings(language: language)
        switch landing.target {
        case .page(let ref, let name):
            let languages = writtenLanguages(ref)
            let targets = languages.map { code -> TemplateFields in
                ["lang": code, "href": root + router.path(ref, code), "name": text(name, code), "label": LocalizedText.languageName(code)]
            }
            return theme.render("landing", [
                "lang": language, "code": landing.code, "title": text(name, language),
                "refresh": root + router.path(ref, language), "targets": targets,
                "languages_json": "{" + languages.map { "\"\($0)\":\"\(root + router.path(ref, $0))\"" }.joined(separator: ",") + "}",
                "canonical": router.absolute(ref, language), "t": t.all, "root": root,
            ])
        case .retired(let reason):
            return theme.render("landing", [
                "lang": language, "code": landing.code, "retired": true, "title": t["retired"],
                "reason": (reason.isEmpty ? nil : text(reason, language)),
                "home": root, "t": t.all, "root": root,
                "others": site.languages.dropFirst().map { code -> TemplateFields in
                    let other = Strings(language: code)
                    return ["lang": code, "title": other["retired"], "text": other["retired_text"], "own_reason": reason.values[code],
                            "home": root + router.path(.home, code), "home_label": other["home"]]
                },
            ])
        }
    }

    /// A former address in one language: its file, and a page that opens the page it became in
    /// that language (the visitor chose it by the link they followed).
    func renderFormerPage(_ former: FormerPage, _ language: String) -> (file: String, bytes: [UInt8]) {
        let folder = SitePaths.inLanguage(former.path + "/", language, site: site)
        let root = Router.root(from: folder)
        let bytes = theme.render("landing", [
            "lang": language, "title": text(former.name, language), "refresh": root + router.path(former.ref, language),
            "targets": [["lang": language, "href": root + router.path(former.ref, language), "name": text(former.name, language),
                         "label": LocalizedText.languageName(language)] as TemplateFields],
            "languages_json": "{}", "canonical": router.absolute(former.ref, language), "t": Strings(language: language).all, "root": root,
        ])
        return (folder + "index.html", bytes)
    }

    /// The languages an item is written in: the site's first, and each other its text is
    /// translated into (every one, for an item without text). A code opens an untranslated text in
    /// its own language, not in the menus of another around it (a meeting's delegates often keep
    /// their phones in English).
    func writtenLanguages(_ ref: PageRef) -> [String] {
        let body: Body? = switch ref {
        case .heritage(let slug): index.heritage[slug]?.body
        case .product(let slug): index.products[slug]?.body
        case .page(let slug): index.pages[slug]?.body
        case .meeting(let slug): index.meetings[slug]?.body
        case .producer, .home, .products, .search: nil
        }
        guard let body, body[site.defaultLanguage]?.isEmpty == false else { return site.languages }
        return site.languages.filter { $0 == site.defaultLanguage || body[$0] != nil }
    }
}
