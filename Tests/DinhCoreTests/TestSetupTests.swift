import DinhTestSupport
import Foundation
import Testing

/// The tests' outside needs are all in scripts/test-needs.tsv, the table that `setup.sh --test`
/// installs from and `make check-setup` checks, so a fresh machine gets every one of them.
@Suite struct TestSetupTests {
    @Test func everyOutsidePathTheTestsNameIsListed() throws {
        let tests = Tools.repositoryRoot.appendingPathComponent("Tests")
        var unlisted: [String] = []
        for case let file as URL in FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)!
        where ["swift", "py"].contains(file.pathExtension) {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /["'](\/usr\/[A-Za-z0-9_.\/+-]+)["']/) {
                let path = String(match.1)
                // Folders, and coreutils' env (Essential, on every Debian), need no line.
                if path.hasSuffix("/") || path == "/usr/bin/env" { continue }
                if Tools.needs[path] == nil { unlisted.append("\(file.lastPathComponent): \(path)") }
            }
        }
        #expect(unlisted.isEmpty, "add these to scripts/test-needs.tsv with their Debian package: \(unlisted)")
        #expect(Tools.needs.count >= 20, "the table is read: \(Tools.needs.count) lines")
    }

    @Test func setupInstallsEveryPackageOfTheTable() throws {
        let setup = try String(contentsOf: Tools.repositoryRoot.appendingPathComponent("scripts/setup.sh"), encoding: .utf8)
        guard let list = setup.firstMatch(of: /test_packages=\(([^)]*)\)/) else {
            Issue.record("scripts/setup.sh has no test_packages=(…) list"); return
        }
        let installed = Set(list.1.split(whereSeparator: \.isWhitespace).map(String.init))
        let needed = Set(Tools.needs.values.map(\.package))
        #expect(needed.subtracting(installed).isEmpty, "add to test_packages in scripts/setup.sh: \(needed.subtracting(installed).sorted())")
    }

    @Test func aMissingNeedNamesItsPackageAndAnUnlistedOneFails() {
        let unlisted = "/usr/bin/" + "no-such-tool-dinh"
        #expect(throws: TestFailure.self) { try Tools.require(unlisted) }
        do {
            try Tools.require(unlisted)
        } catch {
            #expect("\(error)".contains("scripts/test-needs.tsv"))
        }
        // A listed path's message names its package (checked on the table, whether or not it is installed).
        #expect(Tools.needs["/usr/share/color/icc/ghostscript/srgb.icc"]?.package == "libgs-common")
    }
}
