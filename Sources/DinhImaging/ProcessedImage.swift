import Foundation

/// The variants made for one source, smallest first.
public struct ProcessedImage: Sendable, Hashable {
    public var source: URL
    /// The source as displayed (after EXIF orientation).
    public var original: ImageInfo
    public var variants: [ImageVariant]
    /// True when the variants came from the cache and nothing was decoded.
    public var fromCache: Bool

    /// The smallest variant covering `minimumWidth` × `minimumHeight` (marketplace feeds want
    /// at least 500×500), else the largest one.
    public func variant(minimumWidth: Int, minimumHeight: Int) -> ImageVariant? {
        variants.first { $0.width >= minimumWidth && $0.height >= minimumHeight } ?? variants.last
    }

    /// `srcset` attribute value, given the URL folder the variants are published under.
    public func srcset(urlPrefix: String) -> String {
        variants.map { "\(urlPrefix)\($0.fileName) \($0.width)w" }.joined(separator: ", ")
    }
}
