import Foundation

/// Writing a file without syncing it to disk.
public enum PlainFile {
    /// `Data.write(to:)` syncs every file to disk, which made a thousand-page build wait seconds on
    /// I/O; generated sites and tiles are rebuilt, not recovered, so no sync is needed.
    public static func write(_ data: some DataProtocol, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw DinhError("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        for region in data.regions {
            try region.withUnsafeBytes { buffer in
                guard var pointer = buffer.baseAddress else { return }
                var remaining = buffer.count
                while remaining > 0 {
                    let written = Foundation.write(descriptor, pointer, remaining)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw DinhError("cannot write \(path): \(String(cString: strerror(errno)))")
                    }
                    pointer += written
                    remaining -= written
                }
            }
        }
    }
}
