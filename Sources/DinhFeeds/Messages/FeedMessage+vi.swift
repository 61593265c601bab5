import DinhCore

extension FeedMessage {
    package var vietnamese: String {
        switch self {
        case .titleTooLong(let length, let market, let maximum):
            "tên dài \(length) ký tự; \(market.name(in: .vi)) chỉ nhận tối đa \(maximum), nên sản phẩm bị bỏ khỏi nguồn cấp của sàn này: hãy rút ngắn 'name'"
        case .nameNotTranslated(let language):
            "sản phẩm chưa có tên bằng \(LocalizedText.languageName(language, in: .vi)): nguồn dữ liệu \(language) bỏ sản phẩm ra; hãy ghi name: trong index.\(language).md, hoặc name: {…, \(language): …} trong index.md"
        case .noDescription: "sản phẩm chưa có mô tả: các sàn hiển thị sản phẩm có mô tả thường xuyên hơn; hãy viết vài câu bên dưới dòng `---` thứ hai"
        case .descriptionTooLong(let length, let market, let maximum):
            "phần mô tả dài \(length) ký tự; \(market.name(in: .vi)) chỉ nhận tối đa \(maximum), nên sản phẩm bị bỏ khỏi nguồn cấp của sàn này: hãy rút ngắn văn bản"
        case .idTooLong(let id, let length, let market, let maximum):
            "mã trong nguồn cấp '\(id)' dài \(length) ký tự; \(market.name(in: .vi)) chỉ nhận tối đa \(maximum): hãy đặt 'sku' ngắn hơn"
        case .priceZero: "giá phải lớn hơn 0; các sàn từ chối sản phẩm miễn phí hoặc chưa có giá"
        case .saleNotLower(let sale, let price): "'sale_price' (\(sale)) phải thấp hơn 'price' (\(price)); các sàn từ chối ưu đãi như vậy"
        case .restrictedGTIN(let gtin):
            "GTIN \(gtin) là số nội bộ của cửa hàng hoặc số phiếu giảm giá (dải GS1 hạn chế), không phải mã vạch các sàn chấp nhận; số này không được đưa vào nguồn cấp; hãy dùng số đã đăng ký với GS1 Việt Nam, hoặc bỏ 'gtin'"
        case .noIdentifier:
            "chưa có 'gtin' và 'brand': nguồn cấp dùng tên chủ thể làm thương hiệu và báo với Google rằng sản phẩm không có mã định danh, nên Google ít hiển thị hơn; hãy thêm 'gtin' (dãy số dưới mã vạch) hoặc 'brand'"
        case .noWayToOrder:
            "trang sản phẩm không có cách nào để mua (không có liên kết 'buy:', chủ thể không có số điện thoại, không có mã thanh toán), mà Google và Meta có thể từ chối sản phẩm trang không bán: hãy thêm 'buy: {shopee: …}', 'phone:' của chủ thể, hoặc 'bank:' của chủ thể để có mã thanh toán"
        case .noPhoto: "sản phẩm chưa có ảnh; Google và Meta từ chối sản phẩm không có ảnh, nên sản phẩm bị bỏ khỏi nguồn cấp của họ: hãy thêm `images: [anh.jpg]`"
        case .noPublishedPhoto: "không ảnh nào của sản phẩm xuất bản được, nên sản phẩm bị bỏ khỏi nguồn cấp Google và Meta; hãy xem các thông báo về ảnh của sản phẩm"
        case .photoTooSmall(let width, let height, let minimum, let googleFrom?):
            "ảnh chính có \(width)×\(height) điểm ảnh; Meta cần ít nhất \(minimum)×\(minimum), nên sản phẩm bị bỏ khỏi danh mục Meta, và từ \(googleFrom) Google cũng cần như vậy: hãy đặt một ảnh lớn hơn lên đầu 'images'"
        case .photoTooSmall(let width, let height, let minimum, nil):
            "ảnh chính có \(width)×\(height) điểm ảnh; Google và Meta cần ít nhất \(minimum)×\(minimum), nên sản phẩm bị bỏ khỏi nguồn cấp của họ: hãy đặt một ảnh lớn hơn lên đầu 'images'"
        case .preorderDate(let date):
            "đặt trước: Google cần ngày giao hàng; nguồn cấp ghi \(date) (một tháng sau lần tạo trang); khi có hàng hãy đặt 'availability: in_stock'"
        case .inTranslation(let problem, let language): "\(problem.text(in: .vi)) (trong index.\(language).md)"
        }
    }
}
