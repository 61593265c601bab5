import Dinh
import DinhImaging
import Foundation

/// `dinh-bench images SOURCE_DIR OUT_DIR [CACHE_DIR] [--widths 480,960,1600] [--jobs N]`: responsive
/// variants for every JPEG/PNG in SOURCE_DIR through the image pipeline; prints the wall time and
/// how many images were processed or served from the cache. Exit status 1 if any image failed.
func imagesBench(_ arguments: [String]) async -> Int32 {
    var positional: [String] = []
    var widths = ImagePipeline.defaultWidths
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var index = 0
    while index < arguments.count {
        if arguments[index] == "--widths", index + 1 < arguments.count {
            widths = arguments[index + 1].split(separator: ",").compactMap { Int($0) }
            index += 2
        } else if arguments[index] == "--jobs", index + 1 < arguments.count, let value = Int(arguments[index + 1]) {
            jobs = value
            index += 2
        } else {
            positional.append(arguments[index])
            index += 1
        }
    }
    guard positional.count >= 2 else {
        FileHandle.standardError.write(Data("usage: dinh-bench images SOURCE_DIR OUT_DIR [CACHE_DIR] [--widths 480,960,1600] [--jobs N]\n".utf8))
        return 2
    }
    let sourceDirectory = URL(fileURLWithPath: positional[0], isDirectory: true)
    let output = URL(fileURLWithPath: positional[1], isDirectory: true)
    let cache = positional.count > 2 ? URL(fileURLWithPath: positional[2], isDirectory: true)
        : output.appendingPathComponent(".dinh-cache", isDirectory: true)
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: sourceDirectory.path)) ?? [])
        .filter { ["jpg", "jpeg", "png"].contains(($0 as NSString).pathExtension.lowercased()) }
        .sorted()
    let imageJobs = names.map { ImageJob(source: sourceDirectory.appendingPathComponent($0), widths: widths) }
    let pipeline = ImagePipeline(cacheDirectory: cache, outputDirectory: output, concurrency: jobs)
    let start = Date()
    let result = await pipeline.run(imageJobs)
    let seconds = Date().timeIntervalSince(start)
    for failure in result.failures {
        FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
    }
    print(String(format: "images: %d sources, %d processed, %d from cache, %d failed, %.3f s",
                 imageJobs.count, result.processedCount, result.cachedCount, result.failures.count, seconds))
    return result.failures.isEmpty ? 0 : 1
}
