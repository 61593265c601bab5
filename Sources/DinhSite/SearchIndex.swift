import DinhContent
import DinhCore
import DinhFeeds
import Foundation

/// The search page's index for one language: relics, products, producers, free pages and listed
/// meetings, written as `search/index.js` in that language's tree. A script, not JSON: a page opened
/// from disk (`file://`) may load a script but not fetch a file. The page's `assets/search.js` reads it.
///
/// Kept small for phones: an item is its kind, its name as shown and its slug only when the name does
/// not give it (`Đình Hạ Mỗ` → `dinh-ha-mo`); the page folds the names itself, and compares them with
/// diacritics when the visitor typed some. The item's other words (kind, producer, address, short
/// description) are folded here and stored once, each with the items that have it; so is the item's
/// code, which a visitor may type from a board (`DP01`, printed as `Mã: DP01`).
struct SearchIndex: Sendable {
    /// In the order the page's labels are listed (`k` in the script).
    enum Kind: Int, CaseIterable, Sendable {
        case relic, product, producer, page, meeting

        var label: String { ["relic", "product", "producer", "page", "meeting"][rawValue] }

        /// The folder of such items in a language's tree (`heritage/`), from the one place that says.
        var folder: String {
            let sample: String
            switch self {
            case .relic: sample = SitePaths.heritage("x")
            case .product: sample = SitePaths.product("x")
            case .producer: sample = SitePaths.producer("x")
            case .page: sample = SitePaths.page("x")
            case .meeting: sample = SitePaths.meeting("x")
            }
            return String(sample.dropLast(2))
        }
    }

    struct Item: Sendable {
        var kind: Kind
        var name: String
        var slug: String
        /// Folded words of the item's other text, without the name's own.
        var other: [String]
    }

    /// How many words of a body count as its short description.
    static let descriptionWords = 30

    let language: String
    let items: [Item]

    /// `catalog`: the marketplace items the build made, whose descriptions are the products' text
    /// already made plain (the costly part for 10,000 products).
    init(content: Content, language: String, catalog: FeedCatalog? = nil) {
        self.language = language
        let site = content.site, t = Strings(language: language)
        func text(_ value: LocalizedText?) -> String { value?.resolve(language, default: site.defaultLanguage) ?? "" }
        func words(_ texts: String...) -> [String] { texts.flatMap { Fold.words($0) } }
        func start(_ body: Body) -> [String] {
            // The start of the text is enough: a relic's history may be pages long.
            let html = String((body[language] ?? body[site.defaultLanguage] ?? "").prefix(Self.descriptionWords * 50))
            return Fold.words(PlainText.fromHTML(html), limit: Self.descriptionWords)
        }
        // In other languages the Vietnamese name is found too: it is the one on the signs.
        func original(_ name: LocalizedText) -> String { language == site.defaultLanguage ? "" : name.resolve(site.defaultLanguage, default: site.defaultLanguage) }
        let producers = Dictionary(content.producers.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        var items: [Item] = []
        // `other`: folded words.
        func add(_ kind: Kind, _ name: LocalizedText, _ slug: String, _ other: [String]) {
            let shown = PlainText.singleLine(text(name))
            let own = Set(Fold.words(shown))
            var seen = Set<String>(), words: [String] = []
            for word in other where !own.contains(word) && seen.insert(word).inserted { words.append(word) }
            items.append(Item(kind: kind, name: shown, slug: slug, other: words))
        }

        for relic in content.heritage {
            add(.relic, relic.name, relic.slug, words(relic.code, text(relic.kind), text(relic.address), text(relic.summary), original(relic.name)))
        }
        for product in content.products {
            let item = catalog?.item(product.slug, language: language)
            let description = item.map { $0.hasOwnDescription ? Fold.words($0.description, limit: Self.descriptionWords) : [] }
            add(.product, product.name, product.slug,
                words(product.code, OCOPGroup.name(product.category, language: language), text(producers[product.producer]?.name), product.brand ?? "")
                    + (description ?? start(product.body)) + words(original(product.name)))
        }
        for producer in content.producers {
            add(.producer, producer.name, producer.slug, words(t["kind.\(producer.kind.rawValue)"], text(producer.address))
                + start(producer.description) + words(original(producer.name)))
        }
        for page in content.pages { add(.page, page.title, page.slug, words(page.code ?? "") + start(page.body) + words(original(page.title))) }
        // A meeting is in search only when listed: unlisted ones are hidden (not private).
        for meeting in content.meetings where meeting.listed {
            add(.meeting, meeting.title, meeting.slug, words(meeting.code, text(meeting.place)) + start(meeting.body) + words(original(meeting.title)))
        }
        self.items = items
    }

    /// Every language's index, made at once on all cores: path from the site root → script.
    static func scripts(content: Content, catalog: FeedCatalog?) -> [(path: String, script: Data)] {
        let languages = content.site.languages
        let slots = Slots<Data>(count: languages.count)
        DispatchQueue.concurrentPerform(iterations: languages.count) { number in
            slots[number] = SearchIndex(content: content, language: languages[number], catalog: catalog).script
        }
        return languages.indices.map { (path(languages[$0], site: content.site), slots.values[$0] ?? Data()) }
    }

    /// Where the index of `language` is written, from the site root: `search/index.js`, `en/search/index.js`.
    static func path(_ language: String, site: Site) -> String {
        SitePaths.inLanguage(SitePaths.search, language, site: site) + "index.js"
    }

    /// `var dinhIndex = {…};` with
    /// - `k`: the kinds' labels in the page's language, `p`: their folders;
    /// - `d`: the items, `[kind, name]` or `[kind, name, slug]`;
    /// - `w`: the other words, folded, sorted, separated by spaces; `o`: for each word in the same
    ///   order, the items that have it (see `list`), separated by spaces.
    var script: Data {
        let t = Strings(language: language)
        var json = "{\"k\":[" + Kind.allCases.map { Self.quoted(t["result.\($0.label)"]) }.joined(separator: ",")
        json += "],\"p\":[" + Kind.allCases.map { Self.quoted($0.folder) }.joined(separator: ",") + "],\"d\":["
        json += items.map { item in
            "[\(item.kind.rawValue),\(Self.quoted(item.name))" + (Self.slugFollows(item.name, item.slug) ? "" : ",\(Self.quoted(item.slug))") + "]"
        }.joined(separator: ",")
        var postings: [String: [Int]] = [:]
        for (number, item) in items.enumerated() {
            for word in item.other { postings[word, default: []].append(number) }
        }
        let words = postings.keys.sorted()
        json += "],\"w\":" + Self.quoted(words.joined(separator: " "))
        json += ",\"o\":" + Self.quoted(words.map { Self.list(postings[$0] ?? [], count: items.count) }.joined(separator: " ")) + "}"
        return Data("var dinhIndex=\(json);\n".utf8)
    }

    /// Whether the page can make `slug` from `name` as `Slug.suggest` does: only for names in Latin
    /// letters (the page's folding and Swift's agree on them for certain).
    static func slugFollows(_ name: String, _ slug: String) -> Bool {
        name.unicodeScalars.allSatisfy { $0.value < 0x250 || (0x300...0x36F).contains($0.value) || (0x1E00...0x1EFF).contains($0.value) }
            && Slug.suggest(for: name) == slug
    }

    /// The digits of `postings`: 32 that end a number and 32 that do not, so numbers need no separator.
    static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_")

    /// Ascending item numbers as gaps (the first number, then each one less the previous and 1), each
    /// in base 32 from its highest digit, every digit but the last taken from the upper half of
    /// `digits`: an item in most words' lists costs one character.
    static func postings(_ numbers: [Int]) -> String {
        var out = "", previous = -1
        for number in numbers {
            var gap = number - previous - 1, chunks: [Int] = []
            previous = number
            repeat { chunks.append(gap & 31); gap >>= 5 } while gap > 0
            for (index, chunk) in chunks.reversed().enumerated() { out.append(digits[index == chunks.count - 1 ? chunk : chunk + 32]) }
        }
        return out
    }

    /// The items that have a word (`numbers`: ascending, each in `0..<count`), in the shortest of
    /// three forms: their `postings`; `~` and the postings of those that do not have it (a word in
    /// every description); `!` and a bitmap, six items a digit (a word in a third of the items costs
    /// a sixth of a character an item).
    static func list(_ numbers: [Int], count: Int) -> String {
        let gaps = postings(numbers)
        // Only a word in more than a sixth of the items can be shorter another way.
        guard numbers.count * 6 > count else { return gaps }
        // Five to spare: the bitmap's last digit may read up to five past the last item.
        var have = [Bool](repeating: false, count: count + 5)
        for number in numbers { have[number] = true }
        let without = "~" + postings((0..<count).filter { !have[$0] })
        let bitmap = "!" + String(stride(from: 0, to: count, by: 6).map { start in
            digits[(0..<6).reduce(0) { $0 | (have[start + $1] ? 1 << $1 : 0) }]
        })
        return [gaps, without, bitmap].min { $0.count < $1.count } ?? gaps
    }

    /// The item numbers of a `list` (for tests; the page reads them in the same way).
    static func items(_ list: String, count: Int) -> [Int] {
        switch list.first {
        case "~":
            let missing = Set(numbers(String(list.dropFirst())))
            return (0..<count).filter { !missing.contains($0) }
        case "!":
            return list.dropFirst().enumerated().flatMap { index, character -> [Int] in
                let value = digits.firstIndex(of: character) ?? 0
                return (0..<6).filter { value >> $0 & 1 == 1 }.map { index * 6 + $0 }.filter { $0 < count }
            }
        default:
            return numbers(list)
        }
    }

    /// The item numbers of a `postings` string.
    static func numbers(_ postings: String) -> [Int] {
        var numbers: [Int] = [], value = 0, previous = -1
        for character in postings {
            guard let digit = digits.firstIndex(of: character) else { return numbers }
            value = value * 32 + (digit & 31)
            if digit < 32 {
                previous += value + 1
                numbers.append(previous)
                value = 0
            }
        }
        return numbers
    }

    static func quoted(_ text: String) -> String { JSONValue.string(text).serialized() }
}
