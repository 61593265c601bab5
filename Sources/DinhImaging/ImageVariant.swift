import Foundation

/// One processed file, ready to publish under ``fileName``.
public struct ImageVariant: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var format: ImageFormat
    /// `name-960w.3f2a9c1b.jpg`: the 8 hex digits are a hash of the file's bytes, so the file
    /// can be served with a year-long cache lifetime.
    public var fileName: String
    /// Where the bytes are: in the cache, or in the output folder when one was given.
    public var file: URL
    public var byteCount: Int
}
