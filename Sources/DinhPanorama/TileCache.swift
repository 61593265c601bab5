import DinhCore
import Foundation

/// The processed-media cache's folder of one tiled panorama (`.dinh-cache/tiles/<key>/`), trusted
/// only whole. When the tiles are made, `seal` writes `tiles.txt`, last: every file of the layout
/// with its size, XXH64 and modification time, then a checksum of those lines. `isIntact` checks
/// them before a build publishes the folder, so a tile cut short (a full disk, a killed build) or
/// changed by hand is found and the panorama is tiled again, never published damaged.
///
/// Reading and hashing every tile of an 8192×4096 panorama (235 tiles, 6 MB) takes about 4 ms
/// when they are in memory, and reads 6 MB from the disk when they are not (after a restart), on
/// every build. So, as git does with its index, a tile whose size and modification time are those
/// recorded is trusted without reading it (about 1.3 ms per panorama, `dinh-bench tile-check`);
/// any other is read and hashed. Writing a file changes its time, so damage done by a program is
/// seen. A tile written in the same moment as the manifest (within `racyWindow`) is always hashed,
/// since a change then may keep the time the manifest recorded.
package enum TileCache {
    static let manifestName = "tiles.txt"
    static let header = "dinh-tiles 2"
    static let racyWindow: Int64 = 2_000_000_000

    /// Every file a folder of this layout holds: the preview, then the tiles.
    static func files(_ layout: PanoramaLayout) -> [String] {
        [PanoramaFile.preview.path] + layout.tiles.map(\.path)
    }

    /// Records the folder's files, once they are all written. Throws when one is missing.
    package static func seal(_ folder: URL, layout: PanoramaLayout) throws {
        try PlainFile.write(Data(manifest(folder, layout: layout).utf8), to: folder.appendingPathComponent(manifestName).path)
    }

    private static func manifest(_ folder: URL, layout: PanoramaLayout) throws -> String {
        var reader = FileHasher()
        var text = header + "\n"
        for path in files(layout) {
            let file = folder.appendingPathComponent(path).path
            guard let (size, hash) = reader.hash(file), let time = modificationTime(file) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: file])
            }
            text += "\(path) \(size) \(ContentHash.hex(hash)) \(time)\n"
        }
        text += "check \(ContentHash.hex(ContentHash.xxh64(Array(text.utf8))))\n"
        return text
    }

    /// Whether the folder holds every file of the layout with the size and hash it was sealed with.
    /// `hashEverything` reads every tile whatever its time (for measuring what the times save).
    package static func isIntact(_ folder: URL, layout: PanoramaLayout, hashEverything: Bool = false) -> Bool {
        let manifest = folder.appendingPathComponent(manifestName).path
        guard let sealed = modificationTime(manifest),
              let data = FileManager.default.contents(atPath: manifest),
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
        var newest: Int64 = 0, racy = false, moved = false
        // Paths joined as text: URL's path operations cost more than the `stat` calls.
        let base = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        for (line, path) in zip(lines, expected) {
            let fields = line.split(separator: " ")
            guard fields.count == 4, fields[0] == path, let size = Int(fields[1]), let recorded = Int64(fields[3]) else { return false }
            let file = base + path
            var status = stat()
            guard stat(file, &status) == 0, Int(status.st_size) == size else { return false }
            newest = max(newest, recorded)
            let time = nanoseconds(status.st_mtim)
            if time == recorded && recorded < sealed - racyWindow && !hashEverything { continue }
            racy = racy || time == recorded
            moved = moved || time != recorded
            guard let (_, hash) = reader.hash(file, expectedSize: size), ContentHash.hex(hash) == fields[2] else { return false }
        }
        // Whole, but with other times (the cache was copied): recorded again, aside then renamed
        // (a build running at the same time reads the old manifest or the new one), so that the
        // next build need not read every tile.
        if moved, let text = try? Self.manifest(folder, layout: layout) {
            let aside = manifest + ".\(getpid())"
            if (try? PlainFile.write(Data(text.utf8), to: aside)) != nil, rename(aside, manifest) != 0 { unlink(aside) }
            return true
        }
        // Every tile was just read and found whole: dating the manifest now lets the next build
        // trust the recorded times, once they are old enough that a change would show.
        if racy, let now = currentTime(), newest < now - racyWindow { utimes(manifest, nil) }
        return true
    }

    private static func currentTime() -> Int64? {
        var now = timespec()
        return clock_gettime(CLOCK_REALTIME, &now) == 0 ? nanoseconds(now) : nil
    }

    static func modificationTime(_ path: String) -> Int64? {
        var status = stat()
        return stat(path, &status) == 0 ? nanoseconds(status.st_mtim) : nil
    }

    private static func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }
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
