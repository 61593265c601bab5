import DinhTestSupport
import Foundation
import Testing

/// Every input the fuzzers once crashed or hung Dinh with (`Fuzz/regressions/<target>/`), and the
/// seeds they start from (`Fuzz/corpus/<target>/`), replayed through the normal build of
/// `dinh-fuzz`: each must return, within 10 seconds and 500 MB, without a crash.
@Suite struct FuzzRegressionTests {
    static let fuzz = Tools.repositoryRoot.appendingPathComponent("Fuzz")

    static func inputs(_ folder: String) -> [(target: String, file: URL)] {
        let root = fuzz.appendingPathComponent(folder)
        var found: [(String, URL)] = []
        for target in ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(target).path)) ?? []
            for name in files.sorted() where !name.hasPrefix(".") {
                found.append((target, root.appendingPathComponent(target).appendingPathComponent(name)))
            }
        }
        return found
    }

    func replay(_ target: String, _ file: URL) throws {
        let binary = Tools.dinhBinary.deletingLastPathComponent().appendingPathComponent("dinh-fuzz")
        let peak = FileManager.default.temporaryDirectory.appendingPathComponent("dinh-fuzz-peak-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: peak) }
        let start = Date()
        let result = try Tools.run(Tools.require("/usr/bin/time"), ["-f", "%M", "-o", peak.path, "/usr/bin/timeout", "10", binary.path, target, file.path])
        #expect(result.status == 0, "\(target) \(file.lastPathComponent): exit \(result.status) after \(Date().timeIntervalSince(start)) s\n\(result.stderr.prefix(3000))")
        // Hostile input stays within bounded memory (500 MB), however large the sizes it declares.
        let kilobytes = Int((try String(contentsOf: peak, encoding: .utf8)).split(separator: "\n").last ?? "") ?? .max
        #expect(kilobytes < 500_000, "\(target) \(file.lastPathComponent): peak \(kilobytes / 1024) MB")
    }

    @Test(arguments: inputs("regressions").map { "\($0.target)/\($0.file.lastPathComponent)" })
    func regression(_ name: String) throws {
        let parts = name.split(separator: "/").map(String.init)
        try replay(parts[0], Self.fuzz.appendingPathComponent("regressions/\(name)"))
    }

    @Test func everySeedIsReadWithoutACrash() throws {
        let seeds = Self.inputs("corpus")
        #expect(seeds.count >= 30)
        for (target, file) in seeds { try replay(target, file) }
    }
}
