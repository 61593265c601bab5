import CQRencode
@testable import DinhQR
import Foundation
import Testing

/// Dinh chooses a symbol's mask itself, on bit rows (`QRMask`); libqrencode's own functions,
/// which its shared library exports though `qrencode.h` does not declare them, are the oracle:
/// the same demerit for every mask, every line and so the same symbol.
@Suite("QR mask choice")
struct QRMaskTests {
    /// libqrencode's internal functions, looked up as `QRMask` looks up its two.
    struct Libqrencode {
        typealias EncodeMask = QRMask.Internals.EncodeMask
        typealias Split = QRMask.Internals.Split
        typealias MakeMask = @convention(c) (UInt32, UnsafeMutablePointer<UInt8>?, Int32, QRecLevel) -> UnsafeMutablePointer<UInt8>?
        typealias Evaluate = @convention(c) (Int32, UnsafeMutablePointer<UInt8>?) -> Int32
        typealias RunLength = @convention(c) (Int32, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int32>?) -> Int32
        typealias CalcN1N3 = @convention(c) (Int32, UnsafeMutablePointer<Int32>?) -> Int32
        let encodeMask: EncodeMask, split: Split, makeMask: MakeMask, evaluate: Evaluate, runLength: RunLength, calcN1N3: CalcN1N3

        init() throws {
            func find<T>(_ name: String, _ type: T.Type) throws -> T {
                guard let symbol = dlsym(nil, name) else {
                    throw Missing(description: "libqrencode does not export \(name): install Debian's libqrencode4 (apt-get install -y libqrencode-dev)")
                }
                return unsafeBitCast(symbol, to: type)
            }
            encodeMask = try find("QRcode_encodeMask", EncodeMask.self)
            split = try find("Split_splitStringToQRinput", Split.self)
            makeMask = try find("Mask_makeMask", MakeMask.self)
            evaluate = try find("Mask_evaluateSymbol", Evaluate.self)
            runLength = try find("Mask_calcRunLengthH", RunLength.self)
            calcN1N3 = try find("Mask_calcN1N3", CalcN1N3.self)
        }

        struct Missing: Error, CustomStringConvertible { let description: String }

        /// libqrencode's demerit of each mask (`Mask_mask`'s sum), and the symbol with mask 0.
        func demerits(_ text: String, level: QRCode.ErrorCorrection) -> (width: Int, withFirstMask: [UInt8], demerits: [Int])? {
            guard let input = QRinput_new2(0, level.c) else { return nil }
            defer { QRinput_free(input) }
            guard split(text, input, QR_MODE_8, 1) == 0, let unmasked = encodeMask(input, -2) else { return nil }
            defer { QRcode_free(unmasked) }
            let width = Int(unmasked.pointee.width), area = width * width
            var withFirstMask: [UInt8] = []
            var demerits: [Int] = []
            for mask in 0..<8 {
                guard let masked = makeMask(UInt32(width), unmasked.pointee.data, Int32(mask), level.c) else { return nil }
                defer { free(masked) }
                let dark = (0..<area).count { masked[$0] & 1 != 0 }
                let percent = (200 * dark + area) / area / 2
                demerits.append(abs(percent - 50) / 5 * 10 + Int(evaluate(Int32(width), masked)))
                if mask == 0 { withFirstMask = Array(UnsafeBufferPointer(start: masked, count: area)) }
            }
            return (width, withFirstMask, demerits)
        }
    }

    static func randomText(_ random: inout some RandomNumberGenerator) -> String {
        let alphabets = ["0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 $%*+-./:", "abcdefghijklmnopqrstuvwxyz0123456789-./:?=&",
                         "đìnhĐÌNHàáảãạăằắẳẵặâầấẩẫậ ", "ABCDEF0123456789abc"]
        let alphabet = Array(alphabets.randomElement(using: &random)!)
        let prefix = ["", "HTTPS://", "https://", "HTTPS://DISAN.DANPHUONG.GOV.VN/Q/"].randomElement(using: &random)!
        let count = Int.random(in: 1...120, using: &random)
        return prefix + String((0..<count).map { _ in alphabet.randomElement(using: &random)! })
    }

    @Test func everyMaskScoresAsLibqrencodeScoresIt() throws {
        let libqrencode = try Libqrencode()
        var random = SystemRandomNumberGenerator()
        var symbols = 0
        for _ in 0..<600 {
            let text = Self.randomText(&random)
            let level = QRCode.ErrorCorrection.allCases.randomElement(using: &random)!
            guard let expected = libqrencode.demerits(text, level: level) else { continue }
            guard expected.width <= QRMask.maximumWidth else { continue }
            let demerits = expected.withFirstMask.withUnsafeBufferPointer {
                QRMask.demerits(width: expected.width, data: $0.baseAddress!, level: level)
            }
            #expect(demerits == expected.demerits, "\(text) at \(level)")
            symbols += 1
        }
        #expect(symbols > 400, "too few symbols up to version 11 were compared")
    }

    /// Lines made of runs of 1 to 12 modules, so that long runs and finder-like patterns of every
    /// size (1:1:3:1:1 and its multiples) come up, against libqrencode's run lengths and N1/N3.
    @Test func everyLineScoresAsLibqrencodeScoresIt() throws {
        let libqrencode = try Libqrencode()
        var random = SystemRandomNumberGenerator()
        var finderLike = 0
        for _ in 0..<20_000 {
            let width = 17 + 4 * Int.random(in: 1...11, using: &random)
            var modules: [UInt8] = []
            var dark = Bool.random(using: &random)
            while modules.count < width {
                let unit = Int.random(in: 1...4, using: &random)
                let runs = Bool.random(using: &random) ? [unit, unit, 3 * unit, unit, unit] : [Int.random(in: 1...12, using: &random)]
                for run in runs {
                    modules += [UInt8](repeating: dark ? 1 : 0, count: run)
                    dark.toggle()
                }
            }
            modules = Array(modules.prefix(width))
            var runLengths = [Int32](repeating: 0, count: width + 1)
            let expected = modules.withUnsafeMutableBufferPointer { line in
                runLengths.withUnsafeMutableBufferPointer { runs in
                    let count = libqrencode.runLength(Int32(width), line.baseAddress, runs.baseAddress)
                    return Int(libqrencode.calcN1N3(count, runs.baseAddress))
                }
            }
            let bits = modules.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64($1.offset) }
            let line = QRMask.Penalty(width: width).line(bits)
            #expect(line == expected, "\(modules.map(String.init).joined())")
            if expected > Self.longRunsOnly(modules) { finderLike += 1 }
        }
        #expect(finderLike > 1_000, "too few lines with a finder-like pattern")
    }

    /// N1 alone, for counting the lines that also had N3.
    static func longRunsOnly(_ modules: [UInt8]) -> Int {
        var demerit = 0, run = 1
        for i in 1...modules.count {
            if i < modules.count, modules[i] == modules[i - 1] { run += 1; continue }
            if run >= 5 { demerit += 3 + run - 5 }
            run = 1
        }
        return demerit
    }

    /// The symbols themselves: Dinh's choice against libqrencode's public API, which chooses the
    /// mask itself, for links, payment-like byte texts and symbols too wide for bit rows.
    @Test func symbolsAreLibqrencodes() throws {
        _ = try Libqrencode()
        var random = SystemRandomNumberGenerator()
        var byDinh = 0
        for round in 0..<1_500 {
            var text = Self.randomText(&random)
            if round % 100 == 0 { text = String(repeating: text, count: 8) } // past version 11
            let level = QRCode.ErrorCorrection.allCases.randomElement(using: &random)!
            let byteMode = round % 3 == 0
            guard let expected = try? QRCode(maskChosenByLibqrencode: text, errorCorrection: level, byteMode: byteMode) else { continue }
            let symbol = try QRCode(text, errorCorrection: level, byteMode: byteMode)
            #expect(symbol == expected, "\(text) at \(level), byte mode \(byteMode)")
            if symbol.size <= QRMask.maximumWidth { byDinh += 1 }
        }
        #expect(byDinh > 1_000)
        let withFirstMask = QRMask.encodeWithFirstMask("HTTPS://EXAMPLE.VN/Q/D1", level: QR_ECLEVEL_Q, byteMode: false)
        #expect(withFirstMask != nil, "this libqrencode does not let Dinh choose the mask")
        QRcode_free(withFirstMask)
        #expect(throws: QRError.self) { try QRCode(String(repeating: "x", count: 5_000)) }
    }
}
