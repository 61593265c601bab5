import CDinhImaging
import Foundation
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

/// `count` bytes of pixels written by `fill`, which must write every one of them (nothing is zeroed
/// first). Large buffers are backed with 2 MB pages where the system allows it (`MADV_HUGEPAGE`,
/// for transparent huge pages in "madvise" mode): a 100 MB panorama is then 50 page faults instead
/// of 25,000, and the cube faces' scattered reads of it miss the TLB far less. Their pages are also
/// faulted in by a helper thread while `fill` writes (`dinh_prefault_begin`), from the other end, so
/// that the kernel's clearing of fresh memory does not wait for the decoder to reach each page.
package func pixelBuffer(count: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) throws -> Void) rethrows -> [UInt8] {
    try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
        adviseHugePages(buffer)
        let prefault = count >= 16 << 20 ? dinh_prefault_begin(buffer.baseAddress, count) : nil
        defer { dinh_prefault_end(prefault) }
        try fill(UnsafeMutableBufferPointer(rebasing: buffer[..<count]))
        initialized = count
    }
}

private func adviseHugePages(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
    let page = 2 << 20
    guard buffer.count >= 2 * page, let base = buffer.baseAddress else { return }
    let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
    let end = (Int(bitPattern: base) + buffer.count) & ~(page - 1)
    guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
    _ = madvise(pointer, end - start, 14 /* MADV_HUGEPAGE */)
}
