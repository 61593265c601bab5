import DinhCore
import DinhTestSupport
import Foundation
import Testing

/// System errors read as a person reads them: the file and the reason, not NSError's user info.
@Suite struct ErrorTextTests {
    @Test func aFolderUnderAFileNamesThePathAndTheReason() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("cache", "not a folder")
        let error = try #require(throws: (any Error).self) {
            try FileManager.default.createDirectory(at: file.appendingPathComponent("images"), withIntermediateDirectories: true)
        }
        let text = ErrorText.describe(error)
        #expect(text.contains(file.path), "\(text)")
        #expect(text.hasSuffix("Not a directory") || text.hasSuffix("'\(file.path)' is a file, not a folder"), "\(text)")
        #expect(!text.contains("NSUnderlyingError") && !text.contains("UserInfo"), "\(text)")
    }

    @Test func ownErrorsKeepTheirWords() {
        #expect(ErrorText.describe(DinhError("the output folder is the content folder")) == "error: the output folder is the content folder")
    }
}
