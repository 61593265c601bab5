import DinhCore
import Foundation

/// The processed-media cache's folder of one tiled panorama (`.dinh-cache/tiles/<key>/`), trusted
/// only whole. When the tiles are made, `seal` writes `tiles.txt`, last: every file of the layout
/// with its size and XXH64, then a checksum of those lines. `isIntact` checks them all before a
/// build publishes the folder, so a tile cut short (a full disk, a killed build) or changed by
/// hand is found and the panorama is tiled again, never published damaged.
///
/// Checking reads every tile once; on the 8192×4096 benchmark panorama (≈ 150 tiles, 6 MB) it
/// takes a few milliseconds, less than hashing the source panorama that every build does anyway.
package enum TileCache {
    static let manifestName = "tiles.txt"
    static let header = "dinh-tiles 1"

    /// Every file a folder of this layout holds: the preview, then the tiles.
    static func files(_ layout: PanoramaLayout) -> [String] {
        [PanoramaFile.preview.path] + layout.tiles.map(\.path)
    }

    /// Records the folder's files, once they are all written. Throws when one is missing.
    package static func seal(_ folder: URL, layout: PanoramaLayout) throws {
        var reader = FileHasher()
        var text = header + "\n"
        for path in files(layout) {
            let file = folder.appendingPathComponent(path).path
            guard let (size, hash) = reader.hash(file) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: file])
            }
            text += "\(path) \(size) \(ContentHash.hex(hash))\n"
        }
        text += "check \(ContentHash.hex(ContentHash.xxh64(Array(text.utf8))))\n"
        try PlainFile.write(Data(text.utf8), to: folder.appendingPathComponent(manifestName).path)
    }

    /// Whether the folder holds every file of the layout with the size and hash it was sealed with.
    package static func isIntact(_ folder: URL, layout: PanoramaLayout) -> Bool {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(manifestName).path),
              let text = String(data: data, encoding: .utf8), text.hasSuffix("\n"),
              let checkStart = text.dropLast().lastIndex(of: "\n") else { return false }
        let body = text[...checkStart]
        guard text[text.index(after: checkStart)...].dropLast() == "check " + ContentHash.hex(ContentHash.xxh64(Array(body.utf8))) else { return false }
        var lines = body.split(separator: "\n")
        guard lines.first == Substring(header) else { return false }
        lines.removeFirst()
        let expected = files(layout)
        guard lines.count == expected.count else { return false }
        var reader = FileHasher()
        for (line, path) in zip(lines, expected) {
            let fields = line.split(separator: " ")
            guard fields.count == 3, fields[0] == path, let size = Int(fields[1]),
                  let (actualSize, hash) = reader.hash(folder.appendingPathComponent(path).path, expectedSize: size),
                  actualSize == size, ContentHash.hex(hash) == fields[2] else { return false }
        }
        return true
    }
}

/// Reads whole files into one reused buffer and hashes them.
struct FileHasher {
    private var buffer: [UInt8] = []

    /// Size and XXH64 of a file; nil when it cannot be read, or its size is not `expectedSize`
    /// (then it is not read at all).
    mutating func hash(_ path: String, expectedSize: Int? = nil) -> (Int, UInt64)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        if let expectedSize, size != expectedSize { return nil }
        if buffer.count < size + 1 { buffer = [UInt8](repeating: 0, count: size + 1) }
        let total = buffer.withUnsafeMutableBytes { raw -> Int in
            var done = 0
            // One byte more than the size: a file that grew since fstat is told apart.
            while done <= size {
                let count = read(descriptor, raw.baseAddress! + done, size + 1 - done)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                done += count
            }
            return done
        }
        guard total == size else { return nil }
        return buffer.withUnsafeBytes { (size, ContentHash.xxh64(UnsafeRawBufferPointer(rebasing: $0[..<size]))) }
    }
}
