import Foundation

/// The names in a folder and what each is, from one pass of `readdir`: no `stat` per name
/// where the file system says the type (ext4, tmpfs, btrfs, xfs do); `lstat` where it does not.
package enum FolderEntries {
    /// As `lstat` sees it: a link is a link, whatever it points to.
    package enum Kind: Sendable { case folder, link, other }

    /// The entries of `path` (without `.` and `..`), or nil when it cannot be read.
    package static func read(_ path: String) -> [(name: String, kind: Kind)]? {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        var entries: [(name: String, kind: Kind)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            let kind: Kind? = switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): .folder
            case Int32(DT_LNK): .link
            case Int32(DT_UNKNOWN): nil
            default: .other
            }
            guard let kind = kind ?? Self.kind(path + "/" + name) else { continue }
            entries.append((name, kind))
        }
        return entries
    }

    /// What `lstat` says `path` is, or nil when it is gone.
    private static func kind(_ path: String) -> Kind? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK: return .link
        default: return .other
        }
    }
}
