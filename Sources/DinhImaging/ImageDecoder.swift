import CDinhImaging
import DinhCore
import Foundation

/// Reads JPEG and PNG files into ``PixelImage``s the way a browser would show them:
///
/// - The EXIF orientation (1–8) is applied, so phone photos come out upright.
/// - Colour: an embedded ICC profile that is not sRGB (Adobe RGB, ProPhoto, Display P3…) is
///   converted to sRGB with lcms2 (perceptual intent), because processed files carry no metadata
///   and unmarked pixels are shown as sRGB; keeping the profile instead would mean keeping
///   metadata and paying its bytes on every variant. CMYK JPEGs use the plain ink formula
///   (Adobe's inverted CMYK included); grayscale is expanded to RGB. PNGs: gAMA is honoured
///   (as browsers do); iCCP and cHRM are ignored.
/// - A pixel limit refuses decompression bombs from the header, before any pixel memory is
///   allocated.
///
/// Every error is an ``ImageError`` carrying the file's path.
package struct ImageDecoder: Sendable {
    /// 100 megapixels: above any phone or camera photo (50 MP) and most stitched panoramas,
    /// and about 400 MB of RGBA at most.
    package static let defaultMaximumPixels = 100_000_000

    /// The largest width × height accepted.
    package var maximumPixels: Int

    package init(maximumPixels: Int = ImageDecoder.defaultMaximumPixels) {
        self.maximumPixels = maximumPixels
    }

    /// The displayed size, format and alpha of an image, from its headers only.
    package func info(contentsOf url: URL) throws -> ImageInfo {
        let data = try Self.read(url)
        return try info(data, path: url.path)
    }

    /// The displayed size, format and alpha of an image in memory; `path` names it in errors.
    package func info(_ data: Data, path: String) throws -> ImageInfo {
        try data.withUnsafeBytes { bytes in
            switch try Self.format(of: bytes, path: path) {
            case .png:
                let (width, height) = try Self.pngSize(bytes, path: path)
                let header = try Self.pngHeader(bytes, path: path)
                return ImageInfo(width: width, height: height, format: .png, hasAlpha: header.has_alpha != 0)
            case .jpeg:
                return try JPEGDecoder.withOpened(bytes, path: path) { decoder in
                    let o = decoder.orientation
                    let (w, h) = (decoder.width, decoder.height)
                    return ImageInfo(width: o >= 5 ? h : w, height: o >= 5 ? w : h, format: .jpeg, hasAlpha: false, orientation: o)
                }
            }
        }
    }

    /// Decodes a file: upright, sRGB, 3 channels (4 for PNGs with transparency).
    package func decode(contentsOf url: URL) throws -> PixelImage {
        try decode(Self.read(url), path: url.path)
    }

    /// Decodes image bytes; `path` names them in errors.
    package func decode(_ data: Data, path: String) throws -> PixelImage {
        try load(data, path: path).finished()
    }

    // MARK: Decoding for the pipeline

    /// Decodes as stored (orientation and colour conversion not yet applied, so the pipeline can
    /// apply them to the small outputs), shrinking JPEGs on load to no less than the minimum
    /// stored size (by default, not at all: the panorama tiler's decode, which the pipeline reuses).
    /// `fast` allows the faster, slightly less precise JPEG decoding when every output will be at
    /// most two thirds of the source size. `inTwoParts` decodes a large JPEG at full size on two
    /// cores, for a caller with one to spare. `shrinkingToLimit`: a JPEG above the pixel limit is
    /// decoded at a half, a quarter or an eighth of its size, whichever first fits (see
    /// `shrunkSize`), instead of refused.
    package func load(_ data: Data, path: String, minimumWidth: Int = 0, minimumHeight: Int = 0, fast: Bool = false,
                      inTwoParts: Bool = false, shrinkingToLimit: Bool = false) throws -> SourceImage {
        try data.withUnsafeBytes { bytes in
            switch try Self.format(of: bytes, path: path) {
            case .png:
                return try decodePNG(bytes, path: path)
            case .jpeg:
                return try JPEGDecoder.withOpened(bytes, path: path) { decoder in
                    var (minimumWidth, minimumHeight) = (minimumWidth, minimumHeight)
                    if shrinkingToLimit, let fitting = shrunkSize(width: decoder.width, height: decoder.height) {
                        // The largest size within the limit, unless the caller asked for less (the
                        // decode then shrinks further).
                        if minimumWidth + minimumHeight == 0 || minimumWidth > fitting.width || minimumHeight > fitting.height {
                            (minimumWidth, minimumHeight) = fitting
                        }
                    } else {
                        try Self.checkLimit(decoder.width, decoder.height, maximumPixels, path: path)
                    }
                    let image = try decoder.decode(minimumWidth: minimumWidth, minimumHeight: minimumHeight,
                                                   maximumPixels: maximumPixels, fast: fast, inTwoParts: inTwoParts)
                    return SourceImage(pixels: image, format: .jpeg, orientation: decoder.orientation,
                                       iccProfile: decoder.iccProfile)
                }
            }
        }
    }

    /// For a JPEG over the pixel limit, the size libjpeg decodes it at to fit: a half, a quarter or
    /// an eighth (its scaled sizes round up), keeping most of it; nil when it fits already, or not
    /// even an eighth does. The one place that size is worked out (the tiles' layout follows it).
    package func shrunkSize(width: Int, height: Int) -> (width: Int, height: Int)? {
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        guard overflow || pixels > maximumPixels else { return nil }
        return [2, 4, 8].lazy.map { ((width + $0 - 1) / $0, (height + $0 - 1) / $0) }.first { $0.0 * $0.1 <= maximumPixels }
    }

    static func read(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw ImageError(path: url.path, code: .unreadable, .cannotRead(reason: ErrorText.reason(error)))
        }
    }

    static func format(of bytes: UnsafeRawBufferPointer, path: String) throws -> ImageFormat {
        if bytes.count >= 3, bytes[0] == 0xFF, bytes[1] == 0xD8, bytes[2] == 0xFF { return .jpeg }
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        if bytes.count >= 8, zip(bytes.prefix(8), signature).allSatisfy({ $0 == $1 }) { return .png }
        if bytes.isEmpty { throw ImageError(path: path, code: .notAnImage, .emptyFile) }
        if let other = otherFormat(bytes) { throw ImageError(path: path, code: .notAnImage, .otherFormat(name: other)) }
        throw ImageError(path: path, code: .notAnImage, .notJPEGOrPNG)
    }

    /// What a file named as a photo really is, when its first bytes say: an iPhone's HEIC photo
    /// renamed .jpg, a PDF, a WebP, GIF, BMP or TIFF image, a Word or zip file.
    static func otherFormat(_ bytes: UnsafeRawBufferPointer) -> String? {
        func starts(_ text: String, at offset: Int = 0) -> Bool {
            let signature = Array(text.utf8)
            return bytes.count >= offset + signature.count && zip(bytes[offset...], signature).allSatisfy { $0 == $1 }
        }
        if starts("ftyp", at: 4), ["heic", "heix", "hevc", "mif1", "msf1", "heif"].contains(where: { starts($0, at: 8) }) { return "HEIC" }
        if starts("%PDF") { return "PDF" }
        if starts("RIFF"), starts("WEBP", at: 8) { return "WebP" }
        if starts("GIF8") { return "GIF" }
        if starts("BM") { return "BMP" }
        if starts("II*\u{0}") || starts("MM\u{0}*") { return "TIFF" }
        if starts("PK\u{3}\u{4}") { return "Word/ZIP" }
        return nil
    }

    static func checkLimit(_ width: Int, _ height: Int, _ maximumPixels: Int, path: String) throws {
        guard width > 0, height > 0 else {
            throw ImageError(path: path, code: .corrupt, .noPixels(width: width, height: height))
        }
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        if overflow || pixels > maximumPixels {
            // A size within the limit, of the same shape, in round hundreds (a 2:1 panorama stays 2:1).
            let scale = (Double(maximumPixels) / (Double(width) * Double(height))).squareRoot()
            let hundreds = max(1, Int(Double(width) * scale / 100)), fitWidth = hundreds * 100
            let fitHeight = max(1, Int((Double(fitWidth) * Double(height) / Double(width)).rounded(.down)))
            throw ImageError(path: path, code: .tooLarge,
                             .tooManyPixels(width: width, height: height, limit: maximumPixels, fitWidth: fitWidth, fitHeight: fitHeight))
        }
    }


    // MARK: PNG

    /// Width and height straight from IHDR, so the limit is checked before libpng runs at all.
    static func pngSize(_ bytes: UnsafeRawBufferPointer, path: String) throws -> (Int, Int) {
        guard bytes.count >= 33 else {
            throw ImageError(path: path, code: .truncated, .truncatedPNGHeader)
        }
        guard bytes[12] == 0x49, bytes[13] == 0x48, bytes[14] == 0x44, bytes[15] == 0x52 else {
            throw ImageError(path: path, code: .corrupt, .pngFirstChunk)
        }
        func u32(_ at: Int) -> Int { (16...24).contains(at) ? bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } : 0 }
        return (u32(16), u32(20))
    }

    static func pngHeader(_ bytes: UnsafeRawBufferPointer, path: String) throws -> dinh_png_header {
        var header = dinh_png_header()
        var message = [CChar](repeating: 0, count: 256)
        let status = dinh_png_header_read(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count,
                                          &header, &message, message.count)
        guard status == DINH_OK else { throw Self.pngError(status, message, path: path) }
        return header
    }

    static func pngError(_ status: Int32, _ message: [CChar], path: String) -> ImageError {
        let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if status == DINH_TRUNCATED {
            return ImageError(path: path, code: .truncated, .truncated)
        }
        if status == DINH_NO_MEMORY {
            return ImageError(path: path, code: .unsupported, .noMemoryToDecodePNG)
        }
        return ImageError(path: path, code: .corrupt, .damagedPNG(detail: text.isEmpty ? nil : text))
    }

    func decodePNG(_ bytes: UnsafeRawBufferPointer, path: String) throws -> SourceImage {
        let (width, height) = try Self.pngSize(bytes, path: path)
        try Self.checkLimit(width, height, maximumPixels, path: path)
        let header = try Self.pngHeader(bytes, path: path)
        let channels = header.has_alpha != 0 ? 4 : 3
        let count = width * height * channels
        var message = [CChar](repeating: 0, count: 256)
        var status: Int32 = 0
        let pixels = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            status = dinh_png_decode(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, Int32(channels),
                                     Int64(maximumPixels), buffer.baseAddress, buffer.count, &message, message.count)
            initialized = count
        }
        switch status {
        case DINH_OK: break
        case DINH_TOO_LARGE: try Self.checkLimit(width, height, maximumPixels, path: path)
        case DINH_NO_MEMORY: throw ImageError(path: path, code: .unsupported, .noMemoryForPixels(width: width, height: height))
        default: throw Self.pngError(status, message, path: path)
        }
        return SourceImage(pixels: PixelImage(width: width, height: height, channels: channels, pixels: pixels),
                           format: .png, orientation: 1, iccProfile: nil)
    }
}

/// Decoded pixels still in stored orientation and colour space.
package struct SourceImage: Sendable {
    var pixels: PixelImage
    var format: ImageFormat
    var orientation: Int
    var iccProfile: [UInt8]?

    /// Pixels as they should be shown: colour converted to sRGB, then oriented.
    package func finished() -> PixelImage {
        ColorProfile.toSRGB(pixels, profile: iccProfile).oriented(orientation)
    }

    /// Same, for a resized copy of these pixels.
    func finish(_ image: PixelImage) -> PixelImage {
        ColorProfile.toSRGB(image, profile: iccProfile).oriented(orientation)
    }
}

enum ColorProfile {
    /// Converts from an embedded non-sRGB RGB profile to sRGB; any other case is left alone
    /// (no profile, an sRGB profile, a profile lcms2 cannot use).
    static func toSRGB(_ image: PixelImage, profile: [UInt8]?) -> PixelImage {
        guard let profile, !profile.isEmpty, image.channels == 3 || image.channels == 4 else { return image }
        let isSRGB = profile.withUnsafeBufferPointer { dinh_icc_is_srgb($0.baseAddress, $0.count) }
        guard isSRGB == 0 else { return image }
        var converted = image
        let status = profile.withUnsafeBufferPointer { icc in
            converted.pixels.withUnsafeMutableBufferPointer { pixels in
                dinh_icc_to_srgb(icc.baseAddress, icc.count, pixels.baseAddress, image.width * image.height, Int32(image.channels))
            }
        }
        return status == DINH_OK ? converted : image
    }
}
