/// A placard drawn once, for the two places it is printed from: a standalone SVG (`dinh qr`, the
/// print shop's file) and a section of the printable sheet `qr/index.html`. A build keeps the
/// drawing in its cache, so a rebuild draws no placard again.
public struct PlacardDrawing: Sendable, Hashable {
    /// The code the placard shows (the section's `id` on the sheet).
    public let code: String
    /// What a screen reader says of it: code, name and short URL.
    public let label: String
    public let size: PlacardSize
    /// The drawing itself, SVG elements in millimetres of `size`.
    public let body: String

    /// Draws the placard of `info` on paper of `size`.
    public init(_ info: PlacardInfo, size: PlacardSize = .a5) {
        self.init(code: info.code, label: Placard.label(info), size: size, body: Placard.body(info, size: size))
    }

    /// A drawing made earlier (read back from a cache).
    package init(code: String, label: String, size: PlacardSize, body: String) {
        self.code = code
        self.label = label
        self.size = size
        self.body = body
    }

    /// A standalone SVG document: `width`/`height` in mm, viewBox in mm of the size.
    public var svg: String {
        let (w, h) = size.millimetres
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(w)mm" height="\(h)mm" viewBox="0 0 \(w) \(h)" \
        role="img" aria-label="\(Placard.xml(label))">
        \(body)</svg>

        """
    }

    /// The placard's section of the printable sheet (`PlacardSheet.html(sections:)`).
    public var sheetSection: String {
        let (w, h) = size.millimetres
        let label = Placard.xml(label)
        return "<section class=\"placard\" id=\"\(Placard.xml(code))\" aria-label=\"\(label)\">\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" role=\"img\" aria-label=\"\(label)\">\n"
            + body
            + "</svg>\n</section>\n"
    }
}
