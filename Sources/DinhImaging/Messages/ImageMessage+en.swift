import DinhCore

extension ImageMessage: TranslatedTable {
    package var english: String {
        switch self {
        case .pngEncodingFailed(let detail): "PNG encoding failed: \(detail)"
        case .notPNG: "not a PNG image"
        case .notJPEG: "not a JPEG image"
        case .jpegEncodingFailed(let detail): "JPEG encoding failed: \(detail)"
        case .tooManyMetadataBlocks(let count):
            "the JPEG holds \(count) metadata blocks (EXIF, colour profile); cameras and editors write a few: save the photo again from a photo editor"
        case .noMemoryToOpenJPEG: "not enough memory to open the JPEG"
        case .notJPEGOrPNG: "not a JPEG or PNG image"
        case .otherFormat(let name) where name == "HEIC":
            "an iPhone HEIC photo, not a JPEG, though its name says so; save it again as JPEG (.jpg), and have the iPhone take JPEG: Settings › Camera › Formats › Most Compatible"
        case .otherFormat(let name): "a \(name) file, not a JPEG or PNG photo, though its name says so; open it and save the picture as JPEG (.jpg)"
        case .truncated: "the file is cut short (truncated), as when a copy stops before its end: copy it again from the camera or phone"
        case .noMemoryToDecodeJPEG: "not enough memory to decode the JPEG"
        case .tooLargeToDecode: "too large to decode"
        case .damagedJPEG(let detail): "damaged JPEG: \(detail)"
        case .damagedInside: "the photo is damaged inside, as when a memory card or USB stick has a bad spot: part of it would show grey or in wrong colours; copy it again from the camera or phone, or take it again"
        case .cannotRead(let reason): "cannot read the file (\(reason))"
        case .emptyFile: "the file is empty, not a JPEG or PNG image"
        case .noPixels(let width, let height): "the image has no pixels (\(width)×\(height))"
        case .tooManyPixels(let width, let height, let limit, let fitWidth, let fitHeight):
            "too large: \(width)×\(height) pixels, the limit is \(limit % 1_000_000 == 0 ? "\(limit / 1_000_000) megapixels" : "\(limit) pixels"); save it smaller, at most \(fitWidth)×\(fitHeight) (Paint: Resize; Photoshop: Image › Image Size; GIMP: Image › Scale Image)"
        case .truncatedPNGHeader: "the file is cut short (truncated) before the PNG header ends"
        case .pngFirstChunk: "damaged PNG: the first chunk is not IHDR"
        case .noMemoryToDecodePNG: "not enough memory to decode the PNG"
        case .damagedPNG(let detail): "damaged PNG: \(detail ?? "libpng refused it")"
        case .noMemoryForPixels(let width, let height): "not enough memory to decode \(width)×\(height) pixels"
        case .cannotWrite(let reason): "cannot write (\(reason))"
        case .cannotCreateFolder(let reason): "cannot create the folder (\(reason))"
        }
    }
}
