/// An image in memory: 8-bit samples, interleaved, rows top to bottom, no padding.
/// `channels` is 3 (RGB) or 4 (RGBA, straight alpha). Everything in Dinh that touches
/// pixels (resizing, tiling, QR rendering) works on this one value type.
package struct PixelImage: Sendable, Equatable {
    package var width: Int
    package var height: Int
    package var channels: Int
    package var pixels: [UInt8]

    package init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * channels, "pixel buffer size does not match")
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    package init(width: Int, height: Int, channels: Int = 3, filledWith value: UInt8 = 0) {
        self.init(width: width, height: height, channels: channels,
                  pixels: [UInt8](repeating: value, count: width * height * channels))
    }
}
