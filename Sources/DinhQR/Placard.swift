import DinhCore

/// One printable placard as SVG, in millimetres, for print shops and for the sheet `qr/index.html`.
public enum Placard {
    /// Fonts with Vietnamese glyphs first (stacked diacritics such as ặ, ễ), then generic fallbacks.
    public static let fontFamily = "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, 'Segoe UI', Roboto, sans-serif"
    /// Mono-spaced for the short URL, so 0/O and 1/l stay apart when typed by hand.
    static let monoFamily = "'DejaVu Sans Mono', 'Noto Sans Mono', 'Liberation Mono', Consolas, monospace"
    /// ★ is missing from Noto Sans; DejaVu Sans and Segoe UI Symbol have it.
    static let starFamily = "'DejaVu Sans', 'Noto Sans Symbols 2', 'Segoe UI Symbol', sans-serif"

    /// Bilingual call to action: it promises only what the page has.
    static func callToAction(_ kind: PlacardInfo.Kind) -> (vi: String, en: String) {
        switch kind {
        case .relic(let guide) where guide.isSuperset(of: [.tour, .audioGuide]):
            return ("Quét để xem 360° và nghe thuyết minh", "Scan for the 360° tour and audio guide")
        case .relic(let guide) where guide.contains(.audioGuide):
            return ("Quét để nghe thuyết minh", "Scan for the audio guide")
        case .relic(let guide) where guide.contains(.tour):
            return ("Quét để tham quan 360°", "Scan for the 360° tour")
        case .relic: return ("Quét để xem ảnh và lịch sử di tích", "Scan for photos and history")
        case .product: return ("Quét để xem sản phẩm", "Scan to see the product")
        case .page: return ("Quét để xem hướng dẫn", "Scan to read the guide")
        case .meeting: return ("Quét để xem tài liệu cuộc họp", "Scan for the meeting documents")
        }
    }

    /// The caption of a product's payment code.
    public static let payCaption = (vi: "Quét để chuyển khoản", en: "Scan to pay")

    /// A standalone SVG document: `width`/`height` in mm, viewBox in mm of the chosen size.
    public static func svg(_ info: PlacardInfo, size: PlacardSize = .a5) -> String {
        PlacardDrawing(info, size: size).svg
    }

    static func label(_ info: PlacardInfo) -> String {
        "\(info.code) — \(info.name.resolve("vi", default: "en")) — \(info.shortURL)"
    }

    /// The drawing, in the coordinates of `size` (millimetres).
    static func body(_ info: PlacardInfo, size: PlacardSize) -> String {
        let (wi, hi) = size.millimetres
        let width = Double(wi), height = Double(hi)
        // Every length below is for A5 (148 mm wide) and scaled.
        let k = width / 148
        let centre = width / 2
        let textWidth = width - 20 * k
        var out = ""
        // What every text shares is said once, by the group around the drawing (a sheet of 10,000
        // boards spelt the font list 70,000 times).
        func text(_ content: String, y: Double, size: Double, weight: String = "normal", family: String = fontFamily, fill: String = "#000") {
            out += "<text x=\"\(n(centre))\" y=\"\(n(y))\" font-size=\"\(n(size))\""
            if weight != "normal" { out += " font-weight=\"\(weight)\"" }
            if family != fontFamily { out += " font-family=\"\(family)\"" }
            if fill != "#000" { out += " fill=\"\(fill)\"" }
            out += ">\(xml(content))</text>\n"
        }
        out += "<g font-family=\"\(fontFamily)\" text-anchor=\"middle\">\n"
        out += "<rect width=\"\(wi)\" height=\"\(hi)\" fill=\"#fff\"/>\n"
        out += "<rect x=\"\(n(4 * k))\" y=\"\(n(4 * k))\" width=\"\(n(width - 8 * k))\" height=\"\(n(height - 8 * k))\" rx=\"\(n(3 * k))\" fill=\"none\" stroke=\"#000\" stroke-width=\"\(n(0.6 * k))\"/>\n"

        let vi = info.name.resolve("vi", default: "en")
        let en = info.name.resolve("en", default: "vi")
        var y = 12 * k
        // The name in Vietnamese: up to three lines, shrinking before it would overflow.
        let (nameLines, nameSize) = NameStyle.vietnamese.fit(vi, width: textWidth, k: k)
        for line in nameLines {
            y += nameSize * 1.15
            text(line, y: y, size: nameSize, weight: "bold")
        }
        if en != vi {
            let (enLines, enSize) = NameStyle.english.fit(en, width: textWidth, k: k)
            y += 1.5 * k
            for line in enLines {
                y += enSize * 1.2
                text(line, y: y, size: enSize, fill: "#333")
            }
        }
        // A meeting's date and place: one line each, shrunk to fit.
        if !info.details.isEmpty { y += 2 * k }
        for detail in info.details.prefix(3) {
            y += 7 * k
            text(detail, y: y, size: min(5.5 * k, textWidth / (Double(max(1, detail.count)) * 0.55)), weight: "bold")
        }

        // The code, as large as the space left allows: the bottom block needs about 50 mm (A5),
        // and a product's payment code with its caption about 56 mm more.
        let paySide = 34 * k
        let payBlock = info.pay == nil ? 0 : paySide + 22 * k
        let bottom = (info.kind == .product && info.stars != nil ? 58 : 50) * k + payBlock
        let top = y + 4 * k
        let side = max(40 * k, min(width - 28 * k, height - bottom - top))
        let modules = Double(info.symbol.size + 8)
        let scale = side / modules
        out += "<g shape-rendering=\"crispEdges\" transform=\"translate(\(n(centre - side / 2)) \(n(top))) scale(\(n(scale, digits: 5)))\">"
        out += "<rect width=\"\(Int(modules))\" height=\"\(Int(modules))\" fill=\"#fff\"/>"
        out += info.symbol.svgPath(offset: 4) + "</g>\n"
        y = top + side + 3 * k

        // One line each, shrunk (never wrapped) so the code keeps its room.
        let cta = callToAction(info.kind)
        y += 7 * k
        text(cta.vi, y: y, size: min(7 * k, textWidth / (Double(cta.vi.count) * 0.58)), weight: "bold")
        y += 6.5 * k
        text(cta.en, y: y, size: min(5.5 * k, textWidth / (Double(cta.en.count) * 0.55)), fill: "#333")
        if info.kind == .product, let stars = info.stars, (1...5).contains(stars) {
            y += 8 * k
            text(String(repeating: "★", count: stars) + String(repeating: "☆", count: 5 - stars), y: y, size: 7 * k, family: starFamily, fill: "#b8860b")
            y += 5 * k
            let years = info.starYears.map { " (\($0.lowerBound)–\($0.upperBound))" } ?? ""
            text("OCOP \(stars) sao · \(stars)-star OCOP" + years, y: y, size: 4.2 * k, weight: "bold")
        }
        y += 9 * k
        text(info.shortURL, y: y, size: shortURLSize(info.shortURL, width: textWidth, k: k), weight: "bold", family: monoFamily)
        if let pay = info.pay {
            // The payment code: smaller, under a thin rule, so the page's code stays the one seen first.
            y += 4 * k
            out += "<line x1=\"\(n(centre - 30 * k))\" y1=\"\(n(y))\" x2=\"\(n(centre + 30 * k))\" y2=\"\(n(y))\" stroke=\"#999\" stroke-width=\"\(n(0.3 * k))\"/>\n"
            y += 1 * k
            let payModules = Double(pay.symbol.size + 8)
            out += "<g shape-rendering=\"crispEdges\" transform=\"translate(\(n(centre - paySide / 2)) \(n(y))) scale(\(n(paySide / payModules, digits: 5)))\">"
            out += "<rect width=\"\(Int(payModules))\" height=\"\(Int(payModules))\" fill=\"#fff\"/>"
            out += pay.symbol.svgPath(offset: 4) + "</g>\n"
            y += paySide + 4.5 * k
            text(payCaption.vi, y: y, size: 5 * k, weight: "bold")
            y += 5 * k
            text(payCaption.en, y: y, size: 4.2 * k, fill: "#333")
            y += 4.8 * k
            text(pay.detail, y: y, size: min(3.8 * k, textWidth / (Double(max(1, pay.detail.count)) * 0.55)), fill: "#333")
        }
        text(info.publisher, y: height - 9 * k, size: 4.2 * k, fill: "#333")
        return out + "</g>\n"
    }

    /// How a name is set on the board (lengths for A5, scaled): the Vietnamese name large, in up
    /// to three lines; the English one smaller, in two.
    struct NameStyle {
        var size: Double, minimum: Double, lines: Int, em: Double
        static let vietnamese = NameStyle(size: 9, minimum: 6, lines: 3, em: 0.6)
        static let english = NameStyle(size: 6, minimum: 4.5, lines: 2, em: 0.55)

        func fit(_ text: String, width: Double, k: Double) -> ([String], Double) {
            Placard.fit(text, width: width, size: size * k, minimum: minimum * k, lines: lines, em: em)
        }
    }

    /// The names of `name` too long for a board of `size` even in the smallest letters, which
    /// the board prints cut with "…", by language (`vi`, `en`), as printed, and about how many
    /// characters the board has room for (the same on every size: the letters grow with it).
    public static func cutNames(_ name: LocalizedText, size: PlacardSize) -> [(language: String, printed: String, room: Int)] {
        let k = Double(size.millimetres.width) / 148, width = Double(size.millimetres.width) - 20 * k
        let vi = name.resolve("vi", default: "en"), en = name.resolve("en", default: "vi")
        return [("vi", vi, NameStyle.vietnamese), ("en", en, NameStyle.english)].compactMap { language, text, style in
            if language == "en" && text == vi { return nil }
            let (lines, _) = style.fit(text, width: width, k: k)
            let room = style.lines * Int(width / (style.minimum * k * style.em))
            return lines.last?.hasSuffix("…") == true && !text.hasSuffix("…") ? (language, lines.joined(separator: " "), room) : nil
        }
    }

    /// Mono-spaced glyphs are 0.6 em wide: shrink a long URL to the line.
    static func shortURLSize(_ url: String, width: Double, k: Double) -> Double {
        let count = Double(max(1, url.count))
        return min(5.5 * k, width / (count * 0.62))
    }

    /// Greedy word wrap at an estimated `em` glyph width, smaller sizes tried before giving up;
    /// the last line is cut with an ellipsis only when nothing else fits.
    static func fit(_ text: String, width: Double, size: Double, minimum: Double, lines maxLines: Int, em: Double) -> ([String], Double) {
        let words = Self.words(text)
        var current = size
        while true {
            let perLine = max(1, Int(width / (current * em)))
            let wrapped = wrap(words, perLine: perLine)
            if wrapped.count <= maxLines || current <= minimum {
                if wrapped.count <= maxLines { return (wrapped, current) }
                var kept = Array(wrapped.prefix(maxLines))
                let last = kept[maxLines - 1]
                kept[maxLines - 1] = String(last.prefix(max(1, perLine - 1))) + "…"
                return (kept, current)
            }
            current = max(minimum, current * 0.9)
        }
    }

    static func wrap(_ text: String, perLine: Int) -> [String] {
        wrap(words(text), perLine: perLine)
    }

    /// The words of a text with their lengths in characters, counted once (a name is wrapped at
    /// several sizes, and counting Vietnamese characters is not free).
    private static func words(_ text: String) -> [(word: Substring, count: Int)] {
        // A Vietnamese name is precomposed Latin letters and spaces, where every scalar is a
        // character: split at scalars. Any other text (a combining mark, another script) is
        // split by characters.
        let scalars = text.unicodeScalars
        guard scalars.allSatisfy(\.isPrecomposedLatin) else {
            return text.split(whereSeparator: \.isWhitespace).map { ($0, $0.count) }
        }
        var words: [(word: Substring, count: Int)] = []
        var start: String.Index?
        for index in scalars.indices {
            switch scalars[index].value {
            case 0x09...0x0D, 0x20, 0x85, 0xA0:
                if let begin = start { words.append((text[begin..<index], text[begin..<index].count)); start = nil }
            default:
                if start == nil { start = index }
            }
        }
        if let begin = start { words.append((text[begin...], text[begin...].count)) }
        return words
    }

    private static func wrap(_ words: [(word: Substring, count: Int)], perLine: Int) -> [String] {
        var lines: [String] = []
        var line = "", lineCount = 0
        for (whole, wholeCount) in words {
            var word = whole, count = wholeCount
            // A word longer than a line is split, rather than run off the board.
            while count > perLine {
                if !line.isEmpty { lines.append(line); line = ""; lineCount = 0 }
                let cut = word.index(word.startIndex, offsetBy: perLine)
                lines.append(String(word[..<cut]))
                word = word[cut...]
                count -= perLine
            }
            if line.isEmpty {
                line = String(word)
                lineCount = count
            } else if lineCount + 1 + count <= perLine {
                line += " " + word
                lineCount += 1 + count
            } else {
                lines.append(line)
                line = String(word)
                lineCount = count
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }

    /// Numbers without float noise: placards must be byte-identical across builds.
    static func n(_ value: Double, digits: Int = 2) -> String {
        Decimals.string(value, places: digits)
    }

    /// Text for XML: escaped, and without the control characters XML 1.0 forbids.
    static func xml(_ text: String) -> String {
        // Control characters are bytes below 0x20 in UTF-8: most text has none to filter out.
        guard text.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A }) else { return HTML.escape(text) }
        return HTML.escape(String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\t" || $0 == "\n" })))
    }
}
