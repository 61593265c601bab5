import DinhTestSupport
import Foundation
import Testing
@testable import DinhSite

/// The output folder: atomic replacement, and the previous site rewritten in place by the next build.
@Suite struct OutputFolderTests {
    let directory: TemporaryDirectory
    var target: URL { directory.file("public") }
    var previous: URL { directory.file(".public.dinh-previous") }
    var content: URL { directory.file("content") }

    init() throws {
        directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
    }

    /// One build: the files given, then commit.
    @discardableResult
    func build(_ files: [String: String]) throws -> OutputFolder {
        let output = try OutputFolder(target: target, content: content)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) { try output.write(path, text) }
        try output.commit()
        return output
    }

    func inode(_ url: URL) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? UInt64) ?? nil
    }

    func text(_ tree: [String: Data]) -> [String: String] { tree.mapValues { String(decoding: $0, as: UTF8.self) } }

    @Test func eachBuildLeavesExactlyItsFilesWhateverThePreviousSiteHeld() throws {
        let first = ["index.html": "one", "a/index.html": "A", "a/b/index.html": "B", "stale.txt": "x", "swap": "file"]
        let second = ["index.html": "two", "a/index.html": "A", "c/index.html": "C", "swap/inside.txt": "folder"]
        let third = ["index.html": "three", "a/index.html": "A longer text", "swap": "file again", "d/e/f.txt": "deep"]
        try build(first)
        #expect(text(Tools.tree(target)) == first)
        try build(second)
        #expect(text(Tools.tree(target)) == second)
        #expect(text(Tools.tree(previous)) == first, "the replaced site is kept beside the output")
        let reused = try build(third)
        #expect(reused.reusing)
        #expect(text(Tools.tree(target)) == third, "files of older sites are gone and changed ones rewritten")
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("a/b").path), "emptied folders go too")
        #expect(text(Tools.tree(previous)) == second)
        // Two more builds: the fifth rewrites the third's site, where `swap` is a file and now a folder.
        try build(["index.html": "four"])
        let fifth = try build(second)
        #expect(fifth.reusing)
        #expect(text(Tools.tree(target)) == second)
    }

    @Test func unchangedFilesKeepTheirInodes() throws {
        let site = ["index.html": "same", "q/DP01/index.html": "landing"]
        try build(site)
        let original = inode(target.appendingPathComponent("q/DP01/index.html"))
        try build(site)
        try build(site)
        #expect(original != nil)
        #expect(inode(target.appendingPathComponent("q/DP01/index.html")) == original, "the third build rewrote the first one's files in place")
    }

    @Test func aFailedBuildLeavesTheSiteAndKeepsThePreviousOneForLater() throws {
        try build(["index.html": "one"])
        try build(["index.html": "two"])
        let failed = try OutputFolder(target: target, content: content)
        try failed.write("index.html", "half-written")
        try failed.write("new/index.html", "never published")
        failed.discard()
        #expect(text(Tools.tree(target)) == ["index.html": "two"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("tmp-dinh") }
        #expect(leftovers.isEmpty)
        try build(["index.html": "three"])
        #expect(text(Tools.tree(target)) == ["index.html": "three"], "the next build drops what the failed one wrote")
    }

    @Test func linkedFilesArePublishedAndReplacedWhenTheirSourceChanges() throws {
        let cache = try directory.write("cache/tile.jpg", "first tile")
        let output = try OutputFolder(target: target, content: content)
        try output.link(cache, to: "tiles/0.jpg")
        try output.write("index.html", "site")
        try output.commit()
        try build(["index.html": "site"])
        try FileManager.default.removeItem(at: cache)
        try directory.write("cache/tile.jpg", "second tile")
        let again = try OutputFolder(target: target, content: content)
        #expect(again.reusing)
        try again.link(cache, to: "tiles/0.jpg")
        try again.write("index.html", "site")
        try again.commit()
        #expect(text(Tools.tree(target)) == ["index.html": "site", "tiles/0.jpg": "second tile"])
    }

    @Test func rewritingAFileLinkedFromTheCacheLeavesTheCacheAlone() throws {
        let cache = try directory.write("cache/qr.png", "drawn once")
        let first = try OutputFolder(target: target, content: content)
        try first.link(cache, to: "qr/DP01.png")
        try first.write("index.html", "site")
        try first.commit()
        try build(["index.html": "site"])
        try build(["index.html": "site", "qr/DP01.png": "drawn again"])
        #expect(text(Tools.tree(target)) == ["index.html": "site", "qr/DP01.png": "drawn again"])
        #expect(try String(contentsOf: cache, encoding: .utf8) == "drawn once")
    }

    @Test func pathsCannotClimbOut() throws {
        let output = try OutputFolder(target: target, content: content)
        #expect(throws: (any Error).self) { try output.write("../escape.txt", "x") }
        #expect(throws: (any Error).self) { try output.write("/etc/escape.txt", "x") }
        output.discard()
    }
}
