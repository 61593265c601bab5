extension QRCode {
    /// The dark modules as SVG path data in module units, shifted by `offset` modules, to be
    /// stroked one module wide (`svgPath(offset:)`): each horizontal run is a line along the middle
    /// of its row, `M4 4.5h7m2 0h3`, half the bytes of a rectangle per run (a build of 10,000
    /// codes writes each path twice: the code's SVG and its placard on the sheet).
    public func svgPathData(offset: Int = 4) -> String {
        // Written as bytes into room for the worst case (a run every other module).
        let side = size, offset = max(0, offset)
        let digits = String(side + offset).utf8.count
        let capacity = side * ((side + 1) / 2 + 1) * (2 * digits + 6)
        return modules.withUnsafeBufferPointer { dark in
            String(unsafeUninitializedCapacity: capacity) { d in
                var length = 0
                func put(_ byte: UInt8) { d[length] = byte; length += 1 }
                func number(_ value: Int) {
                    // Coordinates are below 200 (a version 40 symbol is 177 modules) and offsets small.
                    if value >= 100 { put(UInt8(ascii: "0") + UInt8(value / 100 % 10)) }
                    if value >= 10 { put(UInt8(ascii: "0") + UInt8(value / 10 % 10)) }
                    put(UInt8(ascii: "0") + UInt8(value % 10))
                }
                for y in 0..<side {
                    let row = y * side
                    var x = 0, end: Int?   // where the row's last run ended
                    while x < side {
                        guard dark[row + x] else { x += 1; continue }
                        var run = 1
                        while x + run < side, dark[row + x + run] { run += 1 }
                        if let end {
                            put(UInt8(ascii: "m")); number(x - end)
                            for byte in " 0".utf8 { put(byte) }
                        } else {
                            put(UInt8(ascii: "M")); number(x + offset)
                            put(UInt8(ascii: " ")); number(y + offset)
                            for byte in ".5".utf8 { put(byte) }
                        }
                        put(UInt8(ascii: "h")); number(run)
                        x += run
                        end = x
                    }
                }
                return length
            }
        }
    }

    /// The dark modules as one black `<path>` in module units (`svgPathData(offset:)`).
    public func svgPath(offset: Int = 4) -> String {
        "<path stroke=\"#000\" d=\"\(svgPathData(offset: offset))\"/>"
    }

    /// A standalone SVG: white background, one black `<path>` with crisp edges, the viewBox in
    /// modules including the `quietZone`; `pixelsPerModule` sets its nominal size.
    public func svg(quietZone: Int = 4, pixelsPerModule: Int = 10) -> String {
        let margin = max(0, quietZone)
        let side = size + 2 * margin
        let pixels = side * max(1, pixelsPerModule)
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(pixels)" height="\(pixels)" shape-rendering="crispEdges">\
        <rect width="\(side)" height="\(side)" fill="#fff"/>\
        \(svgPath(offset: margin))</svg>

        """
    }
}
