import Dinh
import Foundation

/// `dinh-bench feeds CONTENT_DIR OUTPUT_DIR`: loads a content folder and writes every feed,
/// the JSON-LD of every page and the feed checks, printing the time of each step.
enum FeedsBench {
    static func run(_ args: [String]) -> Int32 {
        guard args.count == 2 else {
            FileHandle.standardError.write(Data("usage: dinh-bench feeds CONTENT_DIR OUTPUT_DIR\n".utf8))
            return 2
        }
        // Wall and CPU time per step: on a shared machine CPU time is the steadier figure.
        func cpu() -> Double {
            var usage = rusage()
            #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            #else
            getrusage(RUSAGE_SELF, &usage)
            #endif
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        let start = Date()
        var last = start, lastCPU = cpu()
        func step(_ name: String) {
            let now = Date(), nowCPU = cpu()
            print(String(format: "  %-10@ %7.3f s wall %7.3f s CPU", name as NSString, now.timeIntervalSince(last), nowCPU - lastCPU))
            last = now
            lastCPU = nowCPU
        }
        let today = CalendarDate.today()
        let (loaded, diagnostics) = ContentLoader(root: URL(fileURLWithPath: args[0]), displayRoot: args[0], today: today).load()
        guard let content = loaded else {
            for diagnostic in diagnostics.sorted.prefix(20) { print(diagnostic) }
            return 1
        }
        step("load")
        // Photos as the site builder would publish them: a 1000 px variant beside the page.
        let options = FeedOptions(today: today) { media in
            FeedImage(url: content.site.baseURL + "media/" + media.path, width: 1000, height: 1000)
        }
        let (files, feedDiagnostics) = Feeds.files(for: content, options: options)
        step("feeds")
        let output = URL(fileURLWithPath: args[1])
        do {
            for file in files {
                let url = output.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url)
            }
        } catch {
            print("error: \(error)")
            return 1
        }
        step("write")
        var bytes = 0
        for language in content.site.languages {
            for product in content.products {
                bytes += JSONLD.product(product, content: content, language: language, today: today,
                                        images: product.images.compactMap(options.image)).utf8.count
            }
            for relic in content.heritage {
                bytes += JSONLD.heritage(relic, content: content, language: language, images: [], narration: []).utf8.count
            }
        }
        step("json-ld")
        let checks = FeedChecks.diagnostics(for: content, today: today) { _ in PixelSize(width: 1000, height: 1000) }
        step("checks")
        let total = Date().timeIntervalSince(start)
        print("  \(content.products.count) products, \(files.count) feed files (\(files.reduce(0) { $0 + $1.data.count } / 1024) KiB), JSON-LD \(bytes / 1024) KiB, \(feedDiagnostics.all.count + checks.all.count) feed messages")
        print(String(format: "  total      %7.3f s", total))
        return 0
    }
}
