import DinhTestSupport
import Foundation
import Testing

/// A damaged processed-media cache (issue 13): a photo variant or a panorama tile cut short (a full
/// disk, a killed build) or changed in place is found, made again, and the site gets the right
/// bytes, never the damaged ones. Published files are hard links to the cache, so damage done in
/// place reaches the published copy too: the rebuild must replace it.
@Suite struct DamagedCacheTests {
    let fixture: SiteFixture

    init() throws {
        fixture = try SiteFixture()
        let folder = fixture.content.appendingPathComponent("heritage/quan-phuong-tri").path
        // Photo-like content (noise), so every variant and tile has real bytes to damage.
        for (name, size) in [("cong.jpg", "1200x800"), ("p.jpg", "1024x512")] {
            let made = try Tools.run("/usr/bin/convert", ["-size", size, "-seed", "7", "plasma:fractal", "\(folder)/\(name)"])
            #expect(made.status == 0, "\(made.stderr)")
        }
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "---\nLịch sử", with: "gallery: [cong.jpg]\nscenes:\n  - {id: a, title: A, panorama: p.jpg}\n---\nLịch sử"))
    }

    var output: URL { fixture.directory.file("public") }
    var cache: URL { fixture.content.appendingPathComponent(".dinh-cache") }

    @discardableResult
    func build() throws -> ProcessResult {
        let result = try fixture.dinh("build", "content", "--output", "public", "--quiet")
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    /// Regular files below a cache folder whose names end with `suffix`, sorted.
    func cached(_ folder: String, _ suffix: String) -> [URL] {
        let root = cache.appendingPathComponent(folder)
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        // Not the folders a build tiles into before renaming them into place (`.<key>.<uuid>`).
        return (walker?.allObjects as? [URL] ?? []).filter { $0.lastPathComponent.hasSuffix(suffix) && !$0.path.dropFirst(root.path.count).contains("/.") }
            .sorted { $0.path < $1.path }
    }

    /// Cuts a file short in place (same inode: the published hard link is cut too).
    func truncate(_ file: URL, to size: Int) throws {
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
    }

    /// Changes a few bytes in the middle in place, keeping the size.
    func alter(_ file: URL) throws {
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        let handle = try FileHandle(forUpdating: file)
        try handle.seek(toOffset: UInt64(size / 2))
        let old = try #require(try handle.read(upToCount: 4))
        try handle.seek(toOffset: UInt64(size / 2))
        try handle.write(contentsOf: Data(old.map { ~$0 }))
        try handle.close()
    }

    func damagedFiles(_ before: [String: Data]) -> [String] {
        let after = Tools.tree(output)
        return before.keys.filter { after[$0] != before[$0] }.sorted()
    }

    @Test func photoVariantsCutShortOrChangedAreMadeAgain() throws {
        try build()
        let before = Tools.tree(output)
        let variants = cached("images", ".jpg")
        try #require(variants.count >= 2, "\(variants)")
        try truncate(variants[0], to: 100)
        try alter(variants[1])
        #expect(damagedFiles(before).count == 2, "the damage reached the published links")
        try build()
        #expect(damagedFiles(before).isEmpty, "the published photos are the right bytes again")
        // And the cache is whole again: a further build from it publishes the same bytes.
        #expect(try Data(contentsOf: variants[0]).count > 100)
        try build()
        #expect(damagedFiles(before).isEmpty)
    }

    @Test func aChangedPhotoManifestIsNotTrusted() throws {
        try build()
        let before = Tools.tree(output)
        let manifest = try #require(cached("images", "variants.txt").first { (try? String(contentsOf: $0, encoding: .utf8))?.contains("source 1200 800") == true })
        let text = try String(contentsOf: manifest, encoding: .utf8)
        // The recorded size of the source: pages would say the wrong dimensions.
        try text.replacingOccurrences(of: "source 1200 800", with: "source 1300 800").write(to: manifest, atomically: false, encoding: .utf8)
        try build()
        #expect(damagedFiles(before).isEmpty)
        #expect(try String(contentsOf: manifest, encoding: .utf8).contains("source 1200 800"))
    }

    @Test func panoramaTilesCutShortOrChangedAreTiledAgain() throws {
        try build()
        let before = Tools.tree(output)
        let tiles = cached("tiles", ".jpg")
        try #require(tiles.count >= 7, "\(tiles.map(\.lastPathComponent))")
        try truncate(tiles[0], to: 0)
        try alter(tiles[tiles.count / 2])
        try alter(tiles[tiles.count - 1])
        #expect(damagedFiles(before).count == 3, "the damage reached the published links")
        try build()
        #expect(damagedFiles(before).isEmpty, "every tile is the right bytes again: \(damagedFiles(before))")
        try build()
        #expect(damagedFiles(before).isEmpty)
    }

    @Test func aMissingTileOrManifestIsTiledAgain() throws {
        try build()
        let before = Tools.tree(output)
        let tiles = cached("tiles", ".jpg")
        try #require(tiles.count >= 3)
        try FileManager.default.removeItem(at: tiles[1])
        try build()
        #expect(damagedFiles(before).isEmpty)
        #expect(FileManager.default.fileExists(atPath: tiles[1].path), "the cache is whole again")
        let manifest = try #require(cached("tiles", "tiles.txt").first)
        try FileManager.default.removeItem(at: manifest)
        try alter(tiles[2])
        try build()
        #expect(damagedFiles(before).isEmpty)
    }

    @Test func anUndamagedCacheIsUsedAsItIs() throws {
        try build()
        let manifests = cached("tiles", "tiles.txt") + cached("images", "variants.txt")
        let stamps = try manifests.map { try FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date }
        let result = try fixture.dinh("build", "content", "--output", "public")
        #expect(result.stdout.contains("images: 0 processed, 2 from the cache"), "\(result.stdout)")
        #expect(try manifests.map { try FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date } == stamps,
                "nothing made again")
    }
}
