import Foundation

/// One source image and the widths wanted for it.
public struct ImageJob: Sendable, Hashable {
    public var source: URL
    /// Requested widths in pixels; widths at or above the source width collapse into a single
    /// variant at the source width (images are never upscaled).
    public var widths: [Int]

    public init(source: URL, widths: [Int] = ImagePipeline.defaultWidths) {
        self.source = source
        self.widths = widths
    }
}
