import Testing
import DinhCore

@Suite struct DiagnosticsTests {
    /// The order the terminal prints: by file, line and column, errors before warnings, each once.
    @Test func sortedIsInFileOrderWithoutDuplicates() {
        let a = SourceLocation(path: "products/banh-gai/index.md", line: 3)
        let b = SourceLocation(path: "heritage/dinh-ha-mo/index.md", line: 7)
        var diagnostics = Diagnostics()
        diagnostics.warning(a, "no photo")
        diagnostics.error(b, "no name")
        diagnostics.warning(a, "no brand", group: "Feeds")
        diagnostics.warning(a, "no photo")        // the same page checked twice
        diagnostics.error(a, "no photo")          // an error of the same words is another line
        diagnostics.warning(a, "no brand")        // the same words without the group: another diagnostic
        diagnostics.warning(b, "no name")
        let lines = diagnostics.sorted.map(\.description)
        #expect(lines == [
            "heritage/dinh-ha-mo/index.md:7:1: error: no name",
            "heritage/dinh-ha-mo/index.md:7:1: warning: no name",
            "products/banh-gai/index.md:3:1: error: no photo",
            "products/banh-gai/index.md:3:1: warning: no brand",
            "products/banh-gai/index.md:3:1: warning: no brand",
            "products/banh-gai/index.md:3:1: warning: no photo",
        ])
        diagnostics.warning(a, "no brand", group: "Feeds")   // counted once
        #expect(diagnostics.groupCounts.map(\.group) == ["Feeds"])
        #expect(diagnostics.groupCounts.map(\.count) == [1])
    }
}
