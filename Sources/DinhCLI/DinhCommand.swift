import ArgumentParser
import DinhContent
import DinhCore
import DinhSite
import Foundation

/// `dinh`: builds a heritage and OCOP website from a content folder.
public struct DinhCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dinh",
        abstract: CLIMessage.rootAbstract.text,
        discussion: CLIMessage.rootDiscussion.text,
        version: "0.1.0",
        subcommands: [Build.self, Check.self, Serve.self, QR.self, Import.self, Init.self]
    )

    @OptionGroup var language: LanguageOptions

    public init() {}

    /// Runs the command line and exits with the contract's status: 0 success, 1 content errors or a
    /// failure while working (named with its file), 2 wrong usage (only what parsing the words finds).
    public static func main(arguments: [String]? = nil) async -> Never {
        var command: any ParsableCommand
        // `--lang` was read at launch (CLI.language, before --help is made); it is taken out of the
        // words here so it may stand anywhere: `dinh --lang vi build`, `dinh build --lang vi`.
        var words: [String]
        switch LanguageOptions.remove(from: arguments ?? Array(CommandLine.arguments.dropFirst())) {
        case .success(let rest): words = rest
        case .failure(let wrong):
            Terminal.standardError("Error: \(CLIMessage.languageChoice(found: wrong.value).text)")
            Foundation.exit(2)
        }
        // `dinh import danh-sach.xlsx`: a spreadsheet imports products, the one kind there is (the
        // word left out was "2 unexpected arguments").
        if words.count > 1, words[0] == "import", [".csv", ".xlsx", ".xls"].contains(where: words[1].lowercased().hasSuffix) {
            words.insert("products", at: 1)
        }
        // `dinh importt`: ArgumentParser says "unexpected argument"; the command meant is said instead.
        let commands = configuration.subcommands.map { $0.configuration.commandName ?? "" }
        if let first = words.first, !first.hasPrefix("-"), first != "help", !commands.contains(first),
           let guess = DidYouMean.suggestion(for: first, among: commands) {
            Terminal.standardError(CLI.parserText("Error: ") + CLIMessage.unknownCommand(found: first, guess: guess).text)
            Foundation.exit(2)
        }
        do {
            command = try parseAsRoot(words)
        } catch {
            // Help and --version are "errors" that succeed; every other parsing problem is wrong usage.
            let code = exitCode(for: error)
            if code == .success { print(CLI.parserText(fullMessage(for: error))) } else { Terminal.standardError(CLI.parserText(fullMessage(for: error))) }
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
            Terminal.standardError(error.description(in: CLI.language))
            Foundation.exit(1)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            switch exitCode(for: error) {
            case .success:
                print(CLI.parserText(fullMessage(for: error)))  // help, asked for
                Foundation.exit(0)
            case .validationFailure:
                // A command that finds its words wrong only once it starts (a folder that exists already).
                Terminal.standardError(CLI.parserText(fullMessage(for: error)))
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
    @Argument(help: ArgumentHelp(CLIMessage.helpContentFolder.text), completion: .directory)
    var contentDirectory: String = "content"

    @OptionGroup var language: LanguageOptions

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

    /// Prints the diagnostics (`lines`) and a summary line.
    static func report(_ diagnostics: Diagnostics, everyWarning: Bool = false) {
        // One write for all: a cooperative's 10,000 products without photos are 10,000 warnings.
        let language = CLI.language
        let sorted = diagnostics.sorted
        let lines = lines(sorted, everyWarning: everyWarning)
        guard !lines.isEmpty else { return }
        var text = lines.joined(separator: "\n")
        for (group, count) in Diagnostics.groupCounts(of: sorted, in: language) { text += "\n\(group): \(count)" }
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        if errors > 0 {
            text += "\n" + CLIMessage.summaryErrors(errors: errors, warnings: warnings).text
        } else if warnings > 0 {
            text += "\n" + CLIMessage.summaryWarnings(warnings: warnings).text
        }
        standardError(text)
    }

    /// The diagnostics, errors and warnings in file order, one per line. Every error is there; a
    /// warning said word for word of many files (a spreadsheet of 500 products imported without
    /// photos) is there for the first `warningsShown` of them, then counted, so that it does not
    /// bury the others. `dinh check` (`everyWarning`) has every one.
    static func lines(_ diagnostics: Diagnostics, everyWarning: Bool = false) -> [String] {
        lines(diagnostics.sorted, everyWarning: everyWarning)
    }

    /// The lines of diagnostics already `sorted`.
    private static func lines(_ sorted: [Diagnostic], everyWarning: Bool) -> [String] {
        let language = CLI.language
        let messages = sorted.map { $0.message(in: language) }
        var times: [String: Int] = [:]
        if !everyWarning {
            for (diagnostic, message) in zip(sorted, messages) where diagnostic.severity == .warning { times[message, default: 0] += 1 }
        }
        var lines: [String] = [], printed: [String: Int] = [:]
        for (diagnostic, message) in zip(sorted, messages) {
            // Counted only when that saves lines: "and 1 more" would take the line it saves.
            guard diagnostic.severity == .warning, let total = times[message], total > warningsShown + 1 else {
                lines.append(diagnostic.description(in: language))
                continue
            }
            let count = printed[message, default: 0] + 1
            printed[message] = count
            if count <= warningsShown { lines.append(diagnostic.description(in: language)) }
            if count == warningsShown { lines.append(CLIMessage.moreWarningsLikeThis(count: total - count).text) }
        }
        return lines
    }

    /// How many files a warning said of many is printed for.
    static let warningsShown = 3
}

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: CLIMessage.buildAbstract.text)

    @OptionGroup var content: ContentOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(CLIMessage.helpOutput.text), completion: .directory)
    var output: String = "public"

    @Option(help: ArgumentHelp(CLIMessage.helpBaseURL.text))
    var baseURL: String?

    @Option(help: ArgumentHelp(CLIMessage.helpJobs.text))
    var jobs: Int?

    @Flag(name: .shortAndLong, help: ArgumentHelp(CLIMessage.helpQuiet.text))
    var quiet = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError(CLIMessage.jobsAtLeastOne.text) }
    }

    func run() async throws {
        let quiet = quiet
        let options = BuildOptions(content: content.url, displayContent: content.contentDirectory, output: URL(fileURLWithPath: output),
                                   baseURL: baseURL, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                   log: { line in if !quiet { print(line) } },
                                   progress: quiet || !Terminal.isInteractive ? nil : Terminal.progressBar, language: CLI.language)
        let started = Date()
        let report = try await SiteBuilder(options: options).build()
        Terminal.report(report.diagnostics)
        guard report.succeeded else { throw ContentErrors() }
        if !quiet {
            print(CLIMessage.built(pages: report.pages, files: report.files, output: output, seconds: String(format: "%.2f", Date().timeIntervalSince(started)),
                                   processed: report.imagesProcessed, cached: report.imagesFromCache).text)
        }
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: CLIMessage.checkAbstract.text)

    @OptionGroup var content: ContentOptions

    func run() async throws {
        // The whole build, links included, into a scratch folder thrown away: nothing changes.
        let options = BuildOptions(content: content.url, displayContent: content.contentDirectory, output: URL(fileURLWithPath: "public"),
                                   language: CLI.language)
        let report = try await SiteBuilder(options: options).check()
        Terminal.report(report.diagnostics, everyWarning: true)
        guard report.succeeded else { throw ContentErrors() }
        print(CLIMessage.noErrors(content: content.contentDirectory).text)
    }
}

/// `--lang vi|en`, listed in every command's help. The words are read at launch (`CLI.language`) and
/// taken out before parsing, so this option is never set by the parser itself.
struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp(CLIMessage.helpLanguage.text, valueName: "vi|en"))
    var lang: String?

    struct Wrong: Error { var value: String }

    /// The words without `--lang X` / `--lang=X`; a value that is no language is wrong usage.
    static func remove(from words: [String]) -> Result<[String], Wrong> {
        var rest: [String] = []
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            if word == "--" { rest += words[index...]; break }
            if word == "--lang", index + 1 < words.endIndex {
                guard Language(code: words[index + 1]) != nil else { return .failure(Wrong(value: words[index + 1])) }
                index += 2
                continue
            }
            if word.hasPrefix("--lang=") {
                let value = String(word.dropFirst("--lang=".count))
                guard Language(code: value) != nil else { return .failure(Wrong(value: value)) }
                index += 1
                continue
            }
            rest.append(word)
            index += 1
        }
        return .success(rest)
    }
}
