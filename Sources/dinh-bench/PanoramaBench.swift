import DinhCore
import DinhImaging
import DinhPanorama
import Foundation

/// `dinh-bench panorama FILE OUTDIR [--tile N] [--quality Q] [--encoder ppm|none]`: tiles one equirectangular
/// panorama and prints wall time, peak memory, tile count and bytes (scripts/bench-panorama.sh).
/// `dinh-bench panorama-synth WIDTH OUT.ppm [--invert]`: writes the colour-of-direction test panorama.
///
/// FILE is binary PPM (P6) or JPEG (decoded by DinhImaging); tiles are JPEG (`--encoder jpeg`,
/// what the site publishes), PPM (to inspect) or not written (`none`, tiling alone).
enum PanoramaBench {
    static func main(_ arguments: [String]) async {
        do {
            let args = Array(arguments.dropFirst())
            switch args.first {
            case "panorama": try await tile(Array(args.dropFirst()))
            case "panorama-synth": try synth(Array(args.dropFirst()))
            default: throw BenchError("unknown subcommand")
            }
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("dinh-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func option(_ name: String, in args: [String]) -> String? {
        args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
    }

    static func tile(_ args: [String]) async throws {
        guard args.count >= 2 else { throw BenchError("usage: dinh-bench panorama FILE OUTDIR [--tile N] [--encoder ppm|none]") }
        let input = URL(fileURLWithPath: args[0]), output = URL(fileURLWithPath: args[1])
        let tileSize = Int(option("--tile", in: args) ?? "") ?? 512
        let encoder = option("--encoder", in: args) ?? "ppm"
        let quality = Int(option("--quality", in: args) ?? "") ?? 80
        let clock = ContinuousClock()
        let start = clock.now
        // Decoded as `dinh build` decodes a panorama (on two cores).
        let source = input.pathExtension.lowercased() == "ppm"
            ? try readSource(input) : try ImageDecoder().load(Data(contentsOf: input), path: input.path, inTwoParts: true).finished()
        let decoded = clock.now
        let tiler = PanoramaTiler(options: PanoramaOptions(tileSize: tileSize))
        let layout = tiler.layout(sourceWidth: source.width)
        for index in layout.levels.indices {
            try FileManager.default.createDirectory(at: output.appendingPathComponent("\(index)"), withIntermediateDirectories: true)
        }
        let stats = Stats()
        try await tiler.tile(source) { file, image in
            guard encoder != "none" else { stats.add(0); return }
            if encoder == "jpeg" {
                let bytes = try JPEG.encode(image, quality: quality, progressive: false)
                try PlainFile.write(bytes, to: output.appendingPathComponent(file.path).path)
                stats.add(bytes.count)
                return
            }
            let bytes = ppm(image)
            let name = (file.path as NSString).deletingPathExtension + ".ppm"
            try bytes.write(to: output.appendingPathComponent(name))
            stats.add(bytes.count)
        }
        let done = clock.now
        var scene = SceneDescription(id: input.deletingPathExtension().lastPathComponent, title: "", base: "", layout: layout)
        scene.title = scene.id
        try Data(scene.json.utf8).write(to: output.appendingPathComponent("scene.json"))
        let (count, bytes) = stats.total
        let outPixels = layout.levels.reduce(0) { $0 + 6 * $1.faceSize * $1.faceSize }
        print("source: \(source.width)x\(source.height)")
        print("levels: \(layout.levels.map { String($0.faceSize) }.joined(separator: ","))")
        print("files: \(count) (tiles and preview)")
        print("bytes: \(bytes)")
        print("output pixels: \(outPixels)")
        print("decode seconds: \(seconds(decoded - start))")
        print("tile seconds: \(seconds(done - decoded))")
        print("wall seconds: \(seconds(done - start))")
        print("peak memory MB: \(peakMemoryMB())")
    }

    static func synth(_ args: [String]) throws {
        guard args.count >= 2, let width = Int(args[0]) else { throw BenchError("usage: dinh-bench panorama-synth WIDTH OUT.ppm [--invert]") }
        let invert = args.contains("--invert")
        let height = width / 2
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        // RGB = 127.5 · (1 + direction): any misplaced face or mirrored axis shows as a wrong colour.
        for row in 0..<height {
            let pitch = (0.5 - (Double(row) + 0.5) / Double(height)) * Double.pi
            for col in 0..<width {
                let yaw = ((Double(col) + 0.5) / Double(width) - 0.5) * 2 * Double.pi
                let d = [cos(pitch) * sin(yaw), sin(pitch), -cos(pitch) * cos(yaw)]
                // A faint grid every 10° gives JPEG and the eye something to hold on to.
                let grid = abs(remainder(yaw * 180 / .pi, 10)) < 0.15 || abs(remainder(pitch * 180 / .pi, 10)) < 0.15
                for c in 0..<3 {
                    var v = 127.5 * (1 + d[c])
                    if invert { v = 255 - v }
                    if grid { v = v * 0.8 }
                    pixels[(row * width + col) * 3 + c] = UInt8(v.rounded())
                }
            }
        }
        try ppm(PixelImage(width: width, height: height, channels: 3, pixels: pixels)).write(to: URL(fileURLWithPath: args[1]))
    }

    static func readSource(_ url: URL) throws -> PixelImage {
        var data = try Data(contentsOf: url)
        if data.starts(with: [0xFF, 0xD8]) { data = try djpeg(url) }
        // P6 header: magic, width, height, maxval, each separated by whitespace, then one whitespace byte.
        var fields: [String] = [], index = data.startIndex, current = ""
        while fields.count < 4, index < data.endIndex {
            let byte = data[index]
            index += 1
            if byte == 0x23 { while index < data.endIndex, data[index] != 0x0A { index += 1 }; continue }
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                if !current.isEmpty { fields.append(current); current = "" }
            } else { current.append(Character(UnicodeScalar(byte))) }
        }
        guard fields.count == 4, fields[0] == "P6", let w = Int(fields[1]), let h = Int(fields[2]), fields[3] == "255",
              data.endIndex - index >= w * h * 3 else { throw BenchError("\(url.path): not a binary 8-bit PPM") }
        return PixelImage(width: w, height: h, channels: 3, pixels: [UInt8](data[index..<(index + w * h * 3)]))
    }

    /// Stand-in JPEG decoder until DinhImaging's `JPEG.decode` is merged: libjpeg-turbo's own tool.
    static func djpeg(_ url: URL) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/djpeg")
        process.arguments = [url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchError("djpeg failed on \(url.path)") }
        return data
    }

    static func ppm(_ image: PixelImage) -> Data {
        var data = Data("P6\n\(image.width) \(image.height)\n255\n".utf8)
        data.append(contentsOf: image.pixels)
        return data
    }

    static func seconds(_ d: Duration) -> String {
        String(format: "%.3f", Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
    }

    /// VmHWM: the peak resident set of this process, Linux only.
    static func peakMemoryMB() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return "?" }
        return String(format: "%.0f", kb / 1024)
    }
}

final class Stats: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var count = 0, bytes = 0
    func add(_ n: Int) { lock.lock(); count += 1; bytes += n; lock.unlock() }
    var total: (Int, Int) { lock.lock(); defer { lock.unlock() }; return (count, bytes) }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = message }
}
