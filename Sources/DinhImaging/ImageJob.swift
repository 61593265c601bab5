import Foundation

/// One source image and the widths wanted for it.
package struct ImageJob: Sendable, Hashable {
    package var source: URL
    /// Requested widths in pixels; widths at or above the source width collapse into a single
    /// variant at the source width (images are never upscaled).
    package var widths: [Int]

    package init(source: URL, widths: [Int] = ImagePipeline.defaultWidths) {
        self.source = source
        self.widths = widths
    }
}
