import DinhTestSupport
@testable import DinhPanorama
import Foundation
import Testing

/// The tile cache's manifest: a damaged tile is never trusted, and an undamaged folder is checked
/// by sizes and times alone once they are old enough to be told from a change.
@Suite struct TileCacheTests {
    let folder: TemporaryDirectory
    let layout = PanoramaLayout(sourceWidth: 2000)

    init() throws {
        folder = try TemporaryDirectory("dinh-tiles")
        for (index, path) in TileCache.files(layout).enumerated() {
            try folder.write(path, Data((0..<(3000 + index * 100)).map { UInt8(truncatingIfNeeded: $0 * 31 + index) }))
        }
    }

    var manifest: String { folder.file(TileCache.manifestName).path }
    var tiles: [String] { TileCache.files(layout).map { folder.file($0).path } }

    /// Sets a file's modification time `seconds` from now.
    func date(_ path: String, _ seconds: Int) {
        var times = [timespec(tv_sec: time(nil) + seconds, tv_nsec: 0), timespec(tv_sec: time(nil) + seconds, tv_nsec: 0)]
        utimensat(AT_FDCWD, path, &times, 0)
    }

    func modified(_ path: String) -> Int64 { TileCache.modificationTime(path) ?? -1 }

    /// Sealed with tiles a minute old: their times are then trusted.
    func sealAged() throws {
        for tile in tiles { date(tile, -60) }
        try TileCache.seal(folder.url, layout: layout)
    }

    /// Changes a byte in the middle, keeping the size (and the time, when asked).
    func alter(_ path: String, keepingTime: Bool = false) throws {
        let before = modified(path)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: path))
        if keepingTime {
            var times = [timespec(tv_sec: Int(before / 1_000_000_000), tv_nsec: Int(before % 1_000_000_000)),
                         timespec(tv_sec: Int(before / 1_000_000_000), tv_nsec: Int(before % 1_000_000_000))]
            utimensat(AT_FDCWD, path, &times, 0)
        }
    }

    @Test func aSealedFolderIsIntactAndEveryKindOfDamageIsFound() throws {
        try TileCache.seal(folder.url, layout: layout)
        #expect(TileCache.isIntact(folder.url, layout: layout))
        #expect(!TileCache.isIntact(folder.url, layout: PanoramaLayout(sourceWidth: 4096)), "another layout's files")
        try alter(tiles[3])
        #expect(!TileCache.isIntact(folder.url, layout: layout), "changed in place")
        try alter(tiles[3])
        #expect(TileCache.isIntact(folder.url, layout: layout), "changed back")
        try FileHandle(forWritingTo: URL(fileURLWithPath: tiles[1])).truncate(atOffset: 10)
        #expect(!TileCache.isIntact(folder.url, layout: layout), "cut short")
    }

    @Test func aChangeRightAfterSealingIsFoundEvenWithTheSameTime() throws {
        // Written and changed in the same moment: the recorded time cannot tell, so it is hashed.
        try TileCache.seal(folder.url, layout: layout)
        try alter(tiles[2], keepingTime: true)
        #expect(!TileCache.isIntact(folder.url, layout: layout))
    }

    @Test func aChangedManifestIsNotTrusted() throws {
        try TileCache.seal(folder.url, layout: layout)
        var text = try String(contentsOfFile: manifest, encoding: .utf8)
        text = text.replacingOccurrences(of: " 3000 ", with: " 3001 ")
        try text.write(toFile: manifest, atomically: false, encoding: .utf8)
        #expect(!TileCache.isIntact(folder.url, layout: layout))
        try FileManager.default.removeItem(atPath: manifest)
        #expect(!TileCache.isIntact(folder.url, layout: layout))
    }

    @Test func oldTilesAreTrustedByTheirTimesAndAnyWriteIsSeen() throws {
        try sealAged()
        #expect(TileCache.isIntact(folder.url, layout: layout))
        // A program writing a tile gives it a new time: read, hashed, found.
        try alter(tiles[4])
        #expect(!TileCache.isIntact(folder.url, layout: layout))
        try alter(tiles[4])
        // The cheap check's limit, as for git's index: bytes changed with the old time put back
        // by hand, at the same size, are not read.
        try alter(tiles[5], keepingTime: true)
        #expect(TileCache.isIntact(folder.url, layout: layout))
    }

    @Test func aFolderCopiedWithNewTimesIsHashedOnceThenRecordedAgain() throws {
        try sealAged()
        for tile in tiles { date(tile, -30) }
        let before = try String(contentsOfFile: manifest, encoding: .utf8)
        #expect(TileCache.isIntact(folder.url, layout: layout))
        let after = try String(contentsOfFile: manifest, encoding: .utf8)
        #expect(after != before, "the new times are recorded")
        #expect(after.split(separator: "\n").dropFirst().first?.split(separator: " ").prefix(3) == before.split(separator: "\n").dropFirst().first?.split(separator: " ").prefix(3))
        #expect(TileCache.isIntact(folder.url, layout: layout))
    }

    @Test func aManifestWrittenWithItsTilesIsDatedOnceTheyAreOld() throws {
        // Sealed just now with tiles a minute old in its records, then dated back as if sealed then.
        try sealAged()
        date(manifest, -59)
        let dated = modified(manifest)
        #expect(TileCache.isIntact(folder.url, layout: layout), "racy: every tile hashed")
        #expect(modified(manifest) > dated, "dated now: the next check trusts the times")
    }
}
