import Foundation

/// One processed file, ready to publish under ``fileName``.
package struct ImageVariant: Sendable, Hashable {
    package var width: Int
    package var height: Int
    package var format: ImageFormat
    /// `name-960w.3f2a9c1b.jpg`: the 8 hex digits are a hash of the file's bytes, so the file
    /// can be served with a year-long cache lifetime.
    package var fileName: String
    /// Where the bytes are: in the cache, or in the output folder when one was given.
    package var file: URL
    package var byteCount: Int
}
