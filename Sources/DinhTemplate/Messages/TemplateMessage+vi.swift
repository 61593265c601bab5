import DinhCore

extension TemplateMessage {
    package var vietnamese: String {
        switch self {
        case .tagNotFinished(let missing): "một thẻ chưa viết xong (thiếu \(missing))"
        case .tagNoName: "một thẻ không có tên"
        case .dynamicName(let tag): "\(tag): không hỗ trợ tên động; hãy ghi thẳng tên của mẫu"
        case .outsideBlocks(let written, let parent, let line):
            "\(written) nằm trong \(parent) (dòng \(line)) nhưng ở ngoài các khối của nó, nên sẽ không bao giờ hiện: chỉ các khối {{$block}}…{{/block}} mới điền vào mẫu cha"
        case .badDelimiters: "thẻ đổi dấu phân cách viết sai (hãy viết như {{=<% %>=}})"
        case .neverClosed(let what, let name): "\(what.text(in: .vi)) chưa được đóng bằng {{/\(name)}}"
        case .closesUnopened(let name): "{{/\(name)}} đóng một đoạn chưa từng được mở"
        case .closesOther(let name, let what, let line, let expected): "{{/\(name)}} đóng \(what.text(in: .vi)) mở ở dòng \(line): hãy đóng bằng {{/\(expected)}}"
        case .fillsTwice(let block, let parent): "\(block) điền vào \(parent) hai lần"
        }
    }
}
