import CDinhImaging
import Foundation

extension PixelImage {
    /// A high-quality resize to exactly `width` × `height` with a Lanczos-3 filter (separable,
    /// widened by the reduction factor so that nothing above the new Nyquist limit survives:
    /// no aliasing, no moiré). Large reductions first halve with a 2×2 box while the image stays
    /// at least twice the target, as libvips does, which costs little and loses nothing visible.
    /// RGBA is filtered premultiplied, so transparent pixels do not darken the edges.
    package func resized(width newWidth: Int, height newHeight: Int) -> PixelImage {
        precondition(newWidth > 0 && newHeight > 0, "target size must be positive")
        if newWidth == width && newHeight == height { return self }
        var source = self
        while source.width / 2 >= 2 * newWidth && source.height / 2 >= 2 * newHeight {
            source = source.halved()
        }
        return source.lanczos(width: newWidth, height: newHeight)
    }

    /// Resized to `width` keeping the aspect ratio (height rounded, at least 1).
    package func resized(width newWidth: Int) -> PixelImage {
        let newHeight = max(1, Int((Double(height) * Double(newWidth) / Double(width)).rounded()))
        return resized(width: newWidth, height: newHeight)
    }

    func halved() -> PixelImage {
        let w = (width + 1) / 2, h = (height + 1) / 2
        let out = pixelBuffer(count: w * h * channels) { dst in
            pixels.withUnsafeBufferPointer { src in
                dinh_box_halve(src.baseAddress, Int32(width), Int32(height), Int32(channels), dst.baseAddress, Int32(w), Int32(h))
            }
        }
        return PixelImage(width: w, height: h, channels: channels, pixels: out)
    }

    private func lanczos(width newWidth: Int, height newHeight: Int) -> PixelImage {
        let horizontal = FilterTaps(input: width, output: newWidth)
        let vertical = FilterTaps(input: height, output: newHeight)
        let out = pixelBuffer(count: newWidth * newHeight * channels) { dst in
            pixels.withUnsafeBufferPointer { src in
                horizontal.withTaps { h in
                    vertical.withTaps { v in
                        // Only failure is a row buffer allocation of a few kB; treat as fatal like any allocation.
                        let status = dinh_resample(src.baseAddress, Int32(width), Int32(height), Int32(channels),
                                                   dst.baseAddress, Int32(newWidth), Int32(newHeight), h, v)
                        precondition(status == DINH_OK, "out of memory while resizing")
                    }
                }
            }
        }
        return PixelImage(width: newWidth, height: newHeight, channels: channels, pixels: out)
    }
}

/// Lanczos-3 weights for one axis, normalised to sum 1 (as Pillow computes them).
struct FilterTaps {
    var start: [Int32] = []
    var count: [Int32] = []
    var weights: [Float] = []
    var stride = 0

    init(input: Int, output: Int) {
        let scale = Double(input) / Double(output)
        let filterScale = max(scale, 1)
        let support = 3 * filterScale
        stride = Int(support.rounded(.up)) * 2 + 1
        start.reserveCapacity(output)
        count.reserveCapacity(output)
        weights = [Float](repeating: 0, count: output * stride)
        var row = [Double](repeating: 0, count: stride)
        for i in 0..<output {
            let center = (Double(i) + 0.5) * scale
            let first = max(0, Int(center - support + 0.5))
            let last = min(input, Int(center + support + 0.5))
            let n = min(max(last - first, 1), stride)
            var total = 0.0
            for k in 0..<n {
                let w = Self.lanczos3((Double(first + k) - center + 0.5) / filterScale)
                row[k] = w
                total += w
            }
            for k in 0..<n { weights[i * stride + k] = Float(total != 0 ? row[k] / total : (k == 0 ? 1 : 0)) }
            start.append(Int32(min(first, input - 1)))
            count.append(Int32(n))
        }
    }

    static func lanczos3(_ x: Double) -> Double {
        if x == 0 { return 1 }
        if x <= -3 || x >= 3 { return 0 }
        let px = Double.pi * x
        return 3 * sin(px) * sin(px / 3) / (px * px)
    }

    func withTaps<T>(_ body: (dinh_taps) -> T) -> T {
        start.withUnsafeBufferPointer { s in
            count.withUnsafeBufferPointer { c in
                weights.withUnsafeBufferPointer { w in
                    body(dinh_taps(start: s.baseAddress, count: c.baseAddress, weights: w.baseAddress, stride: Int32(stride)))
                }
            }
        }
    }
}
