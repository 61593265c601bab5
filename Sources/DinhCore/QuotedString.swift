/// A string literal in double quotes, escaped so that it reads back exactly: JSON's, which is also
/// a YAML double-quoted scalar (YAML 1.2 reads JSON). One writer for the feeds' JSON, the viewer's
/// scene description and the YAML the import and the tour editor write.
package enum QuotedString {
    /// Appends `text`, quoted, to `out`. With `htmlSafe`, `<`, `>` and `&` are escaped too, so the
    /// literal can sit in an HTML `<script>`; with `printableOnly`, so are the characters YAML may
    /// not hold as they are (DEL, C1 controls, the byte-order mark). Control characters, U+2028 and
    /// U+2029 (line ends to older JavaScript) are always escaped.
    package static func append(_ text: String, to out: inout [UInt8], htmlSafe: Bool = false, printableOnly: Bool = false) {
        out.append(UInt8(ascii: "\""))
        let look = Look.always | (htmlSafe ? Look.inHTML : 0) | (printableOnly ? Look.printable : 0), table = Look.table
        text.withUTF8Bytes { bytes in
            // Runs of bytes that need no escape are copied whole.
            var runStart = 0, i = 0
            while i < bytes.count {
                // Most bytes need no look at all (one table lookup tells): printable ASCII but `"`
                // and `\\` (and `<>&` for HTML, DEL for YAML), and every byte of a multi-byte
                // character but the lead bytes of the few escaped ones (E2; C2 and EF for YAML).
                let byte = bytes[i]
                if table[Int(byte)] & look == 0 {
                    i += 1
                    continue
                }
                var escaped: UInt32?
                var width = 1
                var short: String?
                switch byte {
                case UInt8(ascii: "\""): short = "\\\""
                case UInt8(ascii: "\\"): short = "\\\\"
                case 0x0A: short = "\\n"
                case 0x0D: short = "\\r"
                case 0x09: short = "\\t"
                case UInt8(ascii: "<") where htmlSafe, UInt8(ascii: ">") where htmlSafe, UInt8(ascii: "&") where htmlSafe:
                    escaped = UInt32(byte)
                case ..<0x20:
                    escaped = UInt32(byte)
                case 0x7F where printableOnly:
                    escaped = 0x7F
                // U+0080–U+009F: C2 80 … C2 9F.
                case 0xC2 where printableOnly && i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]):
                    escaped = UInt32(bytes[i + 1])
                    width = 2
                // U+2028/U+2029: E2 80 A8/A9.
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escaped = bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029
                    width = 3
                // U+FEFF: EF BB BF.
                case 0xEF where printableOnly && i + 2 < bytes.count && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF:
                    escaped = 0xFEFF
                    width = 3
                default:
                    break
                }
                guard short != nil || escaped != nil else { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                if let short {
                    out.append(contentsOf: short.utf8)
                } else if let escaped {
                    // `\u` and four lower-case hex digits.
                    out.append(UInt8(ascii: "\\"))
                    out.append(UInt8(ascii: "u"))
                    for shift in stride(from: 12, through: 0, by: -4) { out.append(Self.hexDigits[Int(escaped >> UInt32(shift) & 0xF)]) }
                }
                i += width
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Which bytes `append` looks at, in which mode.
    private enum Look {
        static let always: UInt8 = 1, inHTML: UInt8 = 2, printable: UInt8 = 4
        /// Controls, `"`, `\\` and the lead byte of U+2028/U+2029; `<>&`; DEL and the lead bytes of
        /// C1 controls and of the byte-order mark.
        static let table: [UInt8] = (0...255).map { byte in
            switch byte {
            case ..<0x20, 0x22, 0x5C, 0xE2: always
            case 0x3C, 0x3E, 0x26: inHTML
            case 0x7F, 0xC2, 0xEF: printable
            default: 0
            }
        }
    }

    /// `text` quoted, as a string.
    package static func quoted(_ text: String, htmlSafe: Bool = false, printableOnly: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 2)
        append(text, to: &out, htmlSafe: htmlSafe, printableOnly: printableOnly)
        return String(decoding: out, as: UTF8.self)
    }
}
