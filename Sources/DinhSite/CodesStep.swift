import DinhContent
import DinhCore
import DinhQR
import Foundation

/// Printed codes: the permanence check against `codes.lock`, where each code's landing leads,
/// and the QR images and placards.
struct CodesStep: Sendable {
    let content: Content
    let displayContent: String
    let index: ContentIndex

    init(content: Content, displayContent: String) {
        self.content = content
        self.displayContent = displayContent
        index = ContentIndex(content)
    }

    var lockURL: URL { content.root.appendingPathComponent(CodesLock.fileName) }
    var lockDisplay: String { "\(displayContent)/\(CodesLock.fileName)" }

    /// Every code the content carries, as the site path of its item.
    var published: [PublishedCode] {
        content.heritage.map { PublishedCode(code: $0.code, target: "heritage/\($0.slug)", location: $0.source) }
            + content.products.map { PublishedCode(code: $0.code, target: "products/\($0.slug)", location: $0.source) }
            + content.pages.compactMap { page in page.code.map { PublishedCode(code: $0, target: "pages/\(page.slug)", location: page.source) } }
    }

    /// Checks the codes against the lock: a published code may never stop resolving.
    func check() -> CodesLockUpdate {
        let (lock, readProblems) = CodesLock.read(contentsOf: lockURL, displayPath: lockDisplay)
        let site = content.site
        let changes = site.movedCodes.keys.sorted().compactMap { code in
            site.movedCodes[code].map { CodeChange(code: code, kind: .moved(to: $0), location: site.source) }
        } + site.retiredCodes.keys.sorted().compactMap { code in
            site.retiredCodes[code].map { CodeChange(code: code, kind: .retired(reason: $0), location: site.source) }
        }
        let pages = Set(published.map(\.target))
        var update = lock.update(current: published, changes: changes, lockPath: lockDisplay, pathExists: { pages.contains($0) })
        update.diagnostics = readProblems + update.diagnostics
        return update
    }

    /// Records the published codes in the content's lock. Only after output was written successfully:
    /// the lock is the content's memory of what may be printed on boards.
    func record(_ update: CodesLockUpdate) throws {
        guard update.changed, !update.hasErrors else { return }
        do {
            try Data(update.text.utf8).write(to: lockURL)
        } catch {
            throw DinhError("the output was written, but \(lockDisplay) could not be updated: \(error.localizedDescription)")
        }
    }

    /// The item a site path such as `heritage/quan-phuong-tri` names.
    func page(at target: String) -> (ref: PageRef, name: LocalizedText)? {
        let parts = target.split(separator: "/").map(String.init)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "heritage": return index.heritage[parts[1]].map { (.heritage($0.slug), $0.name) }
        case "products": return index.products[parts[1]].map { (.product($0.slug), $0.name) }
        case "pages": return index.pages[parts[1]].map { (.page($0.slug), $0.title) }
        default: return nil
        }
    }

    /// The QR link of a code, with the symbol that fits best.
    func link(_ code: String) throws -> QRLink {
        let level = QRCode.ErrorCorrection(letter: content.site.qrErrorCorrection) ?? .q
        do {
            return try QRLink(baseURL: content.site.baseURL, code: code, errorCorrection: level)
        } catch {
            throw DinhError("cannot make the QR code of \(code): \(error)", at: content.site.source)
        }
    }

    /// Writes `qr/<CODE>.png`, `qr/<CODE>.svg`, `qr/<CODE>-placard.svg` for every code that still
    /// opens something (on all cores), and the printable sheet `qr/index.html`. Returns the links.
    @discardableResult
    func writeQR(_ landings: [CodeLanding], to output: OutputFolder, folder: String = "qr/", today: CalendarDate,
                 size: PlacardSize = .a5) throws -> [String: QRLink] {
        let publisher = content.site.publisher.name.resolve(content.site.defaultLanguage, default: content.site.defaultLanguage)
        let printed = landings.compactMap { landing -> (code: String, item: (ref: PageRef, name: LocalizedText))? in
            switch landing.resolution {
            case .live(let path), .moved(let path, _): return page(at: path).map { (landing.code, $0) }
            case .retired: return nil
            }
        }
        let results = Slots<Result<(PlacardInfo, QRLink), any Error>>(count: printed.count)
        DispatchQueue.concurrentPerform(iterations: printed.count) { index in
            results[index] = Result { try writeCode(printed[index].code, item: printed[index].item, to: output, folder: folder,
                                                    today: today, size: size, publisher: publisher) }
        }
        var placards: [PlacardInfo] = []
        var links: [String: QRLink] = [:]
        for result in results.values {
            guard let (placard, link) = try result?.get() else { continue }
            placards.append(placard)
            links[placard.code] = link
        }
        try output.write("\(folder)index.html", PlacardSheet.html(placards, size: size, title: content.site.title))
        return links
    }

    private func writeCode(_ code: String, item: (ref: PageRef, name: LocalizedText), to output: OutputFolder, folder: String,
                           today: CalendarDate, size: PlacardSize, publisher: String) throws -> (PlacardInfo, QRLink) {
        let link = try link(code)
        do {
            try output.write("\(folder)\(code).png", try link.symbol.pngData(minimumSize: 1000, quietZone: 4))
        } catch let error as QRError {
            throw DinhError("cannot draw the QR code of \(code): \(error)")
        }
        try output.write("\(folder)\(code).svg", link.symbol.svg(quietZone: 4, pixelsPerModule: 10))
        let kind: PlacardInfo.Kind
        var stars: Int?
        switch item.ref {
        case .heritage: kind = .relic
        case .product(let slug):
            kind = .product
            if let ocop = index.products[slug]?.ocop, ocop.isValid(on: today) { stars = ocop.stars }
        default: kind = .page
        }
        let placard = PlacardInfo(link: link, name: item.name, kind: kind, stars: stars, publisher: publisher)
        try output.write("\(folder)\(code)-placard.svg", Placard.svg(placard, size: size))
        return (placard, link)
    }
}
