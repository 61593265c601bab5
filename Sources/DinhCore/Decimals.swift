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
        var rest = units.magnitude, digits = max(0, places)
        // The fraction's trailing zeros are left out.
        while digits > 0, rest % 10 == 0 { rest /= 10; digits -= 1 }
        // Written from the last digit back into a small buffer, then made a string once: a placard
        // has forty numbers, and joining pieces of strings cost more than the arithmetic.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: digits + 24) { buffer in
            var start = buffer.count
            func put(_ byte: UInt8) { start -= 1; buffer[start] = byte }
            for _ in 0..<digits { put(UInt8(ascii: "0") + UInt8(rest % 10)); rest /= 10 }
            if digits > 0 { put(UInt8(ascii: ".")) }
            repeat { put(UInt8(ascii: "0") + UInt8(rest % 10)); rest /= 10 } while rest > 0
            if units < 0 { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }
}
