import DinhCore

/// What `dinh import products` says: problems in the spreadsheet, and its summary.
/// English in ImportMessage+en.swift, Vietnamese in ImportMessage+vi.swift: one exhaustive `switch` each.
package enum ImportMessage: MessageTable {
    // The sheet and its columns
    case emptySheet
    case sheetNotRead(sheet: String, rows: Int, read: String)
    case unknownColumn(header: String)
    case pictureInSheet(cell: String, photoColumn: String?)
    case duplicateColumn(first: String, firstColumn: String, header: String, column: String, example: String)
    case noColumn(example: String)
    case noYearColumn
    case columnMeant(header: String, column: String, example: String)
    case sameAddress(name: String, slug: String, row: Int)
    case codeOnTwoRows(code: String, row: Int)
    case barcodeOnTwoRows(digits: String, row: Int)
    case barcodeOfProduct(digits: String, path: String)
    case noProducts
    case hiddenRow(row: Int)
    case groupRowSkipped(row: Int, name: String)
    case descriptionWasHTML
    case cellProblem(header: String, column: String, problem: Message)
    case cellMissing(header: String, column: String, example: String)
    case englishNameNotImported
    case productLikeExisting(name: String, existing: String, path: String, code: String)
    case productExists(slug: String)
    case productsNotInSheet(producer: String, products: String, count: Int)
    case productPageUnreadable(path: String)
    case productOfOtherProducer(slug: String, owner: String, producer: String)
    case producerPhoneNotImported(phone: String, file: String)
    case producerPhoneDiffers(phone: String, file: String, kept: String)
    case producerLikeEarlierRow(name: String, earlier: String, row: Int)
    case producerLikeExisting(name: String, file: String, existing: String, existingFile: String)
    // What is wrong in a cell (said after "column 'Giá' (C): ")
    case noLettersForAddress(name: String)
    case pricePerUnit(text: String, unit: String)
    case priceInWords(text: String)
    case notAPrice(text: String)
    case notASalePrice(text: String)
    case priceUnderThousand(text: String, price: Int, heading: String)
    /// In a column whose heading gives a unit (`Giá bán (nghìn đồng)`); `price`: what the cell would be in đồng.
    case fullPriceInUnit(text: String, heading: String, price: Int)
    case notAPriceInUnit(text: String, heading: String)
    case saleNotLower(sale: Int, price: Int)
    case starsLostToEncoding(text: String, stars: Int)
    case notARating(text: String)
    case notADate(text: String)
    case yearMismatch(year: Int, dateYear: Int)
    case notAYear(text: String, example: Int)
    case notAGroup(text: String)
    case noLettersForFile(text: String)
    case codeAlreadyOwn(slug: String, code: String)
    case codeUsedElsewhere(code: String, page: String)
    case notACode(text: String)
    case skuTooLong(text: String)
    case gtinRounded(text: String)
    case notABarcode(text: String)
    case barcodeCheckDigit(digits: String)
    case barcodeLostZero(text: String, fixed: String)
    case notAWeight(text: String)
    case notAStockStatus(text: String)
    case notAStockCount(text: String)
    case noStockButAvailable(status: String, header: String)
    case photoIsWebAddress(path: String)
    case notAPhoto(path: String)
    case photoMissing(path: String, sheet: String)
    case photoMissingNear(path: String, name: String)
    case photoNameTwice(name: String)
    case notAPhone(text: String)
    case phoneLostZero(text: String, fixed: String)
    case notAShopLink(text: String)
    // The files
    case noContentFolder
    case nothingImportedBecause(reason: Message)
    case cannotWriteFiles(reason: String)
    case tooManyRows(file: String, thousands: Int, millionCells: Int)
    case csvTooLarge(file: String, megabytes: Int64, limit: Int)
    case cannotReadFile(file: String)
    case oldExcel(file: String)
    case notASpreadsheet(file: String)
    case falseUTF8(file: String)
    case notUnicode(file: String)
    case notUTF8(file: String)
    case cellTooLong(file: String, row: Int)
    case xlsxTooLarge(file: String, megabytes: Int64, limit: Int)
    case notXLSX(file: String)
    case xlsxPartTooLarge(file: String, limit: Int, part: String)
    case xlsxDamaged(file: String, part: String)
    case noWorksheet(file: String)
    case noSuchSheet(file: String, sheet: String, sheets: String)
    case tooMuchText(file: String, millions: Int)
    case sheetUnreadable(file: String)
    case nothingImported
    /// `codes`: the codes, or the first and last of many.
    case newCodes(codes: String, count: Int)
    /// `converted`: cells whose text was converted to Unicode from a legacy encoding.
    case imported(products: Int, producers: Int, updated: Int, unchanged: Int, upToDate: Int = 0, converted: [LegacyEncoding: Int] = [:])
}

extension Diagnostics {
    package mutating func error(_ location: SourceLocation, _ message: ImportMessage) { error(location, Message(message)) }
    package mutating func warning(_ location: SourceLocation, _ message: ImportMessage, group: Message? = nil) {
        warning(location, Message(message), group: group)
    }
}

extension Diagnostic {
    package static func error(_ location: SourceLocation, _ message: ImportMessage) -> Diagnostic { .error(location, Message(message)) }
    package static func warning(_ location: SourceLocation, _ message: ImportMessage) -> Diagnostic { .warning(location, Message(message)) }
}

extension DinhError {
    package init(_ message: ImportMessage, at location: SourceLocation? = nil) { self.init(Message(message), at: location) }
}
