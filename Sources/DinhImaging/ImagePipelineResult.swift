import Foundation

/// The outcome of a run: one entry per distinct job, in the order given, and every failure.
public struct ImagePipelineResult: Sendable {
    /// Successful sources; `source` is the job's URL, standardised.
    public var images: [ProcessedImage]
    /// Sources that could not be processed, each with its path and reason.
    public var failures: [ImageError]
    /// Sources decoded and encoded in this run.
    public var processedCount: Int
    /// Sources served from the cache without decoding.
    public var cachedCount: Int

    /// The variants made for a source file (looked up by its standardised URL).
    public func image(for source: URL) -> ProcessedImage? {
        let wanted = source.standardizedFileURL
        return images.first { $0.source == wanted }
    }
}
