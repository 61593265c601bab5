import CDinhImaging
import DinhImaging
import Foundation

/// Renders one cube face of `size`² RGB pixels from an equirectangular source by sampling the source
/// in the direction of each face pixel's centre, bilinearly, with longitude wrapping and the rows
/// beyond a pole taken from the opposite meridian. The face is never smaller than about width/π, so
/// the source is never minified by more than ~1.3× here and bilinear needs no prefilter; smaller levels
/// come from `areaDownscale`.
///
/// Per face row: the source coordinates of every pixel first (branch-free loops the compiler
/// vectorises), then one call to the shim's sampler, which gathers eight samples at a time.
func renderFace(_ face: CubeFace, size: Int, from source: PixelImage) -> [UInt8] {
    let w = source.width, h = source.height, ch = source.channels
    let xScale = Float(w) / (2 * Float.pi), yScale = Float(h) / Float.pi
    // x of yaw 0 plus one turn: the sampler wants x ≥ 0.
    let xCentre = Float(w) / 2 - 0.5 + Float(w), yOffset = Float(h) / 2 - 0.5
    let step = 2 / Float(size)
    let sideYaw: Float? = switch face {
    case .front: 0
    case .right: Float.pi / 2
    case .back: Float.pi
    case .left: -Float.pi / 2
    case .up, .down: nil
    }
    // Side faces: yaw depends on the column only, pitch = atan(−b / √(1 + a²)). (`let` arrays: a
    // captured `var` would pay a dynamic exclusivity check on every access.)
    let columnX: [Float] = (0..<size).map { i in
        let a = (Float(i) + 0.5) * step - 1
        return ((sideYaw ?? 0) + fastAtan(a)) * xScale + xCentre
    }
    let columnInvR: [Float] = (0..<size).map { i in
        let a = (Float(i) + 0.5) * step - 1
        return 1 / (1 + a * a).squareRoot()
    }
    // The face is sampled in two halves, left then right, each from top to bottom, so that each
    // half row runs one way across the source (towards or away from the face's centre line, where
    // whole rows turn back). Measured on an 8192-px panorama, the gathers then take about a third
    // less time than row by row across the whole face; splitting anywhere else gained nothing.
    let half = size / 2
    // Every byte is written below, so the buffer is not zeroed first.
    return pixelBuffer(count: size * size * 3) { dst in
    source.pixels.withUnsafeBufferPointer { src in
    columnX.withUnsafeBufferPointer { columnX in
    columnInvR.withUnsafeBufferPointer { columnInvR in
        let rowX = UnsafeMutableBufferPointer<Float>.allocate(capacity: size)
        let rowY = UnsafeMutableBufferPointer<Float>.allocate(capacity: size)
        defer { rowX.deallocate(); rowY.deallocate() }
        let up = face == .up
        for columns in [0..<half, half..<size] {
            for j in 0..<size {
                let b = (Float(j) + 0.5) * step - 1
                if sideYaw != nil {
                    for i in columns { rowY[i] = -fastAtan(-b * columnInvR[i]) * yScale + yOffset }
                } else {
                    // up: (a, 1, −b); down: (a, −1, b). Yaw = atan2(x, −z), |pitch| = π/2 − atan(r).
                    let zb = up ? b : -b
                    for i in columns {
                        let a = (Float(i) + 0.5) * step - 1
                        rowX[i] = fastAtan2(a, zb) * xScale + xCentre
                        let pitch = Float.pi / 2 - fastAtan2((a * a + b * b).squareRoot(), 1)
                        rowY[i] = (up ? -pitch : pitch) * yScale + yOffset
                    }
                }
                let xs = sideYaw != nil ? columnX.baseAddress! : UnsafePointer(rowX.baseAddress!)
                dinh_equirect_sample(src.baseAddress, Int32(w), Int32(h), Int32(ch), xs + columns.lowerBound,
                                     rowY.baseAddress! + columns.lowerBound, Int32(columns.count),
                                     dst.baseAddress! + (j * size + columns.lowerBound) * 3)
            }
        }
    }}}
    }
}

/// atan on [−1, 1] to 2·10⁻⁸ rad (Abramowitz & Stegun 4.4.49), far below a source pixel
/// (7.7·10⁻⁴ rad at 8192 wide) and several times faster than libm's atanf.
@inline(__always)
func fastAtan(_ x: Float) -> Float {
    let z = x * x
    var p: Float = 0.0028662257
    p = p * z - 0.0161657367
    p = p * z + 0.0429096138
    p = p * z - 0.0752896400
    p = p * z + 0.1065626393
    p = p * z - 0.1420889944
    p = p * z + 0.1999355085
    p = p * z - 0.3333314528
    return x * (p * z + 1)
}

/// atan2 from `fastAtan` by octant reduction, written with selects so loops over it vectorise.
@inline(__always)
func fastAtan2(_ y: Float, _ x: Float) -> Float {
    let ax = abs(x), ay = abs(y)
    let swap = ay > ax
    let num = swap ? ax : ay, den = swap ? ay : ax
    let t = fastAtan(den == 0 ? 0 : num / den)
    var r = swap ? Float.pi / 2 - t : t
    r = x < 0 ? Float.pi - r : r
    return y < 0 ? -r : r
}

/// Area-averaging (box with fractional coverage) resize of a square RGB image from `from`² to `to`²
/// pixels, `to` ≤ `from`: every source pixel contributes exactly its covered area, so no aliasing at
/// any ratio. The box weights go through the imaging shim's separable resampler (vertical sum of
/// whole rows, then the horizontal taps, vectorised), the same code that resizes photos.
func areaDownscale(_ src: [UInt8], from n: Int, to m: Int) -> [UInt8] {
    if n == m { return src }
    let taps = BoxTaps(from: n, to: m)
    return pixelBuffer(count: m * m * 3) { out in
        let status = src.withUnsafeBufferPointer { s in
            taps.withTaps { t in
                dinh_resample(s.baseAddress, Int32(n), Int32(n), 3, out.baseAddress, Int32(m), Int32(m), t, t)
            }
        }
        // The only failure is a row buffer of a few kB; fatal like any allocation.
        precondition(status == DINH_OK, "out of memory while downscaling a cube face")
    }
}

/// Box filter taps for one axis (the same both ways on a square face): output pixel `i` covers
/// source pixels `start[i] ..< start[i] + count[i]`, each weighted by its covered fraction.
struct BoxTaps {
    var start: [Int32] = [], count: [Int32] = [], weights: [Float] = []
    /// Weights per output pixel in `weights` (the most any pixel has; the rest are zero).
    let stride: Int

    init(from n: Int, to m: Int) {
        let scale = Double(n) / Double(m)
        stride = Int(scale.rounded(.up)) + 1
        weights = [Float](repeating: 0, count: m * stride)
        for i in 0..<m {
            let lo = Double(i) * scale, hi = Double(i + 1) * scale
            var j = Int(lo.rounded(.down)), taken = 0
            while Double(j) < hi - 1e-9 && j < n {
                let cover = min(hi, Double(j + 1)) - max(lo, Double(j))
                if cover > 1e-9 {
                    if taken == 0 { start.append(Int32(j)) }
                    weights[i * stride + taken] = Float(cover / scale)
                    taken += 1
                }
                j += 1
            }
            count.append(Int32(taken))
        }
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

/// Copies the `size`² square at (x, y) out of a square RGB face `n` pixels wide.
func crop(_ face: [UInt8], faceSize n: Int, x: Int, y: Int, size: Int) -> PixelImage {
    let pixels = [UInt8](unsafeUninitializedCapacity: size * size * 3) { d, initialized in
        face.withUnsafeBufferPointer { s in
            for row in 0..<size {
                let from = s.baseAddress! + ((y + row) * n + x) * 3
                (d.baseAddress! + row * size * 3).initialize(from: from, count: size * 3)
            }
        }
        initialized = size * size * 3
    }
    return PixelImage(width: size, height: size, channels: 3, pixels: pixels)
}
