import DinhTestSupport
import Foundation
import Testing
@testable import DinhImaging

@Suite struct JPEGDecodeTests {
    let decoder = ImageDecoder()

    @Test(arguments: ["baseline", "progressive"])
    func decodesLikePillow(kind: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try makeTestPicture("source.png", in: dir)
        let option = kind == "progressive" ? "-progressive" : ""
        try Fixture.shell("convert source.png ppm:- | cjpeg -quality 90 \(option) > photo.jpg", in: dir)
        let url = dir.file("photo.jpg")
        let ours = try decoder.decode(contentsOf: url)
        let reference = try Fixture.pillowPixels(url, in: dir)
        #expect(ours.width == 120 && ours.height == 80 && ours.channels == 3)
        let difference = try #require(meanDifference(ours, reference))
        #expect(difference < 1.0, "mean difference from Pillow: \(difference)")
        let info = try decoder.info(contentsOf: url)
        #expect(info == ImageInfo(width: 120, height: 80, format: .jpeg, hasAlpha: false))
    }

    @Test func grayscaleBecomesRGB() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try makeTestPicture("source.png", in: dir)
        try Fixture.shell("convert source.png -colorspace Gray -quality 90 gray.jpg", in: dir)
        #expect(try Fixture.shell("identify -format '%[channels]' gray.jpg", in: dir).contains("gray"))
        let url = dir.file("gray.jpg")
        let ours = try decoder.decode(contentsOf: url)
        let reference = try Fixture.pillowPixels(url, in: dir)
        let difference = try #require(meanDifference(ours, reference))
        #expect(difference < 1.0, "mean difference from Pillow: \(difference)")
    }

    @Test func cmykComesOutCloseToTheRGBOriginal() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let source = try makeTestPicture("source.png", in: dir)
        try Fixture.shell("convert source.png -colorspace CMYK -quality 95 cmyk.jpg", in: dir)
        #expect(try Fixture.shell("identify -format '%[colorspace]' cmyk.jpg", in: dir).contains("CMYK"))
        let ours = try decoder.decode(contentsOf: dir.file("cmyk.jpg"))
        let original = try Fixture.pillowPixels(source, in: dir)
        let difference = try #require(meanDifference(ours, original))
        #expect(difference < 4.0, "mean difference from the RGB original: \(difference)")
    }

    @Test func adobeInvertedCMYKComesOutCloseToTheOriginal() throws {
        // Pillow writes CMYK JPEGs with an Adobe marker and inverted inks, as Photoshop does.
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let source = try makeTestPicture("source.png", in: dir)
        try Fixture.python("""
            import sys
            from PIL import Image
            Image.open(sys.argv[1]).convert('CMYK').save(sys.argv[2], quality=95)
            """, [source.path, dir.file("adobe.jpg").path], in: dir)
        let ours = try decoder.decode(contentsOf: dir.file("adobe.jpg"))
        let original = try Fixture.pillowPixels(source, in: dir)
        let difference = try #require(meanDifference(ours, original))
        #expect(difference < 4.0, "mean difference from the RGB original: \(difference)")
    }

    @Test func nonSRGBProfilesAreConvertedToSRGB() throws {
        // Adobe RGB and ProPhoto profiles from Debian's libgs-common: a missing one fails the test.
        let profiles = try ["a98.icc", "rommrgb.icc"].map { URL(fileURLWithPath: try Tools.require("/usr/share/color/icc/ghostscript/\($0)")) }
        let srgb = URL(fileURLWithPath: try Tools.require("/usr/share/color/icc/ghostscript/srgb.icc"))
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let source = try makeTestPicture("source.png", in: dir)
        let original = try Fixture.pillowPixels(source, in: dir)
        for profile in profiles {
            let name = profile.deletingPathExtension().lastPathComponent + ".jpg"
            try Fixture.shell("convert source.png -profile '\(srgb.path)' -profile '\(profile.path)' -quality 95 \(name)", in: dir)
            let url = dir.file(name)
            #expect(try Fixture.pillowInfo(url, in: dir)["icc"] == "yes")
            // Pillow ignores the profile: these are the raw, washed-out numbers.
            let raw = try Fixture.pillowPixels(url, in: dir)
            let rawDifference = try #require(meanDifference(raw, original))
            let ours = try decoder.decode(contentsOf: url)
            let difference = try #require(meanDifference(ours, original))
            #expect(rawDifference > 8, "\(name): the profile should matter (raw difference \(rawDifference))")
            #expect(difference < 3.5, "\(name): mean difference from the sRGB original \(difference), raw \(rawDifference)")
        }
    }

    @Test func shrinkOnLoadKeepsTheMinimumSize() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try makeTestPicture("source.png", width: 800, height: 600, in: dir)
        try Fixture.shell("convert source.png -quality 90 big.jpg", in: dir)
        let url = dir.file("big.jpg")
        let quarter = try JPEG.decode(contentsOf: url, minimumWidth: 200)
        #expect(quarter.width == 200 && quarter.height == 150)
        let half = try JPEG.decode(contentsOf: url, minimumWidth: 201)
        #expect(half.width == 400 && half.height == 300)
        let full = try JPEG.decode(contentsOf: url)
        #expect(full.width == 800 && full.height == 600)
        // The shrunk image is a faithful small version.
        let difference = try #require(meanDifference(quarter, full.resized(width: 200, height: 150)))
        #expect(difference < 3, "mean difference \(difference)")
    }

    @Test func encodeWritesNoMetadataAndPillowReadsIt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var image = PixelImage(width: 64, height: 32)
        for y in 0..<32 { for x in 0..<64 { image.pixels[(y * 64 + x) * 3] = UInt8(x * 4) } }
        let bytes = try JPEG.encode(image, quality: 85)
        let url = try dir.write("encoded.jpg", Data(bytes))
        let info = try Fixture.pillowInfo(url, in: dir)
        #expect(info["format"] == "JPEG" && info["size"] == "64x32" && info["exif"] == "no" && info["progressive"] == "yes")
        let difference = try #require(meanDifference(try Fixture.pillowPixels(url, in: dir), image))
        #expect(difference < 2)
    }
}

@Suite struct OrientationTests {
    static let available = FileManager.default.fileExists(atPath: Fixture.exifOrientation.path)

    @Test(.enabled(if: available, "../shared/testdata/exif-orientation is absent: EXIF orientation suite skipped"),
          arguments: ["Landscape", "Portrait"])
    func allNineLookTheSame(set: String) throws {
        let decoder = ImageDecoder()
        let reference = try decoder.decode(contentsOf: Fixture.exifOrientation.appendingPathComponent("\(set)_0.jpg"))
        let small = reference.resized(width: 32)
        for orientation in 1...8 {
            let url = Fixture.exifOrientation.appendingPathComponent("\(set)_\(orientation).jpg")
            let info = try decoder.info(contentsOf: url)
            #expect(info.orientation == orientation)
            #expect(info.width == reference.width && info.height == reference.height, "\(url.lastPathComponent)")
            let image = try decoder.decode(contentsOf: url)
            #expect(image.width == reference.width && image.height == reference.height, "\(url.lastPathComponent)")
            guard image.width == reference.width, image.height == reference.height else { continue }
            let difference = try #require(meanDifference(image.resized(width: 32), small))
            #expect(difference < 6, "\(url.lastPathComponent): mean difference \(difference) from \(set)_0.jpg")
        }
    }

    @Test func exifParserReadsBothByteOrders() {
        func app1(_ little: Bool, orientation: UInt16) -> [UInt8] {
            func u16(_ v: UInt16) -> [UInt8] { little ? [UInt8(v & 0xFF), UInt8(v >> 8)] : [UInt8(v >> 8), UInt8(v & 0xFF)] }
            func u32(_ v: UInt32) -> [UInt8] { little ? (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } : (0..<4).reversed().map { UInt8((v >> (8 * $0)) & 0xFF) } }
            var bytes = Array("Exif".utf8) + [0, 0] + (little ? [0x49, 0x49] : [0x4D, 0x4D]) + u16(42) + u32(8)
            bytes += u16(2)
            bytes += u16(0x010F) + u16(2) + u32(4) + u32(0)          // Make: ignored
            bytes += u16(0x0112) + u16(3) + u32(1) + u16(orientation) + u16(0)
            bytes += u32(0)
            return bytes
        }
        for little in [true, false] {
            for orientation: UInt16 in 1...8 {
                let bytes = app1(little, orientation: orientation)
                #expect(bytes.withUnsafeBytes { Exif.orientation(fromAPP1: $0) } == Int(orientation))
            }
            let bad = app1(little, orientation: 9)
            #expect(bad.withUnsafeBytes { Exif.orientation(fromAPP1: $0) } == 1)
            let cut = Array(app1(little, orientation: 6).prefix(20))
            #expect(cut.withUnsafeBytes { Exif.orientation(fromAPP1: $0) } == 1)
        }
    }
}

@Suite struct PNGSuiteTests {
    static let available = FileManager.default.fileExists(atPath: Fixture.pngSuite.path)
    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: Fixture.pngSuite.path)) ?? []).filter { $0.hasSuffix(".png") }.sorted()
    }

    @Test(.enabled(if: available, "../shared/testdata/pngsuite is absent: PngSuite skipped"))
    func everyValidFileDecodesLikeImageMagick() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let decoder = ImageDecoder()
        var checked = 0
        let names = Self.files.filter { !$0.hasPrefix("x") }
        let references = try Fixture.magickPixels(names.map { Fixture.pngSuite.appendingPathComponent($0) }, in: dir)
        for (name, reference) in zip(names, references) {
            let url = Fixture.pngSuite.appendingPathComponent(name)
            let ours = try decoder.decode(contentsOf: url)
            let info = try decoder.info(contentsOf: url)
            #expect(info.width == ours.width && info.height == ours.height && info.hasAlpha == (ours.channels == 4), "\(name)")
            #expect(reference.width == ours.width && reference.height == ours.height, "\(name)")
            guard reference.width == ours.width, reference.height == ours.height else { continue }
            // The gamma test files (gAMA other than 1.0 or 1/2.2): libpng converts them to sRGB
            // as browsers do, ImageMagick keeps stored values; the oracles disagree by design.
            if ["g03", "g04", "g05", "g07", "g25"].contains(String(name.prefix(3))) { continue }
            // Colour compared where a pixel is visible; alpha everywhere (255 when we made RGB).
            var total = 0, worst = 0, samples = 0
            for p in 0..<(ours.width * ours.height) {
                let alpha = ours.channels == 4 ? Int(ours.pixels[p * 4 + 3]) : 255
                let referenceAlpha = Int(reference.pixels[p * 4 + 3])
                let alphaDifference = abs(alpha - referenceAlpha)
                total += alphaDifference; worst = max(worst, alphaDifference); samples += 1
                if alpha == 0 && referenceAlpha == 0 { continue }
                for c in 0..<3 {
                    let d = abs(Int(ours.pixels[p * ours.channels + c]) - Int(reference.pixels[p * 4 + c]))
                    total += d; worst = max(worst, d); samples += 1
                }
            }
            let mean = Double(total) / Double(max(samples, 1))
            // Worst case 20: linear 16-bit gray darks, where 8 bits after gamma differ most.
            #expect(mean < 1.5 && worst <= 20, "\(name): mean \(mean), worst \(worst)")
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test(.enabled(if: available, "../shared/testdata/pngsuite is absent: PngSuite skipped"))
    func corruptFilesAreRefusedWithTheirPath() throws {
        let corrupt = Self.files.filter { $0.hasPrefix("x") }
        #expect(corrupt.count >= 10)
        for name in corrupt {
            let url = Fixture.pngSuite.appendingPathComponent(name)
            do {
                _ = try ImageDecoder().decode(contentsOf: url)
                Issue.record("\(name) decoded, but it is corrupt")
            } catch let error as ImageError {
                #expect(error.path == url.path)
                #expect(String(describing: error).hasPrefix(url.path + ": "))
                #expect([.corrupt, .truncated, .notAnImage].contains(error.code), "\(name): \(error)")
            }
        }
    }
}

@Suite struct BadInputTests {
    func expectError(_ url: URL, _ code: ImageError.Code, containing text: String) {
        do {
            _ = try ImageDecoder().decode(contentsOf: url)
            Issue.record("\(url.lastPathComponent) decoded")
        } catch let error as ImageError {
            #expect(error.code == code, "\(error)")
            #expect(error.path == url.path)
            #expect(error.description.contains(url.path) && error.description.contains(text), "\(error)")
        } catch {
            Issue.record("not an ImageError: \(error)")
        }
    }

    @Test(arguments: ["baseline", "progressive"])
    func truncatedJPEG(kind: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let whole = try Fixture.noiseJPEG("300x200", progressive: kind == "progressive", in: dir)
        let cut = try dir.write("cut.jpg", whole.prefix(whole.count / 2))
        expectError(cut, .truncated, containing: "cut short (truncated)")
        let headerOnly = try dir.write("header.jpg", whole.prefix(40))
        expectError(headerOnly, .truncated, containing: "truncated")
    }

    /// A JPEG over the limit is refused, unless the caller (the panorama tiler) asks for it shrunk:
    /// then it is decoded at the first of a half, a quarter, an eighth that fits.
    @Test func jpegOverTheLimitIsShrunkWhenAskedTo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Fixture.shell("convert -size 1000x500 gradient:red-blue -quality 90 wide.jpg", in: dir)
        let data = try Data(contentsOf: dir.file("wide.jpg"))
        let decoder = ImageDecoder(maximumPixels: 100_000)
        #expect(decoder.shrunkSize(width: 1000, height: 500)! == (250, 125) && decoder.shrunkSize(width: 400, height: 200) == nil)
        #expect(throws: ImageError.self) { try decoder.load(data, path: "wide.jpg") }
        let shrunk = try decoder.load(data, path: "wide.jpg", shrinkingToLimit: true).pixels
        #expect(shrunk.width == 250 && shrunk.height == 125, "\(shrunk.width)×\(shrunk.height)")
        // Its colours are the picture's (ImageMagick's gradient runs from red at the top to blue at the bottom).
        let top = Array(shrunk.pixels[0..<3]), bottom = Array(shrunk.pixels[(shrunk.pixels.count - 3)...])
        #expect(top[0] > 200 && top[2] < 60 && bottom[2] > 200 && bottom[0] < 60, "\(top) \(bottom)")
    }

    /// A file with a bad spot in the middle (4 KB of zeros, as from a worn memory card): libjpeg
    /// would paint what follows grey and go on, and `djpeg` says the data is corrupt; Dinh
    /// refuses it as damaged, in one decode and in two parts, rather than publish it grey.
    @Test(arguments: ["baseline", "progressive"])
    func jpegDamagedInTheMiddleIsRefused(kind: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var bytes = try Fixture.noiseJPEG("800x600", progressive: kind == "progressive", in: dir)
        let middle = bytes.count / 2
        bytes.replaceSubrange(middle..<middle + 4096, with: Data(count: 4096))
        let damaged = try dir.write("damaged.jpg", bytes)
        let djpeg = try Fixture.shell("djpeg damaged.jpg > /dev/null 2> djpeg.txt; echo $?", in: dir)
        #expect(djpeg.trimmingCharacters(in: .whitespacesAndNewlines) != "0", "the oracle sees the damage")
        #expect(try String(contentsOf: dir.file("djpeg.txt"), encoding: .utf8).contains("Corrupt JPEG data"))
        expectError(damaged, .corrupt, containing: "damaged inside")
        do {
            _ = try ImageDecoder().load(bytes, path: "damaged.jpg", inTwoParts: true)
            Issue.record("a damaged file decoded in two parts")
        } catch let error as ImageError {
            #expect(error.code == .corrupt && error.description.contains("damaged.jpg"), "\(error)")
        }
        // The whole file still decodes.
        _ = try ImageDecoder().load(try Data(contentsOf: dir.file("whole.jpg")), path: "whole.jpg")
    }

    /// What cameras and phones write into files that decode whole is no damage: a few bytes left
    /// before the end marker. (A file without its end marker is refused as cut short: libjpeg's
    /// decoder reads ahead past the last row's data, and grey padding looks the same to it.)
    @Test(arguments: ["baseline", "progressive"])
    func harmlessQuirksStillDecode(kind: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let whole = try Fixture.noiseJPEG("640x480", progressive: kind == "progressive", in: dir)
        #expect(whole.suffix(2) == Data([0xFF, 0xD9]))
        let junk = whole.dropLast(2) + Data(repeating: 0x20, count: 20) + Data([0xFF, 0xD9])
        let decoder = ImageDecoder()
        let reference = try decoder.load(whole, path: "whole.jpg").pixels.pixels
        for (name, bytes) in [("20 stray bytes", junk)] {
            let one = try decoder.load(bytes, path: "x.jpg").pixels
            #expect(one.pixels == reference, "\(name): the pixels of the whole file")
            let two = try decoder.load(bytes, path: "x.jpg", inTwoParts: true).pixels
            #expect(two.pixels == reference, "\(name), in two parts")
        }
    }

    /// A large JPEG decoded in two parts on two threads (the panorama's decode) has the pixels of
    /// one decode, for every chroma subsampling and for CMYK; progressive files (decoded in one
    /// part) too. A file cut short in the lower part is reported as cut short, as one decode says.
    @Test(arguments: ["-sample 2x2", "-sample 2x1", "-sample 1x1", "-progressive", "cmyk"])
    func twoPartDecodingGivesThePixelsOfOne(options: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try makeTestPicture("source.png", width: 640, height: 613, in: dir)
        try Fixture.shell(options == "cmyk"
            ? "convert source.png -colorspace CMYK -quality 90 photo.jpg"
            : "convert source.png -attenuate 0.3 +noise Gaussian ppm:- | cjpeg -quality 85 \(options) > photo.jpg", in: dir)
        let data = try Data(contentsOf: dir.file("photo.jpg"))
        let decoder = ImageDecoder()
        let one = try decoder.load(data, path: "photo.jpg").pixels
        let two = try decoder.load(data, path: "photo.jpg", inTwoParts: true).pixels
        #expect(one.width == 640 && one.height == 613 && two.width == 640 && two.height == 613)
        let differing = zip(one.pixels, two.pixels).count { $0 != $1 }
        #expect(differing == 0, "\(differing) samples differ")

        for cut in [data.count * 9 / 10, data.count / 3] {
            do {
                _ = try decoder.load(data.prefix(cut), path: "cut.jpg", inTwoParts: true)
                Issue.record("a file cut at \(cut) of \(data.count) bytes decoded")
            } catch let error as ImageError {
                #expect(error.code == .truncated && error.description.contains("cut.jpg"), "\(error)")
            }
        }
    }

    @Test func truncatedPNG() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Fixture.shell("convert -size 200x100 xc: +noise Random PNG24:whole.png", in: dir)
        let whole = try Data(contentsOf: dir.file("whole.png"))
        let cut = try dir.write("cut.png", whole.prefix(whole.count / 2))
        expectError(cut, .truncated, containing: "cut short (truncated)")
        let header = try dir.write("header.png", whole.prefix(20))
        expectError(header, .truncated, containing: "truncated")
    }

    @Test func pngClaiming100000x100000IsRefusedBeforeAllocating() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Fixture.python("""
            import struct, sys, zlib
            def chunk(kind, data):
                return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
            ihdr = struct.pack('>IIBBBBB', 100000, 100000, 8, 2, 0, 0, 0)
            body = chunk(b'IHDR', ihdr) + chunk(b'IDAT', zlib.compress(b'\\0' * 301)) + chunk(b'IEND', b'')
            open(sys.argv[1], 'wb').write(b'\\x89PNG\\r\\n\\x1a\\n' + body)
            """, [dir.file("bomb.png").path], in: dir)
        let url = dir.file("bomb.png")
        expectError(url, .tooLarge, containing: "too large: 100000×100000 pixels, the limit is 100 megapixels; save it smaller, at most 10000×10000 (Paint: Resize; Photoshop: Image › Image Size; GIMP: Image › Scale Image)")
        // The headers alone are fine to read.
        #expect(try ImageDecoder().info(contentsOf: url).width == 100000)
        // A lower limit is honoured too.
        #expect(throws: ImageError.self) { try ImageDecoder(maximumPixels: 100).decode(contentsOf: dir.file("bomb.png")) }
    }

    @Test func jpegClaimingHugeSizeIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Fixture.shell("convert -size 16x16 xc:red -quality 90 small.jpg", in: dir)
        var bytes = [UInt8](try Data(contentsOf: dir.file("small.jpg")))
        // Patch SOF0/SOF2's height and width to 60000.
        guard let sof = (0..<(bytes.count - 9)).first(where: { bytes[$0] == 0xFF && (bytes[$0 + 1] == 0xC0 || bytes[$0 + 1] == 0xC2) }) else {
            Issue.record("no SOF marker"); return
        }
        bytes[sof + 5] = 0xEA; bytes[sof + 6] = 0x60; bytes[sof + 7] = 0xEA; bytes[sof + 8] = 0x60
        let url = try dir.write("huge.jpg", Data(bytes))
        expectError(url, .tooLarge, containing: "too large: 60000×60000 pixels")
    }

    @Test func textFileNamedJPG() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let url = try dir.write("notes.jpg", "Chùa Một Cột, Hà Nội\n")
        expectError(url, .notAnImage, containing: "not a JPEG or PNG image")
        let empty = try dir.write("empty.jpg", Data())
        expectError(empty, .notAnImage, containing: "empty")
        let missing = dir.file("missing.jpg")
        expectError(missing, .unreadable, containing: "cannot read")
    }
}
