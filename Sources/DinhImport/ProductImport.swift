import DinhContent
import DinhCore
import DinhQR
import Foundation

/// `dinh import products FILE.csv|FILE.xlsx [CONTENT_DIR]`: a cooperative's product list becomes
/// product folders (and missing producers) in the content format.
///
/// Everything is checked before anything is written; a list with any error writes nothing, and
/// the files are staged in the content folder and moved into place at the end, so a failure
/// half-way leaves the folder as it was. Existing products are never changed unless `update`.
package struct ProductImport: Sendable {
    package var file: URL
    /// How the spreadsheet is named in messages (`san-pham.xlsx`).
    package var displayPath: String
    package var contentRoot: URL
    /// Replace the `index.md` of products that already exist (their translations and other files stay).
    package var update: Bool
    /// The worksheet of a workbook to read, by its name; nil for the first.
    package var sheet: String?

    package init(file: URL, displayPath: String? = nil, contentRoot: URL, update: Bool = false, sheet: String? = nil) {
        self.file = file
        self.displayPath = displayPath ?? file.path
        self.contentRoot = contentRoot.standardizedFileURL
        self.update = update
        self.sheet = sheet
    }

    package struct Report: Sendable {
        /// Content-relative paths written: `products/<slug>/index.md`, images, `producers/<slug>.yaml`.
        package var created: [String] = []
        /// Products replaced (with `update`), as `products/<slug>`.
        package var updated: [String] = []
        /// Products that exist already and were left as they are.
        package var unchanged: [String] = []
        /// Products whose pages say what the sheet says already (with `update`).
        package var upToDate: [String] = []
        /// The codes of the products made new (their QR boards are to print).
        package var newCodes: [String] = []
        /// Cells whose text was converted to Unicode, by the legacy encoding it was typed in.
        package var conversions: [LegacyEncoding: Int] = [:]
        package var diagnostics = Diagnostics()

        package var succeeded: Bool { !diagnostics.hasErrors }

        /// One line for the end of `dinh import`.
        package var summary: String { summaryText.text(in: .en) }

        /// The same line in either language.
        package var summaryText: Message {
            guard succeeded else { return Message(ImportMessage.nothingImported) }
            let products = created.filter { $0.hasPrefix("products/") && $0.hasSuffix("/index.md") && !updated.contains(String($0.dropLast("/index.md".count))) }.count
            let producers = created.filter { $0.hasPrefix("producers/") }.count
            return Message(ImportMessage.imported(products: products, producers: producers, updated: updated.count, unchanged: unchanged.count,
                                                  upToDate: upToDate.count, converted: conversions))
        }

        /// The line that gives the new products' codes, for their boards; nil when there are none.
        package var newCodesText: Message? {
            guard succeeded, !newCodes.isEmpty else { return nil }
            // A long list is given by its ends: the codes are made in a row (SP001…SP120).
            let shown = newCodes.count <= 8 ? newCodes.joined(separator: ", ") : "\(newCodes[0]) … \(newCodes[newCodes.count - 1])"
            return Message(ImportMessage.newCodes(codes: shown, count: newCodes.count))
        }
    }

    package func run() -> Report {
        var report = Report()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentRoot.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            report.diagnostics.error(SourceLocation(path: contentRoot.path), .noContentFolder)
            return report
        }
        let table: Table
        do throws(DinhError) {
            table = try Table.read(file, displayPath: displayPath, sheet: sheet)
        } catch {
            report.diagnostics.error(SourceLocation(path: displayPath), error.text)
            return report
        }
        report.conversions = table.conversions
        var planner = ImportPlanner(importer: self, existing: ExistingContent(root: contentRoot))
        guard let plan = planner.plan(table) else {
            report.diagnostics = planner.diagnostics
            return report
        }
        report.diagnostics = planner.diagnostics
        report.unchanged = plan.unchanged
        report.upToDate = plan.upToDate
        guard !plan.files.isEmpty else { return report }
        do throws(DinhError) {
            try StagedWrite(root: contentRoot).commit(plan.files)
            report.created = plan.files.filter { !$0.replaces }.map(\.path)
            report.updated = plan.updated
            report.newCodes = plan.newCodes
        } catch {
            report.diagnostics.error(SourceLocation(path: contentRoot.path), .nothingImportedBecause(reason: error.text))
        }
        return report
    }
}

/// One file to write, relative to the content folder.
struct PlannedFile: Sendable {
    enum Source: Sendable {
        case text(String)
        case copy(URL)
    }
    var path: String
    var source: Source
    /// An existing file replaced under `update`.
    var replaces: Bool
}

/// What the content folder already holds, read with Dinh's own readers one file at a time, so a
/// folder with errors of its own still gives every code and producer it can (a file that cannot be
/// read is passed over: the import's own check reports the folder's problems after writing).
struct ExistingContent {
    var productCodes: [String: String] = [:]
    /// `<slug>` → the producer its page names.
    var productProducers: [String: String] = [:]
    /// Barcode (`GTIN.fourteenDigits`) → the slug of the product whose page has it.
    var productBarcodes: [String: String] = [:]
    var usedCodes: Set<String> = []
    /// Code → the page that has it (`heritage/dinh-ha-mo`), or the lock, for a code once published.
    var codePages: [String: String] = [:]
    /// A product's code → its slug.
    var productsByCode: [String: String] = [:]
    /// `<slug>` → the product's name (in the default language).
    var productNames: [String: String] = [:]
    /// `products/<slug>` → the code the lock published for it.
    var lockedTargets: [String: String] = [:]
    /// Name key (see `Column.key`) or slug → producer slug.
    var producers: [String: String] = [:]
    /// Producer slug → its file, `producers/<slug>.yaml` (or `.yml`).
    var producerFiles: [String: String] = [:]
    /// Every name of every producer (one per language), with its slug.
    var producerNames: [(name: String, slug: String)] = []
    /// Producer slug → the `phone:` its file gives.
    var producerPhones: [String: String] = [:]
    var languages: [String] = ["vi"]

    init(root: URL) {
        let fm = FileManager.default
        for (section, path) in [("heritage", SitePaths.heritage), ("products", SitePaths.product), ("pages", SitePaths.page)] {
            for slug in (try? fm.contentsOfDirectory(atPath: root.appendingPathComponent(section).path)) ?? [] where !slug.hasPrefix(".") {
                let index = root.appendingPathComponent(path(slug) + "index.md")
                guard fm.fileExists(atPath: index.path) else {
                    if section == "products" { productCodes[slug] = "" }  // a folder taken, with no page yet
                    continue
                }
                let fields = Self.fields(ofFrontMatterIn: index)
                let code = fields?["code"]?.scalar ?? ""
                if section == "products" {
                    productCodes[slug] = code
                    productProducers[slug] = fields?["producer"]?.scalar
                    if let gtin = fields?["gtin"]?.scalar { productBarcodes[GTIN.fourteenDigits(gtin)] = slug }
                    if !code.isEmpty { productsByCode[code] = slug }
                    switch fields?["name"]?.kind {
                    case .scalar(let text, _)?: productNames[slug] = text
                    case .mapping(let entries)?: productNames[slug] = entries.first?.value.scalar
                    default: break
                    }
                }
                if !code.isEmpty {
                    usedCodes.insert(code)
                    codePages[code] = SitePaths.target(path(slug))
                }
            }
        }
        // Codes once printed stay reserved even when their page is gone.
        let (lock, _) = CodesLock.read(contentsOf: root.appendingPathComponent(CodesLock.fileName), displayPath: CodesLock.fileName)
        for (code, state) in lock.states {
            usedCodes.insert(code)
            if codePages[code] == nil { codePages[code] = CodesLock.fileName }
            if case .live(let target) = state { lockedTargets[target] = code }
        }
        let producerFolder = root.appendingPathComponent("producers")
        for name in (try? fm.contentsOfDirectory(atPath: producerFolder.path)) ?? [] where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let slug = String(name.prefix(upTo: name.lastIndex(of: ".") ?? name.endIndex))
            producers[slug] = slug
            producerFiles[slug] = "producers/" + name
            let fields = Self.fields(ofYAML: producerFolder.appendingPathComponent(name))
            if let phone = fields?["phone"]?.scalar, !phone.isEmpty { producerPhones[slug] = phone }
            // `name: X`, or one name per language.
            switch fields?["name"]?.kind {
            case .scalar(let text, _)?:
                producers[Column.key(text)] = slug
                producerNames.append((text, slug))
            case .mapping(let entries)?:
                for entry in entries {
                    if let text = entry.value.scalar {
                        producers[Column.key(text)] = slug
                        producerNames.append((text, slug))
                    }
                }
            default: break
            }
        }
        if case .sequence(let items)? = Self.fields(ofYAML: root.appendingPathComponent("site.yaml"))?["languages"]?.kind {
            let codes = items.compactMap(\.scalar).filter { !$0.isEmpty }
            if !codes.isEmpty { languages = codes }
        }
    }

    /// The producer a new name most likely means, by another way of writing its name: words
    /// shortened to their initials (`HTX NN Đan Phượng` for `Hợp tác xã Nông nghiệp Đan Phượng`) or
    /// a slip of the keyboard (one: `Hộ Bà Tư` and `Hộ Bà Tâm` are two). Its name and slug.
    func producer(like name: String) -> (name: String, slug: String)? {
        Self.producer(like: name, among: producerNames)
    }

    /// The first of `names` that `name` writes another way (initials, one letter), or nil.
    static func producer(like name: String, among names: [(name: String, slug: String)]) -> (name: String, slug: String)? {
        let words = Self.words(name)
        return names.first { existing in
            let others = Self.words(existing.name)
            return Self.abbreviates(words, others) || Self.abbreviates(others, words)
                || DidYouMean.editDistance(words.joined(), others.joined()) <= 1
        }
    }

    /// The product of `producer` that a new name most likely renames: one whose name the new one
    /// extends or shortens word for word (`Trứng vịt muối` → `Trứng vịt muối Tân Hội`), or spells
    /// with a slip, among `candidates` (the slugs of products the sheet does not name).
    func product(renamedAs name: String, producer: String, among candidates: Set<String>) -> (name: String, slug: String)? {
        let words = Self.words(name)
        return candidates.sorted().compactMap { slug in productNames[slug].map { ($0, slug) } }.first { existing in
            guard productProducers[existing.1] == producer else { return false }
            let others = Self.words(existing.0)
            let shorter = min(words.count, others.count)
            return (shorter >= 2 && words.prefix(shorter) == others.prefix(shorter))
                || DidYouMean.editDistance(words.joined(), others.joined()) <= 2
        }
    }

    private static func words(_ name: String) -> [String] {
        name.split { !$0.isLetter && !$0.isNumber }.map { Column.key(String($0)) }.filter { !$0.isEmpty }
    }

    /// Whether `short` is `long` with words written as the initials of several (`nn` for `nong nghiep`).
    private static func abbreviates(_ short: [String], _ long: [String]) -> Bool {
        guard let word = short.first else { return long.isEmpty }
        if long.first == word, abbreviates(Array(short.dropFirst()), Array(long.dropFirst())) { return true }
        guard word.count >= 2, long.count >= word.count, String(long.prefix(word.count).compactMap(\.first)) == word else { return false }
        return abbreviates(Array(short.dropFirst()), Array(long.dropFirst(word.count)))
    }

    /// The top-level fields of a YAML file, or nil when it cannot be read.
    static func fields(ofYAML url: URL) -> [String: YAMLNode]? {
        guard case .success(let text) = SourceText.read(url, path: url.lastPathComponent),
              case .success(let node?) = YAMLReader.parse(text, path: url.lastPathComponent) else { return nil }
        return fields(node)
    }

    /// The fields between the `---` lines at the top of a Markdown file.
    static func fields(ofFrontMatterIn url: URL) -> [String: YAMLNode]? {
        guard case .success(let text) = SourceText.read(url, path: url.lastPathComponent),
              let yaml = SourceText.split(text, path: url.lastPathComponent).frontMatter,
              case .success(let node?) = YAMLReader.parse(yaml, path: url.lastPathComponent) else { return nil }
        return fields(node)
    }

    private static func fields(_ node: YAMLNode) -> [String: YAMLNode]? {
        guard case .mapping(let entries) = node.kind else { return nil }
        return Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

/// Moves staged files into the content folder; on any failure puts everything back.
struct StagedWrite {
    let root: URL

    func commit(_ files: [PlannedFile]) throws(DinhError) {
        let fm = FileManager.default
        // Staged inside the content folder so that the final moves are renames on one file system.
        let stage = root.appendingPathComponent(".dinh-import-\(UUID().uuidString)")
        let backup = stage.appendingPathComponent("previous")
        defer { try? fm.removeItem(at: stage) }
        var moved: [(destination: URL, backup: URL?)] = []
        var createdFolders: [URL] = []
        do {
            for (index, file) in files.enumerated() {
                let staged = stage.appendingPathComponent("new/\(index)")
                try fm.createDirectory(at: staged.deletingLastPathComponent(), withIntermediateDirectories: true)
                switch file.source {
                case .text(let text): try Data(text.utf8).write(to: staged)
                case .copy(let url): try fm.copyItem(at: url, to: staged)
                }
            }
            for (index, file) in files.enumerated() {
                let destination = root.appendingPathComponent(file.path)
                let folder = destination.deletingLastPathComponent()
                var missing: [URL] = []
                var probe = folder
                while !fm.fileExists(atPath: probe.path) && probe.path.count > root.path.count {
                    missing.append(probe)
                    probe.deleteLastPathComponent()
                }
                try fm.createDirectory(at: folder, withIntermediateDirectories: true)
                createdFolders.append(contentsOf: missing.reversed())
                var saved: URL?
                if fm.fileExists(atPath: destination.path) {
                    let target = backup.appendingPathComponent("\(index)")
                    try fm.createDirectory(at: backup, withIntermediateDirectories: true)
                    try fm.moveItem(at: destination, to: target)
                    saved = target
                }
                moved.append((destination, saved))
                try fm.moveItem(at: stage.appendingPathComponent("new/\(index)"), to: destination)
            }
        } catch {
            for (destination, saved) in moved.reversed() {
                try? fm.removeItem(at: destination)
                if let saved { try? fm.moveItem(at: saved, to: destination) }
            }
            for folder in createdFolders.reversed() { try? fm.removeItem(at: folder) }
            throw DinhError(ImportMessage.cannotWriteFiles(reason: error.localizedDescription))
        }
    }
}
