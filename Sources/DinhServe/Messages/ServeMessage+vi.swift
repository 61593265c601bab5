import DinhCore

extension ServeMessage {
    package var vietnamese: String {
        switch self {
        case .cannotCreateFile(let folder): "không tạo được tệp trong \(folder)"
        case .overlayHeadingNoSite: "dinh: chưa tạo được trang web. Hãy sửa theo các thông báo bên dưới và lưu; trang này sẽ tự tải lại."
        case .noSiteYet: "Trang web chưa được tạo: hãy xem thông báo của dinh serve."
        case .overlayHeading: "dinh: chưa tạo lại được trang web. Bên dưới là phiên bản tốt gần nhất (bấm vào đây để xem). Hãy sửa và lưu; trang này sẽ tự tải lại."
        case .cannotListen(let host, let port, let reason): "không mở được \(host):\(port): \(reason.text(in: .vi))"
        case .portInUse: "cổng này đang được chương trình khác dùng; hãy chọn cổng khác bằng --port"
        case .noSuchAddress: "máy này không có địa chỉ đó"
        case .notLocalAddress(let host): "'\(host)' không phải địa chỉ IP của máy này; hãy dùng 127.0.0.1 (máy này) hoặc 0.0.0.0 (mạng nội bộ)"
        case .serverNotStarted: "không khởi động được máy chủ xem trước"
        }
    }
}
