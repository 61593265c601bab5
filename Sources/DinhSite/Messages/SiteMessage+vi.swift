import DinhCore

extension SiteMessage {
    var vietnamese: String {
        switch self {
        case .stepLoad: "đọc nội dung"
        case .stepValidate: "giao diện và mã QR"
        case .stepMedia: "ảnh"
        case .stepTiles: "ảnh 360°"
        case .stepCodes: "mã QR"
        case .stepPages: "trang"
        case .stepFeeds: "nguồn cấp dữ liệu và sơ đồ trang"
        case .stepLinks: "liên kết"
        case .stepPublish: "xuất bản"
        }
    }
}
