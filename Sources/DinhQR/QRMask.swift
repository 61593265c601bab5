import CQRencode
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The choice of a symbol's mask, made as libqrencode makes it but on rows of bits.
///
/// libqrencode scores all eight masks on a byte per module (the run lengths of every row and
/// column, 2×2 blocks, finder-like patterns, the share of dark modules) and keeps the lowest:
/// the largest single cost of drawing a code, a tenth of a first build's processor time. Here
/// each row and column of a symbol up to 61 modules wide (version 11, far more than a code's
/// link needs) is one `UInt64`, and the same penalties, with libqrencode's exact reading of
/// them, are counted with shifts and bit counts. The choice is the same, so the symbol is the
/// same module for module (tested against libqrencode's own choice on thousands of texts).
///
/// libqrencode's public API always chooses the mask itself. Its shared library also exports the
/// functions behind that API, which take a fixed mask (`QRcode_encodeMask`) and split a text into
/// segments (`Split_splitStringToQRinput`); they are not in `qrencode.h`, so they are looked up
/// when first needed, and where a build of libqrencode does not export them, or the symbol is
/// wider, libqrencode chooses as before.
enum QRMask {
    /// The largest version whose rows fit in a `UInt64`, and its width.
    static let maximumVersion = 11
    static let maximumWidth = 17 + 4 * maximumVersion

    /// `text` encoded with mask 0, the first of the eight, and its format information, or nil
    /// (`errno` ENOSYS) where libqrencode does not export what this needs.
    static func encodeWithFirstMask(_ text: String, level: QRecLevel, byteMode: Bool) -> UnsafeMutablePointer<QRcode>? {
        guard let internals = Internals.shared else { errno = ENOSYS; return nil }
        guard let input = QRinput_new2(0, level) else { return nil }
        defer { QRinput_free(input) }
        let added = byteMode
            ? QRinput_append(input, QR_MODE_8, Int32(text.utf8.count), text) // as QRcode_encodeString8bit
            : internals.split(text, input, QR_MODE_8, 1) // as QRcode_encodeString, case kept
        guard added == 0 else { return nil }
        return internals.encodeMask(input, 0)
    }

    /// libqrencode's functions outside its header.
    struct Internals: @unchecked Sendable {
        typealias EncodeMask = @convention(c) (OpaquePointer?, Int32) -> UnsafeMutablePointer<QRcode>?
        typealias Split = @convention(c) (UnsafePointer<CChar>?, OpaquePointer?, QRencodeMode, Int32) -> Int32
        let encodeMask: EncodeMask
        let split: Split

        static let shared: Internals? = {
            guard let encodeMask = dlsym(nil, "QRcode_encodeMask"), let split = dlsym(nil, "Split_splitStringToQRinput") else { return nil }
            return Internals(encodeMask: unsafeBitCast(encodeMask, to: EncodeMask.self), split: unsafeBitCast(split, to: Split.self))
        }()
    }

    /// The modules (row-major, `true` for dark) of the best-scoring mask for a symbol libqrencode
    /// drew with mask 0 (`data`: a byte per module, bit 0 dark, bit 7 set on modules no mask
    /// changes).
    static func bestModules(width: Int, data: UnsafePointer<UInt8>, level: QRCode.ErrorCorrection) -> [Bool] {
        var symbol = Symbol(width: width, data: data)
        let demerits = symbol.demerits(level: level)
        // The first of the lowest, as libqrencode keeps it.
        _ = symbol.mask(demerits.firstIndex(of: demerits.min()!)!, level: level)
        var modules = [Bool](repeating: false, count: width * width)
        for (y, row) in symbol.maskedRows.enumerated() {
            var row = row
            while row != 0 {
                modules[y * width + row.trailingZeroBitCount] = true
                row &= row - 1
            }
        }
        return modules
    }

    /// The demerit of each mask for a symbol drawn with mask 0 (as `bestModules` reads it).
    static func demerits(width: Int, data: UnsafePointer<UInt8>, level: QRCode.ErrorCorrection) -> [Int] {
        var symbol = Symbol(width: width, data: data)
        return symbol.demerits(level: level)
    }

    /// Where a symbol's format information goes: module (x, y) of format bit k, twice over
    /// (libqrencode's `Mask_writeFormatInformation`).
    static func formatModules(width: Int) -> [(bit: Int, x: Int, y: Int)] {
        var modules: [(bit: Int, x: Int, y: Int)] = []
        for i in 0..<8 {
            modules.append((i, width - 1 - i, 8))
            modules.append((i, 8, i < 6 ? i : i + 1))
        }
        for i in 0..<7 {
            modules.append((8 + i, 8, width - 7 + i))
            modules.append((8 + i, i == 0 ? 7 : 6 - i, 8))
        }
        return modules
    }

    /// The 15 format bits of a level and mask: BCH(15, 5) with generator 0x537, XOR 0x5412.
    static func formatBits(level: QRCode.ErrorCorrection, mask: Int) -> Int {
        let levelBits = switch level { case .l: 1; case .m: 0; case .q: 3; case .h: 2 }
        let data = levelBits << 3 | mask
        var remainder = data << 10
        for bit in stride(from: 14, through: 10, by: -1) where remainder & (1 << bit) != 0 {
            remainder ^= 0x537 << (bit - 10)
        }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// A symbol as bit rows and columns: bit x of `rows[y]` and bit y of `columns[x]` are module
    /// (x, y), set when dark.
    private struct Symbol {
        let width: Int
        /// The symbol before masking.
        let rows: [UInt64], columns: [UInt64]
        /// The modules masks flip (not function patterns nor format information).
        let dataRows: [UInt64], dataColumns: [UInt64]
        let format: [(bit: Int, x: Int, y: Int)]
        let patterns: Patterns
        /// Scratch for one mask's rows and columns.
        var maskedRows: [UInt64], maskedColumns: [UInt64]

        /// From libqrencode's symbol with mask 0 (flipped back here).
        init(width: Int, data: UnsafePointer<UInt8>) {
            precondition(width <= QRMask.maximumWidth && (width - 17) % 4 == 0)
            patterns = Patterns.byVersion[(width - 17) / 4 - 1]
            let first = patterns.rows[0], firstColumns = patterns.columns[0]
            var rows = [UInt64](repeating: 0, count: width), dataRows = rows, columns = rows, dataColumns = rows
            columns.withUnsafeMutableBufferPointer { columns in
                dataColumns.withUnsafeMutableBufferPointer { dataColumns in
                    for y in 0..<width {
                        var row: UInt64 = 0, dataRow: UInt64 = 0
                        for x in 0..<width {
                            let module = UInt64(data[y * width + x])
                            let dark = module & 1, flippable = ~module >> 7 & 1
                            row |= dark << x
                            dataRow |= flippable << x
                            columns[x] |= dark << y
                            dataColumns[x] |= flippable << y
                        }
                        rows[y] = row ^ (first[y] & dataRow)
                        dataRows[y] = dataRow
                    }
                    for x in 0..<width { columns[x] ^= firstColumns[x] & dataColumns[x] }
                }
            }
            self.width = width
            self.rows = rows
            self.columns = columns
            self.dataRows = dataRows
            self.dataColumns = dataColumns
            format = QRMask.formatModules(width: width)
            maskedRows = rows
            maskedColumns = columns
        }

        /// Puts the symbol with `mask` in `maskedRows` and `maskedColumns`, and returns its
        /// demerit as libqrencode counts it.
        mutating func mask(_ mask: Int, level: QRCode.ErrorCorrection) -> Int {
            let flips = patterns.rows[mask], flipColumns = patterns.columns[mask]
            for i in 0..<width {
                maskedRows[i] = rows[i] ^ (flips[i] & dataRows[i])
                maskedColumns[i] = columns[i] ^ (flipColumns[i] & dataColumns[i])
            }
            let bits = QRMask.formatBits(level: level, mask: mask)
            for module in format {
                if bits >> module.bit & 1 != 0 {
                    maskedRows[module.y] |= 1 << module.x
                    maskedColumns[module.x] |= 1 << module.y
                } else {
                    maskedRows[module.y] &= ~(1 << module.x)
                    maskedColumns[module.x] &= ~(1 << module.y)
                }
            }
            return Penalty(width: width).demerit(rows: maskedRows, columns: maskedColumns)
        }

        mutating func demerits(level: QRCode.ErrorCorrection) -> [Int] {
            (0..<8).map { mask($0, level: level) }
        }
    }

    /// The eight masks of one symbol width as bit rows and columns: where each flips a module.
    struct Patterns: Sendable {
        let rows: [[UInt64]]
        let columns: [[UInt64]]

        static let byVersion: [Patterns] = (1...QRMask.maximumVersion).map { Patterns(width: 17 + 4 * $0) }

        init(width: Int) {
            var rows = [[UInt64]](repeating: [UInt64](repeating: 0, count: width), count: 8), columns = rows
            for mask in 0..<8 {
                for y in 0..<width {
                    for x in 0..<width where Self.flips(mask, x: x, y: y) {
                        rows[mask][y] |= 1 << x
                        columns[mask][x] |= 1 << y
                    }
                }
            }
            self.rows = rows
            self.columns = columns
        }

        /// The mask conditions, as libqrencode writes them.
        static func flips(_ mask: Int, x: Int, y: Int) -> Bool {
            switch mask {
            case 0: (x + y) & 1 == 0
            case 1: y & 1 == 0
            case 2: x % 3 == 0
            case 3: (x + y) % 3 == 0
            case 4: (y / 2 + x / 3) & 1 == 0
            case 5: (x * y) & 1 + (x * y) % 3 == 0
            case 6: ((x * y) & 1 + (x * y) % 3) & 1 == 0
            default: ((x * y) % 3 + (x + y) & 1) & 1 == 0
            }
        }
    }

    /// libqrencode's demerit (`Mask_mask`, `Mask_evaluateSymbol`): N1 = 3 + (run − 5) for each
    /// run of five or more modules of one colour, N2 = 3 for each 2×2 block of one colour,
    /// N3 = 40 for each dark–light–dark×3–light–dark pattern (any multiple) with four times its
    /// unit of light on one side or nothing dark before or after it, N4 = 10 for every 5 % the
    /// dark share (rounded) is away from 50 %.
    struct Penalty {
        let width: Int
        /// The bits of a line.
        let full: UInt64

        init(width: Int) {
            self.width = width
            full = (1 << UInt64(width)) - 1
        }

        func demerit(rows: [UInt64], columns: [UInt64]) -> Int {
            var dark = 0, demerit = 0
            for y in 0..<width {
                dark += rows[y].nonzeroBitCount
                demerit += line(rows[y]) + line(columns[y])
                if y > 0 {
                    let a = rows[y - 1], b = rows[y], lightA = ~a & full, lightB = ~b & full
                    let blocks = (a & b & a >> 1 & b >> 1).nonzeroBitCount + (lightA & lightB & lightA >> 1 & lightB >> 1).nonzeroBitCount
                    demerit += 3 * blocks
                }
            }
            let area = width * width
            let percent = (200 * dark + area) / area / 2
            return demerit + abs(percent - 50) / 5 * 10
        }

        /// N1 and N3 of one row or column (libqrencode's `Mask_calcN1N3`).
        func line(_ dark: UInt64) -> Int {
            var demerit = Self.longRuns(dark) + Self.longRuns(~dark & full)
            // Dark runs of three modules or more: the middle of a possible finder-like pattern.
            var starts = dark & ~(dark << 1) & dark >> 1 & dark >> 2
            while starts != 0 {
                let start = starts.trailingZeroBitCount
                starts &= starts - 1
                let length = (~(dark >> UInt64(start))).trailingZeroBitCount
                if length % 3 == 0, finderLike(dark, start: start, unit: length / 3) { demerit += 40 }
            }
            return demerit
        }

        /// Σ (3 + length − 5) over runs of 5 or more set bits: each such run has length − 4
        /// five-bit windows, and starts one.
        static func longRuns(_ bits: UInt64) -> Int {
            let windows = bits & bits >> 1 & bits >> 2 & bits >> 3 & bits >> 4
            return windows.nonzeroBitCount + 2 * (windows & ~(windows << 1)).nonzeroBitCount
        }

        /// Whether the dark run of `3 × unit` at `start` is the middle of dark, light (`unit`
        /// each), it, light, dark (`unit` each), and libqrencode counts it: the first dark run of
        /// the line leads, or 4 units of light come before, or nothing dark comes after, or 4 units
        /// of light do.
        func finderLike(_ dark: UInt64, start: Int, unit: Int) -> Bool {
            let lead = start - 2 * unit, tail = start + 5 * unit
            guard lead >= 0, tail <= width,
                  isSet(dark, lead, unit), isClear(dark, start - unit, unit), lead == 0 || isClear(dark, lead - 1, 1),
                  isClear(dark, start + 3 * unit, unit), isSet(dark, tail - unit, unit), tail == width || isClear(dark, tail, 1)
            else { return false }
            if isClear(dark, 0, lead) || (lead >= 4 * unit && isClear(dark, lead - 4 * unit, 4 * unit)) { return true }
            return dark >> UInt64(tail) == 0 || (tail + 4 * unit <= width && isClear(dark, tail, 4 * unit))
        }

        /// Whether bits `from..<from + count` are all set, or all clear.
        private func isSet(_ bits: UInt64, _ from: Int, _ count: Int) -> Bool {
            let span = Self.span(count)
            return bits >> UInt64(from) & span == span
        }

        private func isClear(_ bits: UInt64, _ from: Int, _ count: Int) -> Bool {
            count == 0 || bits >> UInt64(from) & Self.span(count) == 0
        }

        private static func span(_ count: Int) -> UInt64 {
            count >= 64 ? ~0 : (1 << UInt64(count)) - 1
        }
    }
}
