import DinhCore

extension QRMessage {
    package var vietnamese: String {
        switch self {
        case .codeDeclaredTwice(let code, let also): "mã \(code) được khai báo hai lần (cả ở \(also)); chỉ giữ một"
        case .declaredButCarried(let code, let retired, let target, let at):
            "mã \(code) được khai báo là \(retired ? "thôi dùng" : "đã chuyển") nhưng \(target) vẫn ghi `code: \(code)` (\(at)); hãy bỏ khai báo hoặc đổi mã của mục đó"
        case .movedToNothing(let code, let to):
            "mã \(code) được chuyển sang \(to), nhưng không mục nào mang mã đó và mã đó cũng không được chuyển hay thôi dùng; hãy ghi một mã đang có hoặc một trang như heritage/<slug>"
        case .moveLoops(let code, let chain): "việc chuyển mã \(code) bị lặp vòng: \(chain.joined(separator: " → ")); hãy cho chuỗi chuyển kết thúc ở một mục hoặc một trang"
        case .movedToUnknown(let code, let to):
            "mã \(code) được chuyển sang '\(to)', nhưng đó không phải mã hay trang nào của trang web này; hãy ghi một mã (DP01) hoặc đường dẫn một trang (heritage/<slug>)"
        case .targetNotRecordable(let code, let target, let file): "mã \(code) trỏ tới '\(target)', địa chỉ này không ghi được vào \(file)"
        case .retiredNowOpens(let code, let at, let target): "mã \(code) đã thôi dùng (\(at)) và nay mở \(target): các biển đã in cho mục cũ sẽ mở mục này"
        case .movedNowOpens(let code, let to, let at, let target): "mã \(code) đã được chuyển sang \(to) (\(at)) và nay lại mở \(target)"
        case .declaredNeverPublished(let code, let retired, let lock):
            "mã \(code) được khai báo là \(retired ? "thôi dùng" : "đã chuyển") nhưng chưa từng được xuất bản (không có trong \(lock)); nếu đó là lỗi gõ, hãy sửa hoặc xoá khai báo"
        case .publishedCodeDropped(let code, let publishedFor, let movedTo, let lock):
            "mã QR \(code) đã \(publishedFor.map { "được xuất bản cho \($0)" } ?? movedTo.map { "được chuyển sang \($0)" } ?? "thôi dùng") (ghi trong \(lock)) nhưng nay không còn mục nào trong nội dung mang mã này, nên các biển đã in có mã này sẽ không mở được nữa; hãy khôi phục mục đó với `code: \(code)`, hoặc khai báo trong site.yaml mã này nay trỏ tới đâu (`moved_codes: {\(code): <mã mới>}`) hay đã thôi dùng (`retired_codes: {\(code): \"lời nhắn cho khách\"}`); nếu chưa từng in biển nào có mã này và trang chưa từng đăng (mục mẫu, mục thử), hãy xoá dòng đó trong tệp khoá"
        case .publishedCodeChanged(let code, let now, let lock):
            "mã QR của trang này trước là \(code) (ghi trong \(lock) khi xuất bản) nay là \(now), nên các biển đã in mã \(code) sẽ không mở được nữa; hãy giữ `code: \(code)`, hoặc thêm `moved_codes: {\(code): \(now)}` vào site.yaml để các biển đó mở trang này"
        case .printedCodeTaken(let code, let printedFor, let now, let lock):
            "mã QR \(code) đã in trên các biển mở trang \(printedFor) (ghi trong \(lock)), và trang đó vẫn còn, nay mang mã \(now): các biển ấy sẽ mở nhầm sang trang này; hãy trả lại `code: \(code)` cho \(printedFor), và đặt cho trang này một mã mới (chưa có trong \(CodesLock.fileName))"
        case .boardPaymentChanged(let code, let printed, let now, let lock):
            "biển đã in với mã \(code) có mã chuyển khoản vào tài khoản \(printed) (\(lock)), còn sản phẩm này nay " + (now.map { "nhận tiền vào \($0)" } ?? "không còn mã chuyển khoản") + ": người mua quét biển cũ sẽ chuyển tiền vào tài khoản cũ; hãy in biển mới của sản phẩm (trên trang in qr/index.html, hoặc tệp qr/\(code)-placard.svg do dinh qr ghi) và thay các biển cũ"
        case .printedCodeFollows(let code, let printedFor, let lock):
            "mã QR \(code) đã in cho \(printedFor) (ghi trong \(lock)), trang đó nay không còn, và các biển có mã này, cùng các liên kết tới địa chỉ cũ, nay mở trang này: nếu đây vẫn là mục ấy, chỉ đổi tên thư mục, thì không cần làm gì; nếu là mục khác, hãy đặt cho trang này một mã mới, và ghi trong site.yaml các biển mã \(code) nay mở đâu (`moved_codes: {\(code): …}` hoặc `retired_codes: {\(code): …}`)"
        case .printedAddressChanged(let printed, let now, let lock):
            "các biển đã in mang địa chỉ \(printed) (ghi trong \(lock)), nay base_url là \(now): điện thoại quét biển cũ sẽ mở \(printed)q/<MÃ>, nên địa chỉ cũ phải vẫn mở được trang web này (giữ tên miền cũ trỏ về đây, hoặc chuyển hướng sang địa chỉ mới); nếu không, hãy in lại các biển (qr/index.html) và thay tất cả"
        case .formerAddressTaken(let path, let code, let now):
            "trang này dùng địa chỉ \(path)/, là địa chỉ cũ của trang mã \(code) (nay là \(now)) từ khi thư mục ấy đổi tên: các liên kết đã chia sẻ tới địa chỉ ấy (Facebook, Zalo, kết quả tìm kiếm) nay mở trang này; nếu không muốn vậy, hãy đặt tên khác cho thư mục này"
        case .notAQRCode(let code, let file): "'\(code)' không phải mã QR (2–12 ký tự A–Z và 0–9); các dòng của \(file) có dạng `CODE target`, `CODE moved OTHER` hoặc `CODE retired`"
        case .lockLineFromLaterDinh(let file): "dòng này của \(file) do một phiên bản Dinh mới hơn ghi, phiên bản đó ghi thêm thông tin cho mỗi mã: hãy cập nhật Dinh trên máy này (tệp vẫn đúng; đừng sửa tệp)"
        case .lockLineUnreadable(let file): "không đọc được dòng này của \(file); các dòng có dạng `CODE target`, `CODE moved OTHER` hoặc `CODE retired` (hãy khôi phục tệp từ bản lưu trước)"
        case .lockCodeTwice(let code, let file, let line): "mã \(code) được ghi hai lần trong \(file) (lần đầu ở dòng \(line)); chỉ giữ một dòng (hãy khôi phục tệp từ bản lưu trước)"
        case .lockUnreadable(let file): "không đọc được \(file); hãy kiểm tra quyền truy cập tệp"
        case .lockNotUTF8(let file): "\(file) không phải văn bản UTF-8; hãy khôi phục tệp từ bản lưu trước"
        case .qrEmpty: "mã QR cần có nội dung để mã hoá"
        case .qrNUL: "văn bản cần mã hoá chứa ký tự NUL"
        case .qrTooLong(let bytes, let level):
            "\(bytes) byte không vừa mã QR lớn nhất (phiên bản 40) ở mức sửa lỗi \(level); hãy dùng base_url ngắn hơn hoặc mức sửa lỗi thấp hơn"
        case .qrEncoder(let code): "libqrencode gặp lỗi (errno \(code))"
        case .qrPNG(let detail): "không ghi được mã QR dạng PNG: \(detail)"
        }
    }
}
