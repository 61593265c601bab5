import DinhContent
import DinhCore
import DinhFeeds
import Foundation

/// Reads every row into product files, reporting each bad cell at `FILE:ROW:COLUMN`.
struct ImportPlanner {
    let importer: ProductImport
    var existing: ExistingContent
    var diagnostics = Diagnostics()

    struct Plan {
        var files: [PlannedFile] = []
        var updated: [String] = []
        var unchanged: [String] = []
        /// Products the sheet gives as their pages already say (with `update`): nothing written.
        var upToDate: [String] = []
        /// The codes of the products made new, in the sheet's order: their boards are to print.
        var newCodes: [String] = []
    }

    init(importer: ProductImport, existing: ExistingContent) {
        self.importer = importer
        self.existing = existing
    }

    private func at(_ row: Int, _ column: Int) -> SourceLocation { SourceLocation(path: importer.displayPath, line: row, column: column) }

    /// The plan, or nil when any cell is wrong (then nothing may be written).
    mutating func plan(_ table: Table) -> Plan? {
        for other in table.otherSheets {
            diagnostics.warning(SourceLocation(path: importer.displayPath), .sheetNotRead(sheet: other.name, rows: other.rows, read: table.sheet ?? ""))
        }
        // Lists from offices often open with a title row ("DANH SÁCH SẢN PHẨM OCOP…"): the heading
        // row is the first of the first ten that names at least two known columns.
        let candidates = table.rows.filter { !$0.isEmpty }.prefix(10)
        let named = candidates.first { row in row.cells.values.filter { Column.recognise($0) != nil }.count >= 2 }
        guard let headerRow = named ?? candidates.first else {
            diagnostics.error(at(1, 1), .emptySheet)
            return nil
        }
        // Column number → (meaning, header as written).
        var columns: [Column: (number: Int, header: String)] = [:]
        var unknown: [(number: Int, header: String)] = []
        var numbering: Set<Int> = []  // STT, notes
        for (number, raw) in headerRow.cells.sorted(by: { $0.key < $1.key }) {
            let header = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !header.isEmpty else { continue }
            if Column.isIgnorable(header) {
                numbering.insert(number)
                continue
            }
            guard let column = Column.recognise(header) else {
                unknown.append((number, header))
                continue
            }
            if let first = columns[column] {
                diagnostics.error(at(headerRow.number, number), .duplicateColumn(first: first.header, firstColumn: Table.columnLetters(first.number),
                                                                                 header: header, column: Table.columnLetters(number), example: column.example))
                continue
            }
            columns[column] = (number, header)
        }
        // A missing column is most often there under a heading Dinh does not know: that one is named.
        func missingColumn(_ meaning: [Column], _ message: ImportMessage) {
            if let meant = Column.meant(for: meaning, among: unknown) {
                unknown.removeAll { $0.number == meant.number }
                diagnostics.error(at(headerRow.number, meant.number),
                                  .columnMeant(header: meant.header, column: Table.columnLetters(meant.number), example: meaning[0].example))
            } else {
                diagnostics.error(at(headerRow.number, 1), message)
            }
        }
        for column in Column.required where columns[column] == nil { missingColumn([column], .noColumn(example: column.example)) }
        if columns[.year] == nil && columns[.date] == nil { missingColumn([.year, .date], .noYearColumn) }
        // Told after the missing ones: a heading named as the missing column's is not also "not imported".
        for (number, header) in unknown { diagnostics.warning(at(headerRow.number, number), .unknownColumn(header: header)) }
        let photoColumn = columns[.images].map { "'\($0.header)' (\(Table.columnLetters($0.number)))" }
        for (row, column) in table.pictures where row > headerRow.number {
            diagnostics.warning(at(row, column), .pictureInSheet(cell: Table.columnLetters(column) + String(row), photoColumn: photoColumn))
        }
        if diagnostics.hasErrors { return nil }

        var drafts: [Draft] = []
        var slugs: [String: Int] = [:]
        var codes: [String: Int] = [:]
        var barcodes: [String: Int] = [:]
        var toldPhone: Set<String> = [], toldLike: Set<String> = []
        // New producers named so far, with the row that first named each.
        var newProducers: [(name: String, slug: String)] = [], newProducerRows: [String: Int] = [:]
        for row in table.rows where row.number > headerRow.number && !row.isEmpty {
            // Hidden rows are out of sight, and so most often out of date or not for sale: not published.
            if row.hidden {
                diagnostics.warning(at(row.number, 1), .hiddenRow(row: row.number))
                continue
            }
            switch Self.notAProduct(row, name: columns[.name]?.number, numbering: numbering) {
            case .groupOrTotal(let name)?:
                diagnostics.warning(at(row.number, 1), .groupRowSkipped(row: row.number, name: name))
                continue
            case .numberOnly?: continue
            case nil: break
            }
            guard let draft = read(row, columns: columns) else { continue }
            if let earlier = slugs[draft.slug] {
                diagnostics.error(at(row.number, columns[.name]?.number ?? 1), .sameAddress(name: draft.name, slug: draft.slug, row: earlier))
                continue
            }
            slugs[draft.slug] = row.number
            if let code = draft.code {
                if let earlier = codes[code] {
                    diagnostics.error(at(row.number, columns[.code]?.number ?? 1), .codeOnTwoRows(code: code, row: earlier))
                }
                codes[code] = row.number
            }
            // A barcode is one product's: typed twice, or copied from another product's page.
            if let gtin = draft.gtin, let info = columns[.gtin] {
                // Named by its column as the cells' own problems are (a clerk looks for J3, not row 3, column 10).
                func said(_ problem: ImportMessage) {
                    diagnostics.error(at(row.number, info.number), .cellProblem(header: info.header, column: Table.columnLetters(info.number), problem: Message(problem)))
                }
                let key = GTIN.fourteenDigits(gtin)
                if let earlier = barcodes[key] {
                    said(.barcodeOnTwoRows(digits: gtin, row: earlier))
                } else if let other = existing.productBarcodes[key], other != draft.slug {
                    said(.barcodeOfProduct(digits: gtin, path: SitePaths.product(other) + "index.md"))
                }
                barcodes[key] = row.number
            }
            // A second file for a producer the site has, under a name written another way, would
            // split its products between two pages (and undoing it takes editing every product):
            // nothing is written until the name is the one the site has, or one clearly another's.
            // Two new ones of one sheet likewise (`HTX NN Đan Phượng` on one row, `HTX Nông nghiệp
            // Đan Phượng` on another).
            if let name = draft.newProducer, toldLike.insert(draft.producerSlug).inserted {
                let cell = at(row.number, columns[.producer]?.number ?? 1)
                if let like = existing.producer(like: name) {
                    diagnostics.error(cell, .producerLikeExisting(name: name, file: "producers/\(draft.producerSlug).yaml", existing: like.name,
                                                                  existingFile: existing.producerFiles[like.slug] ?? "producers/\(like.slug).yaml"))
                } else if let like = ExistingContent.producer(like: name, among: newProducers), let earlier = newProducerRows[like.slug] {
                    diagnostics.error(cell, .producerLikeEarlierRow(name: name, earlier: like.name, row: earlier))
                }
                newProducers.append((name, draft.producerSlug))
                newProducerRows[draft.producerSlug] = row.number
            }
            // An import never edits a producer's file: a phone it lacks, or one other than the
            // sheet's (the buyers' calls go to the file's), is for its author to change.
            if draft.newProducer == nil, let phone = draft.phone, toldPhone.insert(draft.producerSlug).inserted {
                let file = existing.producerFiles[draft.producerSlug] ?? "producers/\(draft.producerSlug).yaml"
                let cell = at(row.number, columns[.phone]?.number ?? 1)
                if let kept = existing.producerPhones[draft.producerSlug] {
                    if PhoneNumber.national(kept) != PhoneNumber.national(phone) {
                        diagnostics.warning(cell, .producerPhoneDiffers(phone: phone, file: file, kept: kept))
                    }
                } else {
                    diagnostics.warning(cell, .producerPhoneNotImported(phone: phone, file: file))
                }
            }
            drafts.append(draft)
        }
        // A new product whose name extends or shortens one of its producer's the sheet does not
        // name is most likely that one renamed: said, with how to keep its page and boards.
        var unnamed = Set(existing.productCodes.keys).subtracting(drafts.map(\.slug))
        for draft in drafts where existing.productCodes[draft.slug] == nil && draft.code == nil {
            guard let renamed = existing.product(renamedAs: draft.name, producer: draft.producerSlug, among: unnamed),
                  let code = existing.productCodes[renamed.slug], !code.isEmpty else { continue }
            diagnostics.warning(at(draft.row, columns[.name]?.number ?? 1),
                                .productLikeExisting(name: draft.name, existing: renamed.name, path: SitePaths.target(SitePaths.product(renamed.slug)), code: code))
            unnamed.remove(renamed.slug)
        }
        // A producer's list imported again (`--update`): its products on the site that the sheet
        // no longer names are said (left as they are), as a cooperative expects of "our whole list".
        for producer in Set(drafts.filter { $0.newProducer == nil && importer.update }.map(\.producerSlug)).sorted() {
            let absent = unnamed.filter { existing.productProducers[$0] == producer }.sorted()
            guard !absent.isEmpty else { continue }
            let shown = absent.prefix(5).map { SitePaths.target(SitePaths.product($0)) }.joined(separator: ", ") + (absent.count > 5 ? ", …" : "")
            diagnostics.warning(SourceLocation(path: importer.displayPath), .productsNotInSheet(producer: "producers/\(producer).yaml", products: shown, count: absent.count))
        }
        if diagnostics.hasErrors { return nil }
        if drafts.isEmpty {
            diagnostics.warning(at(headerRow.number, 1), .noProducts)
            return Plan()
        }
        // Writing can find more (a product of another producer, a page it cannot read): then
        // nothing is written either.
        let plan = write(drafts)
        return diagnostics.hasErrors ? nil : plan
    }

    // MARK: One row

    struct Draft {
        var row: Int
        var slug: String
        var name: String
        var englishName: String?
        var code: String?
        var sku: String?
        var producerSlug: String
        /// Set when the producer is new: its name.
        var newProducer: String?
        var category: String
        var stars: Int
        var date: (year: Int, month: Int, day: Int)?
        var year: Int
        var decision: String?
        var price: Int
        var salePrice: Int?
        var unit: String?
        var weight: String?
        var gtin: String?
        var brand: String?
        var availability: String?
        var images: [URL]
        var description: String
        /// The producer's phone, given on the product's row.
        var phone: String?
        var buy: [(marketplace: Product.Marketplace, url: String)]
    }

    private mutating func read(_ row: Table.Row, columns: [Column: (number: Int, header: String)]) -> Draft? {
        let before = diagnostics.errors.count
        func cell(_ column: Column) -> (text: String, number: Int, header: String)? {
            guard let info = columns[column] else { return nil }
            let text = (row.cells[info.number] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).nfc
            return text.isEmpty ? nil : (text, info.number, info.header)
        }
        func bad(_ column: Column, _ problem: ImportMessage) {
            guard let info = columns[column] else { return }
            diagnostics.error(at(row.number, info.number), .cellProblem(header: info.header, column: Table.columnLetters(info.number), problem: Message(problem)))
        }
        func missing(_ column: Column, _ example: String) {
            let number = columns[column]?.number ?? 1
            let header = columns[column]?.header ?? column.example
            diagnostics.error(at(row.number, number), .cellMissing(header: header, column: Table.columnLetters(number), example: example))
        }

        let name = cell(.name)?.text
        if name == nil { missing(.name, "Chè lam Hà Trung") }
        var slug = name.map { Slug.suggest(for: $0) } ?? ""
        if let name, slug.isEmpty { bad(.name, .noLettersForAddress(name: name)) }

        /// A price in đồng, in the heading's unit (`Giá bán (nghìn đồng)`); under 1,000 đ it is an
        /// error, as no OCOP product costs so little: a list in thousands with no unit in its heading.
        func readPrice(_ column: Column, _ value: (text: String, number: Int, header: String), notAPrice: ImportMessage) -> Int? {
            let scale = Column.priceScale(in: value.header)
            guard let price = CellValue.price(value.text, scale: scale) else {
                // `50.000 đ/kg`: a price per unit of weight, where the pack's price is wanted.
                if let slash = value.text.lastIndex(of: "/"), CellValue.price(String(value.text[..<slash]), scale: scale) != nil {
                    bad(column, .pricePerUnit(text: value.text, unit: value.text[value.text.index(after: slash)...].trimmingCharacters(in: .whitespaces)))
                } else if CellValue.price(value.text.filter { $0.isNumber || ".,".contains($0) }, scale: scale) == nil, !value.text.contains(where: \.isNumber) {
                    bad(column, .priceInWords(text: value.text))
                } else {
                    bad(column, scale > 1 ? .notAPriceInUnit(text: value.text, heading: value.header) : notAPrice)
                }
                return nil
            }
            // A full price in a column of thousands (45000 under `Giá (nghìn đồng)`) would be a
            // thousand times too much: a number a heading's unit may not multiply.
            if scale > 1, CellValue.isBareNumber(value.text), price / scale >= 1000 {
                bad(column, .fullPriceInUnit(text: value.text, heading: value.header, price: price))
                return nil
            }
            guard price >= 1000 else {
                bad(column, .priceUnderThousand(text: value.text, price: price, heading: Column.withoutUnit(value.header)))
                return nil
            }
            return price
        }
        var price: Int?
        if let value = cell(.price) {
            price = readPrice(.price, value, notAPrice: .notAPrice(text: value.text))
        } else {
            missing(.price, "45000")
        }
        var salePrice: Int?
        if let value = cell(.salePrice) {
            salePrice = readPrice(.salePrice, value, notAPrice: .notASalePrice(text: value.text))
            if let sale = salePrice, let price, sale >= price {
                bad(.salePrice, .saleNotLower(sale: sale, price: price))
            }
        }
        var stars: Int?
        if let value = cell(.stars) {
            stars = CellValue.stars(value.text)
            let text = value.text.trimmingCharacters(in: .whitespaces)
            if stars == nil, (3...5).contains(text.count), text.allSatisfy({ $0 == "?" }) {
                // ★ has no place in the old encodings Excel saves "CSV" in: each star became "?".
                bad(.stars, .starsLostToEncoding(text: text, stars: text.count))
            } else if stars.map({ !(3...5).contains($0) }) ?? true {
                bad(.stars, .notARating(text: value.text))
                stars = nil
            }
        } else {
            missing(.stars, "4")
        }
        var date: (year: Int, month: Int, day: Int)?
        var year: Int?
        if let value = cell(.date) {
            date = CellValue.date(value.text)
            if date == nil { bad(.date, .notADate(text: value.text)) }
            year = date?.year
        }
        if let value = cell(.year) {
            var parsed = CellValue.year(value.text)
            if parsed == nil || parsed.map({ $0 > 3000 }) == true, let full = CellValue.date(value.text) {
                // A whole date typed in the year column is kept as the date.
                parsed = full.year
                if date == nil { date = full }
            }
            if let parsed, (2018...2100).contains(parsed) {
                if let known = year, known != parsed { bad(.year, .yearMismatch(year: parsed, dateYear: known)) }
                year = parsed
            } else {
                // The example is the cell's own year, when it holds one of OCOP's: `2024 (gia hạn)`.
                let own = value.text.firstMatch(of: /[0-9]{4}/).flatMap { Int($0.output) }.flatMap { (2018...2100).contains($0) ? $0 : nil }
                bad(.year, .notAYear(text: value.text, example: own ?? 2023))
            }
        }
        if year == nil && cell(.date) == nil && cell(.year) == nil { missing(columns[.year] != nil ? .year : .date, "2023") }

        var category: String?
        if let value = cell(.category) {
            category = CellValue.category(value.text)
            if category == nil {
                bad(.category, .notAGroup(text: value.text))
            }
        } else {
            missing(.category, "Thực phẩm")
        }

        var producerSlug: String?
        var newProducer: String?
        if let value = cell(.producer) {
            if let slug = existing.producers[Column.key(value.text)] ?? existing.producers[value.text] {
                producerSlug = slug
            } else {
                let slug = Slug.suggest(for: value.text)
                if existing.producers.values.contains(slug) {
                    // Same file name as a producer already there: that producer, never a second file over it.
                    producerSlug = slug
                } else if slug.isEmpty {
                    bad(.producer, .noLettersForFile(text: value.text))
                } else {
                    producerSlug = slug
                    newProducer = value.text
                }
            }
        } else {
            missing(.producer, "HTX Chè lam Hà Trung")
        }

        var code: String?
        if let value = cell(.code) {
            let upper = value.text.uppercased()
            if ItemCode.isValid(upper) {
                code = upper
                let own = existing.productCodes[slug]
                if let owner = existing.productsByCode[upper] {
                    // A product's code is its own for good: the row is that product, renamed when its
                    // name differs (its page keeps its folder, address and printed boards).
                    slug = owner
                } else if let own, !own.isEmpty, own != upper {
                    bad(.code, .codeAlreadyOwn(slug: slug, code: own))
                } else if existing.usedCodes.contains(upper), own != upper {
                    bad(.code, .codeUsedElsewhere(code: upper, page: existing.codePages[upper] ?? "codes.lock"))
                }
            } else {
                bad(.code, .notACode(text: value.text))
            }
        }
        var sku: String?
        if let value = cell(.sku) {
            if value.text.count <= 50, value.text.allSatisfy({ $0.isASCII && !$0.isWhitespace }) { sku = value.text } else {
                bad(.sku, .skuTooLong(text: value.text))
            }
        }
        var gtin: String?
        if let value = cell(.gtin) {
            let digits = value.text.filter { !$0.isWhitespace }
            if digits.uppercased().contains("E+") {
                bad(.gtin, .gtinRounded(text: value.text))
            } else if [7, 11].contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), GTIN.isValid(digits) {
                // Excel drops the leading 0 of a barcode typed as a number; a 0 before a number
                // leaves its check digit as it is, so the digits left still check.
                bad(.gtin, .barcodeLostZero(text: value.text, fixed: "0" + digits))
            } else if ![8, 12, 13, 14].contains(digits.count) || !digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                bad(.gtin, .notABarcode(text: value.text))
            } else if !GTIN.isValid(digits) {
                bad(.gtin, .barcodeCheckDigit(digits: digits))
            } else {
                gtin = digits
            }
        }
        var weight: String?
        if let value = cell(.weight) {
            // A bare number takes the unit of the heading, as in `Khối lượng (g)`.
            let unit = Column.unit(in: value.header).flatMap { ["g", "gr", "gram", "kg"].contains($0) ? $0 : nil }
            let bare = value.text.allSatisfy { $0.isNumber || $0 == "." || $0 == "," }
            weight = CellValue.weight(bare && unit != nil ? value.text + " " + (unit ?? "") : value.text)
            if weight == nil { bad(.weight, .notAWeight(text: value.text)) }
        }
        var availability: String?
        if let value = cell(.availability) {
            availability = CellValue.availability(value.text)
            if availability == nil { bad(.availability, .notAStockStatus(text: value.text)) }
        }
        // A count in stock says whether the product is in stock, unless a status is written; a
        // status of in stock beside 0 is one of the two mistaken.
        if let value = cell(.stock) {
            if let count = CellValue.stock(value.text) {
                let fromCount = count == 0 ? Product.Availability.outOfStock.rawValue : Product.Availability.inStock.rawValue
                if availability == nil && cell(.availability) == nil {
                    availability = fromCount
                } else if count == 0, availability == Product.Availability.inStock.rawValue, let status = cell(.availability) {
                    bad(.stock, .noStockButAvailable(status: status.text, header: status.header))
                }
            } else {
                bad(.stock, .notAStockCount(text: value.text))
            }
        }
        var images: [URL] = []
        if let value = cell(.images) {
            let folder = importer.file.deletingLastPathComponent()
            for part in value.text.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isNewline }) {
                let path = part.trimmingCharacters(in: .whitespaces)
                guard !path.isEmpty else { continue }
                if path.contains("://") {
                    bad(.images, .photoIsWebAddress(path: path))
                    continue
                }
                var url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
                let ext = url.pathExtension.lowercased()
                var nearest: String?
                if !FileManager.default.fileExists(atPath: url.path) { (url, nearest) = Self.photo(like: url) }
                if !["jpg", "jpeg", "png"].contains(ext) {
                    bad(.images, .notAPhoto(path: path))
                } else if let nearest {
                    bad(.images, .photoMissingNear(path: path, name: nearest))
                } else if !FileManager.default.fileExists(atPath: url.path) {
                    bad(.images, .photoMissing(path: path, sheet: importer.displayPath))
                } else if images.contains(where: { $0.lastPathComponent == url.lastPathComponent }) {
                    bad(.images, .photoNameTwice(name: url.lastPathComponent))
                } else {
                    images.append(url)
                }
            }
        }
        var phone: String?
        if let value = cell(.phone) {
            if let fixed = PhoneNumber.restoringZero(value.text) {
                bad(.phone, .phoneLostZero(text: value.text, fixed: fixed))
            } else if let number = CellValue.phone(value.text) {
                phone = number
            } else {
                bad(.phone, .notAPhone(text: value.text))
            }
        }
        var buy: [(marketplace: Product.Marketplace, url: String)] = []
        for column in Column.allCases {
            guard let marketplace = column.marketplace, let value = cell(column) else { continue }
            if let link = CellValue.shopLink(value.text, marketplace: marketplace) { buy.append((marketplace, link)) } else {
                bad(column, .notAShopLink(text: value.text))
            }
        }
        let englishName = cell(.englishName)?.text
        if englishName != nil && !existing.languages.contains("en") {
            diagnostics.warning(at(row.number, columns[.englishName]?.number ?? 1), .englishNameNotImported)
        }

        // A description copied from a web shop or a Word file comes as HTML (`<p>`, `<b>`, `&nbsp;`),
        // which the page and the marketplaces would show tags and all: imported as its text.
        var description = cell(.description)?.text ?? ""
        if let value = cell(.description), Self.isHTML(value.text) {
            description = PlainText.fromHTML(value.text).replacingOccurrences(of: "\n", with: "\n\n")
            diagnostics.warning(at(row.number, value.number), .descriptionWasHTML)
        }

        guard diagnostics.errors.count == before, let name, let price, let stars, let year, let category, let producerSlug else { return nil }
        return Draft(row: row.number, slug: slug, name: name, englishName: existing.languages.contains("en") ? englishName : nil,
                     code: code, sku: sku, producerSlug: producerSlug, newProducer: newProducer, category: category,
                     stars: stars, date: date, year: year, decision: cell(.decision)?.text, price: price, salePrice: salePrice,
                     unit: cell(.unit)?.text, weight: weight, gtin: gtin, brand: cell(.brand)?.text, availability: availability,
                     images: images, description: description, phone: phone, buy: buy)
    }

    enum NotAProduct: Equatable {
        /// `I | NHÓM THỰC PHẨM` (only its number and name), `Tổng cộng` (whatever its other cells hold).
        case groupOrTotal(name: String)
        /// Only a number or a note: a row numbered ahead for products to come.
        case numberOnly
    }

    /// Why a row is no product: lists from offices group their products under heading rows and end
    /// with a total, which would otherwise be an error for every empty cell.
    static func notAProduct(_ row: Table.Row, name: Int?, numbering: Set<Int>) -> NotAProduct? {
        let filled = row.cells.compactMapValues { cell -> String? in
            let text = cell.trimmingCharacters(in: .whitespacesAndNewlines).nfc
            return text.isEmpty ? nil : text
        }
        // The heading's words may be in the STT cell, when it is merged over the name's.
        let words = filled.filter { $0.key == name || numbering.contains($0.key) }.sorted { $0.key < $1.key }.map(\.value)
        // With its accents: `Cồng chiêng` is a product.
        let total = words.first { ["tổng", "cộng"].contains(String($0.lowercased().prefix { $0.isLetter })) }
        if let total { return .groupOrTotal(name: total) }
        guard filled.keys.allSatisfy({ $0 == name || numbering.contains($0) }) else { return nil }
        return filled[name ?? 0].map { .groupOrTotal(name: $0) } ?? .numberOnly
    }

    /// Whether a cell holds HTML: a tag (`<p>`, `</b>`, `<br/>`) or an entity (`&amp;`, `&#233;`).
    static func isHTML(_ text: String) -> Bool {
        text.contains(/<\/?[A-Za-z][A-Za-z0-9]*(\s[^>]*)?\/?>/) || text.contains(/&(#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});/)
    }

    /// The file a photo's name means when no file has that name exactly: one that differs only by
    /// letter case or by Unicode normalisation (macOS writes names decomposed, `ệ` as e + marks);
    /// else `url`, with the name in its folder that is closest to it, if any.
    static func photo(like url: URL) -> (url: URL, nearest: String?) {
        let folder = url.deletingLastPathComponent()
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
        let wanted = url.lastPathComponent.nfc.lowercased()
        if let same = names.first(where: { $0.nfc.lowercased() == wanted }) { return (folder.appendingPathComponent(same), nil) }
        return (url, DidYouMean.suggestion(for: url.lastPathComponent.nfc, among: names.map(\.nfc)))
    }

    // MARK: Files

    private mutating func write(_ drafts: [Draft]) -> Plan {
        var plan = Plan()
        var used = existing.usedCodes
        for draft in drafts { if let code = draft.code { used.insert(code) } }
        var nextNumber = 1
        // New codes: SP001, SP002… in row order, skipping every code the site has ever used.
        func newCode() -> String {
            while true {
                let digits = String(nextNumber)
                let code = "SP" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
                nextNumber += 1
                if used.insert(code).inserted { return code }
            }
        }
        var producersWritten: Set<String> = []
        // A new producer's phone: the first its rows give.
        var phones: [String: String] = [:]
        for draft in drafts { if let phone = draft.phone, phones[draft.producerSlug] == nil { phones[draft.producerSlug] = phone } }
        for draft in drafts {
            let exists = existing.productCodes[draft.slug] != nil
            // A product of the same name by another producer is another product: never taken over
            // (and not offered to --update either).
            if exists, let owner = existing.productProducers[draft.slug], owner != draft.producerSlug {
                diagnostics.error(at(draft.row, 1), .productOfOtherProducer(slug: draft.slug, owner: owner, producer: draft.producerSlug))
                continue
            }
            if exists && !importer.update {
                plan.unchanged.append(SitePaths.target(SitePaths.product(draft.slug)))
                diagnostics.warning(at(draft.row, 1), .productExists(slug: draft.slug))
                continue
            }
            if let name = draft.newProducer, producersWritten.insert(draft.producerSlug).inserted {
                plan.files.append(PlannedFile(path: "producers/\(draft.producerSlug).yaml", source: .text(Self.producerYAML(name, phone: phones[draft.producerSlug])), replaces: false))
            }
            let existingCode = existing.productCodes[draft.slug].flatMap { $0.isEmpty ? nil : $0 }
            // A product re-created where a published code points gets that code back.
            let code = draft.code ?? existingCode ?? existing.lockedTargets[SitePaths.target(SitePaths.product(draft.slug))] ?? newCode()
            let folder = SitePaths.target(SitePaths.product(draft.slug))
            let indexPath = folder + "/index.md"
            let indexURL = importer.contentRoot.appendingPathComponent(indexPath)
            let replaces = exists && FileManager.default.fileExists(atPath: indexURL.path)
            var markdown = Self.productMarkdown(draft, code: code, languages: existing.languages)
            // An update changes what the sheet gives; what only the file has (photos, GTIN, the
            // English name, the description…, also under a column left empty) stays. A page it
            // cannot read is not replaced.
            if replaces {
                guard case .success(let previous) = SourceText.read(indexURL, path: indexPath),
                      let merged = ProductUpdate.merged(markdown, into: previous, defaultLanguage: existing.languages.first ?? "vi") else {
                    diagnostics.error(at(draft.row, 1), .productPageUnreadable(path: indexPath))
                    continue
                }
                // The sheet says what the page says: nothing to write, and counted as such.
                if merged == previous, draft.images.isEmpty {
                    plan.upToDate.append(folder)
                    continue
                }
                markdown = merged
            }
            plan.files.append(PlannedFile(path: indexPath, source: .text(markdown), replaces: replaces))
            for image in draft.images {
                // Named in NFC, as the page names it (a file from macOS may be named decomposed).
                let path = folder + "/" + image.lastPathComponent.nfc
                let present = FileManager.default.fileExists(atPath: importer.contentRoot.appendingPathComponent(path).path)
                plan.files.append(PlannedFile(path: path, source: .copy(image), replaces: present))
            }
            if exists { plan.updated.append(folder) } else { plan.newCodes.append(code) }
        }
        return plan
    }

    static func productMarkdown(_ draft: Draft, code: String, languages: [String]) -> String {
        var lines = ["---", "code: \(YAMLText.quoted(code))"]
        if let sku = draft.sku { lines.append("sku: \(YAMLText.quoted(sku))") }
        if let english = draft.englishName, let first = languages.first {
            lines += ["name:", "  \(first): \(YAMLText.quoted(draft.name))", "  en: \(YAMLText.quoted(english))"]
        } else {
            lines.append("name: \(YAMLText.quoted(draft.name))")
        }
        lines.append("producer: \(YAMLText.quoted(draft.producerSlug))")
        lines.append("category: \(draft.category)")
        lines.append("ocop:")
        lines.append("  stars: \(draft.stars)")
        if let date = draft.date {
            func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            lines.append("  date: \(date.year)-\(pad(date.month))-\(pad(date.day))")
        } else {
            lines.append("  year: \(draft.year)")
        }
        if let decision = draft.decision { lines.append("  decision: \(YAMLText.quoted(decision))") }
        lines.append("price: \(draft.price)")
        if let sale = draft.salePrice { lines.append("sale_price: \(sale)") }
        if let unit = draft.unit { lines.append("unit: \(YAMLText.quoted(unit))") }
        if let weight = draft.weight { lines.append("weight: \(YAMLText.quoted(weight))") }
        if let gtin = draft.gtin { lines.append("gtin: \(YAMLText.quoted(gtin))") }
        if let brand = draft.brand { lines.append("brand: \(YAMLText.quoted(brand))") }
        if let availability = draft.availability { lines.append("availability: \(availability)") }
        if !draft.images.isEmpty { lines.append("images: \(YAMLText.list(draft.images.map(\.lastPathComponent.nfc)))") }
        if !draft.buy.isEmpty { lines += ["buy:"] + draft.buy.map { "  \($0.marketplace.rawValue): \(YAMLText.quoted($0.url))" } }
        lines.append("---")
        var text = lines.joined(separator: "\n") + "\n"
        if !draft.description.isEmpty { text += draft.description.replacingOccurrences(of: "\r\n", with: "\n") + "\n" }
        return text
    }

    /// A producer file for a name first seen in the spreadsheet, with the phone its rows give; the
    /// kind is guessed from the name.
    static func producerYAML(_ name: String, phone: String? = nil) -> String {
        let key = Column.key(name)
        let kind: String
        if key.hasPrefix("htx") || key.hasPrefix("hoptacxa") || key.hasPrefix("thtx") { kind = "cooperative" }
        else if key.hasPrefix("congty") || key.hasPrefix("cty") || key.hasPrefix("doanhnghiep") || key.hasPrefix("dn") { kind = "enterprise" }
        else if key.hasPrefix("ho") || key.hasPrefix("cosan") || key.hasPrefix("coso") { kind = "household" }
        else { kind = "cooperative" }
        return """
        name: \(YAMLText.quoted(name))
        kind: \(kind)   # đoán từ tên khi nhập bảng tính (guessed from the name); cooperative (HTX) | enterprise (doanh nghiệp) | household (hộ, cơ sở)

        """ + (phone.map { "phone: \(YAMLText.quoted($0))\n" } ?? "")
    }
}
