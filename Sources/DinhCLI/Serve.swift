import ArgumentParser
import DinhCore
import DinhServe
import DinhSite
import Foundation

/// `dinh serve`: a live preview while writing content.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: CLIMessage.serveAbstract.text,
        discussion: CLIMessage.serveDiscussion.text
    )

    @OptionGroup var content: ContentOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(CLIMessage.helpPort.text))
    var port: Int?

    @Option(help: ArgumentHelp(CLIMessage.helpHost.text))
    var host: String = "127.0.0.1"

    @Option(name: .shortAndLong, help: ArgumentHelp(CLIMessage.helpServeOutput.text), completion: .directory)
    var output: String?

    @Option(help: ArgumentHelp(CLIMessage.helpBaseURL.text))
    var baseURL: String?

    @Option(help: ArgumentHelp(CLIMessage.helpJobs.text))
    var jobs: Int?

    @Flag(help: ArgumentHelp(CLIMessage.helpEdit.text))
    var edit = false

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError(CLIMessage.portRange.text) }
        if let jobs, jobs < 1 { throw ValidationError(CLIMessage.jobsAtLeastOne.text) }
    }

    func run() async throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw DinhError(Message(CLIMessage.noContentFolder(folder: content.contentDirectory)))
        }
        // A temporary output by default: previewing must never replace a `public/` about to be published.
        let temporary = output == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent("dinh-serve-\(ProcessInfo.processInfo.processIdentifier)")
            : nil
        let outputURL = temporary?.appendingPathComponent("site") ?? URL(fileURLWithPath: output ?? "public")
        var options = BuildOptions(content: content.url, displayContent: content.contentDirectory, output: outputURL,
                                   baseURL: baseURL, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, language: CLI.language)
        // A preview publishes nothing: its codes are not recorded as printed (the lock is still checked).
        options.recordCodes = false
        let ports: [UInt16] = port.map { [UInt16($0)] } ?? (8080...8099).map { UInt16($0) }
        // The tour editor writes into the content: on by default only when nobody else can reach the preview.
        let editing = edit || Self.isLoopback(host)
        let editorFolder = editing ? (temporary ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("dinh-serve-\(ProcessInfo.processInfo.processIdentifier)")).appendingPathComponent("tour-editor") : nil
        let session = PreviewSession(options: options, host: host, ports: ports, editorFolder: editorFolder, onBuild: { [display = content.contentDirectory] in Self.print(build: $0, content: display) })
        let bound: UInt16
        do {
            bound = try await session.start()
        } catch {
            if let temporary { try? FileManager.default.removeItem(at: temporary) }
            throw error
        }
        Self.printAddresses(host: host, port: bound)
        if editing && !Self.isLoopback(host) {
            Terminal.standardError(CLIMessage.tourEditorOnNetwork(host: host, url: "http://127.0.0.1:\(bound)/").text)
        }
        if editing { Self.say(CLIMessage.tourEditorOn.text) }
        Self.exitOnSignal(removing: temporary ?? editorFolder?.deletingLastPathComponent())
        // Serve until Ctrl-C; the signal handler ends the process.
        while true { try? await Task.sleep(for: .seconds(3600)) }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    private static func printAddresses(host: String, port: UInt16) {
        func url(_ address: String) -> String { "http://\(address.contains(":") ? "[\(address)]" : address):\(port)/" }
        if host == "0.0.0.0" || host == "::" || host.isEmpty {
            say(CLIMessage.servingHere(url: url("127.0.0.1")).text)
            for address in NetworkInterfaces.lanAddresses() {
                say(CLIMessage.servingNetwork(url: url(address)).text)
            }
        } else {
            say(CLIMessage.serving(url: url(host == "localhost" ? "127.0.0.1" : host)).text)
        }
        say(CLIMessage.watching.text)
    }

    /// The build's errors and warnings as `dinh build` prints them, then a line saying it was rebuilt or failed.
    private static func print(build: PreviewBuild, content: String) {
        let time = String(format: "%.2f", build.seconds)
        let cause = build.changed.isEmpty ? "" : (build.changed.count == 1 ? CLIMessage.fileChanged(file: "\(content)/\(build.changed[0])").text
                                                                      : CLIMessage.filesChanged(count: build.changed.count).text)
        if let report = build.report, !report.diagnostics.all.isEmpty {
            Terminal.standardError(Terminal.lines(report.diagnostics).joined(separator: "\n"))
        }
        if build.succeeded {
            say(CLIMessage.rebuilt(cause: cause, pages: build.report?.pages ?? 0, seconds: time).text)
        } else {
            if let failure = build.failure { Terminal.standardError(failure) }
            let errors = build.report?.diagnostics.errors.count ?? 1
            Terminal.standardError(CLIMessage.rebuildFailed(cause: cause, errors: errors, firstBuild: build.number == 1).text)
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
