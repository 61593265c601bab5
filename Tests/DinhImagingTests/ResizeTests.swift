import DinhTestSupport
import Foundation
import Testing
@testable import DinhImaging

@Suite struct ResizeTests {
    /// A 1-pixel black/white checkerboard has all its energy at the Nyquist frequency: any
    /// aliasing shows up as stripes or blotches after a 4× reduction.
    @Test(arguments: [3, 4])
    func checkerboardBecomesUniformGrey(channels: Int) {
        var image = PixelImage(width: 256, height: 256, channels: channels)
        for y in 0..<256 {
            for x in 0..<256 {
                let value: UInt8 = (x + y) % 2 == 0 ? 255 : 0
                for c in 0..<min(channels, 3) { image.pixels[(y * 256 + x) * channels + c] = value }
                if channels == 4 { image.pixels[(y * 256 + x) * 4 + 3] = 255 }
            }
        }
        let small = image.resized(width: 64, height: 64)
        let (mean, deviation) = statistics(small.flattened())
        #expect(abs(mean - 127.5) < 2, "mean \(mean)")
        #expect(deviation < 2, "standard deviation \(deviation)")
    }

    /// A zone plate (rings getting finer outwards): after a 4× reduction, the part of the plate
    /// finer than the new pixel grid must fade to grey instead of turning into false rings.
    @Test func zonePlateDoesNotAlias() {
        let size = 512
        var image = PixelImage(width: size, height: size, channels: 3)
        for y in 0..<size {
            for x in 0..<size {
                let dx = Double(x - size / 2), dy = Double(y - size / 2)
                // Local frequency grows linearly with radius: r / size cycles per pixel.
                let value = 127.5 + 127.5 * cos(Double.pi * (dx * dx + dy * dy) / Double(size))
                let byte = UInt8(max(0, min(255, value.rounded())))
                for c in 0..<3 { image.pixels[(y * size + x) * 3 + c] = byte }
            }
        }
        let small = image.resized(width: size / 4, height: size / 4)
        // Corners: local frequency above 0.35 cycles/pixel in the source, far beyond the new
        // Nyquist limit (0.125): should be flat grey.
        var corner: [UInt8] = []
        for y in 0..<16 { for x in 0..<16 { corner.append(small.pixels[(y * small.width + x) * 3]) } }
        let (mean, deviation) = statistics(PixelImage(width: 16, height: 16, channels: 1, pixels: corner))
        #expect(abs(mean - 127.5) < 6, "corner mean \(mean)")
        #expect(deviation < 6, "corner standard deviation \(deviation)")
        // The centre (low frequency) keeps its contrast.
        let centre = Int(small.pixels[((size / 8) * small.width + size / 8) * 3])
        #expect(centre > 240, "centre \(centre)")
    }

    /// The 2×2 box halving (the pre-shrink of large reductions, in blocks of row sums for opaque
    /// images) is the rounded mean of each 2×2 square, the odd last row and column paired with
    /// themselves: checked pixel by pixel against that definition, on sizes around its block of 256.
    @Test(arguments: [(1, 1, 3), (3, 5, 3), (513, 7, 3), (1030, 9, 3), (515, 4, 1), (257, 3, 2), (9, 9, 4)])
    func halvingIsTheMeanOfEachSquare(width: Int, height: Int, channels: Int) {
        var image = PixelImage(width: width, height: height, channels: channels)
        var seed: UInt32 = 7
        for index in image.pixels.indices {
            seed = seed &* 1_103_515_245 &+ 12345
            image.pixels[index] = UInt8(truncatingIfNeeded: seed >> 16)
        }
        if channels == 4 { for index in stride(from: 3, to: image.pixels.count, by: 4) { image.pixels[index] = 255 } }
        let half = image.halved()
        #expect(half.width == (width + 1) / 2 && half.height == (height + 1) / 2)
        var wrong = 0
        for y in 0..<half.height {
            for x in 0..<half.width {
                let xs = [2 * x, min(2 * x + 1, width - 1)], ys = [2 * y, min(2 * y + 1, height - 1)]
                for c in 0..<channels {
                    let sum = ys.reduce(0) { total, row in xs.reduce(total) { $0 + Int(image.pixels[(row * width + $1) * channels + c]) } }
                    if Int(half.pixels[(y * half.width + x) * channels + c]) != (sum + 2) / 4 { wrong += 1 }
                }
            }
        }
        #expect(wrong == 0, "\(wrong) samples differ from the mean of their square")
    }

    /// A large pixel buffer has its pages faulted in by a helper thread while it is filled: what the
    /// filler wrote is what the image holds. (The helper clears whole pages it finds missing, so
    /// the first and last byte of each 4 kB page tell.)
    @Test func aBufferFaultedInMeanwhileKeepsWhatWasWritten() {
        let count = 48 << 20 + 12_345, page = 4096
        func value(_ page: Int) -> UInt8 { UInt8(page % 251 + 1) }
        let pixels = pixelBuffer(count: count) { buffer in
            for start in stride(from: 0, to: count, by: page) {
                UnsafeMutableBufferPointer(rebasing: buffer[start..<min(start + page, count)]).update(repeating: value(start / page))
            }
        }
        let wrong = stride(from: 0, to: count, by: page).filter { start in
            pixels[start] != value(start / page) || pixels[min(start + page, count) - 1] != value(start / page)
        }
        #expect(pixels.count == count && wrong.isEmpty, "\(wrong.count) pages lost what was written")
    }

    @Test func flatColourStaysExact() {
        let image = PixelImage(width: 97, height: 61, channels: 3, filledWith: 200)
        let small = image.resized(width: 13)
        #expect(small.width == 13 && small.height == 8)
        #expect(small.pixels.allSatisfy { $0 == 200 })
    }

    @Test func transparentPixelsDoNotBleed() {
        // Left half transparent red, right half opaque blue: after resizing, visible pixels
        // must stay blue, not purple.
        var image = PixelImage(width: 64, height: 16, channels: 4)
        for y in 0..<16 {
            for x in 0..<64 {
                let i = (y * 64 + x) * 4
                if x < 32 { image.pixels[i] = 255 } else { image.pixels[i + 2] = 255; image.pixels[i + 3] = 255 }
            }
        }
        let small = image.resized(width: 16, height: 4)
        for x in 0..<16 {
            let i = (2 * 16 + x) * 4
            if small.pixels[i + 3] > 8 { #expect(small.pixels[i] < 8, "red leaked at x=\(x): \(Array(small.pixels[i..<i + 4]))") }
        }
    }
}
