import DinhCore

extension ImportMessage {
    package var vietnamese: String {
        switch self {
        case .emptySheet: "bảng tính trống; dòng đầu tiên phải ghi tên các cột (Tên sản phẩm, Giá, Số sao OCOP, Nhóm, HTX…)"
        case .sheetNotRead(let sheet, let rows, let read):
            "trang tính '\(sheet)' (\(rows) dòng) không được đọc: mỗi lần chỉ nhập một trang tính, lần này là '\(read)'; hãy chuyển các dòng đó sang trang '\(read)', hoặc nhập riêng trang đó với --sheet \"\(sheet)\""
        case .unknownColumn(let header): "cột '\(header)' không được nhập: Dinh chưa biết tiêu đề này (các tiêu đề Dinh biết: Tên sản phẩm, Giá, Giá khuyến mãi, Số sao OCOP, Năm công nhận, Nhóm, HTX, Mô tả, Ảnh, Mã, Đơn vị, Khối lượng, GTIN, Số điện thoại, Link Shopee…)"
        case .pictureInSheet(let cell, let photoColumn):
            "có một ảnh dán vào bảng tính ở ô \(cell): Dinh không lấy được ảnh nằm trong bảng tính; hãy lưu ảnh đó thành tệp ảnh (.jpg) trong thư mục của bảng tính rồi ghi tên tệp vào "
                + (photoColumn.map { "cột \($0)" } ?? "một cột có tiêu đề 'Ảnh'")
        case .duplicateColumn(let first, let firstColumn, let header, let column, let example):
            "hai cột '\(first)' (\(firstColumn)) và '\(header)' (\(column)) cùng ghi \(example); hãy xoá một cột"
        case .noColumn(let example): "chưa có cột \(example); hãy thêm một cột có tiêu đề '\(example)'"
        case .noYearColumn: "chưa có cột năm được công nhận OCOP; hãy thêm cột 'Năm công nhận' (hoặc cột 'Ngày công nhận' ghi ngày công nhận)"
        case .columnMeant(let header, let column, let example):
            "chưa có cột nào mang tiêu đề Dinh hiểu là '\(example)'; cột '\(header)' (\(column)) nhiều khả năng là cột đó: hãy đặt tiêu đề '\(example)'"
        case .sameAddress(let name, let slug, let row): "'\(name)' có cùng địa chỉ trang (products/\(slug)/) với dòng \(row); hãy đặt tên các sản phẩm khác nhau"
        case .codeOnTwoRows(let code, let row): "mã \(code) cũng có ở dòng \(row); mỗi mã QR phải khác nhau"
        case .barcodeOnTwoRows(let digits, let row): "mã vạch \(digits) cũng có ở dòng \(row); mỗi sản phẩm có mã vạch riêng: hãy chép lại từ bao bì"
        case .barcodeOfProduct(let digits, let path): "mã vạch \(digits) đã là mã vạch của \(path); mỗi sản phẩm có mã vạch riêng: hãy chép lại từ bao bì, hoặc để trống ô này"
        case .hiddenRow(let row): "dòng \(row) đang bị ẩn trong bảng tính nên không được nhập; hãy bỏ ẩn dòng này nếu muốn nhập"
        case .groupRowSkipped(let row, let name): "dòng \(row) ('\(name)') có vẻ là dòng tiêu đề nhóm hoặc dòng tổng, không phải sản phẩm: đã bỏ qua"
        case .descriptionWasHTML: "phần mô tả viết bằng HTML (các thẻ như <p>, <b>, hoặc &nbsp;): đã nhập phần chữ, mỗi khối một đoạn; hãy xem lại trên trang sản phẩm (chữ đậm viết **chữ đậm**, danh sách viết - mục)"
        case .noProducts: "không có sản phẩm nào dưới dòng tiêu đề"
        case .cellProblem(let header, let column, let problem): "cột '\(header)' (\(column)): \(problem.text(in: .vi))"
        case .cellMissing(let header, let column, let example): "cột '\(header)' (\(column)) đang trống; sản phẩm nào cũng cần cột này, ví dụ \(example)"
        case .englishNameNotImported: "tên tiếng Anh không được nhập: site.yaml chưa có 'en' trong danh sách ngôn ngữ"
        case .productOfOtherProducer(let slug, let owner, let producer): "products/\(slug) là sản phẩm của \(owner), không phải của \(producer); chưa nhập gì: nếu đây là sản phẩm khác, hãy đặt cho nó một tên riêng; nếu sản phẩm nay do \(producer) làm, hãy sửa producer: trong trang của nó trước"
        case .productPageUnreadable(let path): "không đọc được \(path) để cập nhật (tệp phải bắt đầu bằng dòng ---, rồi đến các trường); chưa nhập gì: hãy sửa trang đó, hoặc chuyển nó đi nơi khác rồi nhập lại"
        case .producerPhoneDiffers(let phone, let file, let kept): "số điện thoại \(phone) không được nhập: \(file) ghi \(kept), các trang vẫn dùng số đó (lệnh nhập không sửa tệp của chủ thể); nếu người mua cần gọi số \(phone), hãy sửa dòng phone: trong tệp đó"
        case .producerPhoneNotImported(let phone, let file): "số điện thoại \(phone) không được nhập: lệnh nhập không sửa \(file), mà tệp này chưa có số điện thoại; hãy thêm dòng phone: \"\(phone)\" vào tệp đó để người mua gọi được"
        case .producerLikeEarlierRow(let name, let earlier, let row):
            "'\(name)' giống '\(earlier)' ở dòng \(row) nhưng viết khác đi: lệnh nhập sẽ tạo hai chủ thể, mỗi chủ thể giữ một phần sản phẩm; nếu là một, hãy ghi tên giống nhau ở mọi dòng; nếu là hai, hãy ghi đủ tên để phân biệt"
        case .producerLikeExisting(let name, let file, let existing, let existingFile):
            "'\(name)' sẽ thành một chủ thể mới (\(file)), nhưng trang web đã có '\(existing)' (\(existingFile)): nếu đúng là chủ thể đó, hãy ghi tên là '\(existing)'; nếu là chủ thể khác, hãy ghi đủ tên để phân biệt (ví dụ thêm tên xã)"
        case .productLikeExisting(let name, let existing, let path, let code):
            "'\(name)' sẽ thành một sản phẩm mới, nhưng bảng tính không còn '\(existing)' của cùng chủ thể (\(path), mã \(code)): nếu đây là sản phẩm đó đổi tên, hãy ghi \(code) vào cột 'Mã' của dòng này rồi nhập lại với --update, để giữ trang và biển đã in của nó (nếu không, hai trang cùng bán một sản phẩm)"
        case .productsNotInSheet(let producer, let products, let count):
            "bảng này không có \(count) sản phẩm của \(producer) đang có trên trang web (\(products)); các sản phẩm ấy được giữ nguyên. Nếu sản phẩm nào không còn sản xuất, hãy ghi `availability: out_of_stock` trong index.md của nó: trang và biển QR đã in vẫn dùng được"
        case .productExists(let slug): "products/\(slug) đã có nên được giữ nguyên; hãy nhập với --update nếu muốn thay các trường"
        case .noLettersForAddress(let name): "'\(name)' không có chữ cái hay chữ số nào để làm địa chỉ trang"
        case .pricePerUnit(let text, let unit):
            "'\(text)' là giá theo \(unit): sàn thương mại điện tử bán sản phẩm theo đơn vị đóng gói, nên hãy ghi giá của một gói ở đây, và ghi gói ở cột 'Đơn vị' (hộp 500 g)"
        case .priceInWords(let text):
            "'\(text)' không phải giá, mà sàn thương mại điện tử không nhận sản phẩm không có giá: hãy ghi giá (giá thỏa thuận có thể nói trong phần mô tả)"
        case .notAPrice(let text): "'\(text)' không phải giá; hãy viết số đồng nguyên như 45000, 45.000 hoặc 45.000đ"
        case .notASalePrice(let text): "'\(text)' không phải giá; hãy viết số đồng nguyên như 40000 hoặc 40.000đ, hoặc để trống"
        case .priceUnderThousand(let text, let price, let heading):
            "'\(text)' được hiểu là \(price) đồng, thấp hơn giá của mọi sản phẩm OCOP: nếu giá tính bằng nghìn đồng, hãy ghi đơn vị vào tiêu đề cột, như '\(heading) (nghìn đồng)', hoặc viết đủ giá, như \(price)000"
        case .fullPriceInUnit(let text, let heading, let price):
            "tiêu đề cột '\(heading)' tính giá theo đơn vị ghi trong ngoặc, nên '\(text)' sẽ thành \(price) đồng: hãy viết theo đơn vị đó (45 cho 45.000 đ), hoặc viết kèm chữ đ (45.000đ)"
        case .notAPriceInUnit(let text, let heading):
            "'\(text)' không phải giá theo đơn vị của tiêu đề cột '\(heading)': hãy viết số nguyên theo đơn vị đó (45 cho 45.000 đ), hoặc viết giá kèm chữ đ (45.000đ)"
        case .saleNotLower(let sale, let price): "giá khuyến mãi \(sale) phải thấp hơn giá \(price)"
        case .starsLostToEncoding(let text, let stars):
            "'\(text)' là \(String(repeating: "★", count: stars)) bị mất khi tệp được lưu bằng bảng mã cũ (“CSV” của Excel thay vì “CSV UTF-8”), bảng mã không có ký tự ★: hãy viết \(stars), hoặc lưu bảng tính thành “CSV UTF-8 (Comma delimited)”"
        case .notARating(let text): "'\(text)' không phải số sao OCOP; hãy viết 3, 4 hoặc 5"
        case .notADate(let text): "'\(text)' không phải ngày; hãy viết như 30/06/2023"
        case .yearMismatch(let year, let dateYear): "năm \(year) không khớp với ngày công nhận (\(dateYear))"
        case .notAYear(let text, let example): "'\(text)' không phải năm công nhận OCOP; hãy viết như \(example) (chương trình OCOP bắt đầu từ năm 2018)"
        case .notAGroup(let text): "'\(text)' không phải nhóm sản phẩm OCOP; hãy viết một trong: Thực phẩm, Đồ uống, Thảo dược, Thủ công mỹ nghệ, Sinh vật cảnh, Dịch vụ du lịch"
        case .noLettersForFile(let text): "'\(text)' không có chữ cái hay chữ số nào để làm tên tệp"
        case .codeAlreadyOwn(let slug, let code): "products/\(slug) đã có mã \(code); mã QR đã in không bao giờ đổi, nên hãy giữ \(code) hoặc để trống ô này"
        case .codeUsedElsewhere(let code, let page): "mã \(code) đã được dùng ở \(page); hãy chọn mã khác, hoặc để trống ô để nhận mã mới"
        case .notACode(let text): "'\(text)' không phải mã: hãy dùng 2 đến 12 chữ cái A–Z và chữ số, như HT42"
        case .skuTooLong(let text): "'\(text)' tối đa 50 ký tự, không có dấu cách hay dấu tiếng Việt (các sàn thương mại điện tử từ chối mã dài hơn)"
        case .gtinRounded(let text): "Excel đã đổi mã vạch thành một số làm tròn (\(text)); hãy định dạng cột là Text (văn bản) rồi gõ lại 13 chữ số"
        case .notABarcode(let text): "'\(text)' không phải số mã vạch: mã vạch có 8, 12, 13 hoặc 14 chữ số"
        case .barcodeCheckDigit(let digits): "mã vạch \(digits) sai chữ số kiểm tra; hãy chép lại dãy số từ mã vạch"
        case .barcodeLostZero(let text, let fixed): "mã vạch \(text) thiếu một chữ số: có phải Excel đã bỏ số 0 ở đầu? hãy định dạng cột là Text (văn bản) rồi viết \(fixed)"
        case .notAWeight(let text): "'\(text)' không phải khối lượng; hãy viết như 300 g hoặc 1,5 kg"
        case .notAStockStatus(let text): "'\(text)' không phải tình trạng hàng; hãy viết Còn hàng, Hết hàng hoặc Đặt trước"
        case .notAStockCount(let text): "'\(text)' không phải số lượng tồn; hãy viết một số nguyên như 12, hoặc 0 khi đã hết hàng"
        case .noStockButAvailable(let status, let header): "số lượng tồn là 0, nhưng cột '\(header)' ghi '\(status)'; hãy sửa ô bị sai"
        case .photoIsWebAddress(let path): "'\(path)' là địa chỉ web; hãy tải ảnh về và ghi tên tệp ảnh (đặt cạnh bảng tính)"
        case .notAPhoto(let path): "'\(path)' không phải ảnh JPEG hay PNG"
        case .photoMissing(let path, let sheet): "không thấy ảnh '\(path)' cạnh bảng tính; hãy đặt các tệp ảnh cùng thư mục với \(sheet)"
        case .photoMissingNear(let path, let name): "không thấy ảnh '\(path)' cạnh bảng tính, nhưng có ảnh '\(name)': nếu đúng là ảnh đó, hãy ghi đúng tên tệp như vậy"
        case .photoNameTwice(let name): "có hai ảnh cùng tên '\(name)'; hãy đổi tên một ảnh"
        case .notAPhone(let text): "'\(text)' không phải số điện thoại; hãy viết một số, như 0912 345 678 hoặc 0237 3800 000"
        case .phoneLostZero(let text, let fixed): "'\(text)' đã mất số 0 ở đầu (Excel bỏ số 0 đầu của một số): hãy định dạng cột là Text (văn bản) rồi viết \(fixed)"
        case .notAShopLink(let text): "'\(text)' không phải địa chỉ web; hãy chép địa chỉ gian hàng từ trình duyệt, bắt đầu bằng https://"
        case .noContentFolder: "không có thư mục nội dung này; hãy tạo bằng `dinh init` hoặc chỉ đúng thư mục"
        case .nothingImportedBecause(let reason): "chưa nhập gì: \(reason.text(in: .vi))"
        case .cannotWriteFiles(let reason): "không ghi được các tệp (\(reason)); hãy kiểm tra có quyền ghi vào thư mục nội dung"
        case .tooManyRows(let file, let thousands, let millionCells):
            "\(file) có hơn \(thousands).000 dòng hoặc \(millionCells) triệu ô; Dinh nhập tối đa \(thousands).000 sản phẩm mỗi lần: hãy chia danh sách thành nhiều tệp, hoặc kiểm tra đúng tệp chưa"
        case .csvTooLarge(let file, let megabytes, let limit):
            "\(file) nặng \(megabytes) MB, lớn hơn nhiều so với một danh sách sản phẩm (10.000 sản phẩm chỉ khoảng 3 MB); Dinh đọc danh sách tối đa \(limit) MB: hãy chia nhỏ danh sách, hoặc kiểm tra đúng tệp chưa"
        case .cannotReadFile(let file): "không đọc được tệp \(file); hãy kiểm tra tệp có tồn tại và không đang mở trong chương trình khác"
        case .oldExcel(let file): "\(file) là tệp Excel 97–2003 cũ; trong Excel hãy chọn File › Save As › Excel Workbook (.xlsx) hoặc CSV UTF-8, rồi nhập tệp mới đó"
        case .notASpreadsheet(let file): "\(file) không phải bảng tính mà Dinh đọc được; hãy dùng tệp .xlsx hoặc tệp .csv (CSV UTF-8)"
        case .falseUTF8(let file): "\(file) ghi là UTF-8 nhưng thực ra không phải; trong Excel hãy lưu lại dạng “CSV UTF-8 (Comma delimited)”"
        case .notUnicode(let file): "không đọc được \(file) dưới dạng văn bản Unicode; trong Excel hãy lưu dạng “CSV UTF-8 (Comma delimited)”"
        case .notUTF8(let file):
            "\(file) không phải văn bản UTF-8, và chữ trong tệp cũng không đọc ra tiếng Việt theo bảng mã Windows-1258, TCVN3 (ABC) hay VNI; trong Excel hãy chọn File › Save As › “CSV UTF-8 (Comma delimited)” (hoặc nhập thẳng tệp .xlsx)"
        case .cellTooLong(let file, let row):
            "\(file): dòng \(row) có một ô dài hơn mức Excel cho phép (32.767 ký tự); tệp bị hỏng hoặc không phải danh sách sản phẩm, hoặc có dấu ngoặc kép (\") mở mà không đóng"
        case .xlsxTooLarge(let file, let megabytes, let limit):
            "\(file) nặng \(megabytes) MB, lớn hơn nhiều so với một danh sách sản phẩm (10.000 sản phẩm chỉ khoảng 1 MB dạng .xlsx); Dinh đọc sổ làm việc tối đa \(limit) MB: hãy chia nhỏ danh sách, hoặc kiểm tra đúng tệp chưa"
        case .notXLSX(let file): "\(file) không phải tệp .xlsx hợp lệ (không mở được như một sổ làm việc); hãy mở bằng Excel và lưu lại dạng Excel Workbook (.xlsx)"
        case .xlsxPartTooLarge(let file, let limit, let part):
            "\(file) khi giải nén lớn hơn \(limit) MB (phần \(part)), lớn hơn nhiều so với một danh sách sản phẩm (10.000 sản phẩm chỉ khoảng 5 MB): đây không phải danh sách sản phẩm, hoặc tệp bị hỏng; hãy mở bằng Excel và lưu lại, hoặc chia nhỏ danh sách"
        case .xlsxDamaged(let file, let part): "\(file) bị hỏng (không giải nén được \(part)); hãy mở bằng Excel và lưu lại"
        case .noSuchSheet(let file, let sheet, let sheets): "\(file) không có trang tính nào tên '\(sheet)'; các trang tính của tệp là \(sheets)"
        case .noWorksheet(let file): "\(file) không có trang tính nào; hãy đặt danh sách sản phẩm ở trang tính đầu tiên"
        case .tooMuchText(let file, let millions):
            "\(file) chứa nhiều chữ hơn mức một bảng tính có thể có (một ô dài hơn 32.767 ký tự của Excel, hoặc hơn \(millions) triệu đoạn chữ): tệp bị hỏng hoặc không phải danh sách sản phẩm; hãy mở bằng Excel và lưu lại"
        case .sheetUnreadable(let file): "\(file): không đọc được trang tính đầu tiên; hãy mở tệp bằng Excel và lưu lại"
        case .newCodes(let codes, let count):
            "mã QR của các sản phẩm mới (\(count)): \(codes); khi trang đã đăng ở địa chỉ thật, hãy in biển bằng `dinh qr`"
        case .nothingImported: "chưa nhập gì: hãy sửa các lỗi trên rồi nhập lại"
        case .imported(let products, let producers, let updated, let unchanged, let upToDate, let converted):
            "đã nhập: " + (["\(products) sản phẩm mới"]
                + (producers > 0 ? ["\(producers) chủ thể mới"] : [])
                + (updated > 0 ? ["\(updated) sản phẩm được cập nhật"] : [])
                + (unchanged > 0 ? ["\(unchanged) sản phẩm đã có nên giữ nguyên (nhập với --update để thay)"] : [])
                + (upToDate > 0 ? ["\(upToDate) sản phẩm đã đúng như bảng"] : [])).joined(separator: ", ")
                + (converted.isEmpty ? "" : "; đã chuyển sang Unicode " + Self.counts(converted).map { "\($0.value) ô từ \($0.key.label)" }.joined(separator: ", "))
        }
    }
}
