import DinhContent
import DinhCore
import DinhQR
import Foundation

/// Printed codes: the permanence check against `codes.lock`, where each code's landing leads,
/// and the QR images and placards.
struct PrintedCodes: Sendable {
    let content: Content
    let displayContent: String
    let index: ContentIndex
    /// `codes.lock` as read, and what was wrong with reading it.
    let recorded: (lock: CodesLock, diagnostics: [Diagnostic])
    /// Whether the site's address is its own (`site.yaml`'s), not another given for this build
    /// (`--base-url`): only the own one is what boards are printed with.
    let ownAddress: Bool

    init(content: Content, displayContent: String, index: ContentIndex, recorded: (lock: CodesLock, diagnostics: [Diagnostic]), ownAddress: Bool = true) {
        self.content = content
        self.displayContent = displayContent
        self.index = index
        self.recorded = recorded
        self.ownAddress = ownAddress
    }

    var lockURL: URL { content.root.appendingPathComponent(CodesLock.fileName) }
    var lockDisplay: String { "\(displayContent)/\(CodesLock.fileName)" }

    /// Every code the content carries, as the site path of its item.
    var published: [PublishedCode] {
        content.heritage.map { PublishedCode(code: $0.code, target: SitePaths.target(SitePaths.heritage($0.slug)), location: content.codeLocation(of: $0.source)) }
            + content.products.map { product in
                PublishedCode(code: product.code, target: SitePaths.target(SitePaths.product(product.slug)), location: content.codeLocation(of: product.source),
                              boardPayment: ProductPayment.boardAccount(product, index: index))
            }
            + content.pages.compactMap { page in page.code.map { PublishedCode(code: $0, target: SitePaths.target(SitePaths.page(page.slug)), location: content.codeLocation(of: page.source)) } }
            + content.meetings.map { PublishedCode(code: $0.code, target: SitePaths.target(SitePaths.meeting($0.slug)), location: content.codeLocation(of: $0.source)) }
    }

    /// Checks the codes against the lock: a published code may never stop resolving.
    func check() -> CodesLockUpdate {
        let (lock, readProblems) = recorded
        let site = content.site
        // Where site.yaml writes a field, for the messages about it.
        func location(_ field: String) -> SourceLocation { content.fieldLocations[FieldPlace(site.source.path, field)] ?? site.source }
        let changes = site.movedCodes.keys.sorted().compactMap { code in
            site.movedCodes[code].map { CodeChange(code: code, kind: .moved(to: $0), location: location("moved_codes.\(code)")) }
        } + site.retiredCodes.keys.sorted().compactMap { code in
            site.retiredCodes[code].map { CodeChange(code: code, kind: .retired(reason: $0), location: location("retired_codes.\(code)")) }
        }
        let current = published, pages = Set(current.map(\.target))
        var update = lock.update(current: current, changes: changes, lockPath: lockDisplay, pathExists: { pages.contains($0) },
                                 address: ownAddress ? (site.baseURL, location("base_url")) : nil)
        update.diagnostics = readProblems + update.diagnostics
        return update
    }

    /// Records the published codes in the content's lock. Only after output was written successfully:
    /// the lock is the content's memory of what may be printed on boards.
    /// Not while `base_url` is still the example (`dinh init`'s): nothing can be printed from it
    /// (`dinh qr` refuses), and locking the example relic's code blocked replacing it.
    func record(_ update: CodesLockUpdate) throws {
        guard update.changed, !update.hasErrors, !Site.isExampleAddress(content.site.baseURL) else { return }
        do {
            try Data(update.text.utf8).write(to: lockURL)
        } catch {
            throw DinhError(SiteMessage.lockNotUpdated(lock: lockDisplay, reason: error.localizedDescription))
        }
    }

    /// The item a site path such as `heritage/quan-phuong-tri` names.
    func page(at target: String) -> (ref: PageRef, name: LocalizedText, source: SourceLocation)? {
        let parts = target.split(separator: "/").map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "heritage": return index.heritage[parts[1]].map { (.heritage($0.slug), $0.name, $0.source) }
        case "products": return index.products[parts[1]].map { (.product($0.slug), $0.name, $0.source) }
        case "pages": return index.pages[parts[1]].map { (.page($0.slug), $0.title, $0.source) }
        case "meetings": return index.meetings[parts[1]].map { (.meeting($0.slug), $0.title, $0.source) }
        default: return nil
        }
    }

    /// A warning at the name of each item whose name its board of `size` prints cut ("…"), said
    /// before anyone prints it. A meeting's board is A4 whatever the others' size.
    func cutNames(size: PlacardSize) -> [Diagnostic] {
        published.flatMap { item -> [Diagnostic] in
            guard let page = page(at: item.target) else { return [] }
            let board: PlacardSize = if case .meeting = page.ref { .a4 } else { size }
            return Placard.cutNames(page.name, size: board).map {
                .warning(content.nameLocation(of: page.source, language: $0.language),
                         Message(SiteMessage.placardNameCut(code: item.code, language: $0.language, printed: $0.printed, size: board.rawValue, room: $0.room)))
            }
        }
    }

    /// The QR link of a code, with the symbol that fits best.
    func link(_ code: String) throws -> QRLink {
        let level = QRCode.ErrorCorrection(letter: content.site.qrErrorCorrection) ?? .q
        do {
            return try QRLink(baseURL: content.site.baseURL, code: code, errorCorrection: level)
        } catch {
            throw DinhError(SiteMessage.cannotMakeQR(code: code, reason: .reason(error)), at: content.site.source)
        }
    }

    /// Whether `code`'s symbol carries its link in upper case (then `Q/<CODE>/` is written too),
    /// known without drawing it.
    func isUppercase(_ code: String) -> Bool { QRLink.isUppercase(baseURL: content.site.baseURL, code: code) }

    /// Draws every code that still opens something, on all cores, and publishes it as it goes:
    /// `qr/<CODE>.png`, `qr/<CODE>.svg` (and a product's payment code `qr/<CODE>-pay.png`, `.svg`),
    /// with `placards` (`dinh qr`, the print shop's files) each code's board as
    /// `qr/<CODE>-placard.svg` too — a site build leaves the boards to the sheet, which holds the
    /// same — then the printable sheet `qr/index.html`. Drawings are kept in `.dinh-cache/qr/`
    /// (`DrawingCache`), by what they are drawn from, so a rebuild draws nothing.
    /// `printing`: codes whose boards alone make a second sheet, `qr/print.html` (`dinh qr content DP04`).
    func publish(_ landings: [CodeLanding], to output: OutputFolder, folder: String = SitePaths.qr, today: CalendarDate,
                 size: PlacardSize = .a5, placards: Bool = false, printing: Set<String> = []) throws -> [DrawnCode] {
        let publisher = content.site.publisher.name.resolve(content.site.defaultLanguage, default: content.site.defaultLanguage)
        let printed = landings.compactMap { landing -> (code: String, item: (ref: PageRef, name: LocalizedText))? in
            switch landing.resolution {
            case .live(let path), .moved(let path, _): return page(at: path).map { (landing.code, ($0.ref, $0.name)) }
            case .retired: return nil
            }
        }
        let cache = DrawingCache(folder: SitePaths.Cache.qr.folder(in: content.root).path, size: size.rawValue)
        if !printed.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: cache.folder, withIntermediateDirectories: true)
            } catch {
                throw DinhError(SiteMessage.cannotKeepQR(code: printed[0].code, folder: cache.folder, reason: .reason(error)))
            }
        }
        let results = Slots<Result<(code: DrawnCode, section: String), any Error>>(count: printed.count)
        DispatchQueue.concurrentPerform(iterations: printed.count) { index in
            results[index] = Result {
                let (code, files) = try drawing(printed[index].code, item: printed[index].item, today: today, size: size, publisher: publisher, cache: cache)
                try output.write("\(folder)\(code.code).png", files.png)
                try output.write("\(folder)\(code.code).svg", files.svg)
                if placards { try output.write("\(folder)\(code.code)-placard.svg", files.placard.svg) }
                if let pay = files.pay {
                    try output.write("\(folder)\(code.code)-pay.png", pay.png)
                    try output.write("\(folder)\(code.code)-pay.svg", pay.svg)
                }
                return (code, files.placard.sheetSection)
            }
        }
        let drawn = try results.values.compactMap { try $0?.get() }
        try cache.finish()
        var sheet: [String] = []
        let hidden = hiddenCodes, meetings = meetingCodes
        // An old code moved to another item has its boards up already; the item's own code is the
        // one to print (printing "all" printed both boards of one relic).
        let moved = Set(landings.filter { if case .moved = $0.resolution { true } else { false } }.map(\.code))
        for (code, section) in drawn {
            if meetings.contains(code.code) {
                // A meeting's A4 sheet for the table, printed on its own.
                try output.write("\(folder)\(code.code)-placard.html", PlacardSheet.html(sections: [section], size: .a4, title: content.site.title))
            }
            // The sheet of every placard is a public list: an unlisted meeting stays off it.
            if !hidden.contains(code.code), !moved.contains(code.code) { sheet.append(section) }
        }
        try output.write("\(folder)index.html", PlacardSheet.html(sections: sheet, size: size, title: content.site.title))
        if !printing.isEmpty {
            let chosen = drawn.filter { printing.contains($0.code.code) }.map(\.section)
            try output.write("\(folder)\(Self.printSheet)", PlacardSheet.html(sections: chosen, size: size, title: content.site.title))
        }
        return drawn.map(\.code)
    }

    /// The sheet of the boards asked for by name, beside the sheet of all.
    static let printSheet = "print.html"

    /// Codes that open a meeting (its own, or an old code moved to it).
    var meetingCodes: Set<String> {
        let own = Set(content.meetings.map(\.code))
        return own.union(content.site.movedCodes.filter { own.contains($0.value) }.keys)
    }

    /// Codes that open an unlisted meeting: not on the sheet of all placards.
    var hiddenCodes: Set<String> {
        let own = Set(content.meetings.filter { !$0.listed }.map(\.code))
        return own.union(content.site.movedCodes.filter { own.contains($0.value) }.keys)
    }

    /// One code's drawing: from the cache, or drawn now and kept there.
    private func drawing(_ code: String, item: (ref: PageRef, name: LocalizedText), today: CalendarDate, size: PlacardSize,
                         publisher: String, cache: DrawingCache) throws -> (DrawnCode, DrawnCode.Files) {
        let kind: PlacardInfo.Kind
        var stars: Int?, starYears: ClosedRange<Int>?
        var payment: ProductPayment?
        var details: [String] = []
        var size = size
        switch item.ref {
        case .heritage(let slug):
            let relic = index.heritage[slug]
            var guide: PlacardInfo.RelicGuide = []
            if relic?.scenes.isEmpty == false { guide.insert(.tour) }
            if relic?.hasNarration == true { guide.insert(.audioGuide) }
            kind = .relic(guide)
        case .product(let slug):
            kind = .product
            if let ocop = index.products[slug]?.ocop, ocop.isValid(on: today) {
                stars = ocop.stars
                starYears = (ocop.date?.year ?? ocop.year)...max(ocop.date?.year ?? ocop.year, ocop.expires.year)
            }
            // Only under the product's own code: a moved code's board keeps its single code.
            if let product = index.products[slug], product.code == code { payment = ProductPayment(product, index: index) }
        case .meeting(let slug):
            kind = .meeting
            // A sheet for the meeting table: A4 whatever the other placards' size.
            size = .a4
            if let meeting = index.meetings[slug] {
                let language = content.site.defaultLanguage
                details.append(Format.meetingDate(meeting.date, time: meeting.time, language: language))
                if let place = meeting.place { details.append(place.resolve(language, default: language)) }
            }
        default: kind = .page
        }
        let site = content.site
        let names = item.name.values.keys.sorted().map { "\($0)=\(item.name.values[$0] ?? "")" }
        let key = ContentHash.key(([DrawnCode.drawing, site.baseURL, code, site.qrErrorCorrection, size.rawValue, kind.cacheKey,
                                    stars.map(String.init) ?? "-", starYears.map { "\($0)" } ?? "-", publisher, payment?.payload ?? "-",
                                    payment?.boardPayload ?? "-", payment?.boardDetail ?? "-"] + names + details).joined(separator: "\n"))
        if let bytes = cache.drawing(key), let cached = DrawnCode.cached(code, from: bytes) { return cached }

        let link = try link(code)
        // The page's payment code (with the amount) and the placard's (without).
        var pay: (symbol: QRCode, png: Data, board: QRCode)?
        if let payment {
            do {
                let symbol = try payment.symbol()
                pay = (symbol, try symbol.pngData(minimumSize: 1000, quietZone: 4), try payment.symbol(onBoard: true))
            } catch {
                throw DinhError(SiteMessage.cannotDrawPayQR(code: code, reason: .reason(error)))
            }
        }
        var placard = PlacardInfo(link: link, name: item.name, kind: kind, stars: stars, publisher: publisher,
                                  pay: pay.map { PlacardInfo.PayCode(symbol: $0.board, detail: payment?.boardDetail ?? "") },
                                  details: details)
        placard.starYears = starYears
        let png: Data
        do {
            png = try link.symbol.pngData(minimumSize: 1000, quietZone: 4)
        } catch {
            throw DinhError(SiteMessage.cannotDrawQR(code: code, reason: .reason(error)))
        }
        // `dinh qr` reports the payment code too: its size decides how small it may be printed.
        let summary = SiteMessage.codeSummary(code: code, version: link.version, modules: link.moduleCount, level: link.symbol.errorCorrection.rawValue,
                                              alphanumeric: link.isUppercase, payload: link.payload, meeting: kind == .meeting,
                                              payVersion: pay?.board.version, payModules: pay?.board.size, payLevel: pay?.board.errorCorrection.rawValue)
        let drawn = DrawnCode(code: code, summary: summary)
        let files = DrawnCode.Files(png: png, svg: Data(link.symbol.svg(quietZone: 4, pixelsPerModule: 10).utf8),
                                    placard: PlacardDrawing(placard, size: size),
                                    pay: pay.map { ($0.png, Data($0.symbol.svg(quietZone: 4, pixelsPerModule: 10).utf8)) })
        try cache.keep(key, DrawnCode.bundle(drawn, files), code: code)
        return (drawn, files)
    }
}

extension PlacardInfo.Kind {
    /// The kind, as part of a drawing's cache key.
    var cacheKey: String {
        switch self {
        case .relic(let guide): "relic \(guide.rawValue)"
        case .product: "product"
        case .page: "page"
        case .meeting: "meeting"
        }
    }
}

/// A code drawn for print: what `dinh qr` reports of it. Its files are kept in the cache as one
/// drawing (`DrawingCache`): a header (the checksum of the rest, the placard's size, the report,
/// the parts' sizes), then the QR PNG, the QR SVG, the placard's label and drawing, and a
/// product's payment code as PNG and SVG (both empty when it has none).
struct DrawnCode: Sendable {
    /// Part of every cache key: change it when the drawing of codes or placards changes.
    static let drawing = "qr-drawing-10"

    let code: String
    /// What `dinh qr` reports, in either language.
    let summary: SiteMessage

    struct Files {
        var png: Data
        var svg: Data
        /// The board: `dinh qr`'s `qr/<CODE>-placard.svg` and the code's section of the sheet.
        var placard: PlacardDrawing
        /// `qr/<CODE>-pay.png` and `.svg`, for a product with a payment code.
        var pay: (png: Data, svg: Data)?
    }

    /// The cache file of a drawing.
    static func bundle(_ drawn: DrawnCode, _ files: Files) -> [UInt8] {
        let parts = [files.png, files.svg, Data(files.placard.label.utf8), Data(files.placard.body.utf8), files.pay?.png ?? Data(), files.pay?.svg ?? Data()]
        var rest = Array("\(files.placard.size.rawValue)\n\(Self.line(drawn.summary))\n\(parts.map { String($0.count) }.joined(separator: " "))\n".utf8)
        rest.reserveCapacity(rest.count + parts.reduce(0) { $0 + $1.count })
        for part in parts { rest.append(contentsOf: part) }
        return Array((checksumLine(rest[...]) + "\n").utf8) + rest
    }

    /// The first line of a drawing in the cache: the checksum of the rest. A drawing damaged in
    /// its pack fails it and is drawn again.
    static func checksumLine(_ rest: ArraySlice<UInt8>) -> String { "dinh-qr \(String(ContentHash.xxh64(rest), radix: 16))" }

    /// A drawing from the cache, or nil when it is damaged.
    static func cached(_ code: String, from bytes: [UInt8]) -> (DrawnCode, Files)? {
        guard let first = bytes.firstIndex(of: 0x0A),
              String(decoding: bytes[..<first], as: UTF8.self) == checksumLine(bytes[(first + 1)...]) else { return nil }
        var lines: [String] = []
        var start = first + 1
        while lines.count < 3, let newline = bytes[start...].firstIndex(of: 0x0A) {
            lines.append(String(decoding: bytes[start..<newline], as: UTF8.self))
            start = newline + 1
        }
        guard lines.count == 3, let size = PlacardSize(rawValue: lines[0]), let summary = Self.summary(lines[1]) else { return nil }
        let sizes = lines[2].split(separator: " ").compactMap { Int($0) }
        guard sizes.count == 6, sizes.allSatisfy({ $0 >= 0 }), sizes.reduce(0, +) == bytes.endIndex - start else { return nil }
        var parts: [ArraySlice<UInt8>] = []
        for size in sizes {
            parts.append(bytes[start..<start + size])
            start += size
        }
        let placard = PlacardDrawing(code: code, label: String(decoding: parts[2], as: UTF8.self), size: size,
                                     body: String(decoding: parts[3], as: UTF8.self))
        let files = Files(png: Data(parts[0]), svg: Data(parts[1]), placard: placard,
                          pay: parts[4].isEmpty ? nil : (Data(parts[4]), Data(parts[5])))
        return (DrawnCode(code: code, summary: summary), files)
    }

    /// The report's values on one line of the header, tab-separated (the report is said in the
    /// language of each run, so the cache keeps values, not words).
    static func line(_ summary: SiteMessage) -> String {
        guard case let .codeSummary(code, version, modules, level, alphanumeric, payload, meeting, payVersion, payModules, payLevel) = summary else { return "" }
        return [code, "\(version)", "\(modules)", level, alphanumeric ? "1" : "0", payload, meeting ? "1" : "0",
                payVersion.map(String.init) ?? "", payModules.map(String.init) ?? "", payLevel ?? ""].joined(separator: "\t")
    }

    static func summary(_ line: String) -> SiteMessage? {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 10, let version = Int(fields[1]), let modules = Int(fields[2]) else { return nil }
        return .codeSummary(code: fields[0], version: version, modules: modules, level: fields[3], alphanumeric: fields[4] == "1", payload: fields[5],
                            meeting: fields[6] == "1", payVersion: Int(fields[7]), payModules: Int(fields[8]), payLevel: fields[9].isEmpty ? nil : fields[9])
    }
}
