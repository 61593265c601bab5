import DinhCore
import Foundation

/// A cache entry's manifest: a few lines of text, `variants.txt`.
enum CacheEntry {
    struct Contents {
        var original: ImageInfo
        var variants: [ImageVariant]
    }

    static func read(_ entry: URL) -> Contents? {
        guard let text = try? String(contentsOf: entry.appendingPathComponent("variants.txt"), encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        guard !lines.isEmpty else { return nil }
        let head = lines.removeFirst()
        guard head.count == 6, head[0] == "source", let w = Int(head[1]), let h = Int(head[2]),
              let format = ImageFormat(rawValue: head[3]), let orientation = Int(head[5]) else { return nil }
        let original = ImageInfo(width: w, height: h, format: format, hasAlpha: head[4] == "alpha", orientation: orientation)
        var variants: [ImageVariant] = []
        for line in lines {
            guard line.count == 5, let width = Int(line[0]), let height = Int(line[1]),
                  let format = ImageFormat(rawValue: line[2]), let size = Int(line[4]) else { return nil }
            let cachedName = line[3]
            let file = entry.appendingPathComponent(cachedName)
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
                  (attributes[.size] as? Int) == size else { return nil }
            variants.append(ImageVariant(width: width, height: height, format: format, fileName: cachedName, file: file, byteCount: size))
        }
        return variants.isEmpty ? nil : Contents(original: original, variants: variants)
    }

    static func write(_ entry: URL, original: ImageInfo, variants: [ImageVariant]) throws {
        var text = "source \(original.width) \(original.height) \(original.format.rawValue) \(original.hasAlpha ? "alpha" : "opaque") \(original.orientation)\n"
        for v in variants { text += "\(v.width) \(v.height) \(v.format.rawValue) \(v.fileName) \(v.byteCount)\n" }
        let file = entry.appendingPathComponent("variants.txt")
        do {
            try Data(text.utf8).write(to: file, options: .atomic)
        } catch {
            throw ImageError(path: file.path, code: .writeFailed, message: "cannot write (\(ErrorText.reason(error)))")
        }
    }
}
