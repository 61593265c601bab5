import Foundation
import Testing
import DinhContent
@testable import DinhSite

/// Coordinates on pages read as `%.6f` writes them, without its trailing zeros, ties included.
@Suite struct FormatTests {
    static func printf(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Decimals as the page's language writes them, beside its prices.
    @Test func weightsInThePagesLanguage() {
        #expect(Format.weight(Weight(value: 1.2, unit: "kg"), language: "vi") == "1,2 kg")
        #expect(Format.weight(Weight(value: 1.2, unit: "kg"), language: "en") == "1.2 kg")
        #expect(Format.weight(Weight(value: 300, unit: "g"), language: "vi") == "300 g")
        #expect(Format.price(45000, currency: "VND", language: "vi") == "45.000 ₫")
    }

    @Test func coordinatesReadAsPrintfWritesThem() {
        // A map link's seven decimals end in 5 half the time: printf rounds the exact binary value.
        for value in [21.0285005, 105.8342215, 0.0078125, -0.0000001, 21.08, 105.6683333, 0, -105.8342215] {
            #expect(Format.coordinate(value) == Self.printf(value), "\(value)")
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let sevenDecimals = Double(Int.random(in: 80_000_000...1_100_000_000, using: &generator) / 10 * 10 + 5) / 1e7
            #expect(Format.coordinate(sevenDecimals) == Self.printf(sevenDecimals), "\(sevenDecimals)")
            let any = Double.random(in: -180...180, using: &generator)
            #expect(Format.coordinate(any) == Self.printf(any), "\(any)")
        }
    }
}
