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

    /// Reads a text file the way people save them on Windows: UTF-8 with or without BOM, or UTF-16
    /// with its BOM (Notepad's "Unicode"); CRLF line ends. Binary files and other encodings are
    /// refused with a message saying what to do.
    package static func read(_ url: URL, path: String) -> Result<String, Diagnostic> {
        readIfPresent(url, path: path) ?? .failure(.error(SourceLocation(path: path), .textFileUnreadable))
    }

    /// As `read`, or nil when there is no file at `url` (a page's translation is often absent).
    package static func readIfPresent(_ url: URL, path: String) -> Result<String, Diagnostic>? {
        let start = SourceLocation(path: path)
        // Measured before reading: a file of gigabytes (the wrong file, or a hostile one) is not read.
        let bytes: [UInt8]
        switch PlainFile.read(url.path, atMost: maximumBytes) {
        case .missing: return nil
        case .tooLarge(let size):
            return .failure(.error(start, .textFileTooLarge(size: Self.megabytes(size), limit: Self.megabytes(Int64(maximumBytes)))))
        case .unreadable: return .failure(.error(start, .textFileUnreadable))
        case .bytes(let read): bytes = read
        }
        // Saved as "Unicode" by Windows Notepad or Excel: UTF-16 with its byte-order mark, read as it is.
        if bytes.count % 2 == 0, bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]),
           let text = String(bytes: bytes.dropFirst(2), encoding: bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian),
           !text.contains("\0") {
            return .success(text.unixLineEnds.nfc)
        }
        // On the raw bytes: iterating `Data` or a string byte by byte showed in profiles of large catalogues.
        var hasCarriageReturn = false
        let decoded: String?? = bytes.withUnsafeBufferPointer { bytes in
            if let base = bytes.baseAddress {
                if memchr(base, 0, bytes.count) != nil { return .none }
                hasCarriageReturn = memchr(base, 0x0D, bytes.count) != nil
            }
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return .some(String(validating: UnsafeBufferPointer(rebasing: bytes[bom...]), as: UTF8.self))
        }
        guard let decoded else {
            return .failure(.error(start, .binaryFile))
        }
        guard var text = decoded else {
            return .failure(.error(start, .notUTF8))
        }
        if hasCarriageReturn { text = text.unixLineEnds }
        return .success(text.nfc)
    }

    /// The largest page, YAML or WebVTT file read: 40 times the longest page of the demo's kind of
    /// content, and small enough that reading it stays within a phone-sized memory budget.
    static let maximumBytes = 4 << 20

    static func megabytes(_ bytes: Int64) -> String {
        let tenths = (bytes * 10 + (1 << 19)) >> 20
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    /// Splits `---` front matter from the Markdown body. Only the front matter is read line by
    /// line; the body is one slice of the text (a catalogue has thousands of pages).
    package static func split(_ text: String, path: String) -> SourceText {
        let utf8 = text.utf8
        /// The line starting at `start`, and where the next one starts (nil after the last).
        func line(at start: String.Index) -> (text: Substring, next: String.Index?) {
            guard let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) else { return (text[start...], nil) }
            return (text[start..<newline], utf8.index(after: newline))
        }
        func isFence(_ line: Substring) -> Bool { line.utf8.contains(UInt8(ascii: "-")) && line.trimmed == "---" }
        let first = line(at: text.startIndex)
        guard isFence(first.text) else {
            return SourceText(path: path, frontMatter: nil, frontMatterLineOffset: 0, body: text, bodyFirstLine: 1)
        }
        guard let frontMatterStart = first.next else {
            return SourceText(path: path, frontMatter: "", frontMatterLineOffset: 1, body: "", bodyFirstLine: 2, frontMatterClosed: false)
        }
        var start: String.Index? = frontMatterStart
        var number = 2 // of the line at `start`
        while let lineStart = start {
            let current = line(at: lineStart)
            if isFence(current.text) {
                // Up to the line end before the closing `---`.
                let end = lineStart == frontMatterStart ? lineStart : utf8.index(before: lineStart)
                return SourceText(path: path, frontMatter: String(text[frontMatterStart..<end]), frontMatterLineOffset: 1,
                                  body: current.next.map { String(text[$0...]) } ?? "", bodyFirstLine: number + 1)
            }
            start = current.next
            number += 1
        }
        return SourceText(path: path, frontMatter: String(text[frontMatterStart...]), frontMatterLineOffset: 1,
                          body: "", bodyFirstLine: number, frontMatterClosed: false)
    }
}
