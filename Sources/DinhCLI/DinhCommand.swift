import ArgumentParser
import DinhContent
import DinhCore
import DinhSite
import Foundation

/// `dinh`: builds a heritage and OCOP website from a content folder.
public struct DinhCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dinh",
        abstract: "Build a heritage and OCOP products website from a content folder.",
        discussion: "Start with `dinh init`, edit the files, then `dinh build`. Every problem is reported as file:line:column.",
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Serve.self, QR.self, Import.self, Init.self]
    )

    public init() {}

    /// Runs the command line and exits with the contract's status: 0 success, 1 content errors or a
    /// failure while working (named with its file), 2 wrong usage (only what parsing the words finds).
    public static func main(arguments: [String]? = nil) async -> Never {
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            // Help and --version are "errors" that succeed; every other parsing problem is wrong usage.
            let code = exitCode(for: error)
            if code == .success { print(fullMessage(for: error)) } else { Terminal.standardError(fullMessage(for: error)) }
            Foundation.exit(code == .success ? 0 : 2)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch is ContentErrors {
            Foundation.exit(1)
        } catch let error as DinhError {
            Terminal.standardError(error.description)
            Foundation.exit(1)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            switch exitCode(for: error) {
            case .success:
                print(fullMessage(for: error))  // help, asked for
                Foundation.exit(0)
            case .validationFailure:
                // A command that finds its words wrong only once it starts (a folder that exists already).
                Terminal.standardError(fullMessage(for: error))
                Foundation.exit(2)
            default:
                Terminal.standardError("error: \(ErrorText.describe(error))")
                Foundation.exit(1)
            }
        }
    }
}

/// Thrown after the diagnostics have been printed, to exit with status 1.
struct ContentErrors: Error {}

/// Options shared by the commands that read a content folder.
struct ContentOptions: ParsableArguments {
    @Argument(help: "The content folder.", completion: .directory)
    var contentDirectory: String = "content"

    var url: URL { URL(fileURLWithPath: contentDirectory) }
}

enum Terminal {
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var isInteractive: Bool { isatty(STDERR_FILENO) != 0 }

    /// A one-line bar on the terminal, redrawn in place: `[██████······] 12/40 cong-dinh.jpg`.
    @Sendable static func progressBar(done: Int, total: Int, name: String) {
        let width = 24, filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let line = "\r[\(bar)] \(done)/\(total) \(name.prefix(40))\u{1B}[K" + (done == total ? "\n" : "")
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Prints every diagnostic (errors and warnings in file order) and a summary line.
    static func report(_ diagnostics: Diagnostics) {
        // One write for all: a cooperative's 10,000 products without photos are 10,000 warnings.
        let lines = diagnostics.sorted.map(\.description)
        guard !lines.isEmpty else { return }
        var text = lines.joined(separator: "\n")
        for (group, count) in diagnostics.groupCounts { text += "\n\(group): \(count)" }
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        if errors > 0 {
            text += "\n\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"): fix the errors above and run again (nothing was changed)"
        } else if warnings > 0 {
            text += "\n\(warnings) warning\(warnings == 1 ? "" : "s")"
        }
        standardError(text)
    }
}

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the website into the output folder (default ./public).")

    @OptionGroup var content: ContentOptions

    @Option(name: .shortAndLong, help: "The output folder, replaced as a whole when the build succeeds.", completion: .directory)
    var output: String = "public"

    @Option(help: "Use this address instead of base_url from site.yaml.")
    var baseURL: String?

    @Option(help: "How many images to process at once (default: the number of cores).")
    var jobs: Int?

    @Flag(name: .shortAndLong, help: "Print nothing but problems.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    func run() async throws {
        let quiet = quiet
        let options = BuildOptions(content: content.url, displayContent: content.contentDirectory, output: URL(fileURLWithPath: output),
                                   baseURL: baseURL, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                   log: { line in if !quiet { print(line) } },
                                   progress: quiet || !Terminal.isInteractive ? nil : Terminal.progressBar)
        let started = Date()
        let report = try await SiteBuilder(options: options).build()
        Terminal.report(report.diagnostics)
        guard report.succeeded else { throw ContentErrors() }
        if !quiet {
            print("Built \(report.pages) pages (\(report.files) files) into \(output) in \(String(format: "%.2f", Date().timeIntervalSince(started))) s; "
                  + "images: \(report.imagesProcessed) processed, \(report.imagesFromCache) from the cache")
        }
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the content, media, links and QR codes; build nothing.")

    @OptionGroup var content: ContentOptions

    func run() async throws {
        // The whole build, links included, into a scratch folder thrown away: nothing changes.
        let options = BuildOptions(content: content.url, displayContent: content.contentDirectory, output: URL(fileURLWithPath: "public"))
        let report = try await SiteBuilder(options: options).check()
        Terminal.report(report.diagnostics)
        guard report.succeeded else { throw ContentErrors() }
        print("No errors in \(content.contentDirectory)")
    }
}
