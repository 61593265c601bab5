import DinhTestSupport
import Foundation
import Testing

/// The published folder as a web server sees it while builds run: always the whole old site or
/// the whole new one (output contract 1.1), whatever happens to the builds.
@Suite(.serialized) struct PublishTests {
    let fixture: SiteFixture
    init() throws { fixture = try SiteFixture() }
    var output: URL { fixture.directory.file("public") }

    /// The relic's summary, changed between builds so each build publishes a different site.
    func setVersion(_ version: Int) throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "Quán Đạo giáo cổ bên đầm Phượng Trì.", with: "Quán Đạo giáo cổ bên đầm Phượng Trì, bản \(version)."))
    }

    func build(_ folder: String = "public") throws -> ProcessResult {
        try fixture.dinh("build", "content", "--output", folder, "--quiet")
    }

    /// Names left beside the output by builds (staging folders); the kept previous site and the lock are expected.
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path)
            .filter { $0.contains("tmp-dinh") || $0.contains("old-dinh") }
    }

    @Test func aReaderNeverFindsTheSiteMissingDuring50Rebuilds() throws {
        try setVersion(0)
        #expect(try build().status == 0)
        let index = output.appendingPathComponent("index.html").path
        let stop = Flag(), reads = Counter(), failures = Counter()
        let reader = Thread {
            while !stop.isSet {
                let descriptor = open(index, O_RDONLY)
                if descriptor >= 0 { close(descriptor) } else { failures.add() }
                reads.add()
            }
        }
        reader.start()
        for version in 1...50 {
            try setVersion(version)
            let result = try build()
            #expect(result.status == 0, "\(result.stderr)")
        }
        stop.set()
        while !reader.isFinished { usleep(1000) }
        #expect(reads.value > 1000, "the reader kept reading: \(reads.value)")
        #expect(failures.value == 0, "\(failures.value) of \(reads.value) opens of index.html failed")
        let page = try String(contentsOf: output.appendingPathComponent("heritage/quan-phuong-tri/index.html"), encoding: .utf8)
        #expect(page.contains("bản 50."))
    }

    @Test func aBuildKilledAtAnyMomentLeavesTheOldSiteOrTheNewOne() throws {
        try setVersion(1)
        #expect(try build("old").status == 0)
        try setVersion(2)
        #expect(try build("new").status == 0)
        let old = Tools.tree(fixture.directory.file("old")), new = Tools.tree(fixture.directory.file("new"))
        #expect(old != new)
        var outcomes: [String: Int] = [:]
        for round in 0..<15 {
            try setVersion(1)
            #expect(try build().status == 0)
            try setVersion(2)
            let process = Process()
            process.executableURL = Tools.dinhBinary
            process.arguments = ["build", "content", "--output", "public", "--quiet"]
            process.currentDirectoryURL = fixture.directory.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...250_000) + UInt32(round) * 3_000)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = Tools.tree(output)
            let outcome = now == old ? "old" : now == new ? "new" : "mixed"
            outcomes[outcome, default: 0] += 1
            #expect(outcome != "mixed", "round \(round): the published folder is neither the old nor the new site")
            let next = try build()
            #expect(next.status == 0, "the build after a kill succeeds: \(next.stderr)")
            #expect(Tools.tree(output) == new)
        }
        let left = try leftovers()
        #expect(left.isEmpty, "\(left)")
        print("killed builds left: \(outcomes)")
    }

    @Test func twoBuildsAtOnceTakeTurnsAndNeverMix() throws {
        try setVersion(1)
        #expect(try build("one").status == 0)
        try setVersion(2)
        #expect(try build("two").status == 0)
        let one = Tools.tree(fixture.directory.file("one")), two = Tools.tree(fixture.directory.file("two"))
        for _ in 0..<4 {
            // Two content folders, one output: a cron build and a manual one.
            try? FileManager.default.removeItem(at: fixture.directory.file("content2"))
            try FileManager.default.copyItem(at: fixture.content, to: fixture.directory.file("content2"))
            try setVersion(1)
            let first = Process(), second = Process()
            for (process, content) in [(first, "content"), (second, "content2")] {
                process.executableURL = Tools.dinhBinary
                process.arguments = ["build", content, "--output", "public", "--quiet"]
                process.currentDirectoryURL = fixture.directory.url
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
            }
            try first.run()
            try second.run()
            first.waitUntilExit()
            second.waitUntilExit()
            #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
            let now = Tools.tree(output)
            #expect(now == one || now == two, "the output is one build's site, not a mix")
        }
        let left = try leftovers()
        #expect(left.isEmpty, "\(left)")
    }

    /// A disk that fills during a build (a 1 MB tmpfs): exit 1, a message naming the folder and the
    /// space needed, the published site byte-identical, and no staging folder left.
    @Test func aFullDiskLeavesThePublishedSiteAndSaysWhatIsNeeded() throws {
        let disk = fixture.directory.file("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try Tools.run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.path])
        try #require(mount.status == 0, "the test mounts a small tmpfs and needs root: \(mount.stderr)")
        defer { _ = try? Tools.run("/bin/umount", [disk.path]) }
        let site = disk.appendingPathComponent("public")
        let first = try fixture.dinh("build", "content", "--output", site.path, "--quiet")
        #expect(first.status == 0, "the small site fits: \(first.stderr)")
        let before = Tools.tree(site)
        // A 2 MB clip (random bytes after an MP4 header) does not fit in what is left.
        var clip = Data([0, 0, 0, 0x18] + Array("ftypmp42".utf8))
        clip.append(Data((0..<(2 << 20)).map { _ in UInt8.random(in: 0...255) }))
        try fixture.write("heritage/quan-phuong-tri/le-hoi.mp4", data: clip)
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "geo:", with: "videos:\n  - file: le-hoi.mp4\ngeo:"))
        let full = try fixture.dinh("build", "content", "--output", site.path, "--quiet")
        #expect(full.status == 1, "\(full.stderr)")
        #expect(full.stderr.contains("the disk holding \(disk.path) is full"), "\(full.stderr)")
        #expect(full.stderr.contains("the site needs about"), "\(full.stderr)")
        #expect(Tools.tree(site) == before, "the published site is byte-identical")
        let beside = try FileManager.default.contentsOfDirectory(atPath: disk.path).filter { $0.contains("tmp-dinh") || $0.contains("previous") }
        #expect(beside.isEmpty, "no staging folder is left: \(beside)")
    }
}

final class Flag: @unchecked Sendable {
    private var value = false
    private let lock = NSLock()
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
