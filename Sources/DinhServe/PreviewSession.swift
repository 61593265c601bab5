import DinhCore
import DinhQR
import DinhSite
import Foundation

/// What one build of a preview did, for the terminal.
package struct PreviewBuild: Sendable {
    /// 1 for the first build.
    package var number: Int
    /// The content files (relative to the content folder) whose change started it; empty for the first.
    package var changed: [String]
    /// The builder's report; nil when the build stopped on a problem with the output folder.
    package var report: BuildReport?
    /// That problem, in words.
    package var failure: String?
    package var seconds: Double

    package var succeeded: Bool { failure == nil && report?.succeeded == true }

    /// The language of `failure` and `errorLines` (the build options').
    package var language: Language = .en

    /// The lines the browser overlay shows: the errors, as the terminal prints them.
    package var errorLines: [String] {
        if let failure { return [failure] }
        return report?.diagnostics.sorted.filter { $0.severity == .error }.map { $0.description(in: language) } ?? []
    }
}

/// `dinh serve` as a library: builds the content into the output folder, serves that folder,
/// and rebuilds and reloads the open pages whenever a content file changes. A failed build leaves
/// the output as it was (the builder swaps folders only on success), so the last good site keeps
/// being served while the browser shows the errors over it.
package actor PreviewSession {
    package nonisolated let options: BuildOptions
    package nonisolated let liveReload = LiveReload()
    private let host: String
    private let ports: [UInt16]
    private let pollInterval: Duration
    private let onBuild: @Sendable (PreviewBuild) -> Void
    /// The tour editor of relic pages (nil: none).
    package nonisolated let editor: TourEditor?
    private var server: PreviewServer?
    private var watching: Task<Void, Never>?
    private var builds = 0
    /// What the last build threw (not content errors, which are in its report).
    private var thrown: (any Error)?

    /// - Parameters:
    ///   - ports: tried in order until one is free; `[0]` takes any free port.
    ///   - onBuild: called after every build, good or not (the CLI prints it).
    ///   - editorFolder: with a folder (outside the content) for its undo copies, relic pages get
    ///     the tour editor; nil: no editor.
    package init(options: BuildOptions, host: String = "127.0.0.1", ports: [UInt16] = [8080],
                pollInterval: Duration = .milliseconds(300), editorFolder: URL? = nil,
                onBuild: @escaping @Sendable (PreviewBuild) -> Void = { _ in }) {
        self.options = options
        editor = editorFolder.map { TourEditor(content: options.content, displayContent: options.displayContent, undoFolder: $0) }
        self.host = host
        self.ports = ports.isEmpty ? [0] : ports
        self.pollInterval = pollInterval
        self.onBuild = onBuild
    }

    /// Builds once, starts the server and the watcher; returns the port it listens on.
    package func start() async throws -> UInt16 {
        let watcher = ContentWatcher(root: options.content)
        var baseline = watcher.baseline()
        // Content errors are shown while serving; a problem with the output folder itself
        // (it would overwrite the content, it cannot be written) stops here.
        await build(changed: [])
        if let thrown { throw thrown }
        baseline = watcher.refreshing(Self.writtenByTheBuild, in: baseline)
        var lastError: (any Error)?
        for port in ports {
            let server = PreviewServer(root: options.output, host: host, port: port, liveReload: liveReload, editor: editor, language: options.language)
            do {
                let bound = try await server.start()
                self.server = server
                watching = Task { await self.watch(watcher, from: baseline) }
                return bound
            } catch {
                lastError = error
            }
        }
        throw lastError ?? DinhError(ServeMessage.serverNotStarted)
    }

    package func stop() async {
        watching?.cancel()
        watching = nil
        await server?.stop()
        server = nil
    }

    /// Builds now, as if a file had changed.
    @discardableResult
    package func rebuild() async -> PreviewBuild { await build(changed: []) }

    /// Content files the build writes itself: the lock of published QR codes.
    static let writtenByTheBuild = [CodesLock.fileName]

    private func watch(_ watcher: ContentWatcher, from baseline: ContentWatcher.Snapshot) async {
        var known = baseline
        while !Task.isCancelled {
            try? await Task.sleep(for: pollInterval)
            var now = watcher.snapshot()
            guard !watcher.changes(from: known, to: &now).isEmpty, !Task.isCancelled else { known = now; continue }
            // Editors save in several steps and people save several files: let the burst settle,
            // and judge by the settled state (a file caught half-written may turn out unchanged).
            try? await Task.sleep(for: .milliseconds(80))
            var settled = watcher.snapshot()
            let changed = watcher.changes(from: known, to: &settled)
            guard !changed.isEmpty, !Task.isCancelled else { known = settled; continue }
            // The snapshot from before the build is the reference, so an edit saved while the
            // build runs starts another one; what the build itself writes does not.
            await build(changed: changed)
            known = watcher.refreshing(Self.writtenByTheBuild, in: settled)
        }
    }

    /// The build running or last run: builds of one session go one at a time, since they share
    /// the output folder and its staging folder.
    private var lastBuild: Task<PreviewBuild, Never>?

    @discardableResult
    private func build(changed: [String]) async -> PreviewBuild {
        let previous = lastBuild
        let next = Task {
            _ = await previous?.value
            return await self.runBuild(changed: changed)
        }
        lastBuild = next
        return await next.value
    }

    private func runBuild(changed: [String]) async -> PreviewBuild {
        builds += 1
        let started = ContinuousClock.now
        var result = PreviewBuild(number: builds, changed: changed, report: nil, failure: nil, seconds: 0)
        result.language = options.language
        thrown = nil
        do {
            result.report = try await SiteBuilder(options: options).build()
        } catch {
            thrown = error
            result.failure = (error as? DinhError)?.description(in: options.language) ?? "error: \(error)"
        }
        let elapsed = ContinuousClock.now - started
        result.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if result.succeeded {
            await liveReload.reload()
        } else {
            await liveReload.fail(result.errorLines)
        }
        // A first build that threw is reported by `start()` throwing it.
        if !(result.number == 1 && thrown != nil) { onBuild(result) }
        return result
    }
}
