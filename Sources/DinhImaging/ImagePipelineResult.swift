import Foundation

/// The outcome of a run: one entry per distinct job, in the order given, and every failure.
public struct ImagePipelineResult: Sendable {
    public var images: [ProcessedImage]
    /// Sources that could not be processed, each with its path and reason.
    public var failures: [ImageError]
    /// Sources decoded and encoded in this run.
    public var processedCount: Int
    /// Sources served from the cache without decoding.
    public var cachedCount: Int
}
