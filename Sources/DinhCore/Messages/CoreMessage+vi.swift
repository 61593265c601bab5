

extension CoreMessage {
    package var vietnamese: String {
        switch self {
        case .formulaStart(let field, let first, let shown):
            "\(field ?? "phần mô tả") bắt đầu bằng \(Self.character(first, in: .vi)), ký tự mà Excel và LibreOffice hiểu là đầu một công thức khi mở tệp CSV cho Meta (feeds/meta-catalog.csv); Dinh ghi vào đó thành \(shown) (thêm dấu ' ở đầu) để giữ nguyên là văn bản, và Meta cũng hiện dấu ' đó: trừ khi văn bản thật sự phải bắt đầu như vậy, hãy bắt đầu bằng chữ cái hoặc chữ số"
        case .cannotWrite(let path, let reason): "không ghi được \(path): \(reason)"
        }
    }
}
