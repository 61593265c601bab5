import DinhCore
import Foundation

/// Where a build writes: a temporary folder beside the target, swapped in only when the whole
/// build succeeded, so a failed or interrupted build leaves the previous site exactly as it was.
struct OutputFolder: Sendable {
    let target: URL
    let staging: URL
    private var fileManager: FileManager { .default }
    /// Folders already made, so each file costs one system call, not a walk up its path.
    private let folders = FolderSet()

    /// Checks that the target is a sane place to replace, and creates the staging folder.
    init(target: URL, content: URL) throws {
        let target = target.standardizedFileURL
        let content = content.standardizedFileURL.resolvingSymlinksInPath()
        let resolvedTarget = target.resolvingSymlinksInPath()
        func isInside(_ child: URL, _ parent: URL) -> Bool {
            child.path == parent.path || child.path.hasPrefix(parent.path.hasSuffix("/") ? parent.path : parent.path + "/")
        }
        if resolvedTarget.path == "/" || resolvedTarget.path == FileManager.default.homeDirectoryForCurrentUser.path
            || isInside(content, resolvedTarget) || isInside(resolvedTarget, content) {
            throw DinhError("the output folder \(target.path) would overwrite the content or a system folder; choose another --output folder")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw DinhError("the output \(target.path) is a file, not a folder; choose another --output folder")
        }
        let parent = target.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        Self.removeStale(beside: target)
        self.target = target
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-dinh-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw DinhError("cannot create a folder in \(parent.path): \(error.localizedDescription)")
        }
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

    /// The place of a file in the staging folder, with its folder made; paths cannot climb out.
    private func place(_ relative: String) throws -> URL {
        guard !relative.hasPrefix("/"), !relative.split(separator: "/").contains("..") else {
            throw DinhError("refusing to write \(relative) outside the output folder")
        }
        let url = staging.appendingPathComponent(relative)
        let folder = url.deletingLastPathComponent().path
        if !folders.contains(folder) {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            folders.insert(folder)
        }
        return url
    }

    /// Writes a file at a relative path inside the staging folder.
    func write(_ relative: String, _ data: Data) throws {
        try PlainFile.write(data, to: place(relative).path)
        folders.countFile()
    }

    func write(_ relative: String, _ text: String) throws { try write(relative, Data(text.utf8)) }

    /// Files written so far.
    var fileCount: Int { folders.files }

    /// Copies a file (media) into the staging folder.
    func copy(_ source: URL, to relative: String) throws {
        let url = try place(relative)
        if fileManager.fileExists(atPath: url.path) { try fileManager.removeItem(at: url) }
        try fileManager.copyItem(at: source.resolvingSymlinksInPath(), to: url)
        folders.countFile()
    }

    /// Publishes a processed file: a hard link to the cache where the file system allows, else a copy.
    func link(_ source: URL, to relative: String) throws {
        let url = try place(relative)
        if fileManager.fileExists(atPath: url.path) { return }
        folders.countFile()
        if Foundation.link(source.path, url.path) == 0 { return }
        try fileManager.copyItem(at: source, to: url)
    }

    /// Puts the new site in place: the old one is moved aside first, then removed.
    func commit() throws {
        let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).old-dinh-\(ProcessInfo.processInfo.processIdentifier)")
        let hadOld = fileManager.fileExists(atPath: target.path)
        if hadOld { try fileManager.moveItem(at: target, to: old) }
        do {
            try fileManager.moveItem(at: staging, to: target)
        } catch {
            if hadOld { try? fileManager.moveItem(at: old, to: target) }
            throw DinhError("cannot put the new site in \(target.path): \(error.localizedDescription)")
        }
        if hadOld { try? fileManager.removeItem(at: old) }
    }

    /// Drops the staging folder after a failed build.
    func discard() { try? fileManager.removeItem(at: staging) }
}

/// The set of folders a build has created; a class so `OutputFolder` stays a simple value.
final class FolderSet: @unchecked Sendable {
    private var paths: Set<String> = []
    private var written = 0
    private let lock = NSLock()

    func countFile() { lock.withLock { written += 1 } }
    var files: Int { lock.withLock { written } }

    func contains(_ path: String) -> Bool { lock.withLock { paths.contains(path) } }
    func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
}
