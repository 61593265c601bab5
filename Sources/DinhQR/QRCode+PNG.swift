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
        // One packed row per module row; every pixel row of it is a copy. The quiet zone's rows are
        // all white.
        var white = [UInt8](repeating: 0, count: png.rowBytes)
        white.withUnsafeMutableBufferPointer { Self.setBits($0, from: 0, to: side) }
        let rows = (0..<modulesPerSide).map { my in
            (margin..<margin + size).contains(my) ? packedRow(my - margin, margin: margin, scale: scale, rowBytes: png.rowBytes) : white
        }
        return Data(png.encode(rows: rows, repeats: scale))
    }

    /// Symbol row `y` as a packed pixel row with its margins: each run of white modules (margins
    /// included) is one span of bits, set a byte at a time.
    private func packedRow(_ y: Int, margin: Int, scale: Int, rowBytes: Int) -> [UInt8] {
        var row = [UInt8](repeating: 0, count: rowBytes)
        let modulesPerSide = size + 2 * margin
        modules.withUnsafeBufferPointer { dark in
            row.withUnsafeMutableBufferPointer { row in
                func isDark(_ mx: Int) -> Bool { mx >= margin && mx < margin + size && dark[y * size + mx - margin] }
                var mx = 0
                while mx < modulesPerSide {
                    guard !isDark(mx) else { mx += 1; continue }
                    var end = mx + 1
                    while end < modulesPerSide, !isDark(end) { end += 1 }
                    Self.setBits(row, from: mx * scale, to: end * scale)
                    mx = end
                }
            }
        }
        return row
    }

    /// Sets bits `start..<end` of a packed row (most significant bit first): the first and last
    /// bytes through masks, the whole ones between.
    private static func setBits(_ row: UnsafeMutableBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard start < end else { return }
        let first = start >> 3, last = (end - 1) >> 3
        let head: UInt8 = 0xFF >> UInt8(start & 7), tail: UInt8 = 0xFF << UInt8(7 - ((end - 1) & 7))
        if first == last {
            row[first] |= head & tail
            return
        }
        row[first] |= head
        for byte in (first + 1)..<last { row[byte] = 0xFF }
        row[last] |= tail
    }
}
