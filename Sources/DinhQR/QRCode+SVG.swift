extension QRCode {
    /// The dark modules as SVG path data in module units, shifted by `offset` modules:
    /// one `M x y h n v1 h-n z` rectangle per horizontal run, so the path stays short.
    public func svgPathData(offset: Int = 4) -> String {
        // Written as bytes into room for the worst case (a run every other module): a code has
        // hundreds of runs, and a build draws each path twice (the code's SVG, its placard).
        let side = size
        let digits = String(side + abs(offset)).utf8.count + 1
        let capacity = max(1, side * ((side + 1) / 2) * (4 * digits + 7))
        return modules.withUnsafeBufferPointer { dark in
            String(unsafeUninitializedCapacity: capacity) { d in
                var length = 0
                func put(_ byte: UInt8) { d[length] = byte; length += 1 }
                func number(_ value: Int) {
                    // Coordinates are below 200 (a version 40 symbol is 177 modules): digits by
                    // constant divisions, not a loop of divisions by a variable.
                    if (0..<1000).contains(value) {
                        if value >= 100 { put(UInt8(ascii: "0") + UInt8(value / 100)) }
                        if value >= 10 { put(UInt8(ascii: "0") + UInt8(value / 10 % 10)) }
                        put(UInt8(ascii: "0") + UInt8(value % 10))
                        return
                    }
                    if value < 0 { put(UInt8(ascii: "-")) }
                    var rest = value.magnitude, divisor: UInt = 1
                    while divisor <= rest / 10 { divisor *= 10 }
                    repeat {
                        put(UInt8(ascii: "0") + UInt8(rest / divisor))
                        rest %= divisor
                        divisor /= 10
                    } while divisor > 0
                }
                for y in 0..<side {
                    let row = y * side
                    var x = 0
                    while x < side {
                        guard dark[row + x] else { x += 1; continue }
                        var run = 1
                        while x + run < side, dark[row + x + run] { run += 1 }
                        put(UInt8(ascii: "M")); number(x + offset)
                        put(UInt8(ascii: " ")); number(y + offset)
                        put(UInt8(ascii: "h")); number(run)
                        for byte in "v1h-".utf8 { put(byte) }
                        number(run)
                        put(UInt8(ascii: "z"))
                        x += run
                    }
                }
                return length
            }
        }
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
        <path fill="#000" d="\(svgPathData(offset: margin))"/></svg>

        """
    }
}
