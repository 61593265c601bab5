import DinhCore
import Foundation
import Testing

/// Numbers written by hand: rounded half away from zero, without trailing zeros.
@Suite struct DecimalsTests {
    @Test func roundsHalfAwayFromZeroWithoutTrailingZeros() {
        #expect(Decimals.string(21.08, places: 6) == "21.08")
        #expect(Decimals.string(105.6683333, places: 6) == "105.668333")
        #expect(Decimals.string(-0.0000001, places: 6) == "0")
        #expect(Decimals.string(-12.5, places: 0) == "-13")
        #expect(Decimals.string(2.5, places: 0) == "3")
        #expect(Decimals.string(0.1 + 0.2, places: 2) == "0.3")
        #expect(Decimals.string(7, places: 3) == "7")
        #expect(Decimals.string(.nan, places: 2) == "nan")
        #expect(Decimals.string(1e20, places: 2) == "1e+20")
        // Away from ties, the same text as `%.6f` with its zeros dropped.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let value = Double.random(in: 1...180, using: &generator)
            let scaled = value * 1e6
            guard abs(scaled - scaled.rounded(.down) - 0.5) > 1e-3 else { continue }
            var printf = String(format: "%.6f", value)
            while printf.hasSuffix("0") { printf.removeLast() }
            if printf.hasSuffix(".") { printf.removeLast() }
            #expect(Decimals.string(value, places: 6) == printf, "\(value)")
        }
    }
}
