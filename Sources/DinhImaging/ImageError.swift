/// An image that could not be read, decoded or written. Always names the file it is about, and
/// says what is wrong in plain words, e.g. `photos/tra.jpg: the file is cut short (truncated)`.
public struct ImageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as a value tests and callers can compare; new codes may be added.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The file could not be read from disk (or the output written).
        public static let unreadable = Code("unreadable")
        /// The bytes are not a JPEG or PNG image.
        public static let notAnImage = Code("notAnImage")
        /// The data ends before the image does.
        public static let truncated = Code("truncated")
        /// The decoder found damaged data.
        public static let corrupt = Code("corrupt")
        /// Width × height is above the configured pixel limit (checked before allocating).
        public static let tooLarge = Code("tooLarge")
        /// Out of memory, or an encoding the pipeline cannot handle.
        public static let unsupported = Code("unsupported")
        /// Writing a processed file failed.
        public static let writeFailed = Code("writeFailed")
    }

    /// The file the error is about (as given by the caller).
    public let path: String
    public let code: Code
    /// A plain-language explanation, without the path.
    public let message: String

    public init(path: String, code: Code, message: String) {
        self.path = path
        self.code = code
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
