import Foundation

extension QRCode {
    /// Pixels per module so that the image, quiet zone included, is at least `minimumSize` pixels wide.
    public func pixelsPerModule(minimumSize: Int = 1000, quietZone: Int = 4) -> Int {
        let side = size + 2 * max(0, quietZone)
        return max(1, (max(1, minimumSize) + side - 1) / side)
    }

    /// The symbol as a black-on-white PNG (1-bit greyscale), every module an exact square of
    /// `pixelsPerModule` pixels, with a `quietZone`-module white margin (4, the standard's minimum).
    public func pngData(minimumSize: Int = 1000, quietZone: Int = 4) throws(QRError) -> Data {
        let margin = max(0, quietZone)
        let scale = pixelsPerModule(minimumSize: minimumSize, quietZone: margin)
        let modulesPerSide = size + 2 * margin
        let side = modulesPerSide * scale
        guard side <= 30_000 else { throw QRError(.png("\(side) px a side is too large; ask for at most 30000")) }
        let png = BilevelPNG(width: side, height: side)
        // One packed row per module row; every pixel row of it is a copy.
        let rows: [[UInt8]] = (0..<modulesPerSide).map { my in
            var row = [UInt8](repeating: 0, count: png.rowBytes)
            for mx in 0..<modulesPerSide where !self[mx - margin, my - margin] {
                for x in (mx * scale)..<((mx + 1) * scale) { row[x >> 3] |= 0x80 >> UInt8(x & 7) }
            }
            return row
        }
        return Data(png.encode(rows: rows, repeats: scale))
    }
}
