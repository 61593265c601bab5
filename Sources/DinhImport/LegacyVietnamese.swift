import DinhCore
import Foundation

/// The pre-Unicode ways Vietnamese text was typed that still turn up in commune and cooperative
/// spreadsheets. Such text was stored as one byte per glyph of a special font; a Unicode program
/// shows those bytes as Windows-1252 letters ("Ninh B×nh", "Haø Noäi").
package enum LegacyEncoding: String, Sendable, CaseIterable, Hashable, Comparable {
    /// TCVN 5712:1993 VN3, typed with the ABC keyboard in the `.VnTime`, `.VnArial`… fonts.
    case tcvn3
    /// VNI for Windows (`VNI-Times`, `VNI-Helve`…): a letter followed by a byte for its marks.
    case vni
    /// Microsoft's code page 1258 (CSV saved by old Excel), with combining tone marks.
    case windows1258

    /// How the report names it.
    package var label: String {
        switch self {
        case .tcvn3: "TCVN3 (ABC)"
        case .vni: "VNI"
        case .windows1258: "Windows-1258"
        }
    }

    package static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Conversions from the legacy encodings to Unicode NFC, and the test that tells such text apart
/// from Unicode Vietnamese or other languages.
///
/// The tables were written from the published layouts: TCVN 5712:1993 VN3 (the lower-case letters
/// at 0xA8–0xAE and 0xB5–0xFE, the seven capitals with their own glyphs at 0xA1–0xA7; the other
/// capitals exist only in the `…H` capital fonts, which draw the lower-case bytes as capitals) and
/// VNI for Windows (a base letter then one byte for the hat and tone; ì í ỉ ĩ ị, ỵ, ơ, ư and đ are
/// single bytes). Tests check them against glibc's TCVN5712-1 decoder and Python's cp1258 codec.
package enum LegacyVietnamese {
    // MARK: Tables

    /// The 67 lower-case Vietnamese letters outside ASCII, in the order of `tcvn3Bytes`.
    static let letters = Array("àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ")
    static let tcvn3Bytes: [UInt8] = [
        0xB5, 0xB6, 0xB7, 0xB8, 0xB9,  // à ả ã á ạ
        0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6,  // ă ằ ẳ ẵ ắ ặ
        0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB,  // â ầ ẩ ẫ ấ ậ
        0xAE,  // đ
        0xCC, 0xCE, 0xCF, 0xD0, 0xD1,  // è ẻ ẽ é ẹ
        0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6,  // ê ề ể ễ ế ệ
        0xD7, 0xD8, 0xDC, 0xDD, 0xDE,  // ì ỉ ĩ í ị
        0xDF, 0xE1, 0xE2, 0xE3, 0xE4,  // ò ỏ õ ó ọ
        0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9,  // ô ồ ổ ỗ ố ộ
        0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE,  // ơ ờ ở ỡ ớ ợ
        0xEF, 0xF1, 0xF2, 0xF3, 0xF4,  // ù ủ ũ ú ụ
        0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9,  // ư ừ ử ữ ứ ự
        0xFA, 0xFB, 0xFC, 0xFD, 0xFE,  // ỳ ỷ ỹ ý ỵ
    ]
    /// The capitals VN3 has glyphs for in its ordinary fonts.
    static let tcvn3Capitals: [Character: UInt8] = ["Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7]

    /// TCVN3 byte → letter (0xA1–0xFE; the others are ASCII or unused).
    static let tcvn3Table: [UInt8: Character] = {
        var table: [UInt8: Character] = [:]
        for (letter, byte) in zip(letters, tcvn3Bytes) { table[byte] = letter }
        for (letter, byte) in tcvn3Capitals { table[byte] = letter }
        return table
    }()

    /// VNI: the byte after a vowel and what it adds (lower-case; a capital's is 0x20 lower).
    /// Tones: grave ø, acute ù, hook û, tilde õ, dot ï. With a hat (a, e, o): â, then à á å ã ä.
    /// With a breve (a): ê, then è é ú ü ë.
    static let vniMarks: [UInt8: (hat: Unicode.Scalar?, tone: Unicode.Scalar?)] = [
        0xF8: (nil, "\u{300}"), 0xF9: (nil, "\u{301}"), 0xFB: (nil, "\u{309}"), 0xF5: (nil, "\u{303}"), 0xEF: (nil, "\u{323}"),
        0xE2: ("\u{302}", nil), 0xE0: ("\u{302}", "\u{300}"), 0xE1: ("\u{302}", "\u{301}"), 0xE5: ("\u{302}", "\u{309}"),
        0xE3: ("\u{302}", "\u{303}"), 0xE4: ("\u{302}", "\u{323}"),
        0xEA: ("\u{306}", nil), 0xE8: ("\u{306}", "\u{300}"), 0xE9: ("\u{306}", "\u{301}"), 0xFA: ("\u{306}", "\u{309}"),
        0xFC: ("\u{306}", "\u{303}"), 0xEB: ("\u{306}", "\u{323}"),
    ]
    /// VNI's letters of one byte (lower-case; a capital's byte is 0x20 lower).
    static let vniSingles: [UInt8: Character] = [
        0xEC: "ì", 0xED: "í", 0xE6: "ỉ", 0xF3: "ĩ", 0xF2: "ị", 0xEE: "ỵ", 0xF4: "ơ", 0xF6: "ư", 0xF1: "đ",
    ]

    /// Windows-1252's characters for 0x80–0x9F (the five it leaves undefined stay C1 controls, as
    /// Windows itself maps them).
    static let cp1252High: [Unicode.Scalar] = [
        "\u{20AC}", "\u{81}", "\u{201A}", "\u{192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{2C6}", "\u{2030}", "\u{160}", "\u{2039}", "\u{152}", "\u{8D}", "\u{17D}", "\u{8F}",
        "\u{90}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{2DC}", "\u{2122}", "\u{161}", "\u{203A}", "\u{153}", "\u{9D}", "\u{17E}", "\u{178}",
    ]
    /// Windows-1258 where it differs from Latin-1 in 0xA0–0xFF (0x80–0x9F: as 1252, less Š Ž š ž).
    static let cp1258Differences: [UInt8: Unicode.Scalar] = [
        0xC3: "Ă", 0xCC: "\u{300}", 0xD0: "Đ", 0xD2: "\u{309}", 0xD5: "Ơ", 0xDD: "Ư", 0xDE: "\u{303}",
        0xE3: "ă", 0xEC: "\u{301}", 0xF0: "đ", 0xF2: "\u{323}", 0xF5: "ơ", 0xFD: "ư", 0xFE: "₫",
    ]

    /// The byte a legacy font drew for a character as Excel stored it (Windows-1252), or nil for a
    /// character no such font has: then the text is Unicode already.
    static func byte(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value < 0x100 { return UInt8(scalar.value) }
        return cp1252Index[scalar]
    }
    private static let cp1252Index: [Unicode.Scalar: UInt8] = Dictionary(uniqueKeysWithValues: cp1252High.enumerated().map { ($0.element, UInt8(0x80 + $0.offset)) })

    static func cp1252(_ byte: UInt8) -> Unicode.Scalar {
        (0x80...0x9F).contains(byte) ? cp1252High[Int(byte) - 0x80] : Unicode.Scalar(byte)
    }

    // MARK: Decoding text read from a spreadsheet

    /// Text typed in a TCVN3 font, as Excel stores it; in a capital font (`.VnTimeH`) every letter
    /// is drawn as a capital. Nil when the text holds characters no TCVN3 font has.
    package static func fromTCVN3(_ text: String, capitals: Bool = false) -> String? {
        var out = ""
        for scalar in text.unicodeScalars {
            guard let byte = byte(scalar) else { return nil }
            if let letter = tcvn3Table[byte] { out.append(letter) } else { out.unicodeScalars.append(scalar) }
        }
        return (capitals ? out.uppercased() : out).nfc
    }

    /// Text typed in a VNI font, as Excel stores it. Nil when it holds characters no VNI font has.
    package static func fromVNI(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var scalars: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            guard let byte = byte(scalar) else { return nil }
            bytes.append(byte)
            scalars.append(scalar)
        }
        var out = String.UnicodeScalarView()
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let lower = byte | 0x20
            let isCapital = byte != lower
            // A vowel (or ơ, ư typed as one byte) and the byte of its marks.
            if index + 1 < bytes.count, let marks = vniMarks[bytes[index + 1] | 0x20], isLetterByte(bytes[index + 1]) {
                var base: [Unicode.Scalar]?
                switch lower {
                case UInt8(ascii: "a"): base = ["a"]
                case UInt8(ascii: "e"), UInt8(ascii: "o"): base = marks.hat == "\u{306}" ? nil : [Unicode.Scalar(lower)]
                case UInt8(ascii: "u"), UInt8(ascii: "y"): base = marks.hat == nil ? [Unicode.Scalar(lower)] : nil
                case 0xF4: base = marks.hat == nil ? ["o", "\u{31B}"] : nil  // ơ
                case 0xF6: base = marks.hat == nil ? ["u", "\u{31B}"] : nil  // ư
                default: base = nil
                }
                if var letter = base {
                    if let hat = marks.hat { letter.append(hat) }
                    if let tone = marks.tone { letter.append(tone) }
                    var composed = String(String.UnicodeScalarView(letter)).nfc
                    if isCapital { composed = composed.uppercased() }
                    out.append(contentsOf: composed.unicodeScalars)
                    index += 2
                    continue
                }
            }
            if byte >= 0xC0, let single = vniSingles[lower] {
                out.append(contentsOf: (isCapital ? String(single).uppercased() : String(single)).unicodeScalars)
            } else {
                out.append(scalars[index])
            }
            index += 1
        }
        return String(out).nfc
    }

    /// 0xC0–0xFE less × and ÷: the bytes whose 0x20 bit is their case.
    private static func isLetterByte(_ byte: UInt8) -> Bool { byte >= 0xC0 && byte != 0xD7 && byte != 0xF7 && byte != 0xFF }

    // MARK: Encoding (to make test sheets and check the tables by round trips)

    /// Unicode text as a TCVN3 font's bytes shown in Windows-1252; nil when a letter has no glyph
    /// in the chosen font (a toned capital outside a capital font).
    package static func toTCVN3(_ text: String, capitals: Bool = false) -> String? {
        var out = ""
        for character in text.nfc {
            let key = capitals ? String(character).lowercased() : String(character)
            if let index = letters.firstIndex(where: { String($0) == key }) {
                out.unicodeScalars.append(cp1252(tcvn3Bytes[index]))
            } else if let byte = tcvn3Capitals[character] {
                out.unicodeScalars.append(cp1252(byte))
            } else if character.isASCII {
                out += capitals ? key : String(character)
            } else {
                return nil
            }
        }
        return out
    }

    /// Unicode text as a VNI font's bytes shown in Windows-1252; nil for a letter VNI lacks.
    package static func toVNI(_ text: String) -> String? {
        var out = ""
        for character in text.nfc {
            if character.isASCII { out.append(character); continue }
            let lower = String(character).lowercased()
            let capital = lower != String(character)
            // A capital's bytes are the small letter's less 0x20 (ASCII and VNI's 0xE0–0xFE alike).
            func emit(_ bytes: [UInt8]) {
                for byte in bytes { out.unicodeScalars.append(Unicode.Scalar(capital ? byte & ~0x20 : byte)) }
            }
            if let single = vniSingles.first(where: { String($0.value) == lower })?.key { emit([single]); continue }
            var scalars = Array(lower.decomposedStringWithCanonicalMapping.unicodeScalars)
            guard let base = scalars.first, ["a", "e", "o", "u", "y"].contains(base) else { return nil }
            scalars.removeFirst()
            var hat: Unicode.Scalar?, tone: Unicode.Scalar?, horn = false
            for scalar in scalars {
                switch scalar {
                case "\u{302}", "\u{306}": hat = scalar
                case "\u{31B}": horn = true
                default: tone = scalar
                }
            }
            var first = UInt8(base.value)
            if horn { first = base == "o" ? 0xF4 : 0xF6 }
            guard hat != nil || tone != nil || horn else { return nil }
            if hat == nil && tone == nil { emit([first]); continue }
            guard let mark = vniMarks.first(where: { $0.value.hat == hat && $0.value.tone == tone })?.key else { return nil }
            emit([first, mark])
        }
        return out
    }

    // MARK: Decoding the bytes of a CSV file that is not UTF-8

    package static func decodeTCVN3(bytes data: Data) -> String {
        var out = String.UnicodeScalarView()
        for byte in data {
            if let letter = tcvn3Table[byte] { out.append(contentsOf: letter.unicodeScalars) } else { out.append(cp1252(byte)) }
        }
        return String(out).nfc
    }

    package static func decodeVNI(bytes data: Data) -> String {
        var text = String.UnicodeScalarView()
        for byte in data { text.append(cp1252(byte)) }
        return fromVNI(String(text)) ?? String(text)
    }

    package static func decodeWindows1258(bytes data: Data) -> String {
        var out = String.UnicodeScalarView()
        for byte in data {
            if let scalar = cp1258Differences[byte] { out.append(scalar) }
            else if [0x8A, 0x8E, 0x9A, 0x9E].contains(byte) { out.append(Unicode.Scalar(byte)) }
            else { out.append(cp1252(byte)) }
        }
        return String(out).nfc
    }

    // MARK: Telling legacy text apart

    /// The encoding a cell's text was most likely typed in when its font does not say, or nil when
    /// it reads as it is: the text must hold a word that is no Vietnamese syllable as it stands
    /// ("B×nh", "Haø") and every such word must become one, in one encoding only. Words without
    /// an ASCII letter ("½", "©2024") are not judged, so symbols never set it off.
    package static func guess(_ text: String) -> (encoding: LegacyEncoding, text: String)? {
        var hasHigh = false
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            // A letter no legacy font has (ạ, ơ, ư, đ…): the text is Unicode.
            guard byte(scalar) != nil else { return nil }
            hasHigh = true
        }
        guard hasHigh else { return nil }
        let before = judged(words(text))
        guard before.contains(where: { !isSyllable($0) }) else { return nil }
        var found: [(LegacyEncoding, String)] = []
        for (encoding, decoded) in [(LegacyEncoding.tcvn3, fromTCVN3(text)), (.vni, fromVNI(text))] {
            guard let decoded, decoded != text else { continue }
            let after = judged(words(decoded))
            if !after.isEmpty, after.allSatisfy(isSyllable) { found.append((encoding, decoded)) }
        }
        guard found.count == 1, let only = found.first else { return nil }
        return only
    }

    /// The words with a letter outside ASCII and one inside it.
    private static func judged(_ words: [String]) -> [String] {
        words.filter { word in
            word.unicodeScalars.contains { $0.value >= 0x80 } && word.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
        }
    }

    /// Split at spaces, ASCII punctuation and digits; the Latin-1 signs a legacy font uses for
    /// letters (µ, ×, ¸…) stay inside words.
    static func words(_ text: String) -> [String] {
        text.split { character in
            character.isWhitespace || (character.isASCII && !character.isLetter)
        }.map(String.init)
    }

    private static let initials = ["ngh", "ng", "gh", "gi", "ch", "kh", "nh", "ph", "th", "tr", "qu",
                                   "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""]
    private static let nuclei: Set<String> = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo",
        "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ưu", "ươ", "yê",
        "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
    ]
    private static let finals = ["ch", "ng", "nh", "c", "m", "n", "p", "t", ""]
    /// Vowels that end a syllable only before a final consonant.
    private static let needFinal: Set<String> = ["ă", "â", "iê", "yê", "uô", "ươ", "oă", "uâ", "uyê", "oo"]
    /// Vowel groups that already end in a glide (or are ia, ua, ưa): no final consonant follows.
    private static let openOnly: Set<String> = ["ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu",
                                                "ưa", "ua", "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyu"]
    /// The only vowels before -nh and -ch.
    private static let beforeNhCh: Set<String> = ["a", "ê", "i", "y", "oa", "uê", "uy"]
    /// Vowels never before -ng and -c.
    private static let notBeforeNgC: Set<String> = ["ê", "i", "y", "ơ", "uê", "uy"]

    /// Whether a word is a Vietnamese syllable in Unicode: an initial consonant, a vowel group and
    /// a final consonant from the language's inventory, with at most one tone mark.
    package static func isSyllable(_ word: String) -> Bool {
        var tones = 0
        var plain = String.UnicodeScalarView()
        for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}": tones += 1
            default: plain.append(scalar)
            }
        }
        guard tones <= 1 else { return false }
        let letters = String(plain).nfc
        guard !letters.isEmpty, letters.count <= 7 else { return false }
        for initial in initials where letters.hasPrefix(initial) {
            let rest = letters.dropFirst(initial.count)
            for final in finals where rest.hasSuffix(final) {
                let nucleus = String(rest.dropLast(final.count))
                guard nuclei.contains(nucleus) else { continue }
                if final.isEmpty ? needFinal.contains(nucleus) : openOnly.contains(nucleus) { continue }
                if (final == "nh" || final == "ch") && !beforeNhCh.contains(nucleus) { continue }
                if (final == "ng" || final == "c") && notBeforeNgC.contains(nucleus) { continue }
                return true
            }
        }
        return false
    }

    // MARK: Fonts

    /// What a font name says about the text typed in it.
    package enum Font: Equatable, Sendable {
        case tcvn3(capitals: Bool)
        case vni
    }

    /// `.VnTime`, `.VnArial`, `.VnTimeH` (capitals: the name ends in H), `VNI-Times`, `VNI-Helve`…;
    /// nil for any other font (Unicode text, or legacy text told by its letters).
    package static func font(named name: String) -> Font? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if lower.hasPrefix(".vn") {
            return .tcvn3(capitals: trimmed.count > 4 && trimmed.hasSuffix("H"))
        }
        if lower.hasPrefix("vni-") || lower.hasPrefix("vni ") { return .vni }
        return nil
    }

    /// A cell's text in its font, converted when the font is a legacy one: the encoding and the
    /// text, or nil when nothing changed.
    package static func convert(_ text: String, font: Font?) -> (encoding: LegacyEncoding, text: String)? {
        guard let font else { return nil }
        let converted: String?
        let encoding: LegacyEncoding
        switch font {
        case .tcvn3(let capitals): converted = fromTCVN3(text, capitals: capitals); encoding = .tcvn3
        case .vni: converted = fromVNI(text); encoding = .vni
        }
        guard let converted, converted != text else { return nil }
        // Unicode text left in a legacy font (a sheet converted without changing its fonts): its
        // words read as Vietnamese as they stand and would not once converted.
        let before = judged(words(text)), after = judged(words(converted))
        if !before.isEmpty, before.allSatisfy(isSyllable), !after.allSatisfy(isSyllable) { return nil }
        return (encoding, converted)
    }
}

extension ImportMessage {
    /// The encodings cells were converted from, in a fixed order, without those of no cell.
    static func counts(_ converted: [LegacyEncoding: Int]) -> [(key: LegacyEncoding, value: Int)] {
        converted.filter { $0.value > 0 }.sorted { $0.key < $1.key }
    }
}
