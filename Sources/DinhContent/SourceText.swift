import DinhCore
import Foundation

/// A content file's text with its front matter split off, and the lines where each part starts.
package struct SourceText {
    var path: String
    package var frontMatter: String?
    /// Lines before the front matter's first line (the opening `---`).
    package var frontMatterLineOffset: Int
    package var body: String
    package var bodyFirstLine: Int
    /// False when an opening `---` has no closing one.
    var frontMatterClosed = true

    /// Reads a text file the way people save them on Windows: UTF-8 with or without BOM, CRLF
    /// line ends. Binary files and other encodings are refused with a message saying what to do.
    package static func read(_ url: URL, path: String) -> Result<String, Diagnostic> {
        let start = SourceLocation(path: path)
        // Measured before reading: a file of gigabytes (the wrong file, or a hostile one) is not read.
        var status = stat()
        if stat(url.path, &status) == 0, Int64(status.st_size) > Int64(maximumBytes) {
            return .failure(.error(start, .textFileTooLarge(size: Self.megabytes(Int64(status.st_size)), limit: Self.megabytes(Int64(maximumBytes)))))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(.error(start, .textFileUnreadable))
        }
        // On the raw bytes: iterating `Data` byte by byte showed in profiles of large catalogues.
        let decoded: String?? = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil { return .none }
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return .some(String(validating: UnsafeBufferPointer(rebasing: bytes[bom...]), as: UTF8.self))
        }
        guard let decoded else {
            return .failure(.error(start, .binaryFile))
        }
        guard var text = decoded else {
            return .failure(.error(start, .notUTF8))
        }
        if text.utf8.contains(UInt8(ascii: "\r")) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(text.nfc)
    }

    /// The largest page, YAML or WebVTT file read: 40 times the longest page of the demo's kind of
    /// content, and small enough that reading it stays within a phone-sized memory budget.
    static let maximumBytes = 4 << 20

    static func megabytes(_ bytes: Int64) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10) MB"
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
