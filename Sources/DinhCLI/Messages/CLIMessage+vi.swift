import DinhCore

extension CLIMessage {
    package var vietnamese: String {
        switch self {
        case .rootAbstract: "Tạo trang web di tích và sản phẩm OCOP từ một thư mục nội dung."
        case .rootDiscussion:
            "Bắt đầu bằng `dinh init`, sửa các tệp, rồi chạy `dinh build`. Mỗi lỗi được báo kèm tệp:dòng:cột. "
                + "Thông báo bằng tiếng Việt khi máy đặt ngôn ngữ tiếng Việt (LANG=vi_VN.UTF-8) hoặc với --lang vi; --lang en để dùng tiếng Anh."
        case .buildAbstract: "Tạo trang web vào thư mục kết quả (mặc định ./public)."
        case .checkAbstract: "Kiểm tra nội dung, ảnh, liên kết và mã QR; không tạo trang nào."
        case .serveAbstract: "Xem trước trang web trong trình duyệt; trang được tạo lại và tải lại mỗi khi một tệp nội dung thay đổi."
        case .serveDiscussion:
            """
            Trang web được tạo vào một thư mục tạm (bị xoá khi dừng; chọn thư mục khác bằng --output) và mở \
            tại http://127.0.0.1:8080/. Với --host 0.0.0.0, điện thoại dùng cùng mạng Wi-Fi cũng mở được. \
            Khi có lỗi, lỗi được in ở đây và hiện trên trang trong trình duyệt, và phiên bản tốt gần nhất \
            vẫn được giữ trên màn hình. Dừng bằng Ctrl-C.
            """
        case .qrAbstract: "Chỉ ghi mã QR (PNG, SVG) và biển in được vào <thư mục kết quả>/qr/."
        case .importAbstract: "Nhập một danh sách từ bảng tính vào thư mục nội dung."
        case .importProductsAbstract: "Tạo thư mục sản phẩm (và chủ thể còn thiếu) từ danh sách CSV hoặc .xlsx của hợp tác xã."
        case .importProductsDiscussion:
            "Tên cột có thể bằng tiếng Việt hoặc tiếng Anh (Tên sản phẩm, Giá, Số sao OCOP, Nhóm, HTX…). Nếu có ô nào sai thì không ghi gì cả."
        case .initAbstract: "Tạo thư mục nội dung mới với một di tích mẫu và một sản phẩm mẫu."
        case .helpContentFolder: "Thư mục nội dung."
        case .helpOutput: "Thư mục kết quả, được thay toàn bộ khi tạo trang thành công."
        case .helpBaseURL: "Dùng địa chỉ này thay cho base_url trong site.yaml."
        case .helpJobs: "Số ảnh xử lý cùng lúc (mặc định: số nhân của máy)."
        case .helpQuiet: "Chỉ in các lỗi và cảnh báo."
        case .helpQROutput: "Thư mục kết quả của trang web; mã QR được ghi vào thư mục qr/ trong đó."
        case .helpPlacardSize: "Khổ giấy in biển: A3 (biển đặt ở cổng), A4, A5 hoặc A6."
        case .helpPort: "Cổng để mở (mặc định 8080, hoặc cổng trống tiếp theo; 0: bất kỳ cổng trống nào)."
        case .helpHost: "Địa chỉ để mở: 127.0.0.1 (chỉ máy này) hoặc 0.0.0.0 (cả điện thoại trong cùng mạng)."
        case .helpServeOutput: "Tạo trang vào thư mục này và giữ lại (mặc định: một thư mục tạm)."
        case .helpSpreadsheet: "Bảng tính: .csv (UTF-8, có hoặc không có BOM) hoặc .xlsx."
        case .helpSheet: "Trang tính cần nhập của sổ làm việc .xlsx, theo tên ghi trên thẻ của trang (mặc định là trang đầu tiên)."
        case .helpUpdate: "Cập nhật các sản phẩm đã có theo bảng tính, giữ những gì bảng tính không ghi (mặc định giữ nguyên sản phẩm đã có)."
        case .helpInitFolder: "Thư mục cần tạo."
        case .helpLanguage: "Ngôn ngữ của thông báo: vi (tiếng Việt) hoặc en (tiếng Anh); mặc định theo ngôn ngữ của máy (LANG)."
        case .jobsAtLeastOne: "--jobs phải từ 1 trở lên"
        case .portRange: "--port phải từ 0 đến 65535"
        case .placardSizeChoice: "--size phải là A3, A4, A5 hoặc A6"
        case .helpQRCodes: "Mã của các biển cần in riêng (DP04 HT42): chúng có thêm tờ in qr/print.html."
        case .codeAsContentFolder(let code): "\(code) là một mã, không phải thư mục nội dung: hãy ghi thư mục trước, `dinh qr content \(code)`"
        case .unknownCommand(let found, let guess): "không có lệnh '\(found)'; có phải ý bạn là 'dinh \(guess)'? ('dinh --help' liệt kê các lệnh)"
        case .languageChoice(let found): "--lang phải là vi (tiếng Việt) hoặc en (tiếng Anh), không phải '\(found)'"
        case .sheetOfCSV(let file): "--sheet dùng để chọn một trang tính của sổ làm việc .xlsx; \(file) là tệp CSV, chỉ có một trang: hãy bỏ --sheet"
        case .spreadsheetExtension(let file): "\(file) phải là tệp .csv hoặc .xlsx (trong Excel: Tệp › Lưu thành › CSV UTF-8)"
        case .initFolderNotEmpty(let folder): "\(folder) đã có và không trống; hãy chọn tên thư mục mới để không ghi đè gì"
        case .summaryErrors(let errors, let warnings):
            "\(errors) lỗi, \(warnings) cảnh báo: hãy sửa các lỗi trên rồi chạy lại (chưa có gì bị thay đổi)"
        case .summaryWarnings(let warnings): "\(warnings) cảnh báo"
        case .moreWarningsLikeThis(let count): "  … và cùng cảnh báo này cho \(count) tệp khác (`dinh check` liệt kê đầy đủ)"
        case .built(let pages, let files, let output, let seconds, let processed, let cached):
            "Đã tạo \(pages) trang (\(files) tệp) vào \(output) trong \(seconds) giây; ảnh: \(processed) ảnh đã xử lý, \(cached) ảnh lấy từ bộ nhớ đệm"
        case .noErrors(let content): "Không có lỗi trong \(content)"
        case .printOnly(let count, let sheet): "Để chỉ in \(count == 1 ? "biển này" : "\(count) biển này"): mở \(sheet) rồi in (Ctrl+P) ở tỉ lệ 100 %"
        case .wroteCodes(let count, let output): "Đã ghi \(count) mã QR và biển vào \(output)/qr (in từ \(output)/qr/index.html)"
        case .created(let folder):
            """
            Đã tạo \(folder)/ với một di tích, một sản phẩm, một chủ thể và một trang mẫu.
            Tiếp theo: sửa \(folder)/site.yaml, rồi chạy `dinh serve \(folder)` để xem trước trong trình duyệt (trang tự cập nhật khi bạn sửa,
            và đặt điểm chạm trên ảnh 360° bằng cách bấm chuột); khi xong, `dinh build \(folder)` tạo trang web trong public/.
            """
        case .noContentFolder(let folder): "không có thư mục nội dung ở \(folder); hãy tạo bằng `dinh init \(folder)`"
        case .serving(let url): "Xem trước tại \(url)"
        case .servingHere(let url): "Xem trước tại \(url) (máy này)"
        case .servingNetwork(let url): "           và \(url) (điện thoại trong cùng mạng)"
        case .watching: "Đang theo dõi thay đổi; bấm Ctrl-C để dừng."
        case .helpEdit: "Giữ trình sửa chuyến tham quan khi --host mở bản xem trước cho cả mạng (mặc định chỉ bật trên 127.0.0.1; chỉ máy này được sửa)."
        case .tourEditorOn: "Sửa chuyến tham quan: mở trang một di tích rồi bấm \"Sửa chuyến tham quan\" để đặt điểm chạm bằng cách bấm chuột."
        case .tourEditorOnNetwork(let host, let url):
            "cảnh báo: --edit cùng --host \(host): trình sửa chuyến tham quan đang bật trong khi bản xem trước mở cho cả mạng; chỉ máy này (\(url)) được sửa, nhưng mọi người trong mạng đều thấy trang khi anh/chị sửa"
        case .fileChanged(let file): "\(file) đã thay đổi: "
        case .filesChanged(let count): "\(count) tệp đã thay đổi: "
        case .rebuilt(let cause, let pages, let seconds): "\(cause)đã tạo \(pages) trang trong \(seconds) giây"
        case .rebuildFailed(let cause, let errors, let firstBuild):
            "\(cause)\(errors) lỗi: \(firstBuild ? "chưa có gì để hiển thị" : "vẫn hiển thị bản tốt gần nhất"); lưu bản sửa và trang sẽ tự tải lại"
        }
    }
}
