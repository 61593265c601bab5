import DinhImaging
import DinhTestSupport
@testable import DinhPanorama
import Foundation
import Synchronization
import Testing

/// The colour of a direction: RGB = 127.5 · (1 + x, 1 + y, 1 + z) of the unit vector, smooth
/// everywhere on the sphere (poles included), so any misplaced or misoriented pixel shows.
func colour(x: Double, y: Double, z: Double) -> (Double, Double, Double) {
    let n = (x * x + y * y + z * z).squareRoot()
    return (127.5 * (1 + x / n), 127.5 * (1 + y / n), 127.5 * (1 + z / n))
}

/// An equirectangular image of `colour`, in the documented conventions.
func syntheticPanorama(width: Int) -> PixelImage {
    let height = width / 2
    var image = PixelImage(width: width, height: height, channels: 3)
    for row in 0..<height {
        let pitch = (0.5 - (Double(row) + 0.5) / Double(height)) * Double.pi
        for col in 0..<width {
            let yaw = ((Double(col) + 0.5) / Double(width) - 0.5) * 2 * Double.pi
            let c = colour(x: cos(pitch) * sin(yaw), y: sin(pitch), z: -cos(pitch) * cos(yaw))
            let o = (row * width + col) * 3
            image.pixels[o] = UInt8(c.0.rounded()); image.pixels[o + 1] = UInt8(c.1.rounded()); image.pixels[o + 2] = UInt8(c.2.rounded())
        }
    }
    return image
}

final class Collector: Sendable {
    let files = Mutex<[PanoramaFile: PixelImage]>([:])
    var sink: PanoramaTiler.Sink { { file, image in self.files.withLock { $0[file] = image } } }
    var all: [PanoramaFile: PixelImage] { files.withLock { $0 } }
}

@Suite struct LayoutTests {
    @Test func faceSizeIsATileMultipleNearWidthOverPi() {
        #expect(PanoramaLayout(sourceWidth: 8192).levels.map(\.faceSize) == [512, 1024, 1536, 2560])
        #expect(PanoramaLayout(sourceWidth: 4096).levels.map(\.faceSize) == [512, 1024, 1536])
        #expect(PanoramaLayout(sourceWidth: 2000).levels.map(\.faceSize) == [512])
        let capped = PanoramaLayout(sourceWidth: 30000, options: PanoramaOptions(maxFaceSize: 4096))
        #expect(capped.levels.map(\.tilesPerSide) == [1, 2, 4, 8])
        for width in stride(from: 1700, through: 20000, by: 333) {
            let layout = PanoramaLayout(sourceWidth: width)
            #expect(layout.levels.allSatisfy { $0.faceSize == $0.tilesPerSide * 512 })
            #expect(layout.levels[0].tilesPerSide == 1)
            #expect(abs(Double(layout.faceSize) - Double(width) / .pi) <= 256)
            #expect(zip(layout.levels, layout.levels.dropFirst()).allSatisfy { $1.tilesPerSide == 2 * $0.tilesPerSide || $1.tilesPerSide == 2 * $0.tilesPerSide - 1 })
        }
    }

    @Test func smallSourceGetsOneSmallTile() {
        let layout = PanoramaLayout(sourceWidth: 600)
        #expect(layout.levels.map(\.faceSize) == [192])
        #expect(layout.tileSize == 192)
        #expect(layout.tiles.map(\.path) == ["0/f0_0.jpg", "0/r0_0.jpg", "0/b0_0.jpg", "0/l0_0.jpg", "0/u0_0.jpg", "0/d0_0.jpg"])
    }

    @Test func rejectsWhatIsNotEquirectangular() async {
        await #expect(throws: PanoramaError.self) {
            try await PanoramaTiler().tile(PixelImage(width: 300, height: 200), sink: { _, _ in })
        }
        await #expect(throws: PanoramaError.self) {
            try await PanoramaTiler().tile(PixelImage(width: 100, height: 50), sink: { _, _ in })
        }
    }
}

@Suite struct SeamTests {
    static let options = PanoramaOptions(tileSize: 64, previewFaceSize: 32)

    /// Tiles the synthetic panorama once (shared by the tests below).
    static let tiled = Task { () throws -> (PanoramaLayout, [PanoramaFile: PixelImage]) in
        let collector = Collector()
        let layout = try await PanoramaTiler(options: options).tile(syntheticPanorama(width: 1024), sink: collector.sink)
        return (layout, collector.all)
    }

    /// Largest difference (in 1/255) between a face's pixels and the colour of their directions.
    static func maxError(level: Int, face: CubeFace, only: ((Int, Int, Int) -> Bool)? = nil) async throws -> Double {
        let (layout, files) = try await tiled.value
        let l = layout.levels[level], t = layout.tileSize
        var worst = 0.0
        for row in 0..<l.tilesPerSide {
            for column in 0..<l.tilesPerSide {
                guard let tile = files[.tile(TileID(level: level, face: face, row: row, column: column))] else {
                    Issue.record("missing tile"); return 999
                }
                #expect(tile.width == t && tile.height == t && tile.channels == 3)
                for y in 0..<t {
                    for x in 0..<t {
                        let fx = column * t + x, fy = row * t + y
                        if let only, !only(fx, fy, l.faceSize) { continue }
                        let a = (Double(fx) + 0.5) / Double(l.faceSize) * 2 - 1
                        let b = (Double(fy) + 0.5) / Double(l.faceSize) * 2 - 1
                        let d = face.direction(a: a, b: b)
                        let want = colour(x: d.x, y: d.y, z: d.z)
                        let o = (y * t + x) * 3
                        worst = max(worst, abs(Double(tile.pixels[o]) - want.0), abs(Double(tile.pixels[o + 1]) - want.1),
                                    abs(Double(tile.pixels[o + 2]) - want.2))
                    }
                }
            }
        }
        return worst
    }

    @Test func layoutOfTheTestPanorama() async throws {
        let (layout, files) = try await Self.tiled.value
        #expect(layout.levels.map(\.faceSize) == [64, 128, 192, 320])
        #expect(files.count == layout.tiles.count + 1)
        #expect(Set(files.keys) == Set(layout.tiles.map { PanoramaFile.tile($0) } + [.preview]))
    }

    @Test(arguments: CubeFace.allCases)
    func edgesAndCornersMatchTheDirection(face: CubeFace) async throws {
        let edge: (Int, Int, Int) -> Bool = { x, y, n in x < 2 || y < 2 || x >= n - 2 || y >= n - 2 }
        let top = try await Self.tiled.value.0.levels.count - 1
        let edgeError = try await Self.maxError(level: top, face: face, only: edge)
        #expect(edgeError <= 3, "face \(face.rawValue) edges off by \(edgeError)/255")
        let corner: (Int, Int, Int) -> Bool = { x, y, n in (x == 0 || x == n - 1) && (y == 0 || y == n - 1) }
        let cornerError = try await Self.maxError(level: top, face: face, only: corner)
        #expect(cornerError <= 3)
    }

    @Test(arguments: CubeFace.allCases)
    func everyLevelMatchesTheDirection(face: CubeFace) async throws {
        for level in 0..<(try await Self.tiled.value.0.levels.count) {
            let error = try await Self.maxError(level: level, face: face)
            #expect(error <= 3, "face \(face.rawValue) level \(level) off by \(error)/255")
        }
    }

    @Test func previewStripHoldsTheFacesInOrder() async throws {
        let strip = try #require(try await Self.tiled.value.1[.preview])
        #expect(strip.width == 32 * 6 && strip.height == 32)
        for (index, face) in CubeFace.stripOrder.enumerated() {
            let o = (16 * strip.width + index * 32 + 16) * 3
            let d = face.direction(a: 1.0 / 32, b: 1.0 / 32)
            let want = colour(x: d.x, y: d.y, z: d.z)
            #expect(abs(Double(strip.pixels[o]) - want.0) <= 4 && abs(Double(strip.pixels[o + 2]) - want.2) <= 4)
        }
    }
}

@Suite struct DescriptionTests {
    @Test func sceneJSONIsStableAndEscaped() {
        let scene = SceneDescription(
            id: "san-trong", title: "Sân trong <1>", base: "pano/san-trong/", layout: PanoramaLayout(sourceWidth: 8192),
            view: .init(yaw: 12.5, pitch: -3, fov: 90), north: 0,
            hotspots: [.init(yaw: 135, pitch: -4, target: .scene(id: "hau-cung", label: "Vào hậu cung")),
                       .init(yaw: 40, pitch: 12, target: .text("Hoành phi \"XIX\"</script>"))])
        let expected = #"{"id":"san-trong","title":"Sân trong \u003c1\u003e","base":"pano/san-trong/","tileSize":512,"levels":[512,1024,1536,2560],"preview":96,"view":{"yaw":12.5,"pitch":-3,"fov":90},"north":0,"hotspots":[{"yaw":135,"pitch":-4,"scene":"hau-cung","label":"Vào hậu cung"},{"yaw":40,"pitch":12,"text":"Hoành phi \"XIX\"\u003c/script\u003e"}]}"#
        #expect(scene.json == expected)
        let tour = TourDescription(scenes: [scene, scene], strings: ["gyro": "Con quay", "close": "Đóng"])
        #expect(tour.json == tour.json)
        #expect(tour.json.hasPrefix(#"{"scenes":[{"id":"san-trong""#))
        #expect(tour.json.hasSuffix(#"],"strings":{"close":"Đóng","gyro":"Con quay"}}"#))
        let parsed = try? JSONSerialization.jsonObject(with: Data(tour.json.utf8)) as? [String: Any]
        #expect((parsed?["scenes"] as? [Any])?.count == 2)
    }

    @Test func cacheKeyFollowsBytesAndOptions() {
        let bytes = Data([1, 2, 3])
        let tiler = PanoramaTiler()
        #expect(tiler.cacheKey(sourceBytes: bytes, encoder: "q80") == tiler.cacheKey(sourceBytes: bytes, encoder: "q80"))
        #expect(tiler.cacheKey(sourceBytes: bytes, encoder: "q80") != tiler.cacheKey(sourceBytes: bytes, encoder: "q85"))
        #expect(tiler.cacheKey(sourceBytes: bytes, encoder: "q80") != PanoramaTiler(options: .init(tileSize: 256)).cacheKey(sourceBytes: bytes, encoder: "q80"))
        #expect(tiler.cacheKey(sourceBytes: bytes, encoder: "q80") != tiler.cacheKey(sourceBytes: Data([1, 2, 4]), encoder: "q80"))
    }
}

@Suite struct InputTests {
    @Test func rgbaAndSmallSourcesTile() async throws {
        // 256×128 RGBA: one level of one 80-px tile per face (256/π ≈ 81 → multiple of 16).
        var rgba = PixelImage(width: 256, height: 128, channels: 4, filledWith: 200)
        for i in stride(from: 3, to: rgba.pixels.count, by: 4) { rgba.pixels[i] = 0 }
        let collector = Collector()
        let layout = try await PanoramaTiler().tile(rgba, sink: collector.sink)
        #expect(layout.levels.map(\.faceSize) == [80] && layout.tileSize == 80)
        let files = collector.all
        #expect(files.count == 7)
        for (_, image) in files {
            #expect(image.channels == 3)
            #expect(image.pixels.allSatisfy { $0 == 200 })  // a flat source stays exactly flat
        }
        #expect(files[.preview]?.width == 80 * 6)
    }
}
