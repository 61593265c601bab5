import CDinhImaging
import Foundation

/// JPEG in and out, for callers that want JPEG specifically (the panorama tiler): decode with
/// shrink-on-load, encode without metadata.
package enum JPEG {
    /// Decodes a JPEG file upright and in sRGB (see ``ImageDecoder``). With a minimum size, the
    /// decoder shrinks on load by the largest DCT factor (1/2, 1/4, 1/8) that keeps the stored
    /// image at least `minimumWidth` × `minimumHeight`, which is several times faster than
    /// decoding everything and resizing; the result may be larger than the minimum.
    package static func decode(contentsOf url: URL, minimumWidth: Int = 0, minimumHeight: Int = 0,
                              maximumPixels: Int = ImageDecoder.defaultMaximumPixels) throws -> PixelImage {
        try decode(ImageDecoder.read(url), path: url.path, minimumWidth: minimumWidth, minimumHeight: minimumHeight,
                   maximumPixels: maximumPixels)
    }

    /// Decodes JPEG bytes; `path` names them in errors.
    package static func decode(_ data: Data, path: String, minimumWidth: Int = 0, minimumHeight: Int = 0,
                              maximumPixels: Int = ImageDecoder.defaultMaximumPixels) throws -> PixelImage {
        let decoder = ImageDecoder(maximumPixels: maximumPixels)
        let isJPEG = data.count >= 3 && data.prefix(3).elementsEqual([0xFF, 0xD8, 0xFF])
        guard isJPEG else { throw ImageError(path: path, code: .notAnImage, .notJPEG) }
        return try decoder.load(data, path: path, minimumWidth: minimumWidth, minimumHeight: minimumHeight).finished()
    }

    /// Encodes RGB pixels (RGBA is flattened onto white) as a JPEG with optimised Huffman
    /// tables, 4:2:0 chroma and no metadata at all (only the JFIF header).
    /// - Parameters:
    ///   - image: the pixels, 3 (RGB) or 4 (RGBA) channels.
    ///   - quality: 1–100; 80 is visually clean for photos at about a tenth of the bytes of 95.
    ///   - progressive: progressive files show a full preview early on slow connections and
    ///     are usually a few percent smaller.
    package static func encode(_ image: PixelImage, quality: Int = 80, progressive: Bool = true) throws -> [UInt8] {
        let rgb = image.channels == 4 ? image.flattened() : image
        var out: UnsafeMutablePointer<UInt8>?
        var length = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = rgb.pixels.withUnsafeBufferPointer { pixels in
            dinh_jpeg_encode(pixels.baseAddress, Int32(rgb.width), Int32(rgb.height), Int32(rgb.channels),
                             Int32(min(max(quality, 1), 100)), progressive ? 1 : 0, &out, &length, &message, message.count)
        }
        defer { dinh_free(out) }
        guard status == DINH_OK, let out else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw ImageError(path: "<memory>", code: .unsupported, .jpegEncodingFailed(detail: text))
        }
        return Array(UnsafeBufferPointer(start: out, count: length))
    }
}

extension PixelImage {
    /// RGB over a white background, for formats without alpha.
    func flattened() -> PixelImage {
        guard channels == 4 else { return self }
        var out = [UInt8](repeating: 0, count: width * height * 3)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for i in 0..<(width * height) {
                    let a = Int(src[i * 4 + 3])
                    for c in 0..<3 {
                        dst[i * 3 + c] = UInt8((Int(src[i * 4 + c]) * a + 255 * (255 - a) + 127) / 255)
                    }
                }
            }
        }
        return PixelImage(width: width, height: height, channels: 3, pixels: out)
    }
}

/// An open libjpeg decoder (header read), alive only inside `withOpened`, so the bytes it reads
/// from stay valid and the C handle is always closed.
struct JPEGDecoder: ~Copyable {
    private let handle: OpaquePointer
    let path: String
    let width: Int
    let height: Int
    let orientation: Int
    let iccProfile: [UInt8]?

    static func withOpened<T>(_ bytes: UnsafeRawBufferPointer, path: String, _ body: (borrowing JPEGDecoder) throws -> T) throws -> T {
        let blocks = metadataBlocks(bytes)
        guard blocks <= maximumMetadataBlocks else {
            throw ImageError(path: path, code: .corrupt, .tooManyMetadataBlocks(count: blocks))
        }
        var header = dinh_jpeg_header()
        var status: Int32 = 0
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
              let handle = dinh_jpeg_open(base, bytes.count, &header, &status) else {
            throw ImageError(path: path, code: .unsupported, .noMemoryToOpenJPEG)
        }
        defer { dinh_jpeg_close(handle) }
        guard status == DINH_OK else { throw error(status, handle, path: path) }
        var orientation = 1
        if let exif = header.exif {
            orientation = Exif.orientation(fromAPP1: UnsafeRawBufferPointer(start: exif, count: header.exif_length))
        }
        var icc: [UInt8]?
        if let profile = header.icc, header.icc_length > 0 {
            icc = Array(UnsafeBufferPointer(start: profile, count: header.icc_length))
        }
        let decoder = JPEGDecoder(handle: handle, path: path, width: Int(header.width), height: Int(header.height),
                                  orientation: orientation, iccProfile: icc)
        return try body(decoder)
    }

    private init(handle: OpaquePointer, path: String, width: Int, height: Int, orientation: Int, iccProfile: [UInt8]?) {
        self.handle = handle
        self.path = path
        self.width = width
        self.height = height
        self.orientation = orientation
        self.iccProfile = iccProfile
    }

    /// libjpeg keeps the APP1 (EXIF) and APP2 (ICC) blocks it is asked to save in a list it walks
    /// to the end for each new one: 65,500 of them took 15 s. A colour profile may be split over
    /// up to 255 APP2 blocks; no real photo has more than this.
    static let maximumMetadataBlocks = 300

    /// APP1 and APP2 segments before the image data, counted by walking the segment lengths.
    static func metadataBlocks(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return 0 }
        var index = 2, count = 0
        while index + 4 <= bytes.count {
            guard bytes[index] == 0xFF else { break }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }                  // fill byte
            if marker == 0xDA || marker == 0xD9 { break }               // start of scan, end of image
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }   // no length
            if marker == 0xE1 || marker == 0xE2 { count += 1 }
            index += 2 + (Int(bytes[index + 2]) << 8 | Int(bytes[index + 3]))
        }
        return count
    }

    /// Decodes to RGB at the smallest DCT scale whose output still covers the minimum size.
    /// `fast` when the result will be reduced a lot anyway (see `dinh_jpeg_decode`). `inTwoParts`
    /// decodes at full size on two cores (`dinh_jpeg_decode_in_two_parts`).
    func decode(minimumWidth: Int, minimumHeight: Int, maximumPixels: Int, fast: Bool = false, inTwoParts: Bool = false) throws -> PixelImage {
        var denominator: Int32 = 1
        var size = (width, height)
        for candidate: Int32 in [8, 4, 2] {
            var w: Int32 = 0, h: Int32 = 0
            guard dinh_jpeg_scaled_size(handle, candidate, &w, &h) == DINH_OK else { continue }
            if Int(w) >= minimumWidth, Int(h) >= minimumHeight, minimumWidth > 0 || minimumHeight > 0 {
                denominator = candidate
                size = (Int(w), Int(h))
                break
            }
        }
        let count = size.0 * size.1 * 3
        var status: Int32 = 0
        let pixels = pixelBuffer(count: count) { buffer in
            status = inTwoParts && denominator == 1 && !fast
                ? dinh_jpeg_decode_in_two_parts(handle, Int64(maximumPixels), buffer.baseAddress, buffer.count)
                : dinh_jpeg_decode(handle, denominator, Int64(maximumPixels), fast ? 1 : 0, buffer.baseAddress, buffer.count)
        }
        guard status == DINH_OK else { throw Self.error(status, handle, path: path) }
        return PixelImage(width: size.0, height: size.1, channels: 3, pixels: pixels)
    }

    private static func error(_ status: Int32, _ handle: OpaquePointer, path: String) -> ImageError {
        let detail = String(cString: dinh_jpeg_message(handle))
        switch status {
        case DINH_NOT_JPEG: return ImageError(path: path, code: .notAnImage, .notJPEGOrPNG)
        case DINH_TRUNCATED: return ImageError(path: path, code: .truncated, .truncated)
        case DINH_DAMAGED: return ImageError(path: path, code: .corrupt, .damagedInside)
        case DINH_NO_MEMORY: return ImageError(path: path, code: .unsupported, .noMemoryToDecodeJPEG)
        case DINH_TOO_LARGE: return ImageError(path: path, code: .tooLarge, .tooLargeToDecode)
        default: return ImageError(path: path, code: .corrupt, .damagedJPEG(detail: detail))
        }
    }
}
