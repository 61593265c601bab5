/// A PNG writer for black-and-white images made of module squares: 1-bit greyscale, rows
/// deflated with the two matches such images are made of (the previous row, the previous byte)
/// and deflate's fixed Huffman code.
///
/// Why not libpng: its simplified API accepts only 8-bit rows and packs them pixel by pixel, then
/// runs generic zlib over them; for a 1000 px QR image that packing alone cost more than Debian's
/// `qrencode` spends on a whole code. This writer does a few passes over 130-byte rows instead,
/// and its output is smaller. It is tested with independent decoders (Pillow, zbar, zxing-cpp,
/// ImageMagick).
struct BilevelPNG {
    let width: Int
    let height: Int
    /// Bytes of one packed row, without the filter byte.
    let rowBytes: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        self.rowBytes = (width + 7) / 8
    }

    /// Encodes an image whose rows come in runs: `rows[k]` (packed, MSB first, 1 = white) is
    /// repeated `repeats` times, so the height is `rows.count × repeats` (a QR code: every module
    /// row is `pixelsPerModule` identical pixel rows).
    ///
    /// Only the first copy of each row is searched for matches; the other copies are one deflate
    /// match each against the row above, and their share of the Adler-32 checksum is computed from
    /// the row's sums. A 1000-pixel code is then ~40 rows of work instead of 1000.
    func encode(rows: [[UInt8]], repeats: Int) -> [UInt8] {
        precondition(rows.count * repeats == height && rows.allSatisfy { $0.count == rowBytes })
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [1, 0, 0, 0, 0] // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
        out.appendChunk("IHDR", header)
        out.appendChunk("IDAT", zlib(rows: rows, repeats: repeats))
        out.appendChunk("IEND", [])
        return out
    }

    /// A zlib stream of one fixed-Huffman deflate block, with filter type 0 (None) on every row.
    private func zlib(rows: [[UInt8]], repeats: Int) -> [UInt8] {
        let stride = rowBytes + 1
        let codes = FixedHuffman.Codes(rowDistance: stride)
        // The copies of a row: each the row above, matches of `stride` bytes at distance `stride`,
        // the same matches after every row, so coded once. Every match is at least 3 bytes; only
        // images narrower than 17 pixels have copies too short for one, written as literals.
        let copies = stride * (repeats - 1)
        var copyMatches: [(bits: UInt32, count: Int)] = []
        var done = 0
        while copies >= 3, done < copies {
            var length = min(258, copies - done)
            if (1...2).contains(copies - done - length) { length -= 3 }
            copyMatches.append(codes.match(length: length, distance: stride))
            done += length
        }
        // At most 9 bits a byte of a searched row, 31 bits a copy's match.
        var bits = BitWriter(capacity: rows.count * (2 * stride + 4 * copyMatches.count + 2 * min(copies, 3)) + 16)
        bits.write(0x78, count: 8) // deflate, 32 KiB window, no dictionary; 0x7801 % 31 == 0
        bits.write(0x01, count: 8)
        bits.write(1, count: 1) // final block
        bits.write(1, count: 2) // fixed Huffman codes
        var checksum = Adler32()
        // The row above and this row, filter bytes included: what matches may refer to.
        var window = [UInt8](repeating: 0, count: 2 * stride)
        window.withUnsafeMutableBufferPointer { window in
            guard let base = window.baseAddress else { return }
            for (index, row) in rows.enumerated() {
                base[stride] = 0
                row.withUnsafeBufferPointer { row in
                    if let source = row.baseAddress { (base + stride + 1).update(from: source, count: rowBytes) }
                }
                Self.deflate(UnsafeBufferPointer(window), from: stride, lookback: index == 0 ? stride : 0, codes: codes, into: &bits)
                checksum.append(Adler32.RowSums(UnsafeBufferPointer(start: base + stride, count: stride)), times: repeats)
                for match in copyMatches { bits.write(match.bits, count: match.count) }
                if copies < 3 {
                    for offset in 0..<copies { bits.write(codes.literal(base[stride + offset % stride])) }
                }
                base.update(from: base + stride, count: stride)
            }
        }
        bits.write(codes.endOfBlock)
        var bytes = bits.finish()
        bytes.appendBigEndian(checksum.value)
        return bytes
    }

    /// Literals and matches (the row above, the byte before) for `data[from...]`; matches may not
    /// reach back before `lookback`.
    private static func deflate(_ input: UnsafeBufferPointer<UInt8>, from start: Int, lookback: Int, codes: FixedHuffman.Codes, into bits: inout BitWriter) {
        let rowDistance = codes.rowDistance
        guard let p = input.baseAddress else { return }
        let n = input.count
        var i = start
        while i < n {
            let limit = min(258, n - i)
            var length = 0, distance = 0
            if i - rowDistance >= lookback {
                let k = matchLength(p, i, i - rowDistance, limit)
                if k >= 3 { length = k; distance = rowDistance }
            }
            if length < limit, i - 1 >= lookback {
                let k = matchLength(p, i, i - 1, limit)
                if k >= 3, k > length { length = k; distance = 1 }
            }
            if length >= 3 {
                bits.write(codes.match(length: length, distance: distance))
                i += length
            } else {
                bits.write(codes.literal(p[i]))
                i += 1
            }
        }
    }
}

/// How many bytes from `a` on equal those from `b` on, at most `limit`: eight at a time.
@inline(__always)
private func matchLength(_ p: UnsafePointer<UInt8>, _ a: Int, _ b: Int, _ limit: Int) -> Int {
    let raw = UnsafeRawPointer(p)
    var k = 0
    while k + 8 <= limit {
        let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: a + k, as: UInt64.self))
            ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: b + k, as: UInt64.self))
        // The first byte that differs is the lowest one set in memory order.
        if x != 0 { return k + x.trailingZeroBitCount / 8 }
        k += 8
    }
    while k < limit, p[a + k] == p[b + k] { k += 1 }
    return k
}

/// Adler-32 (RFC 1950), appended a row at a time: a row's share depends only on its byte sum and
/// its position-weighted sum, so any number of copies of a row costs a few multiplications.
struct Adler32 {
    private static let modulus: UInt64 = 65521
    private var a: UInt64 = 1
    private var b: UInt64 = 0

    struct RowSums {
        let count: UInt64
        let sum: UInt64
        /// Σ (count − i) · byte[i]
        let weighted: UInt64

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var sum: UInt64 = 0, weighted: UInt64 = 0
            let n = UInt64(bytes.count)
            // Σ (n − i)·byte[i] is the sum of the running sums: additions only.
            for byte in bytes {
                sum += UInt64(byte)
                weighted += sum
            }
            count = n
            self.sum = sum % Adler32.modulus
            self.weighted = weighted % Adler32.modulus
        }
    }

    /// A row appended `times` times over, in closed form: after k copies `a` has grown by k·sum and
    /// `b` by k·weighted + count·(k·a + sum·k(k−1)/2).
    mutating func append(_ row: RowSums, times: Int) {
        let m = Self.modulus
        let k = UInt64(times) % m
        let pairs = UInt64(times) * UInt64(max(0, times - 1)) / 2 % m
        let growth = (k * a + row.sum * pairs) % m
        b = (b + k * row.weighted + row.count % m * growth) % m
        a = (a + k * row.sum) % m
    }

    var value: UInt32 { UInt32(b << 16 | a) }
}

/// Deflate's bit order: values LSB first, Huffman codes MSB first (so stored reversed). Bytes go
/// out four at a time into memory of its own, grown when needed: a code's PNG is thousands of
/// writes, and an array's append checked its storage at each byte.
struct BitWriter: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var buffer: UInt64 = 0
    private var bits = 0

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// Up to 32 bits of `value`, its lowest first.
    @inline(__always)
    mutating func write(_ value: UInt32, count n: Int) {
        buffer |= UInt64(value) << UInt64(bits)
        bits += n
        guard bits >= 32 else { return }
        if count + 4 > capacity { grow() }
        UnsafeMutableRawPointer(storage + count).storeBytes(of: UInt32(truncatingIfNeeded: buffer).littleEndian, as: UInt32.self)
        count += 4
        buffer >>= 32
        bits -= 32
    }

    @inline(__always)
    mutating func write(_ code: (bits: UInt32, count: Int)) {
        write(code.bits, count: code.count)
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * capacity)
        larger.update(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }

    /// The bytes written, the last one padded with zero bits.
    consuming func finish() -> [UInt8] {
        var bytes = Array(UnsafeBufferPointer(start: storage, count: count))
        while bits > 0 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            bits -= 8
        }
        return bytes
    }
}

/// RFC 1951 §3.2.6 fixed codes and the length and distance tables of §3.2.5.
enum FixedHuffman {
    static func reverse(_ code: UInt32, _ length: Int) -> UInt32 {
        var result: UInt32 = 0
        for i in 0..<length where code & (1 << UInt32(i)) != 0 { result |= 1 << UInt32(length - 1 - i) }
        return result
    }

    /// Symbol → bit-reversed code and its length.
    static let literal: [(bits: UInt32, length: Int)] = (0..<288).map { symbol in
        switch symbol {
        case 0...143: return (reverse(UInt32(0x30 + symbol), 8), 8)
        case 144...255: return (reverse(UInt32(0x190 + symbol - 144), 9), 9)
        case 256...279: return (reverse(UInt32(symbol - 256), 7), 7)
        default: return (reverse(UInt32(0xC0 + symbol - 280), 8), 8)
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]

    /// Match length (index 3…258) → length symbol and extra bits.
    static let length: [(symbol: Int, extra: UInt32, extraBits: Int)] = (0...258).map { length in
        guard length >= 3 else { return (0, 0, 0) }
        var index = lengthBase.count - 1
        while lengthBase[index] > length { index -= 1 }
        return (257 + index, UInt32(length - lengthBase[index]), lengthExtra[index])
    }

    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// The codes one image needs, looked up once: every literal, and the two match distances
    /// (the byte before, the row above), each code with its extra bits as one write.
    struct Codes {
        private let literals: [(bits: UInt32, length: Int)]
        private let lengths: [(symbol: Int, extra: UInt32, extraBits: Int)]
        private let byteBefore: (bits: UInt32, count: Int)
        private let rowAbove: (bits: UInt32, count: Int)
        let rowDistance: Int

        init(rowDistance: Int) {
            literals = FixedHuffman.literal
            lengths = FixedHuffman.length
            self.rowDistance = rowDistance
            byteBefore = FixedHuffman.distance(1)
            rowAbove = FixedHuffman.distance(rowDistance)
        }

        @inline(__always)
        func literal(_ byte: UInt8) -> (bits: UInt32, count: Int) {
            let code = literals[Int(byte)]
            return (code.bits, code.length)
        }

        var endOfBlock: (bits: UInt32, count: Int) { (literals[256].bits, literals[256].length) }

        /// A match of 3…258 bytes at distance 1 or `rowDistance`: at most 8 + 5 + 5 + 13 = 31 bits.
        @inline(__always)
        func match(length: Int, distance: Int) -> (bits: UInt32, count: Int) {
            assert(distance == 1 || distance == rowDistance, "only the byte before and the row above are coded")
            let entry = lengths[length]
            let code = literals[entry.symbol]
            let far = distance == 1 ? byteBefore : rowAbove
            var bits = code.bits, count = code.length
            bits |= entry.extra << UInt32(count)
            count += entry.extraBits
            bits |= far.bits << UInt32(count)
            return (bits, count + far.count)
        }
    }

    /// A distance's 5-bit code (reversed, as Huffman codes are stored) and its extra bits, as one write.
    static func distance(_ distance: Int) -> (bits: UInt32, count: Int) {
        var symbol = 0
        while symbol + 1 < distanceBase.count, distanceBase[symbol + 1] <= distance { symbol += 1 }
        let extra = distanceExtra[symbol]
        return (reverse(UInt32(symbol), 5) | UInt32(distance - distanceBase[symbol]) << 5, 5 + extra)
    }
}

/// CRC-32 (ISO-HDLC, as PNG chunks carry it), eight bytes a step ("slicing by 8"): a 1000-pixel
/// code's chunks are a few kilobytes, and a byte at a time was a tenth of the PNG's cost.
enum CRC32 {
    /// `tables[k * 256 + n]`: the CRC of byte `n` followed by `k` zero bytes.
    static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for n in 0..<256 {
            var c = UInt32(n)
            for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
            tables[n] = c
        }
        for k in 1..<8 {
            for n in 0..<256 {
                let previous = tables[(k - 1) * 256 + n]
                tables[k * 256 + n] = (previous >> 8) ^ tables[Int(previous & 0xFF)]
            }
        }
        return tables
    }()

    static func checksum(_ bytes: [UInt8], start: UInt32 = 0xFFFF_FFFF) -> UInt32 {
        tables.withUnsafeBufferPointer { t in
            bytes.withUnsafeBufferPointer { b in
                var c = start, i = 0
                while i + 8 <= b.count {
                    let low = c ^ (UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24)
                    let high = UInt32(b[i + 4]) | UInt32(b[i + 5]) << 8 | UInt32(b[i + 6]) << 16 | UInt32(b[i + 7]) << 24
                    c = t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int(low >> 8 & 0xFF)] ^ t[5 * 256 + Int(low >> 16 & 0xFF)]
                        ^ t[4 * 256 + Int(low >> 24)] ^ t[3 * 256 + Int(high & 0xFF)] ^ t[2 * 256 + Int(high >> 8 & 0xFF)]
                        ^ t[256 + Int(high >> 16 & 0xFF)] ^ t[Int(high >> 24)]
                    i += 8
                }
                while i < b.count {
                    c = t[Int((c ^ UInt32(b[i])) & 0xFF)] ^ (c >> 8)
                    i += 1
                }
                return c
            }
        }
    }
}

extension [UInt8] {
    mutating func appendBigEndian(_ value: UInt32) {
        append(UInt8(truncatingIfNeeded: value >> 24))
        append(UInt8(truncatingIfNeeded: value >> 16))
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value))
    }

    mutating func appendChunk(_ type: String, _ data: [UInt8]) {
        appendBigEndian(UInt32(data.count))
        let typeBytes = Array(type.utf8)
        append(contentsOf: typeBytes)
        append(contentsOf: data)
        let crc = CRC32.checksum(data, start: CRC32.checksum(typeBytes)) ^ 0xFFFF_FFFF
        appendBigEndian(crc)
    }
}
