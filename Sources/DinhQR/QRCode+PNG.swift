import CPNG
import Foundation

extension QRCode {
    /// Pixels per module so that the image, quiet zone included, is at least `minimumSize` pixels wide.
    public func pixelsPerModule(minimumSize: Int = 1000, quietZone: Int = 4) -> Int {
        let side = size + 2 * max(0, quietZone)
        return max(1, (minimumSize + side - 1) / side)
    }

    /// The symbol as a black-on-white PNG (1 bit a pixel, two-colour palette), every module an exact
    /// square of `pixelsPerModule` pixels, with a `quietZone`-module white margin (4, the standard's minimum).
    public func pngData(minimumSize: Int = 1000, quietZone: Int = 4) throws(QRError) -> Data {
        let margin = max(0, quietZone)
        let scale = pixelsPerModule(minimumSize: minimumSize, quietZone: margin)
        let side = (size + 2 * margin) * scale
        var pixels = [UInt8](repeating: 1, count: side * side)
        pixels.withUnsafeMutableBufferPointer { buffer in
            for y in 0..<size {
                let top = (y + margin) * scale * side
                // Draw the first pixel row of this module row, then copy it down.
                for x in 0..<size where modules[y * size + x] {
                    let start = top + (x + margin) * scale
                    for i in start..<(start + scale) { buffer[i] = 0 }
                }
                guard let base = buffer.baseAddress else { return }
                for row in 1..<scale {
                    (base + top + row * side).update(from: base + top, count: side)
                }
            }
        }
        return try PNGWriter.blackAndWhite(pixels, width: side, height: side)
    }
}

/// libpng's simplified write API: errors come back in the `png_image` struct, so no longjmp
/// ever crosses a Swift frame.
enum PNGWriter {
    /// Writes `indices` (0 = black, 1 = white, one byte a pixel) as a two-entry colour-mapped PNG,
    /// which libpng packs to 1 bit a pixel: the same format as `qrencode`'s, an eighth of the data
    /// of 8-bit grey to filter and deflate, and a tenth of the file size.
    static func blackAndWhite(_ indices: [UInt8], width: Int, height: Int) throws(QRError) -> Data {
        let colormap: [UInt8] = [0, 255]
        func newImage() -> png_image {
            var image = png_image()
            image.version = png_uint_32(PNG_IMAGE_VERSION)
            image.width = png_uint_32(width)
            image.height = png_uint_32(height)
            image.format = png_uint_32(PNG_FORMAT_GRAY) | png_uint_32(PNG_FORMAT_FLAG_COLORMAP)
            image.colormap_entries = 2
            image.flags = png_uint_32(PNG_IMAGE_FLAG_FAST)
            return image
        }
        var image = newImage()
        // Big squares compress to a few kilobytes; a first buffer that fits any sane symbol.
        var capacity = width * height / 8 + 4096
        for _ in 0..<2 {
            var output = Data(count: capacity)
            var written = capacity
            let ok = output.withUnsafeMutableBytes { out in
                indices.withUnsafeBytes { input in
                    colormap.withUnsafeBytes { map in
                        png_image_write_to_memory(&image, out.baseAddress, &written, 0, input.baseAddress,
                                                  png_int_32(width), map.baseAddress)
                    }
                }
            }
            if ok != 0 {
                output.count = written
                return output
            }
            // Too small a buffer: libpng reports the size it needs and no error.
            let failed = image.warning_or_error & 3 >= 2
            png_image_free(&image)
            if written > capacity, !failed {
                capacity = written
                image = newImage()
                continue
            }
            let message = withUnsafeBytes(of: image.message) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw QRError(.png(message.isEmpty ? "libpng failed" : message))
        }
        throw QRError(.png("libpng kept asking for a larger buffer"))
    }
}
