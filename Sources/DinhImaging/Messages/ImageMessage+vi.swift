import DinhCore

extension ImageMessage {
    package var vietnamese: String {
        switch self {
        case .pngEncodingFailed(let detail): "không mã hoá được PNG: \(detail)"
        case .notPNG: "không phải ảnh PNG"
        case .notJPEG: "không phải ảnh JPEG"
        case .jpegEncodingFailed(let detail): "không mã hoá được JPEG: \(detail)"
        case .tooManyMetadataBlocks(let count):
            "ảnh JPEG chứa \(count) khối thông tin kèm theo (EXIF, hồ sơ màu); máy ảnh và phần mềm sửa ảnh chỉ ghi vài khối: hãy lưu lại ảnh từ một phần mềm sửa ảnh"
        case .noMemoryToOpenJPEG: "không đủ bộ nhớ để mở ảnh JPEG"
        case .notJPEGOrPNG: "không phải ảnh JPEG hay PNG"
        case .otherFormat(let name) where name == "HEIC":
            "đây là ảnh HEIC của iPhone, không phải JPEG dù tên tệp ghi như vậy; hãy lưu lại dạng JPEG (.jpg), và để iPhone chụp JPEG: Cài đặt › Camera › Định dạng › Tương thích nhất"
        case .otherFormat(let name): "đây là tệp \(name), không phải ảnh JPEG hay PNG dù tên tệp ghi như vậy; hãy mở tệp và lưu hình dạng JPEG (.jpg)"
        case .truncated: "tệp bị cắt cụt (thiếu phần cuối), như khi chép tệp bị dừng giữa chừng: hãy chép lại từ máy ảnh hoặc điện thoại"
        case .noMemoryToDecodeJPEG: "không đủ bộ nhớ để giải mã ảnh JPEG"
        case .tooLargeToDecode: "ảnh quá lớn để giải mã"
        case .damagedJPEG(let detail): "ảnh JPEG bị hỏng: \(detail)"
        case .damagedInside: "ảnh bị hỏng ở giữa tệp, như khi thẻ nhớ hay USB có chỗ hỏng: một phần ảnh sẽ hiện màu xám hoặc sai màu; hãy chép lại từ máy ảnh hoặc điện thoại, hoặc chụp lại"
        case .cannotRead(let reason): "không đọc được tệp (\(reason))"
        case .emptyFile: "tệp trống, không phải ảnh JPEG hay PNG"
        case .noPixels(let width, let height): "ảnh không có điểm ảnh nào (\(width)×\(height))"
        case .tooManyPixels(let width, let height, let limit, let fitWidth, let fitHeight):
            "ảnh quá lớn: \(width)×\(height) điểm ảnh, giới hạn là \(limit % 1_000_000 == 0 ? "\(limit / 1_000_000) triệu" : "\(limit)") điểm ảnh; hãy lưu ảnh nhỏ hơn, tối đa \(fitWidth)×\(fitHeight) (Paint: Resize/Đổi kích thước; Photoshop: Image › Image Size; GIMP: Image › Scale Image)"
        case .truncatedPNGHeader: "tệp bị cắt cụt (thiếu phần cuối) trước khi hết phần đầu PNG"
        case .pngFirstChunk: "ảnh PNG bị hỏng: khối đầu tiên không phải IHDR"
        case .noMemoryToDecodePNG: "không đủ bộ nhớ để giải mã ảnh PNG"
        case .damagedPNG(let detail): "ảnh PNG bị hỏng: \(detail ?? "libpng không đọc được")"
        case .noMemoryForPixels(let width, let height): "không đủ bộ nhớ để giải mã \(width)×\(height) điểm ảnh"
        case .cannotWrite(let reason): "không ghi được (\(reason))"
        case .cannotCreateFolder(let reason): "không tạo được thư mục (\(reason))"
        }
    }
}
