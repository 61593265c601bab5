import Foundation

/// Notices changes in the content folder by polling: portable, needs no inotify limits, and a
/// content folder is small enough to stat every file three times a second.
struct ContentWatcher: Sendable {
    struct Stamp: Equatable, Sendable {
        var modified: Int64
        var size: Int64
        var inode: UInt64
    }

    struct Snapshot: Equatable, Sendable {
        var stamps: [String: Stamp] = [:]
        /// Contents of the small text files, so that a file rewritten with the same bytes (an
        /// editor's save without change, the build's own `codes.lock`) does not start a rebuild.
        var texts: [String: Int] = [:]
    }

    let root: URL
    private static let textExtensions: Set<String> = ["md", "yaml", "yml", "lock", "mustache", "css", "js", "json", "csv", "vtt", "srt", "txt"]

    /// Every file below the root, but hidden ones (`.git`, caches) and editors' temporary files.
    func snapshot() -> Snapshot {
        var snapshot = Snapshot()
        let base = root.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return snapshot }
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") {
                walker.skipDescendants()
                continue
            }
            if name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".tmp") || name == "4913" { continue }
            var info = stat()
            guard stat(base + "/" + relative, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            snapshot.stamps[relative] = Stamp(modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                                              size: Int64(info.st_size), inode: UInt64(info.st_ino))
        }
        return snapshot
    }

    /// The files added, removed or changed since `old` (empty: nothing to rebuild). Fills in the
    /// text fingerprints of `new` that it had to read.
    func changes(from old: Snapshot, to new: inout Snapshot) -> [String] {
        var changed: [String] = []
        for (path, stamp) in new.stamps {
            guard let before = old.stamps[path] else { changed.append(path); continue }
            if before == stamp {
                if let text = old.texts[path] { new.texts[path] = text }
                continue
            }
            if let text = textFingerprint(path, stamp) {
                new.texts[path] = text
                if old.texts[path] == text { continue }
            }
            changed.append(path)
        }
        changed += old.stamps.keys.filter { new.stamps[$0] == nil }
        return changed.sorted()
    }

    /// The snapshot with the current state of some files: those the build itself writes into
    /// the content folder (`codes.lock`), so that writing them does not start another build.
    func refreshing(_ paths: [String], in snapshot: Snapshot) -> Snapshot {
        var snapshot = snapshot
        let current = self.snapshot()
        for path in paths {
            snapshot.stamps[path] = current.stamps[path]
            snapshot.texts[path] = current.stamps[path].flatMap { textFingerprint(path, $0) }
        }
        return snapshot
    }

    /// A first snapshot with fingerprints of every text file.
    func baseline() -> Snapshot {
        var snapshot = snapshot()
        for (path, stamp) in snapshot.stamps {
            snapshot.texts[path] = textFingerprint(path, stamp)
        }
        return snapshot
    }

    /// The fingerprint of a small text file (nil for media and large files, judged by their stamp).
    private func textFingerprint(_ path: String, _ stamp: Stamp) -> Int? {
        guard isText(path), stamp.size < 1 << 20,
              let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
        return Self.fingerprint(data)
    }

    /// A hash of every byte: `Data`'s own `Hashable` looks at its length and first 80 bytes only, so
    /// an edit of the same length further down (scenes reordered, a digit changed) went unseen.
    static func fingerprint(_ data: Data) -> Int {
        var hasher = Hasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    private func isText(_ path: String) -> Bool {
        Self.textExtensions.contains((path as NSString).pathExtension.lowercased())
    }
}
