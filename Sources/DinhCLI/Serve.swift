import ArgumentParser
import DinhCore
import DinhServe
import DinhSite
import Foundation

/// `dinh serve`: a live preview while writing content.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site in a browser; it is rebuilt and reloaded whenever a content file changes.",
        discussion: """
        The site is built into a temporary folder (removed on exit; choose one with --output) and served \
        on http://127.0.0.1:8080/. With --host 0.0.0.0 phones on the same Wi-Fi can open it too. \
        A build with errors prints them here and over the page in the browser, and the last good \
        version stays on screen. Stop with Ctrl-C.
        """
    )

    @OptionGroup var content: ContentOptions

    @Option(name: .shortAndLong, help: "The port to listen on (default 8080, or the next free one; 0: any free port).")
    var port: Int?

    @Option(help: "The address to listen on: 127.0.0.1 (this computer only) or 0.0.0.0 (phones on the same network too).")
    var host: String = "127.0.0.1"

    @Option(name: .shortAndLong, help: "Build into this folder and keep it (default: a temporary folder).", completion: .directory)
    var output: String?

    @Option(help: "Use this address instead of base_url from site.yaml.")
    var baseURL: String?

    @Option(help: "How many images to process at once (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    func run() async throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw DinhError("there is no content folder at \(content.contentDirectory); create one with `dinh init \(content.contentDirectory)`")
        }
        // A temporary output by default: previewing must never replace a `public/` about to be published.
        let temporary = output == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent("dinh-serve-\(ProcessInfo.processInfo.processIdentifier)")
            : nil
        let outputURL = temporary?.appendingPathComponent("site") ?? URL(fileURLWithPath: output ?? "public")
        let options = BuildOptions(content: content.url, displayContent: content.contentDirectory, output: outputURL,
                                   baseURL: baseURL, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let ports: [UInt16] = port.map { [UInt16($0)] } ?? (8080...8099).map { UInt16($0) }
        let session = PreviewSession(options: options, host: host, ports: ports, onBuild: { [display = content.contentDirectory] in Self.print(build: $0, content: display) })
        let bound: UInt16
        do {
            bound = try await session.start()
        } catch {
            if let temporary { try? FileManager.default.removeItem(at: temporary) }
            throw error
        }
        Self.printAddresses(host: host, port: bound)
        Self.exitOnSignal(removing: temporary)
        // Serve until Ctrl-C; the signal handler ends the process.
        while true { try? await Task.sleep(for: .seconds(3600)) }
    }

    private static func printAddresses(host: String, port: UInt16) {
        func url(_ address: String) -> String { "http://\(address.contains(":") ? "[\(address)]" : address):\(port)/" }
        if host == "0.0.0.0" || host == "::" || host.isEmpty {
            say("Serving on \(url("127.0.0.1")) (this computer)")
            for address in NetworkInterfaces.lanAddresses() {
                say("       and \(url(address)) (phones on the same network)")
            }
        } else {
            say("Serving on \(url(host == "localhost" ? "127.0.0.1" : host))")
        }
        say("Watching for changes; press Ctrl-C to stop.")
    }

    /// One line per good build, every error of a bad one (as `dinh build` prints them).
    private static func print(build: PreviewBuild, content: String) {
        let time = String(format: "%.2f", build.seconds)
        let cause = build.changed.isEmpty ? "" : (build.changed.count == 1 ? "\(content)/\(build.changed[0]) changed: " : "\(build.changed.count) files changed: ")
        if let report = build.report {
            for diagnostic in report.diagnostics.sorted { Terminal.standardError(diagnostic.description) }
        }
        if build.succeeded {
            say("\(cause)built \(build.report?.pages ?? 0) pages in \(time) s")
        } else {
            if let failure = build.failure { Terminal.standardError(failure) }
            let errors = build.report?.diagnostics.errors.count ?? 1
            Terminal.standardError("\(cause)\(errors) error\(errors == 1 ? "" : "s"): \(build.number == 1 ? "nothing to show yet" : "still showing the last good build"); save a fix and the page reloads")
        }
    }

    /// A line on standard output at once (it is often a pipe, which would hold it back).
    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Ctrl-C or a kill is how a preview ends: remove the temporary output, exit with success.
    private static func exitOnSignal(removing folder: URL?) {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .main)
            source.setEventHandler {
                if let folder { try? FileManager.default.removeItem(at: folder) }
                Foundation.exit(0)
            }
            source.resume()
            SignalSources.keep(source)
        }
    }
}

/// Signal sources must outlive the function that makes them.
private enum SignalSources {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    static func keep(_ source: any DispatchSourceSignal) { sources.append(source) }
}
