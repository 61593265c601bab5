import DinhTestSupport
import Foundation
import Testing
@testable import DinhImaging

@Suite struct PipelineTests {
    @Test func variantsAreNeverUpscaledAndFingerprinted() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try makeTestPicture("source.png", width: 1000, height: 500, in: dir)
        try Fixture.shell("convert source.png -quality 92 'Chùa Keo.jpg'", in: dir)
        let pipeline = ImagePipeline(cacheDirectory: dir.file("cache"), outputDirectory: dir.file("public"))
        let result = await pipeline.run([ImageJob(source: dir.file("Chùa Keo.jpg"), widths: [480, 960, 1600, 2000])])
        #expect(result.failures.isEmpty)
        let image = try #require(result.images.first)
        #expect(image.original == ImageInfo(width: 1000, height: 500, format: .jpeg, hasAlpha: false))
        #expect(image.variants.map(\.width) == [480, 960, 1000])
        #expect(image.variants.map(\.height) == [240, 480, 500])
        for variant in image.variants {
            #expect(variant.fileName.range(of: #"^chua-keo-\d+w\.[0-9a-f]{8}\.jpg$"#, options: .regularExpression) != nil, "\(variant.fileName)")
            #expect(variant.file.path == dir.file("public/\(variant.fileName)").path)
            let info = try Fixture.pillowInfo(variant.file, in: dir)
            #expect(info["size"] == "\(variant.width)x\(variant.height)" && info["format"] == "JPEG" && info["progressive"] == "yes")
            #expect(try Data(contentsOf: variant.file).count == variant.byteCount)
        }
        // Colours survive: the largest variant is the source, re-encoded.
        let original = try Fixture.pillowPixels(dir.file("source.png"), in: dir)
        let largest = try Fixture.pillowPixels(image.variants[2].file, in: dir)
        let difference = try #require(meanDifference(original, largest))
        #expect(difference < 3, "mean difference \(difference)")
        #expect(image.srcset(urlPrefix: "/img/").hasPrefix("/img/chua-keo-480w."), "plain letters: the name goes into feeds as it is")
    }

    @Test func gpsAndExifAreStrippedAndOrientationApplied() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try makeTestPicture("source.png", width: 600, height: 400, in: dir)
        try Fixture.shell("""
            convert source.png -quality 92 phone.jpg && \
            exiftool -q -overwrite_original -Orientation=6 -n -GPSLatitude=16.4637 -GPSLatitudeRef=N \
              -GPSLongitude=107.5909 -GPSLongitudeRef=E -Make=Phone -Model=X phone.jpg
            """, in: dir)
        let before = try Fixture.pillowInfo(dir.file("phone.jpg"), in: dir)
        #expect(before["gps"] == "yes" && before["exif"] == "yes")
        let result = await ImagePipeline(cacheDirectory: dir.file("cache")).run([ImageJob(source: dir.file("phone.jpg"), widths: [200])])
        let variant = try #require(result.images.first?.variants.first)
        #expect(variant.width == 200 && variant.height == 300)
        let info = try Fixture.pillowInfo(variant.file, in: dir)
        #expect(info["exif"] == "no" && info["gps"] == "no" && info["icc"] == "no" && info["size"] == "200x300")
        let tags = try Fixture.shell("exiftool -a -G1 -s '\(variant.file.path)'", in: dir)
        #expect(!tags.contains("GPS") && !tags.contains("[IFD0]") && !tags.contains("ExifIFD") && !tags.contains("Phone"))
        // Rotated the right way: the green patch (top-left in the upright source) is now top-right.
        let pixels = try Fixture.pillowPixels(variant.file, in: dir)
        let topRight = (10 * pixels.width + pixels.width - 10) * 3
        #expect(pixels.pixels[topRight + 1] > 150 && pixels.pixels[topRight] < 80, "\(Array(pixels.pixels[topRight..<topRight + 3]))")
    }

    @Test func alphaStaysPNG() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Fixture.shell("convert -size 300x200 gradient:red-blue \\( -size 300x200 gradient:white-black \\) -alpha off -compose CopyOpacity -composite PNG32:logo.png", in: dir)
        let result = await ImagePipeline(cacheDirectory: dir.file("cache")).run([ImageJob(source: dir.file("logo.png"), widths: [100])])
        let variant = try #require(result.images.first?.variants.first)
        #expect(variant.format == .png && variant.fileName.hasSuffix(".png"))
        let info = try Fixture.pillowInfo(variant.file, in: dir)
        #expect(info["mode"] == "RGBA" && info["size"] == "100x67")
    }

    @Test func secondRunDecodesNothing() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for index in 0..<5 {
            _ = try makeTestPicture("s\(index).png", width: 400 + index * 10, height: 300, in: dir)
            try Fixture.shell("convert s\(index).png -quality 90 photo\(index).jpg", in: dir)
        }
        let jobs = (0..<5).map { ImageJob(source: dir.file("photo\($0).jpg"), widths: [100, 200]) }
        let pipeline = ImagePipeline(cacheDirectory: dir.file("cache"), concurrency: 2)
        let progress = ProgressLog()
        let first = await pipeline.run(jobs + jobs, progress: { progress.add($0) })
        #expect(first.processedCount == 5 && first.cachedCount == 0 && first.failures.isEmpty)
        #expect(progress.events.map(\.completed) == [1, 2, 3, 4, 5] && progress.events.allSatisfy { $0.total == 5 })

        let second = await pipeline.run(jobs)
        #expect(second.processedCount == 0 && second.cachedCount == 5)
        #expect(second.images.map(\.variants) == first.images.map(\.variants))

        // A changed photo, or changed settings, is processed again.
        try Fixture.shell("convert s0.png -quality 80 photo0.jpg", in: dir)
        let third = await pipeline.run(jobs)
        #expect(third.processedCount == 1 && third.cachedCount == 4)
        var otherQuality = pipeline
        otherQuality.quality = 70
        #expect(await otherQuality.run(jobs).processedCount == 5)
    }

    @Test func failuresNameTheirFileAndOthersStillWork() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try makeTestPicture("good.png", in: dir)
        let bad = try dir.write("bad.jpg", "not an image")
        let result = await ImagePipeline(cacheDirectory: dir.file("cache")).run([
            ImageJob(source: bad), ImageJob(source: dir.file("good.png")),
        ])
        #expect(result.images.count == 1 && result.failures.count == 1)
        #expect(result.image(for: dir.file("./good.png"))?.variants.isEmpty == false)
        #expect(result.image(for: bad) == nil)
        let failure = try #require(result.failures.first)
        #expect(failure.path == bad.path && failure.code == .notAnImage)
        #expect(failure.description == "\(bad.path): not a JPEG or PNG image")
    }
}

/// Collects progress events (the pipeline calls the hook from one task at a time).
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [ImageProgress] = []
    func add(_ event: ImageProgress) { lock.lock(); stored.append(event); lock.unlock() }
    var events: [ImageProgress] { lock.lock(); defer { lock.unlock() }; return stored }
}
