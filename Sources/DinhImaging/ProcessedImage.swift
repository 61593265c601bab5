import Foundation

/// The variants made for one source, smallest first.
package struct ProcessedImage: Sendable, Hashable {
    package var source: URL
    /// The source as displayed (after EXIF orientation).
    package var original: ImageInfo
    package var variants: [ImageVariant]
    /// True when the variants came from the cache and nothing was decoded.
    package var fromCache: Bool

    /// The smallest variant covering `minimumWidth` × `minimumHeight` (marketplace feeds want
    /// at least 500×500), else the largest one.
    package func variant(minimumWidth: Int, minimumHeight: Int) -> ImageVariant? {
        variants.first { $0.width >= minimumWidth && $0.height >= minimumHeight } ?? variants.last
    }

    /// `srcset` attribute value, given the URL folder the variants are published under.
    package func srcset(urlPrefix: String) -> String {
        variants.map { "\(urlPrefix)\($0.fileName) \($0.width)w" }.joined(separator: ", ")
    }
}
