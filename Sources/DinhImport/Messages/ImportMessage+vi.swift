import DinhCore

extension ImportMessage {
    var vietnamese: String {
        switch self {
        case .nothingImported: "chưa nhập gì: hãy sửa các lỗi trên rồi nhập lại"
        case .imported(let products, let producers, let updated, let unchanged, let converted):
            "đã nhập: " + (["\(products) sản phẩm mới"]
                + (producers > 0 ? ["\(producers) chủ thể mới"] : [])
                + (updated > 0 ? ["\(updated) sản phẩm được cập nhật"] : [])
                + (unchanged > 0 ? ["\(unchanged) sản phẩm đã có nên giữ nguyên (nhập với --update để thay)"] : [])).joined(separator: ", ")
                + (converted.isEmpty ? "" : "; đã chuyển sang Unicode " + Self.counts(converted).map { "\($0.value) ô từ \($0.key.label)" }.joined(separator: ", "))
        }
    }
}
