import DinhCore

/// What reading and writing images says (the file is named by the caller).
/// English in ImageMessage+en.swift, Vietnamese in ImageMessage+vi.swift: one exhaustive `switch` each.
package enum ImageMessage: MessageTable {
    case pngEncodingFailed(detail: String)
    case notPNG
    case notJPEG
    case jpegEncodingFailed(detail: String)
    case tooManyMetadataBlocks(count: Int)
    case noMemoryToOpenJPEG
    case notJPEGOrPNG
    /// A file of another format under a photo's name (`HEIC`, `PDF`…).
    case otherFormat(name: String)
    case truncated
    case noMemoryToDecodeJPEG
    case tooLargeToDecode
    case damagedJPEG(detail: String)
    case damagedInside
    case cannotRead(reason: String)
    case emptyFile
    case noPixels(width: Int, height: Int)
    case tooManyPixels(width: Int, height: Int, limit: Int, fitWidth: Int, fitHeight: Int)
    case truncatedPNGHeader
    case pngFirstChunk
    case noMemoryToDecodePNG
    case damagedPNG(detail: String?)
    case noMemoryForPixels(width: Int, height: Int)
    case cannotWrite(reason: String)
    case cannotCreateFolder(reason: String)
}

extension Diagnostics {
    package mutating func error(_ location: SourceLocation, _ message: ImageMessage) { error(location, Message(message)) }
    package mutating func warning(_ location: SourceLocation, _ message: ImageMessage, group: Message? = nil) {
        warning(location, Message(message), group: group)
    }
}

extension Diagnostic {
    package static func error(_ location: SourceLocation, _ message: ImageMessage) -> Diagnostic { .error(location, Message(message)) }
    package static func warning(_ location: SourceLocation, _ message: ImageMessage) -> Diagnostic { .warning(location, Message(message)) }
}

extension DinhError {
    package init(_ message: ImageMessage, at location: SourceLocation? = nil) { self.init(Message(message), at: location) }
}
