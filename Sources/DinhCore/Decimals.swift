/// Numbers with at most a few decimals, without float noise or trailing zeros ("21.08", "148",
/// "-0.5"): coordinates on pages, millimetres on placards. Written out by hand: printing a Double
/// (or `String(format:)`) is slow, and a large site writes hundreds of thousands of them.
package enum Decimals {
    /// `value` rounded to `places` decimals (half away from zero).
    package static func string(_ value: Double, places: Int) -> String {
        var factor = 1
        for _ in 0..<max(0, places) { factor *= 10 }
        let scaled = (value * Double(factor)).rounded()
        // Not a number, or too large for the integer arithmetic below: as Swift prints it.
        guard scaled.isFinite, scaled.magnitude < 1e15 else { return String(value) }
        let units = Int(scaled)
        let whole = String(units.magnitude / UInt(factor))
        var fraction = units.magnitude % UInt(factor)
        var digits = max(0, places)
        while digits > 0, fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let sign = units < 0 ? "-" : ""
        guard digits > 0 else { return sign + whole }
        let decimals = String(fraction)
        return sign + whole + "." + String(repeating: "0", count: digits - decimals.count) + decimals
    }
}
