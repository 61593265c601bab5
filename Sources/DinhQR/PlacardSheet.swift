import DinhCore

/// The printable sheet `qr/index.html`: every placard, one a page, for printing from a browser.
public enum PlacardSheet {
    /// A complete, self-contained HTML5 document (no external requests): CSS `@page` sets the paper
    /// to `size` portrait, and every placard is an inline SVG filling one page.
    ///
    /// - Parameters:
    ///   - placards: in the order to print (the site builder sorts them, e.g. by code).
    ///   - size: paper size.
    ///   - title: the site's title, shown on screen above the placards (not printed).
    public static func html(_ placards: [PlacardInfo], size: PlacardSize = .a5, title: LocalizedText = LocalizedText([:])) -> String {
        html(sections: placards.map { PlacardDrawing($0, size: size).sheetSection }, size: size, title: title)
    }

    /// One placard of the sheet.
    public static func section(_ info: PlacardInfo, size: PlacardSize = .a5) -> String {
        PlacardDrawing(info, size: size).sheetSection
    }

    /// The sheet around placard sections.
    public static func html(sections: [String], size: PlacardSize = .a5, title: LocalizedText = LocalizedText([:])) -> String {
        let (w, h) = size.millimetres
        let siteVI = title.resolve("vi", default: "en")
        let siteEN = title.resolve("en", default: "vi")
        var out = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <link rel="icon" href="data:,">
        <title>Bảng mã QR · QR code placards\(siteVI.isEmpty ? "" : " · " + Placard.xml(siteVI))</title>
        <style>
        @page { size: \(w)mm \(h)mm; margin: 0; }
        html, body { margin: 0; padding: 0; background: #fff; color: #000; font-family: \(Placard.fontFamily); }
        .placard { width: \(w)mm; height: \(h)mm; overflow: hidden; page-break-after: always; break-after: page; page-break-inside: avoid; break-inside: avoid; }
        .placard:last-child { page-break-after: auto; break-after: auto; }
        .placard svg { display: block; width: \(w)mm; height: \(h)mm; }
        .intro { max-width: 40em; margin: 0 auto; padding: 1.5em 1em 0; line-height: 1.5; }
        .intro h1 { font-size: 1.4em; margin: 0 0 .5em; }
        @media screen {
          body { background: #e8e8e8; }
          /* On a screen narrower than the paper (a phone), each placard shrinks to fit; print stays 100 %. */
          .placard { max-width: calc(100vw - 1.5em); height: auto; aspect-ratio: \(w) / \(h); margin: 1.5em auto; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, .3); }
          .placard svg { width: 100%; height: 100%; }
        }
        @media print { .intro { display: none; } }
        </style>
        </head>
        <body>
        <header class="intro">
        <h1>Bảng mã QR · <span lang="en">QR code placards</span></h1>
        <p>\(siteVI.isEmpty ? "" : Placard.xml(siteVI) + ". ")\(sections.count) bảng, khổ \(size.rawValue) dọc, mỗi trang một bảng. In từ trình duyệt (Ctrl+P), tỉ lệ 100 %, không lề.</p>
        <p lang="en">\(siteEN.isEmpty ? "" : Placard.xml(siteEN) + ". ")\(sections.count) placard\(sections.count == 1 ? "" : "s"), \(size.rawValue) portrait, one per page. Print from the browser (Ctrl+P) at 100 % scale with no margins.</p>
        </header>
        <main>

        """
        out.reserveCapacity(out.utf8.count + sections.reduce(0) { $0 + $1.utf8.count } + 32)
        for section in sections { out += section }
        out += "</main>\n</body>\n</html>\n"
        return out
    }
}
