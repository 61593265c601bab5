import DinhTestSupport
import Foundation
import Testing
@testable import DinhImaging

struct FixtureError: Error, CustomStringConvertible {
    var description: String
}

/// Fixture generation with other people's tools, and an independent decoder (Pillow).
enum Fixture {
    static let sharedTestData = Tools.sharedTestData
    static let pngSuite = sharedTestData.appendingPathComponent("pngsuite")
    static let exifOrientation = sharedTestData.appendingPathComponent("exif-orientation")

    /// Runs a shell command in `directory`; a failure (tool missing, bad option) fails the test.
    @discardableResult
    static func shell(_ command: String, in directory: TemporaryDirectory) throws -> String {
        let result = try Tools.shell(command, in: directory.url)
        guard result.status == 0 else {
            throw FixtureError(description: "`\(command)` failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    /// A JPEG of random noise (every block unlike the next, as in a photo), baseline or progressive,
    /// written as `whole.jpg` in `directory`; its bytes.
    static func noiseJPEG(_ size: String, progressive: Bool, in directory: TemporaryDirectory) throws -> Data {
        _ = try shell("convert -size \(size) xc: +noise Random ppm:- | cjpeg -quality 90 \(progressive ? "-progressive" : "") > whole.jpg", in: directory)
        return try Data(contentsOf: directory.file("whole.jpg"))
    }

    /// Runs a Python script (Pillow available) with arguments.
    @discardableResult
    static func python(_ script: String, _ arguments: [String], in directory: TemporaryDirectory) throws -> String {
        let file = directory.file("script-\(UUID().uuidString).py")
        try Data(script.utf8).write(to: file)
        let quoted = arguments.map { "'\($0.replacingOccurrences(of: "'", with: "'\\''"))'" }.joined(separator: " ")
        return try shell("\(Tools.python) '\(file.path)' \(quoted)", in: directory)
    }

    /// The pixels as Pillow decodes them, converted to `mode` ("RGB" or "RGBA").
    static func pillowPixels(_ file: URL, mode: String = "RGB", in directory: TemporaryDirectory) throws -> PixelImage {
        let raw = directory.file("pillow-\(UUID().uuidString).raw")
        try python("""
            import sys
            from PIL import Image
            im = Image.open(sys.argv[1])
            im.load()
            im = im.convert(sys.argv[2])
            with open(sys.argv[3], 'wb') as f:
                f.write(b'%d %d\\n' % im.size)
                f.write(im.tobytes())
            """, [file.path, mode, raw.path], in: directory)
        let data = try Data(contentsOf: raw)
        guard let newline = data.firstIndex(of: 0x0A) else { throw FixtureError(description: "bad raw file") }
        let size = String(decoding: data[..<newline], as: UTF8.self).split(separator: " ").compactMap { Int($0) }
        let channels = mode == "RGBA" ? 4 : 3
        return PixelImage(width: size[0], height: size[1], channels: channels, pixels: [UInt8](data[(newline + 1)...]))
    }

    /// The pixels as ImageMagick decodes them, always RGBA: the second opinion for PNGs, where
    /// Pillow mishandles 16-bit gray and low-depth transparent colours. Many files at once, with
    /// two process starts in all (one convert per PngSuite file would take most of a minute).
    static func magickPixels(_ files: [URL], in directory: TemporaryDirectory) throws -> [PixelImage] {
        let list = files.map { "'\($0.path)'" }.joined(separator: " ")
        let sizes = try shell("identify -format '%w %h\\n' \(files.map { "'\($0.path)[0]'" }.joined(separator: " "))", in: directory)
            .split(separator: "\n").map { $0.split(separator: " ").compactMap { Int($0) } }
        try shell("convert \(list) -depth 8 +adjoin 'rgba:\(directory.path)/batch-%04d.rgba'", in: directory)
        guard sizes.count == files.count else { throw FixtureError(description: "identify gave \(sizes.count) sizes") }
        return try files.indices.map { index in
            let bytes = [UInt8](try Data(contentsOf: directory.file(String(format: "batch-%04d.rgba", index))))
            let size = sizes[index]
            guard size.count == 2, bytes.count == size[0] * size[1] * 4 else {
                throw FixtureError(description: "ImageMagick gave \(bytes.count) bytes for \(files[index].lastPathComponent) \(size)")
            }
            return PixelImage(width: size[0], height: size[1], channels: 4, pixels: bytes)
        }
    }

    /// What Pillow sees in a file: format, size, mode, and whether it carries EXIF/GPS/ICC.
    static func pillowInfo(_ file: URL, in directory: TemporaryDirectory) throws -> [String: String] {
        let text = try python("""
            import sys
            from PIL import Image
            im = Image.open(sys.argv[1])
            exif = im.getexif()
            print('format', im.format)
            print('size', '%dx%d' % im.size)
            print('mode', im.mode)
            print('exif', 'yes' if (len(exif) > 0 or 'exif' in im.info) else 'no')
            print('gps', 'yes' if exif.get_ifd(0x8825) else 'no')
            print('icc', 'yes' if im.info.get('icc_profile') else 'no')
            print('progressive', 'yes' if im.info.get('progressive') or im.info.get('progression') else 'no')
            """, [file.path], in: directory)
        var info: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.count == 2 { info[parts[0]] = parts[1] }
        }
        return info
    }
}

/// Mean absolute difference per sample (nil when sizes differ).
func meanDifference(_ a: PixelImage, _ b: PixelImage) -> Double? {
    guard a.width == b.width, a.height == b.height, a.channels == b.channels else { return nil }
    var total = 0
    for i in a.pixels.indices { total += abs(Int(a.pixels[i]) - Int(b.pixels[i])) }
    return Double(total) / Double(max(1, a.pixels.count))
}

/// Mean and standard deviation of all samples.
func statistics(_ image: PixelImage) -> (mean: Double, deviation: Double) {
    let n = Double(image.pixels.count)
    let mean = image.pixels.reduce(0.0) { $0 + Double($1) } / n
    let variance = image.pixels.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / n
    return (mean, variance.squareRoot())
}

/// A small colourful test picture written as PNG by ImageMagick: gradients and saturated patches,
/// so colour and orientation mistakes show.
func makeTestPicture(_ name: String, width: Int = 120, height: Int = 80, in directory: TemporaryDirectory) throws -> URL {
    try Fixture.shell("""
        convert -size \(width)x\(height) gradient:'#ff2000-#0030ff' \
          -fill '#00c040' -draw 'rectangle 0,0 \(width / 3),\(height / 3)' \
          -fill '#ffe000' -draw 'circle \(width * 3 / 4),\(height * 3 / 4) \(width * 3 / 4 + height / 8),\(height * 3 / 4)' \
          PNG24:\(name)
        """, in: directory)
    return directory.file(name)
}
