import CDinhImaging
import Foundation
import Testing

@Suite struct SamplerTests {
    /// The vectorised sampler loads 4 bytes per RGB neighbour. With the source ending right before
    /// an inaccessible page, samples on the last rows must not read past it (that read would crash
    /// the test), and every sample must equal plain bilinear interpolation in 1/256 pixel.
    @Test(arguments: [3, 4])
    func lastRowsStayInsideTheSource(channels: Int) throws {
        let w = 96, h = 48, n = w * h * channels
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let length = (n + page - 1) / page * page
        let map = try #require(mmap(nil, length + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0))
        try #require(map != MAP_FAILED)
        defer { munmap(map, length + page) }
        try #require(mprotect(map + length, page, PROT_NONE) == 0)
        let src = (map + length - n).assumingMemoryBound(to: UInt8.self)
        for i in 0..<n { src[i] = UInt8(truncatingIfNeeded: i &* 131 &+ i >> 7) }

        // Every column (one turn added, as the tiler does) of the last rows, on both sides of the
        // rows the vector path takes.
        var xs: [Float] = [], ys: [Float] = []
        for y in [Float(h) - 1.25, Float(h) - 1.75, Float(h) - 2.25, Float(h) - 2.75] {
            for x in 0..<w { xs.append(Float(w + x) + 0.25); ys.append(y) }
        }
        var out = [UInt8](repeating: 0, count: xs.count * 3)
        dinh_equirect_sample(src, Int32(w), Int32(h), Int32(channels), xs, ys, Int32(xs.count), &out)

        var worst = 0
        for k in xs.indices {
            let xf = Int(xs[k] * 256) - w * 256, yf = Int(ys[k] * 256)
            let tx = xf & 255, ty = yf & 255, x0 = xf >> 8, y0 = yf >> 8
            let x1 = (x0 + 1) % w, y1 = min(y0 + 1, h - 1)
            for c in 0..<3 {
                func p(_ x: Int, _ y: Int) -> Int { Int(src[(y * w + x) * channels + c]) }
                let want = (p(x0, y0) * (256 - tx) * (256 - ty) + p(x1, y0) * tx * (256 - ty)
                            + p(x0, y1) * (256 - tx) * ty + p(x1, y1) * tx * ty + 32768) >> 16
                worst = max(worst, abs(Int(out[k * 3 + c]) - want))
            }
        }
        #expect(worst == 0)
    }

    /// Anywhere in the source (the seam, the poles, between), in groups of eight as the tiler
    /// calls it and with a few samples left over: every sample equals plain bilinear interpolation.
    @Test(arguments: [3, 4])
    func everyPositionMatchesBilinear(channels: Int) {
        let w = 512, h = 256
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random() -> Float {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(state >> 40) / Float(1 << 24)
        }
        let src = (0..<(w * h * channels)).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 13) }
        var xs: [Float] = [], ys: [Float] = []
        for k in 0..<20_003 {
            // Runs along rows as a face does, with some samples right at the seam (x0 = w − 1).
            let seam = k % 37 == 0
            xs.append(seam ? Float(2 * w - 1) + random() : Float(w) + random() * Float(2 * w - 1))
            ys.append(random() * Float(h + 1) - 1)
        }
        var out = [UInt8](repeating: 0, count: xs.count * 3)
        dinh_equirect_sample(src, Int32(w), Int32(h), Int32(channels), xs, ys, Int32(xs.count), &out)
        var wrong = 0
        for k in xs.indices {
            let xf = Int(xs[k] * 256), yf = Int((ys[k] + 1) * 256)
            let tx = xf & 255, ty = yf & 255
            let x0 = (xf >> 8) % w, x1 = (x0 + 1) % w
            var y0 = (yf >> 8) - 1, y1 = y0 + 1
            var ax0 = x0, ax1 = x1, bx0 = x0, bx1 = x1
            if y0 < 0 { y0 = 0; ax0 = (x0 + w / 2) % w; ax1 = (x1 + w / 2) % w }
            if y1 >= h { y1 = h - 1; bx0 = (x0 + w / 2) % w; bx1 = (x1 + w / 2) % w }
            for c in 0..<3 {
                func p(_ x: Int, _ y: Int) -> Int { Int(src[(y * w + x) * channels + c]) }
                let want = (p(ax0, y0) * (256 - tx) * (256 - ty) + p(ax1, y0) * tx * (256 - ty)
                            + p(bx0, y1) * (256 - tx) * ty + p(bx1, y1) * tx * ty + 32768) >> 16
                if Int(out[k * 3 + c]) != want { wrong += 1 }
            }
        }
        #expect(wrong == 0)
    }
}
