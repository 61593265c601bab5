import Foundation

/// The names in a folder and what each is, from one pass of `readdir`: no `stat` per name
/// where the file system says the type (ext4, tmpfs, btrfs, xfs do).
package enum FolderEntries {
    package enum Kind: Sendable { case folder, link, other, unknown }

    /// The entries of `path` (without `.` and `..`), or nil when it cannot be read.
    package static func read(_ path: String) -> [(name: String, kind: Kind)]? {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        var entries: [(name: String, kind: Kind)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            let kind: Kind = switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): .folder
            case Int32(DT_LNK): .link
            case Int32(DT_UNKNOWN): .unknown
            default: .other
            }
            entries.append((name, kind))
        }
        return entries
    }
}
