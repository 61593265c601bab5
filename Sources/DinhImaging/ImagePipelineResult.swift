import Foundation

/// The outcome of a run: one entry per distinct job, in the order given, and every failure.
package struct ImagePipelineResult: Sendable {
    /// Successful sources; `source` is the job's URL, standardised.
    package var images: [ProcessedImage]
    /// Sources that could not be processed, each with its path and reason.
    package var failures: [ImageError]
    /// Sources decoded and encoded in this run.
    package var processedCount: Int
    /// Sources served from the cache without decoding.
    package var cachedCount: Int

    /// The variants made for a source file (looked up by its standardised URL).
    package func image(for source: URL) -> ProcessedImage? {
        let wanted = source.standardizedFileURL
        return images.first { $0.source == wanted }
    }
}
