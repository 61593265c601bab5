import DinhCore
import Foundation

/// The QR drawings kept between builds in `.dinh-cache/qr/`, so that a rebuild draws nothing.
///
/// They are kept in packs, each written whole by one build and read back through a memory map: a
/// first build writes one file instead of one per code (creating a thousand files was 4 % of its
/// time) and a rebuild opens a few instead of thousands. A pack is the line `dinh-qr-pack 1`,
/// then, for each drawing, the line `<key> <length>` and the drawing (`DrawnCode.bundle`, which
/// carries its own checksum, so a damaged drawing is drawn again). A build writes what it draws
/// into `.pack-<pid>`, renamed `pack-<pid>-<time>` once complete; when the packs hold more unused
/// drawings than used ones, or there are 16 of them, it copies the drawings it used into its own
/// pack and removes the others.
final class DrawingCache: @unchecked Sendable {
    let folder: String
    private static let header = Array("dinh-qr-pack 1\n".utf8)

    private struct Pack {
        let path: String
        let bytes: UnsafeRawBufferPointer
    }
    private var packs: [Pack] = []
    /// Where each kept drawing lies: its pack and its bytes there.
    private var kept: [String: (pack: Int, range: Range<Int>)] = [:]

    private let lock = NSLock()
    /// Kept drawings this build read, and drawings it made.
    private var used: Set<String> = []
    private var made: Set<String> = []
    /// The pack this build writes, once it has something to write.
    private var writer: (descriptor: Int32, path: String)?

    /// Reads the packs in `folder`; what is not a pack (drawings kept one per file by older
    /// versions, packs left unfinished by builds that were stopped) is removed.
    init(folder: String) {
        self.folder = folder
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            let path = folder + "/" + name
            if name.hasPrefix("pack-") {
                if let pack = Self.map(path) { read(pack) }
            } else if !name.hasPrefix(".pack-") || !Self.isRunning(Int32(name.dropFirst(".pack-".count)) ?? 0) {
                unlink(path)
            }
        }
    }

    deinit {
        for pack in packs { munmap(UnsafeMutableRawPointer(mutating: pack.bytes.baseAddress), pack.bytes.count) }
        // A build that failed leaves no half-written pack.
        if let writer {
            close(writer.descriptor)
            unlink(writer.path)
        }
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    private static func map(_ path: String) -> Pack? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0,
              let base = mmap(nil, Int(status.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED
        else { return nil }
        return Pack(path: path, bytes: UnsafeRawBufferPointer(start: base, count: Int(status.st_size)))
    }

    /// Indexes a pack's drawings, up to the first line that is not `<key> <length>` of a drawing
    /// inside the pack.
    private func read(_ pack: Pack) {
        let bytes = pack.bytes
        packs.append(pack)
        guard bytes.starts(with: Self.header) else { return }
        var offset = Self.header.count
        while offset < bytes.count {
            let lineEnd = bytes[offset..<min(bytes.count, offset + 64)].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let fields = String(decoding: bytes[offset..<lineEnd], as: UTF8.self).split(separator: " ")
            guard lineEnd < bytes.count, fields.count == 2, let length = Int(fields[1]), length >= 0,
                  length <= bytes.count - lineEnd - 1
            else { return }
            kept[String(fields[0])] = (packs.count - 1, (lineEnd + 1)..<(lineEnd + 1 + length))
            offset = lineEnd + 1 + length
        }
    }

    /// A kept drawing's bytes, or nil.
    func drawing(_ key: String) -> [UInt8]? {
        guard let place = kept[key] else { return nil }
        lock.withLock { _ = used.insert(key) }
        return Array(packs[place.pack].bytes[place.range])
    }

    /// Keeps a drawing this build made (`code` names it in a failure).
    func keep(_ key: String, _ drawing: [UInt8], code: String) throws {
        try lock.withLock {
            do {
                try append(key, drawing)
                made.insert(key)
            } catch {
                throw DinhError(SiteMessage.cannotKeepQR(code: code, folder: folder, reason: .reason(error)))
            }
        }
    }

    /// Writes this build's pack under its final name, after copying into it the drawings it used
    /// when the packs are due to be compacted; then removes the packs it replaced.
    func finish() throws {
        try lock.withLock {
            let reused = used.subtracting(made)
            let reusedBytes = reused.reduce(0) { $0 + (kept[$1]?.range.count ?? 0) }
            let keptBytes = packs.reduce(0) { $0 + $1.bytes.count }
            let compacting = !packs.isEmpty && (packs.count >= 16 || keptBytes - reusedBytes > reusedBytes)
            do {
                if compacting {
                    for key in reused.sorted() {
                        if let place = kept[key] { try append(key, Array(packs[place.pack].bytes[place.range])) }
                    }
                }
                if let writer {
                    close(writer.descriptor)
                    self.writer = nil
                    var now = timespec()
                    clock_gettime(CLOCK_REALTIME, &now)
                    let name = "pack-\(getpid())-\(now.tv_sec)\(String(format: "%09d", now.tv_nsec))"
                    guard rename(writer.path, folder + "/" + name) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                }
            } catch {
                throw DinhError(SiteMessage.cannotKeepQR(code: made.sorted().first ?? "", folder: folder, reason: .reason(error)))
            }
            if compacting {
                for pack in packs { unlink(pack.path) }
            }
        }
    }

    /// Appends a drawing to this build's pack (the lock held).
    private func append(_ key: String, _ drawing: [UInt8]) throws {
        if writer == nil {
            let path = folder + "/.pack-\(getpid())"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            writer = (descriptor, path)
            try write(Self.header)
        }
        try write(Array("\(key) \(drawing.count)\n".utf8))
        try write(drawing)
    }

    private func write(_ bytes: [UInt8]) throws {
        guard let writer else { return }
        try bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(writer.descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
    }
}
