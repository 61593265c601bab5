import DinhQR
import Foundation

/// `dinh-bench qr COUNT OUTDIR [--png-only]`: encodes COUNT codes and writes each as PNG and SVG
/// (or PNG only, the same work as `qrencode`), on all cores.
/// Prints one `key=value` line per figure so `scripts/bench-qr.sh` can read them.
enum QRBench {
    static let baseURL = "https://disan.danphuong.gov.vn/"

    static func code(_ index: Int) -> String { "B" + String(index).leftPadded(to: 4) }

    static func run(_ arguments: [String]) async -> Int32 {
        let pngOnly = arguments.contains("--png-only")
        let arguments = arguments.filter { $0 != "--png-only" }
        guard arguments.count == 2, let count = Int(arguments[0]), count > 0 else {
            FileHandle.standardError.write(Data("usage: dinh-bench qr COUNT OUTDIR [--png-only]\n".utf8))
            return 2
        }
        let output = URL(fileURLWithPath: arguments[1], isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            return 1
        }
        let workers = Int(ProcessInfo.processInfo.environment["DINH_BENCH_WORKERS"] ?? "") ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
        let start = ContinuousClock.now
        // One task per core over interleaved indices: no per-code task overhead, balanced load.
        let failures = await withTaskGroup(of: [String].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var failures: [String] = []
                    for index in stride(from: worker, to: count, by: workers) {
                        let code = code(index)
                        do {
                            let link = try QRLink(baseURL: baseURL, code: code)
                            try writeFile(output.appendingPathComponent("\(code).png").path, link.symbol.pngData())
                            if !pngOnly {
                                try writeFile(output.appendingPathComponent("\(code).svg").path, Data(link.symbol.svg().utf8))
                            }
                        } catch {
                            failures.append("\(code): \(error)")
                        }
                    }
                    return failures
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        let elapsed = ContinuousClock.now - start
        for failure in failures { FileHandle.standardError.write(Data("error: \(failure)\n".utf8)) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let sample = try? QRLink(baseURL: baseURL, code: code(0))
        print("codes=\(count) workers=\(workers) seconds=\(String(format: "%.3f", seconds))")
        if let sample {
            print("payload=\(sample.payload) version=\(sample.version) modules=\(sample.moduleCount) scale=\(sample.symbol.pixelsPerModule())")
        }
        return failures.isEmpty ? 0 : 1
    }
}

/// Plain open/write/close, as `qrencode` does: Foundation's `Data.write(to:)` fsyncs every file,
/// which on ext4 costs more than making the code.
struct WriteError: Error, CustomStringConvertible {
    var path: String
    var code: Int32
    var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
}

func writeFile(_ path: String, _ data: Data) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { throw WriteError(path: path, code: errno) }
    defer { close(fd) }
    try data.withUnsafeBytes { bytes in
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, code: errno)
            }
            offset += n
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
