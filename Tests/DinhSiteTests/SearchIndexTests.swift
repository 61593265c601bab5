import DinhContent
import DinhCore
import DinhTestSupport
import Foundation
import Testing
@testable import DinhSite

/// The search index as written, and the page's script (the built-in `assets/search.js`, compacted as
/// it is published) run by Node on it: what a visitor typing with or without diacritics gets first.
@Suite struct SearchIndexTests {
    static func content() -> Content {
        let here = SourceLocation(path: "code"), root = URL(fileURLWithPath: "/tmp/dinh-search-fixture")
        func relic(_ slug: String, _ vi: String, _ en: String, kind: String, address: String, summary: String) -> HeritageSite {
            HeritageSite(slug: slug, folder: root, source: here, code: "DP" + String(slug.count), name: LocalizedText(["vi": vi, "en": en]),
                         kind: LocalizedText(["vi": kind]), ranking: .national, address: LocalizedText(["vi": address]),
                         summary: LocalizedText(["vi": summary]))
        }
        func product(_ slug: String, _ vi: String, producer: String, body: String) -> Product {
            Product(slug: slug, folder: root, source: here, code: "P" + String(slug.count), sku: slug, name: LocalizedText(["vi": vi]),
                    producer: producer, category: .food,
                    ocop: OCOP(stars: 4, year: 2024, expires: CalendarDate(year: 2027, month: 12, day: 31)!), price: 50000, body: ["vi": body])
        }
        let heritage = [
            relic("dinh-ha-mo", "Đình Hạ Mỗ", "Ha Mo Communal House", kind: "đình", address: "Xã Hạ Mỗ, huyện Đan Phượng, Hà Nội",
                  summary: "Ngôi đình bên sông Hồng."),
            relic("quan-phuong-tri", "Quán Phượng Trì", "Phuong Tri Temple", kind: "quán", address: "Thị trấn Phùng, Hà Nội",
                  summary: "Quán Đạo giáo cổ bên đầm."),
            relic("dinh-dai-phung", "Đình Đại Phùng", "Dai Phung Communal House", kind: "đình", address: "Thị trấn Phùng, Hà Nội",
                  summary: "Chạm khắc gỗ tinh xảo."),
        ]
        let products = [
            product("mat-ong-hoa-nhan", "Mật ong hoa nhãn", producer: "htx-nong-nghiep", body: "<p>Mật ong nguyên chất từ vườn nhãn.</p>"),
            product("che-lam-ha-trung", "Chè lam Hà Trung", producer: "htx-che-lam", body: "<p>Bánh làm từ gạo nếp, mật mía và gừng.</p>"),
            product("banh-gai", "Bánh gai Hà Trung", producer: "htx-che-lam", body: "<p>Lá gai, nhân đỗ xanh.</p>"),
        ]
        let producers = [
            Producer(slug: "htx-nong-nghiep", source: here, name: LocalizedText(["vi": "HTX Nông nghiệp Đan Phượng"]), kind: .cooperative,
                     address: LocalizedText(["vi": "Xã Song Phượng, huyện Đan Phượng"])),
            Producer(slug: "htx-che-lam", source: here, name: LocalizedText(["vi": "HTX Chè lam Hà Trung"]), kind: .cooperative),
        ]
        let pages = [Page(slug: "huong-dan", source: here, title: LocalizedText(["vi": "Hướng dẫn tham quan", "en": "Visitor guide"]),
                          body: ["vi": "<p>Quét mã QR ở cổng di tích.</p>"])]
        let date = CalendarDate(year: 2026, month: 12, day: 15)!
        let meetings = [
            Meeting(slug: "hop-ubnd", folder: root, source: here, code: "HOP1", title: LocalizedText(["vi": "Họp Ủy ban nhân dân xã"]), date: date),
            Meeting(slug: "hoi-nghi-du-lich", folder: root, source: here, code: "HOP2", title: LocalizedText(["vi": "Hội nghị du lịch Đan Phượng"]),
                    date: date, listed: true),
        ]
        let site = Site(title: LocalizedText(["vi": "Thử"]), baseURL: "https://thu.example.vn/", languages: ["vi", "en"],
                        publisher: Publisher(name: LocalizedText(["vi": "UBND"])))
        return Content(root: root, site: site, heritage: heritage, products: products, producers: producers, pages: pages, meetings: meetings)
    }

    /// The script's object, as JSON.
    func decoded(_ index: SearchIndex) throws -> [String: Any] {
        let text = String(decoding: index.script, as: UTF8.self)
        #expect(text.hasPrefix("var dinhIndex={") && text.hasSuffix("};\n"))
        let json = text.dropFirst("var dinhIndex=".count).dropLast(2)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func everyKindIsIndexedUnlistedMeetingsAreNot() throws {
        let index = SearchIndex(content: Self.content(), language: "vi")
        #expect(index.items.map(\.name) == ["Đình Hạ Mỗ", "Quán Phượng Trì", "Đình Đại Phùng", "Mật ong hoa nhãn", "Chè lam Hà Trung",
                                             "Bánh gai Hà Trung", "HTX Nông nghiệp Đan Phượng", "HTX Chè lam Hà Trung",
                                             "Hướng dẫn tham quan", "Hội nghị du lịch Đan Phượng"])
        #expect(index.items.map(\.kind) == [.relic, .relic, .relic, .product, .product, .product, .producer, .producer, .page, .meeting])
        let json = try decoded(index)
        #expect(json["k"] as? [String] == ["Di tích", "Sản phẩm", "Chủ thể sản xuất", "Trang thông tin", "Cuộc họp"])
        #expect(json["p"] as? [String] == ["heritage/", "products/", "producers/", "pages/", "meetings/"])
        let script = String(decoding: index.script, as: UTF8.self)
        #expect(!script.contains("Ủy ban") && !script.contains("hop-ubnd"), "an unlisted meeting is hidden from search")
    }

    @Test func slugsAreStoredOnlyWhenTheNameDoesNotGiveThem() throws {
        let items = try #require(try decoded(SearchIndex(content: Self.content(), language: "vi"))["d"] as? [[Any]])
        #expect(items[0].count == 2 && items[0][1] as? String == "Đình Hạ Mỗ")
        #expect(items[5].count == 3 && items[5][2] as? String == "banh-gai")
        let english = try #require(try decoded(SearchIndex(content: Self.content(), language: "en"))["d"] as? [[Any]])
        #expect(english[0][1] as? String == "Ha Mo Communal House" && english[0][2] as? String == "dinh-ha-mo")
    }

    @Test func otherWordsAreFoldedAndStoredOnce() throws {
        let index = SearchIndex(content: Self.content(), language: "vi")
        let json = try decoded(index)
        let words = try #require(json["w"] as? String).split(separator: " ").map(String.init)
        let lists = try #require(json["o"] as? String).split(separator: " ").map(String.init)
        #expect(words.count == lists.count && words == words.sorted() && Set(words).count == words.count)
        #expect(words.allSatisfy { Fold.text($0) == $0 }, "stored folded")
        // The relic's kind, address and summary; the product's producer; not the item's own name.
        for (word, item) in [("song", 0), ("huyen", 0), ("nguyen", 3), ("nong", 3), ("mia", 4), ("chat", 3)] {
            let at = try #require(words.firstIndex(of: word), "\(word)")
            #expect(SearchIndex.items(lists[at], count: index.items.count).contains(item), "\(word)")
        }
        #expect(!index.items[0].other.contains("dinh") && !index.items[0].other.contains("mo"))
        // In English the Vietnamese name is searchable too.
        #expect(SearchIndex(content: Self.content(), language: "en").items[0].other.contains("dinh"))
    }

    @Test func postingsRoundTrip() {
        for numbers in [[0], [5], [0, 1, 2, 3], [31], [32], [0, 33, 1100, 1101, 40000, 1_000_000], Array(stride(from: 3, to: 3000, by: 7))] {
            let text = SearchIndex.postings(numbers)
            #expect(SearchIndex.numbers(text) == numbers)
            #expect(text.allSatisfy { SearchIndex.digits.contains($0) })
        }
        #expect(SearchIndex.postings(Array(0..<100)).count == 100, "one character for each item of a word")
    }

    @Test func aWordMostItemsHaveListsThoseWithout() {
        #expect(SearchIndex.list([0, 1, 2, 4], count: 5) == "~3")
        #expect(SearchIndex.list(Array(0..<1000), count: 1000) == "~")
        #expect(SearchIndex.list([1, 3], count: 50) == SearchIndex.postings([1, 3]))
        // Every other item of 5,000 in 835 characters, not 2,500.
        let half = Array(stride(from: 0, to: 5000, by: 2)) + [4999]
        #expect(SearchIndex.list(half, count: 5000).hasPrefix("!") && SearchIndex.list(half, count: 5000).count == 835)
        for (numbers, count) in [([0, 1, 2, 4], 5), (Array(0..<1000), 1000), ([1, 3], 50), (half, 5000), ([0, 6, 7, 13], 14), ([5], 6)] {
            #expect(SearchIndex.items(SearchIndex.list(numbers, count: count), count: count) == numbers)
        }
    }

    @Test func jsonStringsEscapeWhatJSONMust() throws {
        let text = "a\"b\\c\u{1}d\u{2028}é"
        let parsed = try JSONSerialization.jsonObject(with: Data("[\(SearchIndex.quoted(text))]".utf8)) as? [String]
        #expect(parsed == [text])
    }

    // MARK: The page's script, run by Node

    /// Runs the published `search.js` on `index` for each query: the names found, best first
    /// (`near`: the code of the site each query most likely is, or "").
    func search(_ index: SearchIndex, _ queries: [String], near: Bool = false, meant: Bool = false) throws -> [[String]] {
        let node = try Tools.require("/usr/bin/node")
        let folder = try TemporaryDirectory("dinh-search")
        defer { folder.remove() }
        let source = try Data(contentsOf: try #require(Theme.builtInFolder).appendingPathComponent("assets/search.js"))
        try folder.write("search.js", Theme.compactScript(source))
        try folder.write("index.js", index.script)
        try folder.write("queries.json", try JSONSerialization.data(withJSONObject: queries))
        try folder.write("run.js", """
            const fs = require('fs'), api = require(process.argv[2] + '/search.js');
            const text = fs.readFileSync(process.argv[2] + '/index.js', 'utf8');
            const ix = api.load(JSON.parse(text.slice('var dinhIndex='.length, -2)));
            const queries = JSON.parse(fs.readFileSync(process.argv[2] + '/queries.json', 'utf8'));
            console.log(JSON.stringify(queries.map(q => \(near ? "[api.nearCode(ix, q) || '']" : meant ? "[api.nearWords(ix, q) || '']" : "api.search(ix, q).map(h => h.doc.name + ' ' + h.doc.slug)"))));
            """)
        let result = try Tools.run(node, [folder.file("run.js").path, folder.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String]])
    }

    @Test func typedWithoutDiacriticsTheItemComesFirst() throws {
        let index = SearchIndex(content: Self.content(), language: "vi")
        let found = try search(index, ["dinh ha mo", "quan phuong tri", "mat ong", "che lam", "banh gai", "DINH  HA   MO", "mat o", "huong dan",
                                       "du lich"])
        let first = found.map { $0.first ?? "" }
        #expect(first == ["Đình Hạ Mỗ dinh-ha-mo", "Quán Phượng Trì quan-phuong-tri", "Mật ong hoa nhãn mat-ong-hoa-nhan",
                          "Chè lam Hà Trung che-lam-ha-trung", "Bánh gai Hà Trung banh-gai", "Đình Hạ Mỗ dinh-ha-mo",
                          "Mật ong hoa nhãn mat-ong-hoa-nhan", "Hướng dẫn tham quan huong-dan", "Hội nghị du lịch Đan Phượng hoi-nghi-du-lich"])
        #expect(found[0].count == 1, "every word must be found: \(found[0])")
    }

    @Test func typedWithDiacriticsExactNamesRankFirst() throws {
        let found = try search(SearchIndex(content: Self.content(), language: "vi"), ["Hà", "Hạ", "ha", "Đình Hạ", "đinh"])
        let hạ = try #require(found[0].firstIndex(of: "Đình Hạ Mỗ dinh-ha-mo"))
        #expect(hạ == 3 && found[0][..<hạ].allSatisfy { $0.contains("Hà Trung") }, "\(found[0])")
        #expect(found[1].first == "Đình Hạ Mỗ dinh-ha-mo" && found[1].dropFirst().contains { $0.contains("Hà Trung") }, "\(found[1])")
        #expect(Set(found[2]) == Set(found[0]), "without diacritics both are found")
        #expect(found[3].first == "Đình Hạ Mỗ dinh-ha-mo")
        #expect(found[4].prefix(2).allSatisfy { $0.hasPrefix("Đình") }, "a word typed with other marks still finds by letters")
    }

    /// The code printed on a board (`Mã: HOP2`) finds its item, typed as printed or in small letters.
    @Test func aCodeFromABoardFindsItsItem() throws {
        let found = try search(SearchIndex(content: Self.content(), language: "vi"), ["HOP2", "hop2", "HOP1"])
        #expect(found[0] == ["Hội nghị du lịch Đan Phượng hoi-nghi-du-lich"] && found[1] == found[0], "\(found)")
        #expect(found[2] == [], "an unlisted meeting stays out of search, by its code too")
    }

    /// A code typed with a slip (a zero left out or added, two letters swapped, one wrong) is answered
    /// with the code the site has; words that are no code, and an unlisted meeting's code, are not.
    @Test func aCodeTypedWithASlipFindsTheCodeMeant() throws {
        let near = try search(SearchIndex(content: Self.content(), language: "vi"), ["HOP02", "hpo2", "HOP3", "HOP2", "chùa", "HOP", "HOP0002"], near: true)
        #expect(near.map { $0.first ?? "" } == ["hop2", "hop2", "hop2", "", "", "", "hop2"], "\(near)")
    }

    /// A word typed with a slip (a letter too many, missing, changed or two swapped) in a query that finds
    /// nothing: the query meant, its word as the site writes it; short words and words the site has stay.
    @Test func aWordTypedWithASlipFindsTheWordMeant() throws {
        let index = SearchIndex(content: Self.content(), language: "vi")
        let meant = try search(index, ["che lamm", "quan phuogn", "chelam", "dinh ha mo", "mat ongg", "zzzz", "hx mo"], meant: true)
        #expect(meant.map { $0.first ?? "" } == ["che lam", "quan phuong", "", "", "mat ong", "", ""], "\(meant)")
        let found = try search(index, ["che lam", "quan phuong"])
        #expect(found[0].first == "Chè lam Hà Trung che-lam-ha-trung" && found[1].first == "Quán Phượng Trì quan-phuong-tri")
    }

    @Test func namesRankAboveOtherText() throws {
        let found = try search(SearchIndex(content: Self.content(), language: "vi"), ["nong nghiep", "phung", "gao nep", "mat o ", "xyz"])
        // The producer by its name, then its product through the producer's name.
        #expect(found[0] == ["HTX Nông nghiệp Đan Phượng htx-nong-nghiep", "Mật ong hoa nhãn mat-ong-hoa-nhan"])
        // "Phùng" in Đại Phùng's name before the relics in thị trấn Phùng by their address.
        #expect(found[1].first == "Đình Đại Phùng dinh-dai-phung" && found[1].contains("Quán Phượng Trì quan-phuong-tri"))
        // Only in a product's description.
        #expect(found[2] == ["Chè lam Hà Trung che-lam-ha-trung"])
        // A space after the last word: it is whole, not begun ("o" is no word of "ong").
        #expect(found[3] == [] && found[4] == [])
    }

    /// A word many items have is stored as a bitmap; the page reads it back.
    @Test func aCommonWordFindsEveryItemThatHasIt() throws {
        var content = Self.content()
        for n in 0..<12 {
            var product = content.products[0]
            product.slug = "banh-\(n)"
            product.name = LocalizedText(["vi": "Bánh số \(n)"])
            product.body = ["vi": "<p>Đặc sản làng nghề.</p>"]
            content.products.append(product)
        }
        let index = SearchIndex(content: content, language: "vi")
        let json = try decoded(index)
        let words = try #require(json["w"] as? String).split(separator: " ").map(String.init)
        let lists = try #require(json["o"] as? String).split(separator: " ").map(String.init)
        let nghe = try #require(words.firstIndex(of: "nghe"))
        #expect(lists[nghe].hasPrefix("!"), "\(lists[nghe])")
        let found = try search(index, ["lang nghe", "banh so 1"])
        #expect(Set(found[0]) == Set((0..<12).map { "Bánh số \($0) banh-\($0)" }), "\(found[0])")
        #expect(found[1].first == "Bánh số 1 banh-1" && found[1].count == 3, "\(found[1])")
    }

    @Test func englishPagesFindTheVietnameseNameToo() throws {
        let found = try search(SearchIndex(content: Self.content(), language: "en"), ["dinh ha mo", "ha mo communal", "visitor"])
        #expect(found[0].first == "Ha Mo Communal House dinh-ha-mo")
        #expect(found[1].first == "Ha Mo Communal House dinh-ha-mo")
        #expect(found[2].first == "Visitor guide huong-dan")
    }

    /// The page reads the three forms of an item list as Swift wrote them.
    @Test func thePageReadsEveryFormOfAList() throws {
        let node = try Tools.require("/usr/bin/node")
        let cases: [([Int], Int)] = [([0, 1, 2, 4], 5), (Array(0..<1000), 1000), ([1, 3], 50), ([0, 6, 7, 13], 14), ([5], 6), ([40000], 40001),
                                      (Array(stride(from: 0, to: 5000, by: 2)) + [4999], 5000), (Array(stride(from: 1, to: 3000, by: 3)), 3000)]
        let lists = cases.map { SearchIndex.list($0.0, count: $0.1) }
        #expect(Set(lists.compactMap(\.first).map { "~!".contains($0) ? $0 : "0" }) == ["~", "!", "0"], "every form is tried: \(lists)")
        let folder = try TemporaryDirectory("dinh-lists")
        defer { folder.remove() }
        let source = try Data(contentsOf: try #require(Theme.builtInFolder).appendingPathComponent("assets/search.js"))
        try folder.write("search.js", Theme.compactScript(source))
        try folder.write("cases.json", try JSONSerialization.data(withJSONObject: zip(lists, cases).map { [$0, $1.1] as [Any] }))
        try folder.write("run.js", """
            const api = require(process.argv[2] + '/search.js'), cases = require(process.argv[2] + '/cases.json');
            console.log(JSON.stringify(cases.map(c => api.decode(c[0], c[1]))));
            """)
        let result = try Tools.run(node, [folder.file("run.js").path, folder.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let read = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[Int]])
        #expect(read == cases.map(\.0))
    }

    /// The page must fold as Swift folds, or a name and the words stored for it would not meet.
    @Test func thePageFoldsAsSwiftFolds() throws {
        let node = try Tools.require("/usr/bin/node")
        let samples = ["Đình Hạ Mỗ", "QUÁN PHƯỢNG TRÌ", "Mật ong hoa nhãn".decomposedStringWithCanonicalMapping, "  giỏ\ttre  đan \"Quà quê\" ",
                       "ĐẶC SẢN Ở HÀ TRUNG 2025", "Nghè Tân Hội – chùa Đại Bi", "café 中文 İstanbul", "ỲÝỶỸỴ ỳýỷỹỵ Ưư Ơơ Ăă Ââ Êê Ôô"]
        let folder = try TemporaryDirectory("dinh-fold")
        defer { folder.remove() }
        let source = try Data(contentsOf: try #require(Theme.builtInFolder).appendingPathComponent("assets/search.js"))
        try folder.write("search.js", Theme.compactScript(source))
        try folder.write("samples.json", try JSONSerialization.data(withJSONObject: samples))
        try folder.write("run.js", """
            const api = require(process.argv[2] + '/search.js'), samples = require(process.argv[2] + '/samples.json');
            console.log(JSON.stringify(samples.map(s => api.words(s).join(' '))));
            """)
        let result = try Tools.run(node, [folder.file("run.js").path, folder.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let folded = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String])
        #expect(folded == samples.map(Fold.text))
    }
}
