import DinhCore

extension ImportMessage: TranslatedTable {
    package var english: String {
        switch self {
        case .emptySheet: "the spreadsheet is empty; the first row must hold the column names (Tên sản phẩm, Giá, Số sao OCOP, Nhóm, HTX…)"
        case .sheetNotRead(let sheet, let rows, let read):
            "the sheet '\(sheet)' (\(Language.en.count(rows, "row"))) was not read: one sheet is imported at a time, here '\(read)'; put its rows in the sheet '\(read)', or import it on its own with --sheet \"\(sheet)\""
        case .unknownColumn(let header): "the column '\(header)' is not imported: Dinh does not know this heading (known: Tên sản phẩm, Giá, Giá khuyến mãi, Số sao OCOP, Năm công nhận, Nhóm, HTX, Mô tả, Ảnh, Mã, Đơn vị, Khối lượng, GTIN, Số điện thoại, Link Shopee…)"
        case .pictureInSheet(let cell, let photoColumn):
            "a picture is pasted into the sheet at \(cell): Dinh does not take pictures out of a sheet; save it as a photo (.jpg) in the folder of the sheet and write its file name in "
                + (photoColumn.map { "the column \($0)" } ?? "a column headed 'Ảnh'")
        case .duplicateColumn(let first, let firstColumn, let header, let column, let example):
            "the columns '\(first)' (\(firstColumn)) and '\(header)' (\(column)) both give the \(example.lowercased()); delete one of them"
        case .noColumn(let example): "no column has a heading Dinh reads as '\(example)'; add a column headed '\(example)'"
        case .noYearColumn: "there is no column for the year of the OCOP recognition; add a column headed 'Năm công nhận' (or 'Ngày công nhận' with the date)"
        case .columnMeant(let header, let column, let example):
            "no column has a heading Dinh reads as '\(example)'; the column '\(header)' (\(column)) is most likely it: head it '\(example)'"
        case .sameAddress(let name, let slug, let row): "'\(name)' gives the same page address (products/\(slug)/) as row \(row); give the products different names"
        case .codeOnTwoRows(let code, let row): "the code \(code) is also on row \(row); every QR code must be different"
        case .barcodeOnTwoRows(let digits, let row): "the barcode \(digits) is also on row \(row); each product has its own barcode: copy it again from the package"
        case .barcodeOfProduct(let digits, let path): "the barcode \(digits) is already that of \(path); each product has its own barcode: copy it again from the package, or leave the cell empty"
        case .hiddenRow(let row): "row \(row) is hidden in the sheet: not imported; unhide it to import it"
        case .groupRowSkipped(let row, let name): "row \(row) ('\(name)') looks like a group heading or a total, not a product: skipped"
        case .descriptionWasHTML: "the description is written in HTML (tags such as <p>, <b>, or &nbsp;): imported as its text, one paragraph per block; check it on the product's page (bold and lists are written **bold** and - item)"
        case .noProducts: "there are no products below the heading row"
        case .cellProblem(let header, let column, let problem): "column '\(header)' (\(column)): \(problem.text(in: .en))"
        case .cellMissing(let header, let column, let example): "column '\(header)' (\(column)) is empty; every product needs it, e.g. \(example)"
        case .englishNameNotImported: "the English name is not imported: the site has no 'en' among its languages in site.yaml"
        case .productOfOtherProducer(let slug, let owner, let producer): "products/\(slug) is a product of \(owner), not of \(producer); nothing was imported: if it is another product, give it a name of its own; if it now comes from \(producer), change producer: in its page first"
        case .productPageUnreadable(let path): "\(path) could not be read to update it (it must start with a line ---, then its fields); nothing was imported: fix that page, or move it away and import again"
        case .producerPhoneDiffers(let phone, let file, let kept): "the phone \(phone) is not imported: \(file) gives \(kept), which the pages keep (an import does not change a producer's file); if \(phone) is the number buyers should call, write it in that file's line phone:"
        case .producerPhoneNotImported(let phone, let file): "the phone \(phone) is not imported: an import does not change \(file), which has no phone; add the line phone: \"\(phone)\" to it, so that buyers can call"
        case .producerLikeEarlierRow(let name, let earlier, let row):
            "'\(name)' looks like '\(earlier)' of row \(row) written another way: the import would make two producers, each with part of the products; if they are one, write its name the same way on every row; if they are two, write each full name so that they differ"
        case .producerLikeExisting(let name, let file, let existing, let existingFile):
            "'\(name)' would be a new producer (\(file)), but the site has '\(existing)' (\(existingFile)): if it is that one, write its name as '\(existing)'; if it is another, write its full name so that it differs (with its commune, say)"
        case .productLikeExisting(let name, let existing, let path, let code):
            "'\(name)' will be a new product, but the sheet no longer names '\(existing)' of the same producer (\(path), code \(code)): if it is that product renamed, write \(code) in a column 'Mã' on this row and import again with --update, so that its page and printed boards stay (else two pages sell one product)"
        case .productsNotInSheet(let producer, let products, let count):
            "this sheet does not name \(count == 1 ? "1 product" : "\(count) products") of \(producer) that the site has (\(products)); \(count == 1 ? "it is" : "they are") left as \(count == 1 ? "it is" : "they are"). If one is no longer made, write `availability: out_of_stock` in its index.md: its page and printed boards keep working"
        case .productExists(let slug): "products/\(slug) already exists and was not changed; import with --update to replace its fields"
        case .noLettersForAddress(let name): "'\(name)' has no letters or digits to make a page address from"
        case .pricePerUnit(let text, let unit):
            "'\(text)' is a price per \(unit): marketplaces sell a product by its pack, so write the pack's price here, and the pack in a column 'Đơn vị' (hộp 500 g)"
        case .priceInWords(let text):
            "'\(text)' is no price, and marketplaces take no product without one: write its price (a price to agree can be said in the description)"
        case .notAPrice(let text): "'\(text)' is not a price; write a whole number of đồng such as 45000, 45.000 or 45.000đ"
        case .notASalePrice(let text): "'\(text)' is not a price; write a whole number of đồng such as 40000 or 40.000đ, or leave it empty"
        case .priceUnderThousand(let text, let price, let heading):
            "'\(text)' reads as \(price) đồng, less than any OCOP product costs: if the prices are in thousands of đồng, write the unit in the heading, as '\(heading) (nghìn đồng)', or write the price in full, as \(price)000"
        case .fullPriceInUnit(let text, let heading, let price):
            "the heading '\(heading)' counts prices in its unit, so '\(text)' would be \(price) đồng: write it in that unit (45 for 45.000 đ), or write it with its đ (45.000đ)"
        case .notAPriceInUnit(let text, let heading):
            "'\(text)' is not a price in the unit of the heading '\(heading)': write a whole number in that unit (45 for 45.000 đ), or a price with its đ (45.000đ)"
        case .saleNotLower(let sale, let price): "the sale price \(sale) must be lower than the price \(price)"
        case .starsLostToEncoding(let text, let stars):
            "'\(text)' is what \(String(repeating: "★", count: stars)) becomes in a file saved in an old encoding (Excel's “CSV” rather than “CSV UTF-8”), which has no ★: write \(stars), or save the sheet as “CSV UTF-8 (Comma delimited)”"
        case .notARating(let text): "'\(text)' is not an OCOP rating; write 3, 4 or 5"
        case .notADate(let text): "'\(text)' is not a date; write it as 30/06/2023"
        case .yearMismatch(let year, let dateYear): "the year \(year) does not match the date of recognition (\(dateYear))"
        case .notAYear(let text, let example): "'\(text)' is not a year of OCOP recognition; write it as \(example) (the programme started in 2018)"
        case .notAGroup(let text): "'\(text)' is not an OCOP group; write one of: Thực phẩm, Đồ uống, Thảo dược, Thủ công mỹ nghệ, Sinh vật cảnh, Dịch vụ du lịch"
        case .noLettersForFile(let text): "'\(text)' has no letters or digits to make a file name from"
        case .codeAlreadyOwn(let slug, let code): "products/\(slug) already has the code \(code); a printed QR code never changes, so keep \(code) or leave the cell empty"
        case .codeUsedElsewhere(let code, let page): "the code \(code) is already used by \(page); choose another or leave the cell empty for a new one"
        case .notACode(let text): "'\(text)' is not a code: use 2 to 12 letters A–Z and digits, such as HT42"
        case .skuTooLong(let text): "'\(text)' must be at most 50 characters without spaces or accents (marketplaces refuse longer ids)"
        case .gtinRounded(let text): "Excel turned the barcode into a rounded number (\(text)); format the column as Text and type the 13 digits again"
        case .notABarcode(let text): "'\(text)' is not a barcode number: it has 8, 12, 13 or 14 digits"
        case .barcodeCheckDigit(let digits): "the barcode \(digits) has a wrong check digit; copy the number again from the barcode"
        case .barcodeLostZero(let text, let fixed): "the barcode \(text) is a digit short: did Excel drop its leading 0? format the column as Text and write it as \(fixed)"
        case .notAWeight(let text): "'\(text)' is not a weight; write it as 300 g or 1,5 kg"
        case .notAStockStatus(let text): "'\(text)' is not a stock status; write Còn hàng, Hết hàng or Đặt trước"
        case .notAStockCount(let text): "'\(text)' is not a number in stock; write a whole number such as 12, or 0 when none is left"
        case .noStockButAvailable(let status, let header): "0 in stock, but the column '\(header)' says '\(status)'; correct the one that is wrong"
        case .photoIsWebAddress(let path): "'\(path)' is a web address; download the photo and write its file name (next to the spreadsheet)"
        case .notAPhoto(let path): "'\(path)' is not a JPEG or PNG photo"
        case .photoMissing(let path, let sheet): "the photo '\(path)' is not next to the spreadsheet; put the photo files in the same folder as \(sheet)"
        case .photoMissingNear(let path, let name): "there is no photo '\(path)' next to the spreadsheet, but there is '\(name)': if it is that photo, write its name as it is"
        case .photoNameTwice(let name): "two photos are named '\(name)'; rename one"
        case .notAPhone(let text): "'\(text)' is not a phone number; write one number, such as 0912 345 678 or 0237 3800 000"
        case .phoneLostZero(let text, let fixed): "'\(text)' has lost its leading 0 (Excel drops it from a number): format the column as Text and write \(fixed)"
        case .notAShopLink(let text): "'\(text)' is not a web address; copy the shop's address from the browser, starting with https://"
        case .noContentFolder: "the content folder does not exist; create it with `dinh init` or give the right folder"
        case .nothingImportedBecause(let reason): "nothing was imported: \(reason.text(in: .en))"
        case .cannotWriteFiles(let reason): "the files could not be written (\(reason)); check that the content folder is writable"
        case .tooManyRows(let file, let thousands, let millionCells):
            "\(file) has more than \(thousands),000 rows or \(millionCells) million cells; Dinh imports up to \(thousands),000 products at a time: split the list into several files, or check that it is the right file"
        case .csvTooLarge(let file, let megabytes, let limit):
            "\(file) is \(megabytes) MB, far more than a product list (10,000 products take about 3 MB); Dinh reads lists of up to \(limit) MB: split the list, or check that it is the right file"
        case .cannotReadFile(let file): "cannot read the file \(file); check that it exists and is not open in another program"
        case .oldExcel(let file): "\(file) is an old Excel 97–2003 file; in Excel choose File › Save As › Excel Workbook (.xlsx) or CSV UTF-8, then import that file"
        case .notASpreadsheet(let file): "\(file) is not a spreadsheet Dinh can read; give a .xlsx file or a .csv file (CSV UTF-8)"
        case .falseUTF8(let file): "\(file) says it is UTF-8 but is not; in Excel save it again as “CSV UTF-8 (Comma delimited)”"
        case .notUnicode(let file): "\(file) could not be read as Unicode text; in Excel save it as “CSV UTF-8 (Comma delimited)”"
        case .notUTF8(let file):
            "\(file) is not UTF-8 text, and its letters do not read as Vietnamese in Windows-1258, TCVN3 (ABC) or VNI either; in Excel choose File › Save As › “CSV UTF-8 (Comma delimited)” (or import the .xlsx file itself)"
        case .cellTooLong(let file, let row):
            "\(file): row \(row) has a cell longer than Excel allows (32,767 characters); it is damaged or not a product list, or a quote (\") is opened and never closed"
        case .xlsxTooLarge(let file, let megabytes, let limit):
            "\(file) is \(megabytes) MB, far more than a product list (10,000 products take about 1 MB as .xlsx); Dinh reads workbooks of up to \(limit) MB: split the list, or check that it is the right file"
        case .notXLSX(let file): "\(file) is not a valid .xlsx file (it cannot be opened as a workbook); open it in Excel and save it again as Excel Workbook (.xlsx)"
        case .xlsxPartTooLarge(let file, let limit, let part):
            "\(file) unpacks to more than \(limit) MB (its part \(part)), far more than a product list (10,000 products take about 5 MB): it is not a product list, or it is damaged; open it in Excel and save it again, or split the list"
        case .xlsxDamaged(let file, let part): "\(file) is damaged (\(part) cannot be unpacked); open it in Excel and save it again"
        case .noSuchSheet(let file, let sheet, let sheets): "\(file) has no sheet named '\(sheet)'; its sheets are \(sheets)"
        case .noWorksheet(let file): "\(file) has no worksheet; put the product list on the first sheet"
        case .tooMuchText(let file, let millions):
            "\(file) holds more text than a spreadsheet can (a cell longer than Excel's 32,767 characters, or more than \(millions) million texts): it is damaged or not a product list; open it in Excel and save it again"
        case .sheetUnreadable(let file): "\(file): the first worksheet cannot be read; open the file in Excel and save it again"
        case .nothingImported: "nothing was imported: fix the errors above and run the import again"
        case .newCodes(let codes, let count):
            "the new products' QR codes (\(count)): \(codes); once the site is published at its real address, print their boards with `dinh qr`"
        case .imported(let products, let producers, let updated, let unchanged, let upToDate, let converted):
            "imported: " + ([Language.en.count(products, "new product")]
                + (producers > 0 ? [Language.en.count(producers, "new producer")] : [])
                + (updated > 0 ? ["\(updated) updated"] : [])
                + (unchanged > 0 ? ["\(unchanged) already there and left unchanged (import with --update to replace them)"] : [])
                + (upToDate > 0 ? ["\(upToDate) already as the sheet says"] : [])).joined(separator: ", ")
                + Self.counts(converted).enumerated().map { index, count in
                    (index == 0 ? "; " + Language.en.count(count.value, "cell") + " converted from " : ", \(count.value) from ") + count.key.label
                }.joined()
        }
    }
}
