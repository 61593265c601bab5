import DinhCore

extension ImportMessage {
    var vietnamese: String {
        switch self {
        case .nothingImported: "chưa nhập gì: hãy sửa các lỗi trên rồi nhập lại"
        case .imported(let products, let producers, let updated, let unchanged):
            "đã nhập: " + (["\(products) sản phẩm mới"]
                + (producers > 0 ? ["\(producers) chủ thể mới"] : [])
                + (updated > 0 ? ["\(updated) sản phẩm được cập nhật"] : [])
                + (unchanged > 0 ? ["\(unchanged) sản phẩm đã có nên giữ nguyên (nhập với --update để thay)"] : [])).joined(separator: ", ")
        }
    }
}
