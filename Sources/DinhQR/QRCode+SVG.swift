extension QRCode {
    /// The dark modules as SVG path data in module units, shifted by `offset` modules:
    /// one `M x y h n v1 h-n z` rectangle per horizontal run, so the path stays short.
    public func svgPathData(offset: Int = 4) -> String {
        // Written as bytes: a code has hundreds of runs, and interpolating each was most of the cost.
        var d: [UInt8] = []
        d.reserveCapacity(size * size)
        func number(_ value: Int) {
            if value < 0 { d.append(UInt8(ascii: "-")); number(-value); return }
            if value >= 10 { number(value / 10) }
            d.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        for y in 0..<size {
            var x = 0
            while x < size {
                guard modules[y * size + x] else { x += 1; continue }
                var run = 1
                while x + run < size, modules[y * size + x + run] { run += 1 }
                d.append(UInt8(ascii: "M")); number(x + offset)
                d.append(UInt8(ascii: " ")); number(y + offset)
                d.append(UInt8(ascii: "h")); number(run)
                d.append(contentsOf: "v1h-".utf8); number(run)
                d.append(UInt8(ascii: "z"))
                x += run
            }
        }
        return String(decoding: d, as: UTF8.self)
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
