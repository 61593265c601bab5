import CDinhSystem
import DinhCore
import Foundation

/// Where a build writes: a temporary folder beside the target, swapped in only when the whole
/// build succeeded, so a failed or interrupted build leaves the previous site exactly as it was.
/// The swap is one step (`renameat2` with `RENAME_EXCHANGE`): a web server serving the target
/// sees the whole old site or the whole new one, never a missing folder. Builds into the same
/// folder take turns (a lock on the folder that holds it), so two at once never mix.
///
/// The site replaced by a build is kept beside it (`.public.dinh-previous`) and becomes the next
/// build's staging folder: unchanged files are left as they are and changed ones rewritten in
/// place. Deleting a whole site and creating it again made rebuilds several times slower (most of
/// the time went to the file system allocating and freeing tens of thousands of inodes).
struct OutputFolder: Sendable {
    let target: URL
    let staging: URL
    /// `staging.path`, worked out once: it prefixes every file a build writes.
    private let stagingPath: String
    /// Where the replaced site is kept for the next build, or nil to remove it.
    let previous: URL?
    /// Whether the staging folder started as a previous site, whose stale files must go at the end.
    let reusing: Bool
    private let record = OutputRecord()
    /// Held from the start of the build to its end; nil for `dinh qr`, which writes inside a site.
    private let lock: OutputLock?

    /// Checks that the target is a sane place to replace, waits for any other build into it, and
    /// prepares the staging folder. `waiting` is told when another build holds the target.
    init(target: URL, content: URL, keepsPrevious: Bool = true, waiting: (SiteMessage) -> Void = { _ in }) throws {
        let target = target.standardizedFileURL
        let content = content.standardizedFileURL.resolvingSymlinksInPath()
        let resolvedTarget = target.resolvingSymlinksInPath()
        func isInside(_ child: URL, _ parent: URL) -> Bool {
            child.path == parent.path || child.path.hasPrefix(parent.path.hasSuffix("/") ? parent.path : parent.path + "/")
        }
        if resolvedTarget.path == "/" || resolvedTarget.path == FileManager.default.homeDirectoryForCurrentUser.path
            || isInside(content, resolvedTarget) || isInside(resolvedTarget, content) {
            // Inside the content (`dinh build .` run in it): beside it is where the site goes.
            let beside = isInside(resolvedTarget, content) && resolvedTarget.path != content.path
                ? content.deletingLastPathComponent().appendingPathComponent(resolvedTarget.lastPathComponent).path : nil
            throw DinhError(SiteMessage.outputOverwritesContent(path: target.path, beside: beside))
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw DinhError(SiteMessage.outputIsFile(path: target.path))
        }
        if keepsPrevious, let stranger = Self.strangerFile(in: target) {
            throw DinhError(SiteMessage.outputHoldsOtherFiles(path: target.path, example: stranger))
        }
        let parent = target.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        lock = keepsPrevious ? try OutputLock(parent, waiting: {
            waiting(.waitingForOtherBuild(folder: target.path))
        }) : nil
        Self.removeStale(beside: target)
        self.target = target
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-dinh-\(ProcessInfo.processInfo.processIdentifier)")
        stagingPath = staging.path
        previous = keepsPrevious ? parent.appendingPathComponent(".\(target.lastPathComponent).dinh-previous") : nil
        try? FileManager.default.removeItem(at: staging)
        // Taking the previous site by renaming it is atomic: of two builds at once, one gets it.
        if let previous, rename(previous.path, staging.path) == 0 {
            reusing = true
            return
        }
        reusing = false
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw DinhError(SiteMessage.cannotCreateFolderIn(path: parent.path, reason: error.localizedDescription))
        }
    }

    /// A file of a folder that is not a website, or nil: a build replaces the whole target, and
    /// an officer who points `--output` at a folder of documents must not lose them. A folder with
    /// an `index.html` at its top is a site (Dinh's, or another tool's being replaced), one with
    /// only `qr/` holds what `dinh qr` wrote; the files a desktop leaves behind do not count.
    private static func strangerFile(in target: URL) -> String? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? [])
            .filter { ![".DS_Store", "Thumbs.db", "desktop.ini"].contains($0) }
        return names.contains("index.html") || names == ["qr"] ? nil : names.sorted().first
    }

    /// Folders left by interrupted builds.
    private static func removeStale(beside target: URL) {
        let parent = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent).tmp-dinh-", oldPrefix = ".\(target.lastPathComponent).old-dinh-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where name.hasPrefix(prefix) || name.hasPrefix(oldPrefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// The path of a file in the staging folder; paths cannot climb out. A new staging folder gets
    /// the file's folder now; a reused one (the previous site) almost always has it already, so
    /// it is only made when writing there fails (`retrying`).
    private func place(_ relative: String) throws -> String {
        guard !relative.hasPrefix("/"), !relative.utf8Contains("..") || !relative.split(separator: "/").contains("..") else {
            throw DinhError(SiteMessage.writeOutside(path: relative))
        }
        record.add(file: relative)
        if !reusing { try makeParent(of: relative) }
        return stagingPath + "/" + relative
    }

    private func makeParent(of relative: String) throws {
        guard let slash = relative.lastIndex(of: "/") else { return }
        let folder = String(relative[..<slash])
        if !record.has(folder: folder) {
            try Self.makeFolder(stagingPath + "/" + folder)
            record.add(folder: folder)
        }
    }

    /// Runs `operation`, and in a reused staging folder runs it again after making the file's
    /// folder and clearing a folder of an older site that stands where the file goes.
    private func retrying(_ relative: String, at path: String, _ operation: () throws -> Void) throws {
        do {
            try operation()
        } catch {
            guard reusing else { throw error }
            try makeParent(of: relative)
            if Self.isFolder(path) { try FileManager.default.removeItem(atPath: path) }
            try operation()
        }
    }

    /// `mkdir -p`, replacing files of an older site that stand where a folder now goes.
    private static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 { return }
        switch errno {
        case EEXIST:
            if isFolder(path) { return }
            unlink(path)
        case ENOENT, ENOTDIR:
            // The parent is missing, or is a file: make it first.
            try makeFolder(String(path[..<path.lastIndex(of: "/")!]))
        default:
            break
        }
        guard mkdir(path, 0o755) == 0 || (errno == EEXIST && isFolder(path)) else {
            throw DinhError(SiteMessage.cannotCreateFolder(path: path, reason: String(cString: strerror(errno))))
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Writes a file at a relative path inside the staging folder.
    func write(_ relative: String, _ bytes: some ContiguousBytes) throws {
        try bytes.withUnsafeBytes { try write(relative, bytes: $0) }
    }

    /// Text is written from its own UTF-8 storage: the placard sheet of 10,000 codes is 55 MB.
    func write(_ relative: String, _ text: String) throws {
        try text.withUTF8Bytes { try write(relative, bytes: UnsafeRawBufferPointer($0)) }
    }

    private func write(_ relative: String, bytes: UnsafeRawBufferPointer) throws {
        let path = try place(relative)
        record.note(relative, ContentHash.xxh64(bytes))
        try reportingFullDisk {
            guard reusing else { return try PlainFile.write(bytes, to: path) }
            try retrying(relative, at: path) { try PlainFile.update(bytes, at: path) }
        }
    }

    /// Files written so far.
    var fileCount: Int { record.fileCount }

    /// Copies a file (media) into the staging folder; returns its bytes.
    @discardableResult
    func copy(_ source: URL, to relative: String) throws -> Data {
        let data = try Data(contentsOf: source.resolvingSymlinksInPath(), options: .mappedIfSafe)
        try write(relative, data)
        return data
    }

    /// Publishes a processed file: a hard link to the cache where the file system allows, else a copy.
    func link(_ source: URL, to relative: String) throws {
        try link(source.path, identity: Self.identity(of: source), to: relative)
    }

    /// Gives a file this build wrote a second name (the same page at another address); it is that
    /// file, as far as the site's fingerprint goes.
    func link(written: String, to relative: String) throws {
        try link(stagingPath + "/" + written, identity: ContentHash.xxh64(Data(("/" + written).utf8)), to: relative)
    }

    private func link(_ source: String, identity: UInt64, to relative: String) throws {
        let path = try place(relative)
        record.note(relative, identity)
        try reportingFullDisk { try retrying(relative, at: path) {
            if Foundation.link(source, path) == 0 { return }
            if errno == EEXIST {
                if Self.sameFile(source, path) { return }
                try FileManager.default.removeItem(atPath: path)
                if Foundation.link(source, path) == 0 { return }
            }
            if errno == ENOENT || errno == ENOTDIR {
                throw DinhError(SiteMessage.cannotPublish(source: source, as: relative, reason: String(cString: strerror(errno))))
            }
            try PlainFile.write(Data(contentsOf: URL(fileURLWithPath: source), options: .mappedIfSafe), to: path)
        } }
    }

    /// A write that failed on a full disk says so in words, with the space the site needs (about
    /// the size of the published one), instead of naming the one file that did not fit.
    private func reportingFullDisk(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            guard let free = Self.freeBytes(at: staging.path), free < 1 << 20 else { throw error }
            let needed = max(Self.bytes(in: target.path), Self.bytes(in: staging.path))
            throw DinhError(SiteMessage.diskFull(folder: target.deletingLastPathComponent().path, free: Self.megabytes(free), needed: Self.megabytes(needed)))
        }
    }

    private static func freeBytes(at path: String) -> UInt64? {
        var status = statvfs()
        guard statvfs(path, &status) == 0 else { return nil }
        return status.f_favail == 0 ? 0 : UInt64(status.f_bavail) * UInt64(status.f_frsize)
    }

    /// Bytes of the files below a folder (0 when there is none).
    private static func bytes(in folder: String) -> UInt64 {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return 0 }
        var total: UInt64 = 0
        while let name = walker.nextObject() as? String {
            if let size = walker.fileAttributes?[.size] as? NSNumber, walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
                total += size.uint64Value
            }
            _ = name
        }
        return total
    }

    private static func megabytes(_ bytes: UInt64) -> String {
        bytes < 1 << 20 ? "\(max(1, bytes >> 10)) KB" : String(format: "%.1f MB", Double(bytes) / Double(1 << 20))
    }

    /// What a linked file is, without reading it: files of the processed-media cache are named by
    /// their content (cache keys, fingerprinted variants).
    private static func identity(of source: URL) -> UInt64 {
        let path = source.path
        if let range = path.range(of: "/.dinh-cache/", options: .backwards) { return ContentHash.xxh64(Data(path[range.upperBound...].utf8)) }
        return (try? Data(contentsOf: source, options: .mappedIfSafe)).map { ContentHash.xxh64($0) } ?? 0
    }

    /// A hash of every file the build has written so far (names and contents): the site's
    /// version, which the service worker carries so that visitors' kept copies follow a new build.
    var fingerprint: String { record.fingerprint }

    private static func sameFile(_ one: String, _ other: String) -> Bool {
        var a = stat(), b = stat()
        return stat(one, &a) == 0 && stat(other, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// Puts the new site in place in one step: the staging folder and the target are exchanged, and
    /// the replaced site is kept for the next build (or removed).
    func commit() throws {
        defer { lock?.release() }
        let fileManager = FileManager.default
        if reusing { Self.removeFiles(in: staging.path, except: record, relative: "") }
        if dinh_exchange(staging.path, target.path) == 0 {
            if let previous, rename(staging.path, previous.path) == 0 { return }
            try? fileManager.removeItem(at: staging)
            return
        }
        switch errno {
        case ENOENT:
            // No site yet: a rename is one step too.
            guard rename(staging.path, target.path) == 0 else {
                throw DinhError(SiteMessage.cannotPutSite(path: target.path, reason: String(cString: strerror(errno))))
            }
            return
        case ENOSYS, EINVAL, ENOTSUP:
            try commitInTwoSteps()  // a kernel or file system that cannot exchange (see the README)
        default:
            throw DinhError(SiteMessage.cannotPutSite(path: target.path, reason: String(cString: strerror(errno))))
        }
    }

    /// Where folders cannot be exchanged: the old site is moved aside, then the new one moved in, so
    /// for an instant the target is missing.
    private func commitInTwoSteps() throws {
        let fileManager = FileManager.default
        let aside = previous ?? target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-dinh-\(ProcessInfo.processInfo.processIdentifier)")
        let hadOld = fileManager.fileExists(atPath: target.path)
        if hadOld {
            try? fileManager.removeItem(at: aside)
            try fileManager.moveItem(at: target, to: aside)
        }
        do {
            try fileManager.moveItem(at: staging, to: target)
        } catch {
            if hadOld { try? fileManager.moveItem(at: aside, to: target) }
            throw DinhError(SiteMessage.cannotPutSite(path: target.path, reason: error.localizedDescription))
        }
        if hadOld && previous == nil { try? fileManager.removeItem(at: aside) }
    }

    /// Drops the staging folder after a failed build (a previous site goes back to being kept,
    /// unless the disk is full: then the space is given back).
    func discard() {
        defer { lock?.release() }
        let diskFull = (Self.freeBytes(at: staging.deletingLastPathComponent().path) ?? .max) < 1 << 20
        if !diskFull, reusing, let previous, rename(staging.path, previous.path) == 0 { return }
        try? FileManager.default.removeItem(at: staging)
        if diskFull, let previous { try? FileManager.default.removeItem(at: previous) }
    }

    /// Removes what a previous site had and this build did not write; returns whether `folder`
    /// is left empty.
    @discardableResult
    private static func removeFiles(in folder: String, except record: OutputRecord, relative: String) -> Bool {
        guard let found = FolderEntries.read(folder) else { return false }
        let entries = found.map { (name: $0.name, isFolder: $0.kind == .folder) }
        let kept = Slots<Bool>(count: entries.count)
        let visit: @Sendable (Int) -> Void = { index in
            let entry = entries[index]
            let path = folder + "/" + entry.name, inside = relative.isEmpty ? entry.name : relative + "/" + entry.name
            if entry.isFolder {
                let empty = removeFiles(in: path, except: record, relative: inside)
                if empty { rmdir(path) }
                kept[index] = !empty
            } else if record.has(file: inside) {
                kept[index] = true
            } else {
                unlink(path)
            }
        }
        // Sections hold a folder per page (tens of thousands for a big catalogue): walk those on all cores.
        if entries.count >= 256 {
            DispatchQueue.concurrentPerform(iterations: entries.count, execute: visit)
        } else {
            entries.indices.forEach(visit)
        }
        return !kept.values.contains { $0 == true }
    }
}

/// The files a build has written and the folders it has made; a class so `OutputFolder` stays a
/// simple value shared by the tasks that write pages.
final class OutputRecord: @unchecked Sendable {
    private var files: Set<String> = []
    private var folders: Set<String> = []
    private var hashes: [String: UInt64] = [:]
    private let lock = NSLock()

    func note(_ file: String, _ hash: UInt64) { lock.withLock { hashes[file] = hash } }
    /// Changes when any file's name or content does: the sum of each file's path hashed with its
    /// content's hash as seed, which needs no sorting of the paths (tens of thousands, at the end
    /// of a build, when the other cores have nothing left to do).
    var fingerprint: String {
        let sum = lock.withLock {
            hashes.reduce(UInt64(0)) { sum, file in
                var path = file.key
                return sum &+ path.withUTF8 { ContentHash.xxh64(UnsafeRawBufferPointer($0), seed: file.value) }
            }
        }
        return ContentHash.hex(sum)
    }

    func add(file: String) { lock.withLock { _ = files.insert(file) } }
    func has(file: String) -> Bool { lock.withLock { files.contains(file) } }
    var fileCount: Int { lock.withLock { files.count } }

    func add(folder: String) { lock.withLock { _ = folders.insert(folder) } }
    func has(folder: String) -> Bool { lock.withLock { folders.contains(folder) } }
}

/// One build at a time into a folder: an exclusive `flock` on the folder that holds the target
/// (no lock file to leave behind), released when the build ends or its process dies (even by
/// SIGKILL), so a crashed build never blocks the next.
final class OutputLock: Sendable {
    private let descriptor: Int32

    init(_ folder: URL, waiting: () -> Void) throws {
        descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DinhError(SiteMessage.cannotOpenFolder(path: folder.path, reason: String(cString: strerror(errno))))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        waiting()
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                close(descriptor)
                throw DinhError(SiteMessage.cannotLock(path: folder.path, reason: String(cString: strerror(errno))))
            }
        }
    }

    /// Lets the next build in (also when this one's value lives on, as in tests).
    func release() { flock(descriptor, LOCK_UN) }

    deinit { close(descriptor) }
}
