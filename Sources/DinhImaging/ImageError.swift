import DinhCore

/// An image that could not be read, decoded or written. Always names the file it is about, and
/// says what is wrong in plain words, e.g. `photos/tra.jpg: the file is cut short (truncated)`.
package struct ImageError: MessageError, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as a value tests and callers can compare; new codes may be added.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        package var description: String { name }

        /// The file could not be read from disk (or the output written).
        package static let unreadable = Code("unreadable")
        /// The bytes are not a JPEG or PNG image.
        package static let notAnImage = Code("notAnImage")
        /// The data ends before the image does.
        package static let truncated = Code("truncated")
        /// The decoder found damaged data.
        package static let corrupt = Code("corrupt")
        /// Width × height is above the configured pixel limit (checked before allocating).
        package static let tooLarge = Code("tooLarge")
        /// Out of memory, or an encoding the pipeline cannot handle.
        package static let unsupported = Code("unsupported")
        /// Writing a processed file failed.
        package static let writeFailed = Code("writeFailed")
    }

    /// The file the error is about (as given by the caller).
    package let path: String
    package let code: Code
    /// A plain-language explanation, without the path, in either language.
    package let text: Message
    /// The explanation in English.
    package var message: String { text.text(in: .en) }

    package init(path: String, code: Code, message: String) {
        self.init(path: path, code: code, text: Message(verbatim: message))
    }

    package init(path: String, code: Code, _ message: ImageMessage) {
        self.init(path: path, code: code, text: Message(message))
    }

    package init(path: String, code: Code, text: Message) {
        self.path = path
        self.code = code
        self.text = text
    }

    package var description: String { "\(path): \(message)" }

    /// Any error met while making the files of the image at `path`, as an `ImageError` about it.
    package static func about(_ path: String, _ error: any Error) -> ImageError {
        error as? ImageError ?? ImageError(path: path, code: .unsupported, message: ErrorText.describe(error))
    }
}
