/// Escaping for text put into HTML or XML. Every piece of content text passes through here
/// (the template engine included) so content can never inject markup.
package enum HTML {
    package static func escape(_ text: String) -> String {
        var out = ""
        appendEscaped(text, to: &out)
        return out
    }

    /// Appends `text` with `& < > " '` escaped: runs of plain text are copied whole (most text
    /// has nothing to escape, and Vietnamese text is mostly multi-byte characters).
    package static func appendEscaped(_ text: String, to out: inout String) {
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let entity: String
            switch utf8[index] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default:
                index = utf8.index(after: index)
                continue
            }
            out += text[runStart..<index]
            out += entity
            index = utf8.index(after: index)
            runStart = index
        }
        if runStart == utf8.startIndex {
            out += text
        } else {
            out += text[runStart...]
        }
    }
}
