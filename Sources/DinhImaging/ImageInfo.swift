/// The two image formats Dinh reads and writes.
package enum ImageFormat: String, Sendable, Hashable, CaseIterable {
    case jpeg
    case png

    /// The extension used for processed files.
    package var fileExtension: String { self == .jpeg ? "jpg" : "png" }
}

/// What the headers of an image say, read without decoding pixels: cheap enough for content
/// checks over every photo of a site.
package struct ImageInfo: Sendable, Hashable {
    /// Size as displayed, i.e. after the EXIF orientation is applied.
    package var width: Int
    package var height: Int
    package var format: ImageFormat
    /// True for PNGs with an alpha channel or a transparent colour.
    package var hasAlpha: Bool
    /// The EXIF orientation (1–8; 1 when absent).
    package var orientation: Int

    package init(width: Int, height: Int, format: ImageFormat, hasAlpha: Bool, orientation: Int = 1) {
        self.width = width
        self.height = height
        self.format = format
        self.hasAlpha = hasAlpha
        self.orientation = orientation
    }
}
