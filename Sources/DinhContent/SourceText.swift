import DinhCore
import Foundation

/// A content file's text with its front matter split off, and the lines where each part starts.
package struct SourceText {
    var path: String
    package var frontMatter: String?
    /// Lines before the front matter's first line (the opening `---`).
    var frontMatterLineOffset: Int
    var body: String
    var bodyFirstLine: Int
    /// False when an opening `---` has no closing one.
    var frontMatterClosed = true

    /// Reads a text file the way people save them on Windows: UTF-8 with or without BOM, CRLF
    /// line ends. Binary files and other encodings are refused with a message saying what to do.
    package static func read(_ url: URL, path: String) -> Result<String, Diagnostic> {
        let start = SourceLocation(path: path)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(.error(start, "this file cannot be read; check that it exists and is not open in another program"))
        }
        // On the raw bytes: iterating `Data` byte by byte showed in profiles of large catalogues.
        let decoded: String?? = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil { return .none }
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return .some(String(validating: UnsafeBufferPointer(rebasing: bytes[bom...]), as: UTF8.self))
        }
        guard let decoded else {
            return .failure(.error(start, "this is not a text file (it contains binary data); it must be text saved as UTF-8"))
        }
        guard var text = decoded else {
            return .failure(.error(start, "this file is not in UTF-8, so Vietnamese letters would be garbled; save it again choosing the UTF-8 encoding"))
        }
        if text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(text.nfc)
    }

    /// Splits `---` front matter from the Markdown body.
    package static func split(_ text: String, path: String) -> SourceText {
        let lines = text.lines
        guard lines.first.map({ $0.trimmed == "---" }) == true else {
            return SourceText(path: path, frontMatter: nil, frontMatterLineOffset: 0, body: text, bodyFirstLine: 1)
        }
        guard let close = lines.dropFirst().firstIndex(where: { $0.trimmed == "---" }) else {
            return SourceText(path: path, frontMatter: lines.dropFirst().joined(separator: "\n"), frontMatterLineOffset: 1,
                              body: "", bodyFirstLine: lines.count + 1, frontMatterClosed: false)
        }
        return SourceText(path: path, frontMatter: lines[1..<close].joined(separator: "\n"), frontMatterLineOffset: 1,
                          body: lines[(close + 1)...].joined(separator: "\n"), bodyFirstLine: close + 2)
    }
}
