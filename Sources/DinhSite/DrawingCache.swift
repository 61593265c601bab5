import DinhCore
import Foundation

/// The QR drawings kept between builds in `.dinh-cache/qr/`, so that a rebuild draws nothing.
///
/// They are kept in packs, each written whole by one build: a first build writes one file
/// instead of one per code (creating a thousand files was 4 % of its time) and a rebuild opens a
/// few instead of thousands. A pack is the line `dinh-qr-pack 1`, then, for each drawing, the
/// line `<key> <length>` and the drawing (`DrawnCode.bundle`, which carries its own checksum, so
/// a damaged drawing is drawn again). A build writes what it draws into
/// `.pack-<size>-<pid>-<random>`, renamed without the dot once complete. Builds of one placard size
/// (a site's, or `dinh qr --size A4`) look after their own packs: when those hold more
/// unused drawings than used ones, or there are 16 of them, a build copies the drawings it used
/// from them into its own pack and removes them, and never touches the other sizes' packs (so
/// that printing A4 boards now and then does not throw away the site's drawings).
/// Drawings are read one by one where they lie (`pread`): a build of 10,000 codes does not hold
/// the 100 MB of their packs.
final class DrawingCache: @unchecked Sendable {
    let folder: String
    private static let header = Array("dinh-qr-pack 1\n".utf8)

    private struct Pack {
        let path: String
        let descriptor: Int32
        let size: Int
        /// Written by builds of this one's placard size.
        let isOwn: Bool
    }
    private var packs: [Pack] = []
    /// Where each kept drawing lies: its pack and its bytes there.
    private var kept: [String: (pack: Int, range: Range<Int>)] = [:]

    private let lock = NSLock()
    /// Kept drawings this build read, and drawings it made.
    private var used: Set<String> = []
    private var made: Set<String> = []
    /// The pack this build writes, once it has something to write, and where it ends.
    private var writer: (descriptor: Int32, path: String, end: Int)?
    /// Its name once complete; while written, the same after a dot.
    private let name: String
    /// The start of the names of this placard size's packs.
    private let own: String

    /// Reads the packs in `folder`, for a build whose placards are of `size` (`A5`); what is not a
    /// pack (drawings kept one per file by older versions, packs left unfinished by builds that
    /// were stopped) is removed.
    init(folder: String, size: String) {
        self.folder = folder
        own = "pack-\(size)-"
        name = own + "\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = folder + "/" + name
            if name.hasPrefix("pack-") {
                read(path, isOwn: name.hasPrefix(own))
            } else if !name.hasPrefix(".pack-") || !Self.isRunning(name) {
                unlink(path)
            }
        }
    }

    deinit {
        for pack in packs { close(pack.descriptor) }
        // A build that failed leaves no half-written pack.
        if let writer {
            close(writer.descriptor)
            unlink(writer.path)
        }
    }

    /// Whether the build writing `.pack-<size>-<pid>-<random>` is still running.
    private static func isRunning(_ temporary: String) -> Bool {
        let fields = temporary.split(separator: "-")
        guard fields.count == 4, let pid = Int32(fields[2]), pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Indexes a pack's drawings, up to the first line that is not `<key> <length>` of a drawing
    /// inside the pack.
    private func read(_ path: String, isOwn: Bool) {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { close(descriptor); return }
        let pack = Pack(path: path, descriptor: descriptor, size: Int(status.st_size), isOwn: isOwn)
        packs.append(pack)
        guard Self.bytes(pack, 0..<Self.header.count) == Self.header else { return }
        var offset = Self.header.count
        while offset < pack.size {
            let line = Self.bytes(pack, offset..<min(pack.size, offset + 64))
            guard let newline = line.firstIndex(of: UInt8(ascii: "\n")) else { return }
            let fields = String(decoding: line[..<newline], as: UTF8.self).split(separator: " ")
            let start = offset + newline + 1
            guard fields.count == 2, let length = Int(fields[1]), length >= 0, length <= pack.size - start else { return }
            kept[String(fields[0])] = (packs.count - 1, start..<(start + length))
            offset = start + length
        }
    }

    /// The bytes of a pack in `range`, fewer where it ends early.
    private static func bytes(_ pack: Pack, _ range: Range<Int>) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: range.count)
        var done = 0
        while done < range.count {
            let count = bytes.withUnsafeMutableBytes { pread(pack.descriptor, $0.baseAddress! + done, range.count - done, off_t(range.lowerBound + done)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            done += count
        }
        return Array(bytes.prefix(done))
    }

    /// A kept drawing's bytes, or nil.
    func drawing(_ key: String) -> [UInt8]? {
        guard let place = kept[key] else { return nil }
        lock.withLock { _ = used.insert(key) }
        return Self.bytes(packs[place.pack], place.range)
    }

    /// Keeps a drawing this build made (`code` names it in a failure). Drawings made at once are
    /// written side by side: each takes its place in the pack, then is written there.
    func keep(_ key: String, _ drawing: [UInt8], code: String) throws {
        let entry = Self.entry(key, drawing)
        do {
            let (descriptor, offset) = try lock.withLock {
                made.insert(key)
                return try reserve(entry.count)
            }
            try Self.write(entry, to: descriptor, at: offset)
        } catch {
            throw DinhError(SiteMessage.cannotKeepQR(code: code, folder: folder, reason: .reason(error)))
        }
    }

    /// Writes this build's pack under its final name, after copying into it the drawings it used
    /// when the packs are due to be compacted; then removes the packs it replaced.
    func finish() throws {
        try lock.withLock {
            // Drawings this build used from its size's packs, and what those packs hold in all.
            let reused = used.subtracting(made).filter { kept[$0].map { packs[$0.pack].isOwn } ?? false }
            let reusedBytes = reused.reduce(0) { $0 + (kept[$1]?.range.count ?? 0) }
            let ownPacks = packs.filter(\.isOwn)
            let keptBytes = ownPacks.reduce(0) { $0 + $1.size }
            let compacting = !ownPacks.isEmpty && (ownPacks.count >= 16 || keptBytes - reusedBytes > reusedBytes)
            do {
                if compacting {
                    for key in reused.sorted() {
                        guard let place = kept[key] else { continue }
                        let entry = Self.entry(key, Self.bytes(packs[place.pack], place.range))
                        let room = try reserve(entry.count)
                        try Self.write(entry, to: room.descriptor, at: room.offset)
                    }
                }
                if let writer {
                    close(writer.descriptor)
                    self.writer = nil
                    guard rename(writer.path, folder + "/" + name) == 0 else { throw Self.systemError() }
                }
            } catch {
                throw DinhError(SiteMessage.cannotKeepQR(code: made.sorted().first ?? "", folder: folder, reason: .reason(error)))
            }
            if compacting {
                for pack in ownPacks { unlink(pack.path) }
            }
        }
    }

    /// A drawing as a pack holds it: `<key> <length>`, then its bytes.
    private static func entry(_ key: String, _ drawing: [UInt8]) -> [UInt8] {
        Array("\(key) \(drawing.count)\n".utf8) + drawing
    }

    /// Room for `count` bytes at the end of this build's pack, made when first needed (the lock
    /// held): its descriptor and where the room starts.
    private func reserve(_ count: Int) throws -> (descriptor: Int32, offset: Int) {
        if writer == nil {
            let path = folder + "/." + name
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw Self.systemError() }
            writer = (descriptor, path, Self.header.count)
            try Self.write(Self.header, to: descriptor, at: 0)
        }
        let offset = writer!.end
        writer!.end += count
        return (writer!.descriptor, offset)
    }

    private static func write(_ bytes: [UInt8], to descriptor: Int32, at start: Int) throws {
        try bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(start + done))
                if written < 0 {
                    if errno == EINTR { continue }
                    throw systemError()
                }
                done += written
            }
        }
    }

    private static func systemError() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
