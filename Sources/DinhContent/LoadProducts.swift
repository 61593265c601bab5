import DinhCore
import Foundation

/// A product as loaded, with where its marketplace identity is written: two products may share
/// neither their id (`sku`, else `code`) nor their barcode.
struct LoadedProduct: Sendable {
    var product: Product
    var skuAt: SourceLocation
    var gtinAt: SourceLocation?
}

extension Loading {
    /// `producers`: the slugs of the files in `producers/`, read or not.
    mutating func loadProduct(slug: String, folder: URL, producers: [String]) -> LoadedProduct? {
        let shown = loader.display("products/\(folder.lastPathComponent)/index.md")
        let what = Part.thisProduct
        let document = document(folder.appendingPathComponent("index.md", isDirectory: false), shown: shown, required: true, what: what)
        defer { flushReader() }
        guard let node = document.node,
              let fields = reader.fields(node, allowed: ["code", "sku", "name", "producer", "category", "ocop", "price", "sale_price", "unit",
                                                         "weight", "gtin", "brand", "availability", "images", "buy", "pay_qr"], in: what)
        else { return nil }

        let code = reader.require(fields, "code", in: what, example: "code: HT42").flatMap { readCode($0) }
        let sku = fields["sku"].flatMap { reader.string($0, field: "sku") }
        if let sku, sku.count > 50 || !sku.allSatisfy({ $0.isASCII && !$0.isWhitespace }) {
            reader.diagnostics.error(fields["sku"]?.location ?? node.location, .skuTooLong)
        } else if let sku, SpreadsheetFormula.startsLikeFormula(sku) {
            // An id is matched between feeds as written: it cannot get the ' that protects text in CSV.
            reader.diagnostics.error(fields["sku"]?.location ?? node.location, .skuFormula(sku: sku))
        }
        var name = reader.require(fields, "name", in: what, example: "name: Chè lam Hà Trung").flatMap { reader.text($0, field: "name") }
        if let node = fields["name"] { noteLocation(of: node, as: "name") }
        let producerNode = reader.require(fields, "producer", in: what, example: "producer: htx-che-lam-ha-trung")
        let producer = producerNode.flatMap { reader.string($0, field: "producer") }
        if let producer, let producerNode, !producers.contains(producer) {
            let message = ContentMessage.unknownProducer(producer: producer, guess: DidYouMean.suggestion(for: producer, among: producers))
            reader.diagnostics.error(producerNode.location, message)
        }
        let category = reader.require(fields, "category", in: what, example: "category: food")
            .flatMap { reader.choice($0, field: "category", among: Product.Category.allCases.map(\.rawValue)) }
            .flatMap(Product.Category.init(rawValue:))
        let ocop = reader.require(fields, "ocop", in: what, example: "ocop: {stars: 4, year: 2023}").flatMap { loadOCOP($0) }
        let price = reader.require(fields, "price", in: what, example: "price: 45000").flatMap { money($0, field: "price") }
        let salePrice = fields["sale_price"].flatMap { money($0, field: "sale_price") }
        if let price, let salePrice, salePrice >= price, let node = fields["sale_price"] {
            reader.diagnostics.error(node.location, .saleNotLower(sale: salePrice, price: price))
        }
        var unit = fields["unit"].flatMap { reader.text($0, field: "unit") }
        let weight = fields["weight"].flatMap { readWeight($0) }
        let gtin = fields["gtin"].flatMap { readGTIN($0) }
        let brand = fields["brand"].flatMap { reader.string($0, field: "brand") }
        let availability = fields["availability"].flatMap { reader.choice($0, field: "availability", among: Product.Availability.allCases.map(\.rawValue)) }
            .flatMap(Product.Availability.init(rawValue:)) ?? .inStock
        let images = fields["images"].flatMap { reader.list($0, field: "images") }?.compactMap {
            media($0, field: "images", folder: folder, extensions: Self.imageExtensions, kind: .photo)
        } ?? []
        var buy: [(marketplace: Product.Marketplace, url: String)] = []
        if let node = fields["buy"], let group = reader.fields(node, allowed: Product.Marketplace.allCases.map(\.rawValue), in: .field("buy")) {
            for marketplace in Product.Marketplace.allCases {
                if let link = group[marketplace.rawValue].flatMap({ reader.url($0, field: "buy.\(marketplace.rawValue)") }) {
                    buy.append((marketplace, link))
                }
            }
        }
        // 1.1: a product of a producer with `bank:` gets a VietQR payment code unless `pay_qr: false`.
        let payQR = fields["pay_qr"].flatMap { readSwitch($0, field: "pay_qr") } ?? true
        warnIfFormula(fields["name"], field: "name")
        warnIfFormula(fields["brand"], field: "brand")
        let body = translations(folder: folder, slug: slug, section: "products", what: what, defaultBody: document.body,
                                textFields: ["name", "unit"], formulaFields: ["name"]) { key, language, text in
            guard let value = text?.values[language] else { return }
            if key == "name" { name?.values[language] = value }
            if key == "unit" { unit?.values[language] = value }
        }
        warnIfFormula(body: body, folder: folder, slug: slug)
        if let ocop, !ocop.isValid(on: loader.today) {
            reader.diagnostics.warning(fields["ocop"]?.location ?? node.location,
                                       .ocopExpired(date: "\(ocop.expires)"))
        }
        guard let code, let name, let producer, let category, let ocop, let price else { return nil }
        let product = Product(slug: slug, folder: folder, source: SourceLocation(path: shown), code: code, sku: sku ?? code, name: name,
                              producer: producer, category: category, ocop: ocop, price: price, salePrice: salePrice, unit: unit,
                              weight: weight, gtin: gtin, brand: brand, availability: availability, images: images, buy: buy, body: body,
                              payQR: payQR)
        return LoadedProduct(product: product, skuAt: (sku != nil ? fields["sku"] : fields["code"])?.location ?? node.location,
                             gtinAt: gtin != nil ? fields["gtin"]?.location : nil)
    }

    private mutating func loadOCOP(_ node: YAMLNode) -> OCOP? {
        guard let fields = reader.fields(node, allowed: ["stars", "date", "year", "decision", "expires"], in: .field("ocop")) else { return nil }
        let stars = reader.require(fields, "stars", in: .field("ocop"), example: "stars: 4")
            .flatMap { reader.integer($0, field: "ocop.stars", range: 3...5, hint: .ocopStars) }
        let date = fields["date"].flatMap { reader.date($0, field: "ocop.date") }
        let year = fields["year"].flatMap { reader.integer($0, field: "ocop.year", range: 2018...2100, hint: .ocopYear) }
        let decision = fields["decision"].flatMap { reader.string($0, field: "ocop.decision") }
        if fields["date"] == nil && fields["year"] == nil {
            reader.diagnostics.error(node.location, .ocopNeedsDate)
            return nil
        }
        if let date, let year, date.year != year, let node = fields["year"] {
            reader.diagnostics.error(node.location, .ocopYearMismatch(year: year, date: "\(date)"))
        }
        guard let stars, let recognisedYear = date?.year ?? year else { return nil }
        // Certificates last 36 months; when only the year is known, count from its last day.
        let defaultExpiry = (date ?? CalendarDate(year: recognisedYear, month: 12, day: 31))?.adding(months: 36)
        let expires = fields["expires"].flatMap { reader.date($0, field: "ocop.expires") } ?? defaultExpiry
        guard let expires else { return nil }
        return OCOP(stars: stars, date: date, year: recognisedYear, decision: decision, expires: expires)
    }

    /// Whole amounts in the site currency. `45.000đ` and `45,000` are refused with the fix, not guessed.
    private mutating func money(_ node: YAMLNode, field: String) -> Int? {
        guard let text = reader.string(node, field: field) else { return nil }
        if let value = Int(text), value > 0, text.allSatisfy({ $0.isASCII && $0.isNumber }) {
            // Nothing sells for less than 1.000 đ: a price written in thousands (45 for 45.000 đ)
            // would reach every marketplace a thousand times too low.
            if currency == "VND", value < 1000 {
                reader.diagnostics.error(node.location, .priceInThousands(field: field, found: value, meant: value * 1000))
                return nil
            }
            return value
        }
        // The fix is offered only where the text says one amount (`45.000đ`): `45k` or `4.5` are not guessed.
        let message = ContentMessage.priceNotWhole(field: field, found: text, suggestion: WrittenPrice.dong(text))
        reader.diagnostics.error(node.location, message)
        return nil
    }

    private mutating func readWeight(_ node: YAMLNode) -> Weight? {
        guard let text = reader.string(node, field: "weight") else { return nil }
        // `1,5 kg`, as Vietnamese write decimals, is 1.5 kg.
        let number = text.prefix(while: { $0.isNumber || $0 == "." || $0 == "," }).replacingOccurrences(of: ",", with: ".")
        let unit = text.dropFirst(number.count).trimmed.lowercased()
        guard let value = Double(number), value > 0, ["g", "kg"].contains(unit) else {
            reader.diagnostics.error(node.location, .badWeight(found: text))
            return nil
        }
        return Weight(value: value, unit: unit)
    }

    /// GTIN-8/12/13/14 with a correct check digit (a typo in a barcode number is common and costly).
    private mutating func readGTIN(_ node: YAMLNode) -> String? {
        guard let text = reader.string(node, field: "gtin") else { return nil }
        guard [8, 12, 13, 14].contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            reader.diagnostics.error(node.location, .badGTIN(found: text))
            return nil
        }
        guard GTIN.isValid(text) else {
            reader.diagnostics.error(node.location, .gtinCheckDigit(gtin: text, expected: "\(GTIN.checkDigit(String(text.dropLast())))"))
            return nil
        }
        return text
    }

    mutating func loadProducer(slug: String, url: URL) -> Producer? {
        let shown = loader.display("producers/\(url.lastPathComponent)")
        defer { flushReader() }
        guard let node = yamlFile(url, shown: shown),
              let fields = reader.fields(node, allowed: ["name", "kind", "address", "geo", "phone", "email", "website", "description", "photo", "bank"], in: .thisProducer)
        else { return nil }
        let name = reader.require(fields, "name", in: .thisProducer, example: "name: HTX Chè lam Hà Trung").flatMap { reader.text($0, field: "name") }
        // The brand of its products that have none, in the Meta catalog CSV.
        warnIfFormula(fields["name"], field: "name")
        let kind = reader.require(fields, "kind", in: .thisProducer, example: "kind: cooperative")
            .flatMap { reader.choice($0, field: "kind", among: Producer.Kind.allCases.map(\.rawValue)) }
            .flatMap(Producer.Kind.init(rawValue:))
        let address = fields["address"].flatMap { reader.text($0, field: "address") }
        let geo = fields["geo"].flatMap { reader.geo($0) }
        let phone = fields["phone"].flatMap { reader.phone($0, field: "phone") }
        let email = fields["email"].flatMap { reader.string($0, field: "email") }
        if let email, !email.contains("@") || email.contains(" "), let node = fields["email"] {
            reader.diagnostics.error(node.location, .badEmail(found: email))
        }
        let website = fields["website"].flatMap { reader.url($0, field: "website") }
        // 1.1: a localised Markdown description, and a photo in the producers/ folder.
        var description: Body = [:]
        if let node = fields["description"], let text = reader.text(node, field: "description") {
            for (language, markdown) in text.values {
                let rendered = Markdown.render(markdown, firstLine: node.location.line)
                for note in rendered.notes { reader.diagnostics.warning(SourceLocation(path: shown, line: note.line), note.message) }
                description[language] = rendered.html
            }
        }
        let photo = fields["photo"].flatMap {
            media($0, field: "photo", folder: url.deletingLastPathComponent(), extensions: Self.imageExtensions, kind: .photo)
        }
        let bank = fields["bank"].flatMap { readBank($0) }
        warnUntranslatedTexts(topLevel: ["name", "address", "description"])
        guard let name, let kind else { return nil }
        return Producer(slug: slug, source: SourceLocation(path: shown), name: name, kind: kind, address: address, geo: geo,
                        phone: phone, email: email, website: website, description: description, photo: photo, bank: bank)
    }

    /// `true` or `false` (also `yes`/`no`, as YAML 1.1 and Excel users write them).
    mutating func readSwitch(_ node: YAMLNode, field: String) -> Bool? {
        guard let text = reader.string(node, field: field) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            reader.diagnostics.error(node.location, .notBool(field: field, found: text))
            return nil
        }
    }

    /// 1.1: `bank: {bin, account, name}`, the account VietQR payment codes pay into. Every part is
    /// checked, since a wrong digit sends a buyer's money to someone else or nowhere.
    private mutating func readBank(_ node: YAMLNode) -> BankAccount? {
        let what = Part.field("bank")
        guard let fields = reader.fields(node, allowed: ["bin", "account", "name"], in: what) else { return nil }
        var bin = reader.require(fields, "bin", in: what, example: "bin: \"970436\"").flatMap { reader.string($0, field: "bank.bin") }
        if let text = bin, let binNode = fields["bin"] {
            if !(text.count == 6 && text.allSatisfy({ $0.isASCII && $0.isNumber })) {
                reader.diagnostics.error(binNode.location, .bankBINShape(found: text, named: VietnameseBank.bank(named: text)?.bin))
                bin = nil
            } else if VietnameseBank.bank(bin: text) == nil {
                let guess = DidYouMean.suggestion(for: text, among: VietnameseBank.all.map(\.bin))
                let near = guess.flatMap { VietnameseBank.bank(bin: $0) }
                let message = ContentMessage.bankUnknown(bin: text, guess: near == nil ? nil : guess, guessName: near?.shortName)
                reader.diagnostics.error(binNode.location, message)
                bin = nil
            }
        }
        var account = reader.require(fields, "account", in: what, example: "account: \"0011001234567\"").flatMap { reader.string($0, field: "bank.account") }
        if let text = account, let accountNode = fields["account"], !((1...19).contains(text.count) && text.allSatisfy({ $0.isASCII && $0.isNumber })) {
            let digits = text.filter { $0.isASCII && $0.isNumber }
            let fixable = !digits.isEmpty && digits.count <= 19 && text.allSatisfy({ ($0.isASCII && $0.isNumber) || " .-".contains($0) })
            let message = ContentMessage.bankAccount(found: text, suggestion: fixable ? digits : nil)
            reader.diagnostics.error(accountNode.location, message)
            account = nil
        }
        var name = reader.require(fields, "name", in: what, example: "name: HTX CHE LAM HA TRUNG").flatMap { reader.string($0, field: "bank.name") }
        if let text = name, let nameNode = fields["name"] {
            let allowed = text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || " .,-&()/".unicodeScalars.contains($0) }
            if !allowed || text.count > 50 {
                let suggestion = Slug.suggest(for: text).replacingOccurrences(of: "-", with: " ").uppercased()
                let message = ContentMessage.bankName(found: text, suggestion: !suggestion.isEmpty && suggestion.count <= 50 ? suggestion : nil)
                reader.diagnostics.error(nameNode.location, message)
                name = nil
            }
        }
        guard let bin, let account, let name else { return nil }
        return BankAccount(bin: bin, account: account, name: name)
    }

    mutating func loadPage(slug: String, folder: URL) -> Page? {
        let shown = loader.display("pages/\(folder.lastPathComponent)/index.md")
        let document = document(folder.appendingPathComponent("index.md", isDirectory: false), shown: shown, required: true, what: "this page")
        defer { flushReader() }
        guard let node = document.node, let fields = reader.fields(node, allowed: ["title", "code"], in: .thisPage) else { return nil }
        var title = reader.require(fields, "title", in: .thisPage, example: "title: Hướng dẫn thủ tục").flatMap { reader.text($0, field: "title") }
        if let node = fields["title"] { noteLocation(of: node, as: "name") }
        let code = fields["code"].flatMap { readCode($0) }
        let body = translations(folder: folder, slug: slug, section: "pages", what: "this page", defaultBody: document.body,
                                textFields: ["title"]) { _, language, text in
            if let value = text?.values[language] { title?.values[language] = value }
        }
        guard let title else { return nil }
        return Page(slug: slug, source: SourceLocation(path: shown), title: title, code: code, body: body)
    }
}

extension Loading {
    /// Text that goes into the Meta catalog CSV and starts like a spreadsheet formula: a warning at
    /// its line saying how the CSV writes it (see `SpreadsheetFormula`). A value per language is
    /// checked at each language's line. `field` is the name as the file writes it (`name.vi`).
    mutating func warnIfFormula(_ node: YAMLNode?, field: String) {
        guard let node else { return }
        switch node.kind {
        case .scalar(let text, _):
            let trimmed = text.trimmed
            if SpreadsheetFormula.startsLikeFormula(trimmed) {
                reader.diagnostics.warning(node.location, SpreadsheetFormula.warning(field: "'\(field)'", text: trimmed))
            }
        case .mapping(let entries):
            for entry in entries { warnIfFormula(entry.value, field: "\(field).\(entry.key)") }
        case .sequence:
            return
        }
    }

    /// A description (the body's text, as marketplaces get it) that starts like a formula: a
    /// warning at the body's first line of text in that language's file.
    mutating func warnIfFormula(body: Body, folder: URL, slug: String) {
        for language in reader.languages {
            guard let html = body[language], let start = Markdown.firstVisibleScalar(html), "=+-@&".unicodeScalars.contains(start),
                  let first = Markdown.firstVisibleText(html), SpreadsheetFormula.startsLikeFormula(first) else { continue }
            let name = language == reader.defaultLanguage ? "index.md" : "index.\(language).md"
            let shown = loader.display("products/\(folder.lastPathComponent)/\(name)")
            // Rare: read the file again for the line rather than carry every body's line through loading.
            var line = 1
            if case .success(let text) = SourceText.read(folder.appendingPathComponent(name, isDirectory: false), path: shown) {
                let source = SourceText.split(text, path: shown)
                let lines = source.body.lines
                line = source.bodyFirstLine + (lines.firstIndex { !$0.trimmed.isEmpty } ?? 0)
            }
            reader.diagnostics.warning(SourceLocation(path: shown, line: line), SpreadsheetFormula.warning(field: nil, text: first))
        }
    }
}

/// GS1 check digits.
public enum GTIN {
    public static func checkDigit(_ digits: String) -> Int {
        let values = digits.compactMap { $0.wholeNumberValue }
        var sum = 0
        for (index, value) in values.reversed().enumerated() { sum += value * (index % 2 == 0 ? 3 : 1) }
        return (10 - sum % 10) % 10
    }

    public static func isValid(_ gtin: String) -> Bool {
        guard let last = gtin.last?.wholeNumberValue else { return false }
        return checkDigit(String(gtin.dropLast())) == last
    }

    /// The number as GTIN-14, zeros first: the same barcode however many digits it was written with.
    public static func fourteenDigits(_ gtin: String) -> String {
        String(repeating: "0", count: max(0, 14 - gtin.count)) + gtin
    }
}
