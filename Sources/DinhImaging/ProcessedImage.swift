import Foundation

/// The variants made for one source, smallest first.
package struct ProcessedImage: Sendable, Hashable {
    package var source: URL
    /// The source as displayed (after EXIF orientation).
    package var original: ImageInfo
    package var variants: [ImageVariant]
    /// True when the variants came from the cache and nothing was decoded.
    package var fromCache: Bool

    /// `srcset` attribute value, given the URL folder the variants are published under.
    package func srcset(urlPrefix: String) -> String {
        variants.map { "\(urlPrefix)\($0.fileName) \($0.width)w" }.joined(separator: ", ")
    }
}
