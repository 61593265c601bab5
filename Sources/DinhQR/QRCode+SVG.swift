extension QRCode {
    /// The dark modules as SVG path data in module units, shifted by `offset` modules:
    /// one `M x y h n v1 h-n z` rectangle per horizontal run, so the path stays short.
    public func svgPathData(offset: Int = 4) -> String {
        var d = ""
        d.reserveCapacity(size * size)
        for y in 0..<size {
            var x = 0
            while x < size {
                guard modules[y * size + x] else { x += 1; continue }
                var run = 1
                while x + run < size, modules[y * size + x + run] { run += 1 }
                d += "M\(x + offset) \(y + offset)h\(run)v1h-\(run)z"
                x += run
            }
        }
        return d
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
