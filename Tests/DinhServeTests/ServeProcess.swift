import DinhTestSupport
import Foundation

/// A running `dinh serve` (the real binary). The server runs in its own process so that other
/// tests blocking this process's few cooperative threads cannot stall it.
final class ServeProcess: @unchecked Sendable {
    let process: Process
    private(set) var port: UInt16 = 0
    private var out = Data(), err = Data()
    private let lock = NSLock()

    var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
    var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

    /// Starts `dinh serve <arguments>` in `directory` and waits (at most 60 s) for the address it prints.
    init(in directory: URL, _ arguments: [String]) async throws {
        process = Process()
        process.executableURL = Tools.dinhBinary
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = directory
        let outPipe = Pipe(), errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.out.append(data) }
        }
        errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            self?.lock.withLock { self?.err.append(data) }
        }
        try process.run()
        let printed = await waitFor(seconds: 60) { out, _ in out.contains("Serving on") }
        guard printed, let range = stdout.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression),
              let port = UInt16(stdout[range].dropFirst("http://127.0.0.1:".count).dropLast()) else {
            process.terminate()
            throw TestFailure("dinh serve printed no address; stdout: \(stdout) stderr: \(stderr)")
        }
        self.port = port
    }

    /// Waits until the output satisfies `condition`, for at most `seconds`.
    @discardableResult
    func waitFor(seconds: Double, _ condition: (String, String) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(stdout, stderr) { return true }
            if !process.isRunning { return condition(stdout, stderr) }
            try? await Task.sleep(for: .milliseconds(20))
        }
        // One last look: this task may have waited for a thread past the deadline.
        return condition(stdout, stderr)
    }

    /// Ctrl-C, then waits for the exit (at most 10 s, then kills it). Returns the exit status.
    @discardableResult
    func stop() async -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        if process.isRunning {
            process.terminate()
            return -1
        }
        return process.terminationStatus
    }
}
