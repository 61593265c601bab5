import CDinhImaging
import Foundation

/// PNG in and out.
package enum PNG {
    /// Encodes RGB or RGBA pixels as an 8-bit PNG with no metadata chunks.
    package static func encode(_ image: PixelImage) throws -> [UInt8] {
        var out: UnsafeMutablePointer<UInt8>?
        var length = 0
        var message = [CChar](repeating: 0, count: 256)
        let status = image.pixels.withUnsafeBufferPointer { pixels in
            dinh_png_encode(pixels.baseAddress, Int32(image.width), Int32(image.height), Int32(image.channels),
                            &out, &length, &message, message.count)
        }
        defer { dinh_free(out) }
        guard status == DINH_OK, let out else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw ImageError(path: "<memory>", code: .unsupported, .pngEncodingFailed(detail: text))
        }
        return Array(UnsafeBufferPointer(start: out, count: length))
    }

    /// Decodes a PNG (any colour type, bit depth, palette or interlacing) to 8-bit RGB, or RGBA
    /// when it has transparency.
    package static func decode(contentsOf url: URL, maximumPixels: Int = ImageDecoder.defaultMaximumPixels) throws -> PixelImage {
        let data = try ImageDecoder.read(url)
        guard data.count >= 8, data.prefix(8).elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw ImageError(path: url.path, code: .notAnImage, .notPNG)
        }
        return try ImageDecoder(maximumPixels: maximumPixels).decode(data, path: url.path)
    }
}
