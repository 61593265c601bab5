import Foundation

/// Writing a file without syncing it to disk.
package enum PlainFile {
    /// `Data.write(to:)` syncs every file to disk, which made a thousand-page build wait seconds on
    /// I/O; generated sites and tiles are rebuilt, not recovered, so no sync is needed.
    package static func write(_ data: some DataProtocol, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw error(path) }
        defer { close(descriptor) }
        try write(data, to: descriptor, path: path)
    }

    /// The bytes of the file at `path`, or nil when it cannot be read (most often: there is none,
    /// which a cache meets for every entry of a first build, so it costs one failed `open`).
    package static func read(_ path: String) -> [UInt8]? {
        if case .bytes(let bytes) = read(path, atMost: .max) { return bytes }
        return nil
    }

    /// What reading a file found.
    package enum Reading {
        case bytes([UInt8])
        /// No file of that name: one failed `open`, cheaper than asking first.
        case missing
        /// Larger than the limit, whose size is given; it was not read.
        case tooLarge(Int64)
        /// A folder of that name, or a file that could not be read.
        case unreadable
    }

    /// The bytes of the file at `path` if it has at most `limit`.
    package static func read(_ path: String, atMost limit: Int) -> Reading {
        // Non-blocking: a named pipe (FIFO) put there by mistake is refused, not waited on.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return errno == ENOENT || errno == ENOTDIR ? .missing : .unreadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .unreadable }
        guard status.st_size <= limit else { return .tooLarge(Int64(status.st_size)) }
        return bytes(Int(status.st_size), of: descriptor).map { .bytes($0) } ?? .unreadable
    }

    /// Makes the file at `path` hold `data`, leaving it alone when it already does. Rewriting a
    /// file in place keeps its inode: creating tens of thousands of new files after deleting as
    /// many is what made rebuilds slow on ext4 (its inode allocator skips recently freed inodes).
    /// Returns whether the file was written.
    @discardableResult
    package static func update(_ data: some DataProtocol, at path: String) throws -> Bool {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw error(path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw error(path) }
        if status.st_size == data.count, data.count > 0, holds(data, descriptor: descriptor) {
            return false
        }
        // A file with other names (a hard link into a cache) is replaced, never changed in place.
        if status.st_nlink > 1 {
            unlink(path)
            try write(data, to: path)
            return true
        }
        try write(data, to: descriptor, path: path)
        guard ftruncate(descriptor, off_t(data.count)) == 0 else { throw error(path) }
        return true
    }

    /// Whether the open file holds exactly `data` (its size was checked by the caller).
    private static func holds(_ data: some DataProtocol, descriptor: Int32) -> Bool {
        guard let existing = bytes(data.count, of: descriptor) else { return false }
        var offset = 0
        return existing.withUnsafeBytes { existing in
            data.regions.allSatisfy { region in
                defer { offset += region.count }
                return region.isEmpty || region.withUnsafeBytes { memcmp(existing.baseAddress! + offset, $0.baseAddress!, $0.count) == 0 }
            }
        }
    }

    /// The first `count` bytes of an open file, or nil when it has fewer.
    private static func bytes(_ count: Int, of descriptor: Int32) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        let complete = bytes.withUnsafeMutableBytes { buffer in
            while offset < buffer.count {
                let read = pread(descriptor, buffer.baseAddress! + offset, buffer.count - offset, off_t(offset))
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { return false }
                offset += read
            }
            return true
        }
        return complete ? bytes : nil
    }

    /// Writes from the start of the file (its length is the caller's business).
    private static func write(_ data: some DataProtocol, to descriptor: Int32, path: String) throws {
        var offset = 0
        for region in data.regions {
            try region.withUnsafeBytes { buffer in
                guard var pointer = buffer.baseAddress else { return }
                var remaining = buffer.count
                while remaining > 0 {
                    let written = pwrite(descriptor, pointer, remaining, off_t(offset))
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw error(path)
                    }
                    pointer += written
                    remaining -= written
                    offset += written
                }
            }
        }
    }

    private static func error(_ path: String) -> DinhError {
        DinhError(.cannotWrite(path: path, reason: String(cString: strerror(errno))))
    }
}
