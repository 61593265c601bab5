import DinhImaging
import Foundation

/// Renders one cube face of `size`² RGB pixels from an equirectangular source by sampling the source
/// in the direction of each face pixel's centre, bilinearly, with longitude wrapping and the rows
/// beyond a pole taken from the opposite meridian. The face is never smaller than about width/π, so
/// the source is never minified by more than ~1.3× here and bilinear needs no prefilter; smaller levels
/// come from `areaDownscale`.
func renderFace(_ face: CubeFace, size: Int, from source: PixelImage) -> [UInt8] {
    let w = source.width, h = source.height, ch = source.channels
    let xScale = Float(w) / (2 * Float.pi), yScale = Float(h) / Float.pi
    let xOffset = Float(w) / 2 - 0.5, yOffset = Float(h) / 2 - 0.5
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
        return ((sideYaw ?? 0) + fastAtan(a)) * xScale + xOffset + Float(w)
    }
    let columnInvR: [Float] = (0..<size).map { i in
        let a = (Float(i) + 0.5) * step - 1
        return 1 / (1 + a * a).squareRoot()
    }
    // Every byte is written below, so the buffer is not zeroed first.
    return [UInt8](unsafeUninitializedCapacity: size * size * 3) { dst, initialized in
    source.pixels.withUnsafeBufferPointer { src in
    columnX.withUnsafeBufferPointer { columnX in
    columnInvR.withUnsafeBufferPointer { columnInvR in
        do {
            let s = Sampler(base: src.baseAddress!, width: w, height: h, channels: ch)
            // Per row, source coordinates first (a branch-free loop the compiler vectorises), then
            // the gathers.
            let rowX = UnsafeMutableBufferPointer<Float>.allocate(capacity: size)
            let rowY = UnsafeMutableBufferPointer<Float>.allocate(capacity: size)
            defer { rowX.deallocate(); rowY.deallocate() }
            let up = face == .up
            for j in 0..<size {
                let b = (Float(j) + 0.5) * step - 1
                if sideYaw != nil {
                    for i in 0..<size { rowY[i] = -fastAtan(-b * columnInvR[i]) * yScale + yOffset }
                    for i in 0..<size { s.sample(x: columnX[i], y: rowY[i], into: dst.baseAddress! + (j * size + i) * 3) }
                } else {
                    // up: (a, 1, −b); down: (a, −1, b). Yaw = atan2(x, −z), |pitch| = π/2 − atan(r).
                    let zb = up ? b : -b
                    for i in 0..<size {
                        let a = (Float(i) + 0.5) * step - 1
                        rowX[i] = fastAtan2(a, zb) * xScale + xOffset + Float(w)
                        let pitch = Float.pi / 2 - fastAtan2((a * a + b * b).squareRoot(), 1)
                        rowY[i] = (up ? -pitch : pitch) * yScale + yOffset
                    }
                    for i in 0..<size { s.sample(x: rowX[i], y: rowY[i], into: dst.baseAddress! + (j * size + i) * 3) }
                }
            }
        }
    }}}
    initialized = size * size * 3
    }
}

/// Bilinear sampling of an equirectangular image at pixel coordinates (centres at integers).
struct Sampler {
    let base: UnsafePointer<UInt8>
    let width: Int, height: Int, channels: Int

    /// `x` must be ≥ 0 (callers add one turn), `y` ≥ −1. Fixed point with 1/256-pixel weights:
    /// integer arithmetic avoids a dozen int↔float conversions per sample.
    @inline(__always)
    func sample(x: Float, y: Float, into out: UnsafeMutablePointer<UInt8>) {
        let xf = Int(x * 256), yf = Int((y + 1) * 256)
        let tx = xf & 255, ty = yf & 255
        var x0 = xf >> 8
        while x0 >= width { x0 -= width }
        var x1 = x0 + 1
        if x1 == width { x1 = 0 }
        var y0 = (yf >> 8) - 1, y1 = y0 + 1
        var ax0 = x0, ax1 = x1, bx0 = x0, bx1 = x1
        let half = width / 2
        // Past a pole the neighbouring row is the edge row on the other side of the pole.
        if y0 < 0 { y0 = 0; ax0 = (x0 + half) % width; ax1 = (x1 + half) % width }
        if y1 >= height { y1 = height - 1; bx0 = (x0 + half) % width; bx1 = (x1 + half) % width }
        if y0 >= height { y0 = height - 1 }
        let row0 = base + y0 * width * channels, row1 = base + y1 * width * channels
        let p00 = row0 + ax0 * channels, p01 = row0 + ax1 * channels
        let p10 = row1 + bx0 * channels, p11 = row1 + bx1 * channels
        let w00 = (256 - tx) * (256 - ty), w01 = tx * (256 - ty), w10 = (256 - tx) * ty, w11 = tx * ty
        out[0] = UInt8(truncatingIfNeeded: (Int(p00[0]) * w00 + Int(p01[0]) * w01 + Int(p10[0]) * w10 + Int(p11[0]) * w11 + 32768) >> 16)
        out[1] = UInt8(truncatingIfNeeded: (Int(p00[1]) * w00 + Int(p01[1]) * w01 + Int(p10[1]) * w10 + Int(p11[1]) * w11 + 32768) >> 16)
        out[2] = UInt8(truncatingIfNeeded: (Int(p00[2]) * w00 + Int(p01[2]) * w01 + Int(p10[2]) * w10 + Int(p11[2]) * w11 + 32768) >> 16)
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
/// any ratio. Separable: each source row is filtered horizontally once into a ring of `k` rows (k =
/// most taps per output pixel), then output rows mix ring rows; no full-size float buffer.
func areaDownscale(_ src: [UInt8], from n: Int, to m: Int) -> [UInt8] {
    if n == m { return src }
    let taps = boxTaps(from: n, to: m)
    let k = (0..<m).map { taps.range($0).count }.max() ?? 1
    // Horizontal taps padded to exactly k per output pixel (zero weights), so the inner loop has a
    // fixed trip count.
    var hIndex = [Int](repeating: 0, count: m * k), hWeight = [Float](repeating: 0, count: m * k)
    for c in 0..<m {
        for (t, tap) in taps.range(c).enumerated() {
            hIndex[c * k + t] = taps.index[tap] * 3
            hWeight[c * k + t] = taps.weight[tap]
        }
        for t in taps.range(c).count..<k { hIndex[c * k + t] = hIndex[c * k] }
    }
    let rowLength = m * 3
    var out = [UInt8](repeating: 0, count: m * rowLength)
    var ring = [Float](repeating: 0, count: k * rowLength)
    var acc = [Float](repeating: 0, count: rowLength)
    src.withUnsafeBufferPointer { s in
    out.withUnsafeMutableBufferPointer { d in
    ring.withUnsafeMutableBufferPointer { ring in
    acc.withUnsafeMutableBufferPointer { acc in
    hIndex.withUnsafeBufferPointer { hIndex in
    hWeight.withUnsafeBufferPointer { hWeight in
        var next = 0
        for r in 0..<m {
            let range = taps.range(r)
            let last = taps.index[range.upperBound - 1]
            while next <= last {
                let row = s.baseAddress! + next * n * 3
                let slot = ring.baseAddress! + (next % k) * rowLength
                for c in 0..<m {
                    var r0: Float = 0, g0: Float = 0, b0: Float = 0
                    for t in 0..<k {
                        let p = row + hIndex[c * k + t], w = hWeight[c * k + t]
                        r0 += Float(p[0]) * w; g0 += Float(p[1]) * w; b0 += Float(p[2]) * w
                    }
                    slot[c * 3] = r0; slot[c * 3 + 1] = g0; slot[c * 3 + 2] = b0
                }
                next += 1
            }
            for q in 0..<rowLength { acc[q] = 0.5 }
            for tap in range {
                let slot = ring.baseAddress! + (taps.index[tap] % k) * rowLength, w = taps.weight[tap]
                for q in 0..<rowLength { acc[q] += slot[q] * w }
            }
            let o = d.baseAddress! + r * rowLength
            for q in 0..<rowLength { o[q] = UInt8(truncatingIfNeeded: Int(min(255, max(0, acc[q])))) }
        }
    }}}}}}
    return out
}

/// For each output index, the source indices it covers and their normalised weights.
struct BoxTaps {
    var start: [Int] = [], index: [Int] = [], weight: [Float] = []
    func range(_ i: Int) -> Range<Int> { start[i]..<start[i + 1] }
}

func boxTaps(from n: Int, to m: Int) -> BoxTaps {
    var taps = BoxTaps()
    let scale = Double(n) / Double(m)
    for i in 0..<m {
        taps.start.append(taps.index.count)
        let lo = Double(i) * scale, hi = Double(i + 1) * scale
        var j = Int(lo.rounded(.down))
        while Double(j) < hi - 1e-9 && j < n {
            let cover = min(hi, Double(j + 1)) - max(lo, Double(j))
            if cover > 1e-9 { taps.index.append(j); taps.weight.append(Float(cover / scale)) }
            j += 1
        }
    }
    taps.start.append(taps.index.count)
    return taps
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
