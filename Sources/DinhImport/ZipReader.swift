// zlib, through the module ZIPFoundation's package makes of it (Dinh's only other use of that package).
import CZlib
import Foundation

/// The parts of a zip archive (an .xlsx workbook), read with bounds: a small reader of the
/// central directory, and zlib's inflate stopped at a size limit. ZIPFoundation's extraction,
/// used before, spun for ever on a deflate stream that the file ends inside (found by the fuzzer:
/// `dinh import` of a damaged workbook never returned), and believed the sizes a zip bomb claims.
struct ZipReader {
    struct Entry {
        var path: String
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    enum Failure: Error {
        /// Not a zip archive, or its directory is damaged.
        case notAnArchive
        /// A part cannot be unpacked: damaged data, or a compression other than deflate.
        case damaged
        /// A part unpacks to more than the limit.
        case tooLarge
    }

    let bytes: [UInt8]
    private(set) var entries: [String: Entry] = [:]

    init(_ data: Data) throws(Failure) {
        bytes = [UInt8](data)
        try readDirectory()
    }

    private func uint16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    private func uint32(_ at: Int) -> Int { uint16(at) | uint16(at + 2) << 16 }
    private func uint64(_ at: Int) -> Int? {
        let high = uint32(at + 4)
        return high < 1 << 30 ? uint32(at) | high << 32 : nil
    }

    private mutating func readDirectory() throws(Failure) {
        // The end-of-directory record: within the last 22 + 65,535 bytes (its comment may be that long).
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var end = bytes.count - 22
        while end >= lowest, !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 5 && bytes[end + 3] == 6) { end -= 1 }
        guard end >= lowest else { throw .notAnArchive }
        var count = uint16(end + 10), size = uint32(end + 12), offset = uint32(end + 16)
        // ZIP64: the real values are in a record that a locator just before says where to find.
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            let locator = end - 20
            guard locator >= 0, uint32(locator) == 0x0706_4B50, let record = uint64(locator + 8), record >= 0, record + 56 <= bytes.count,
                  uint32(record) == 0x0606_4B50, let entries = uint64(record + 32), let cdSize = uint64(record + 40),
                  let cdOffset = uint64(record + 48) else { throw .notAnArchive }
            (count, size, offset) = (entries, cdSize, cdOffset)
        }
        guard offset >= 0, size >= 0, offset + size <= bytes.count, count <= size / 46 else { throw .notAnArchive }
        var at = offset
        for _ in 0..<count {
            guard at + 46 <= offset + size, uint32(at) == 0x0201_4B50 else { throw .notAnArchive }
            let nameLength = uint16(at + 28), extraLength = uint16(at + 30), commentLength = uint16(at + 32)
            let next = at + 46 + nameLength + extraLength + commentLength
            guard next <= offset + size else { throw .notAnArchive }
            var entry = Entry(path: String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
                              method: UInt16(uint16(at + 10)), crc: UInt32(uint32(at + 16)), compressedSize: uint32(at + 20),
                              uncompressedSize: uint32(at + 24), localHeaderOffset: uint32(at + 42))
            // ZIP64 extra field: the values written as 0xFFFFFFFF follow, in this order.
            var extra = at + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let id = uint16(extra), length = uint16(extra + 2)
                guard extra + 4 + length <= extraEnd else { break }
                if id == 1 {
                    var field = extra + 4
                    func next() -> Int? {
                        guard field + 8 <= extra + 4 + length, let value = uint64(field) else { return nil }
                        field += 8
                        return value
                    }
                    if entry.uncompressedSize == 0xFFFF_FFFF { entry.uncompressedSize = next() ?? -1 }
                    if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = next() ?? -1 }
                    if entry.localHeaderOffset == 0xFFFF_FFFF { entry.localHeaderOffset = next() ?? -1 }
                }
                extra += 4 + length
            }
            if entries[entry.path] == nil { entries[entry.path] = entry }
            at = next
        }
    }

    /// The unpacked bytes of a part, nil when there is none. Never more than `limit` bytes are
    /// unpacked, whatever the archive says, and the data must end where the archive says.
    func part(_ path: String, limit: Int) throws(Failure) -> Data? {
        guard let entry = entries[path] else { return nil }
        guard entry.uncompressedSize >= 0, entry.uncompressedSize <= limit else { throw .tooLarge }
        let header = entry.localHeaderOffset
        guard header >= 0, header + 30 <= bytes.count, uint32(header) == 0x0403_4B50 else { throw .damaged }
        let start = header + 30 + uint16(header + 26) + uint16(header + 28)
        guard entry.compressedSize >= 0, start + entry.compressedSize <= bytes.count else { throw .damaged }
        let compressed = bytes[start..<(start + entry.compressedSize)]
        let data: [UInt8]
        switch entry.method {
        case 0: data = Array(compressed)
        case 8: data = try Self.inflate(compressed, limit: limit)
        default: throw .damaged
        }
        guard data.count == entry.uncompressedSize, Self.crc32(data) == entry.crc else { throw .damaged }
        return Data(data)
    }

    /// Raw deflate, to the end of its stream, which must be within `input`.
    static func inflate(_ input: ArraySlice<UInt8>, limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw .damaged }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var result: Int32 = Z_OK, tooLarge = false
        input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = UInt32(source.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { buffer in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    result = CZlib.inflate(&stream, Z_NO_FLUSH)
                    // Refused before it is kept: past the limit the output would grow to twice it.
                    let produced = buffer.count - Int(stream.avail_out)
                    tooLarge = output.count + produced > limit
                    if !tooLarge { output.append(contentsOf: buffer[0..<produced]) }
                }
            // Z_BUF_ERROR: no progress possible, the input ended inside the stream.
            } while result == Z_OK && !tooLarge
        }
        if tooLarge { throw .tooLarge }
        guard result == Z_STREAM_END else { throw .damaged }
        return output
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(CZlib.crc32(0, $0.baseAddress, UInt32($0.count))) }
    }
}
