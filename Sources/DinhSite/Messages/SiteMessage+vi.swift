import DinhCore

extension SiteMessage {
    package var vietnamese: String {
        switch self {
        case .codeSummary(let code, let version, let modules, let level, let alphanumeric, let payload, let meeting, let payVersion, let payModules, let payLevel):
            "\(code): phiên bản \(version), \(modules)×\(modules) ô vuông, mức sửa lỗi \(level), \(alphanumeric ? "địa chỉ viết hoa (mã nhỏ hơn)" : "địa chỉ như đã viết"): \(payload)"
                + (meeting ? "; tờ A4 đặt trên bàn họp: qr/\(code)-placard.html" : "")
                + (payVersion.map { "; mã thanh toán VietQR: phiên bản \($0), \(payModules ?? 0)×\(payModules ?? 0) ô vuông, mức sửa lỗi \(payLevel ?? ""), qr/\(code)-pay.png" } ?? "")
        case .baseURLOverride(let value): "'\(value)' không phải địa chỉ web đầy đủ bắt đầu bằng https://"
        case .outputBeforeMedia(let path): "chưa ghi được \(path) khi thư mục kết quả chưa được chuẩn bị (bước ảnh)"
        case .unknownStep(let name, let steps): "một bước được thêm sau '\(name)', nhưng bản dựng không có bước nào tên như vậy; các bước là: \(steps.joined(separator: ", "))"
        case .photoUnusable(let path, let reason): "'\(path)' không dùng được: \(reason.text(in: .vi))"
        case .notAnImage: "không đọc được tệp này như một ảnh"
        case .outputOverwritesContent(let path, let beside?):
            "thư mục kết quả \(path) nằm trong thư mục nội dung, và trang web dựng ở đó sẽ bị đọc lẫn vào nội dung; hãy dựng bên cạnh: --output \(beside)"
        case .outputOverwritesContent(let path, nil): "thư mục kết quả \(path) sẽ ghi đè lên nội dung hoặc một thư mục hệ thống; hãy chọn thư mục --output khác"
        case .outputHoldsOtherFiles(let path, let example): "thư mục \(path) đang chứa tệp hoặc thư mục không phải trang web (ví dụ \(example)): dựng trang sẽ thay cả thư mục nên chúng sẽ mất; hãy chọn thư mục --output trống hoặc mới, hoặc chuyển các tệp đó đi nơi khác trước"
        case .outputIsFile(let path): "\(path) là một tệp, không phải thư mục; hãy chọn thư mục --output khác"
        case .cannotCreateFolderIn(let path, let reason): "không tạo được thư mục trong \(path): \(reason)"
        case .writeOutside(let path): "không ghi \(path) vì nằm ngoài thư mục kết quả"
        case .cannotCreateFolder(let path, let reason): "không tạo được thư mục \(path): \(reason)"
        case .cannotPublish(let source, let relative, let reason): "không xuất bản được \(source) thành \(relative): \(reason)"
        case .diskFull(let folder, let free, let needed):
            "ổ đĩa chứa \(folder) đã đầy (còn trống \(free); trang web cần khoảng \(needed)): hãy giải phóng bớt dung lượng hoặc chọn thư mục --output khác, rồi tạo lại. Trang web đã xuất bản vẫn giữ nguyên"
        case .cannotPutSite(let path, let reason): "không đặt được trang web mới vào \(path): \(reason)"
        case .cannotOpenFolder(let path, let reason): "không mở được thư mục \(path): \(reason)"
        case .cannotLock(let path, let reason): "không khoá được \(path): \(reason)"
        case .lockNotUpdated(let lock, let reason): "đã ghi kết quả, nhưng không cập nhật được \(lock): \(reason)"
        case .cannotMakeQR(let code, let reason): "không tạo được mã QR của \(code): \(reason.text(in: .vi))"
        case .captionsAfterTheEnd(let path, let at, let audio, let length):
            "'\(path)' có một dòng phụ đề ở \(at), sau khi '\(audio)' đã hết (\(length)): phụ đề này không thuộc bản ghi âm này; hãy kiểm tra tệp phụ đề và bản ghi âm có cùng một phiên bản"
        case .waitingForOtherBuild(let folder): "một lệnh dinh build khác đang ghi \(folder); đang chờ lệnh đó xong"
        case .noSuchCode(let code, let suggestion):
            "không trang nào của trang web có mã \(code)" + (suggestion.map { "; có phải ý bạn là \($0)?" } ?? "") + " (mã là dòng `code:` của mỗi trang, và các dòng của codes.lock)"
        case .printingExampleAddress(let url):
            "chưa in gì: 'base_url' vẫn là địa chỉ mẫu \(url), biển in ra sẽ không mở được trang nào; hãy viết vào site.yaml địa chỉ nơi trang web sẽ được đăng, rồi in"
        case .cannotDrawPayQR(let code, let reason): "không vẽ được mã thanh toán VietQR của \(code): \(reason.text(in: .vi))"
        case .placardNameCut(let code, let language, let printed, let size, let room):
            "tên \(LocalizedText.languageName(language, in: .vi)) quá dài so với biển QR của \(code) (khổ \(size)) nên bị in cắt: '\(printed)'; biển chỉ đủ chỗ cho khoảng \(room) ký tự của tên (khổ giấy nào cũng vậy): hãy rút gọn tên"
        case .cannotDrawQR(let code, let reason): "không vẽ được mã QR của \(code): \(reason.text(in: .vi))"
        case .cannotKeepQR(let code, let folder, let reason): "không lưu được mã QR của \(code) vào \(folder): \(reason.text(in: .vi))"
        case .themeMissing(let folder, let beside): "thiếu giao diện có sẵn: thư mục \(folder) phải nằm cạnh dinh (trong \(beside)); hãy chép thư mục ấy từ nơi dinh được dựng (.build/release/) sang, hoặc cài cả hai bằng `make install`"
        case .templateUnused(let templates): "dinh không dùng mẫu này (các mẫu là: \(templates.joined(separator: ", ")); mẫu con bắt đầu bằng _)"
        case .templateNotUTF8: "không đọc được mẫu này dưới dạng văn bản UTF-8"
        case .templateError(let detail): "mẫu này có lỗi Mustache: \(detail.text(in: .vi))"
        case .templateMissingPartial(let tag, let name): "mẫu này dùng \(tag), nhưng không có mẫu \(name).mustache"
        case .panoramaUnreadable(let path): "không đọc được '\(path)'"
        case .panoramaUnusable(let path, let reason): "'\(path)' không dùng được làm ảnh 360°: \(reason.text(in: .vi))"
        case .panoramaBlurred(let path, let width):
            "'\(path)' chỉ rộng \(width) điểm ảnh nên sẽ bị mờ; hãy xuất ảnh 360° ít nhất 4096×2048 (điện thoại và máy ảnh 360° chụp được 6000×3000 trở lên)"
        case .brokenLink(let onPage, let page, let attribute, let link, let problem, let byTheme):
            "liên kết hỏng \(onPage ? "trên trang" : "trong") \(page): \(attribute) '\(link)' \(problem.text(in: .vi))" + (byTheme ? " (do giao diện tạo ra)" : "")
        case .textLinkBroken(let link, let page, let problem): "liên kết '\(link)' trên trang \(page) \(problem.text(in: .vi))"
        case .linkEmpty: "đang trống"
        case .linkOutsideSite(let folder): "trỏ ra ngoài thư mục của trang web \(folder) (trang có thể được xuất bản trong một thư mục con: hãy dùng liên kết tương đối)"
        case .linkBadEscape: "không phải địa chỉ hợp lệ (mã % sai)"
        case .linkAboveRoot: "đi lên cao hơn thư mục gốc của trang web"
        case .linkMissingTarget(let target): "dẫn tới /\(target), nhưng trang web dựng ra không có địa chỉ ấy"
        case .linkMissingScene(let scene, let target): "dẫn tới cảnh '\(scene)', nhưng cảnh này không có trong tour 360° của \(target)"
        case .linkMissingID(let target, let id): "dẫn tới \(target), nhưng trang đó không có phần tử nào có id '\(id)'"
        case .hotspotNoScene(let from, let scenes): "trong cảnh '\(from)' không dẫn tới cảnh nào của tour này (các cảnh: \(scenes.joined(separator: ", ")))"
        case .moreTiles(let problem, let count): "\(problem.text(in: .vi)) (và \(count) ô ảnh khác của ảnh 360° này)"
        case .stepLoad: "đọc nội dung"
        case .stepValidate: "giao diện và mã QR"
        case .stepMedia: "ảnh, âm thanh và ảnh 360°"
        case .stepCodes: "mã QR"
        case .stepPages: "trang"
        case .stepFeeds: "nguồn cấp dữ liệu và sơ đồ trang"
        case .stepLinks: "liên kết"
        case .stepPublish: "xuất bản"
        }
    }
}
