import DinhCore

extension TemplateMessage: TranslatedTable {
    package var english: String {
        switch self {
        case .tagNotFinished(let missing): "a tag is not finished (missing \(missing))"
        case .tagNoName: "a tag has no name"
        case .dynamicName(let tag): "\(tag): dynamic names are not supported; name the template itself"
        case .outsideBlocks(let written, let parent, let line):
            "\(written) is inside \(parent) (line \(line)) but outside its blocks, where it would never show: only {{$block}}…{{/block}} fill a parent"
        case .badDelimiters: "a set-delimiter tag is malformed (write it as {{=<% %>=}})"
        case .neverClosed(let what, let name): "\(what.text(in: .en)) is never closed with {{/\(name)}}"
        case .closesUnopened(let name): "{{/\(name)}} closes a section that was never opened"
        case .closesOther(let name, let what, let line, let expected): "{{/\(name)}} closes \(what.text(in: .en)) opened on line \(line): close it with {{/\(expected)}}"
        case .fillsTwice(let block, let parent): "\(block) fills \(parent) twice"
        }
    }
}
