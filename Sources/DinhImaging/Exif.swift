/// The one EXIF field Dinh reads: the orientation (tag 0x0112 in IFD0). Parsed by hand from the
/// APP1 payload, both byte orders, every offset bounds-checked; anything odd means "upright".
enum Exif {
    static func orientation(fromAPP1 bytes: UnsafeRawBufferPointer) -> Int {
        // "Exif\0\0" then a TIFF header.
        guard bytes.count >= 6 + 8 else { return 1 }
        let tiff = UnsafeRawBufferPointer(rebasing: bytes[6...])
        let little: Bool
        switch (tiff[0], tiff[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return 1
        }
        func u16(_ offset: Int) -> Int? {
            guard offset >= 0, offset + 2 <= tiff.count else { return nil }
            let a = Int(tiff[offset]), b = Int(tiff[offset + 1])
            return little ? a | b << 8 : a << 8 | b
        }
        func u32(_ offset: Int) -> Int? {
            guard let high = u16(little ? offset + 2 : offset), let low = u16(little ? offset : offset + 2) else { return nil }
            return high << 16 | low
        }
        guard u16(2) == 42, let ifd = u32(4), let count = u16(ifd) else { return 1 }
        for index in 0..<count {
            let entry = ifd + 2 + index * 12
            guard let tag = u16(entry) else { return 1 }
            if tag == 0x0112 {
                guard u16(entry + 2) == 3, let value = u16(entry + 8), (1...8).contains(value) else { return 1 }
                return value
            }
        }
        return 1
    }
}

extension PixelImage {
    /// The image as it should be displayed for an EXIF orientation (1–8): flips and quarter
    /// turns, with width and height swapped for 5–8.
    func oriented(_ orientation: Int) -> PixelImage {
        guard (2...8).contains(orientation) else { return self }
        let w = width, h = height, ch = channels
        let swaps = orientation >= 5
        let outWidth = swaps ? h : w, outHeight = swaps ? w : h
        var out = [UInt8](repeating: 0, count: pixels.count)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                var o = 0
                for y in 0..<outHeight {
                    for x in 0..<outWidth {
                        // Where the displayed pixel (x, y) is stored.
                        let sx: Int, sy: Int
                        switch orientation {
                        case 2: (sx, sy) = (w - 1 - x, y)
                        case 3: (sx, sy) = (w - 1 - x, h - 1 - y)
                        case 4: (sx, sy) = (x, h - 1 - y)
                        case 5: (sx, sy) = (y, x)
                        case 6: (sx, sy) = (y, h - 1 - x)
                        case 7: (sx, sy) = (w - 1 - y, h - 1 - x)
                        default: (sx, sy) = (w - 1 - y, x)
                        }
                        let s = (sy * w + sx) * ch
                        for c in 0..<ch { dst[o + c] = src[s + c] }
                        o += ch
                    }
                }
            }
        }
        return PixelImage(width: outWidth, height: outHeight, channels: ch, pixels: out)
    }
}
