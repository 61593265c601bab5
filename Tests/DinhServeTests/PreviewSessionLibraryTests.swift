import DinhServe
import DinhSite
import DinhTestSupport
import Foundation
import Testing

/// `PreviewSession` used as a library, without HTTP traffic (which the binary's tests cover).
@Suite struct PreviewSessionLibraryTests {
    @Test func buildsOfOneSessionNeverOverlap() async throws {
        let fixture = try SiteFixture()
        defer { fixture.directory.remove() }
        let options = BuildOptions(content: fixture.content, displayContent: "content", output: fixture.directory.file("out"), jobs: 1)
        let session = PreviewSession(options: options, ports: [0])
        _ = try await session.start()
        // They share the output's staging folder: run at once, they would break each other.
        async let first = session.rebuild()
        async let second = session.rebuild()
        async let third = session.rebuild()
        let results = await [first, second, third]
        await session.stop()
        #expect(results.allSatisfy { $0.succeeded }, "\(results.map { $0.errorLines })")
        #expect(Set(results.map(\.number)) == [2, 3, 4])
        #expect(FileManager.default.fileExists(atPath: fixture.directory.file("out/index.html").path))
        #expect(await session.liveReload.generation == 4)
    }

    @Test func aFirstBuildWithContentErrorsStillServesAndReportsThem() async throws {
        let fixture = try SiteFixture()
        defer { fixture.directory.remove() }
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45.000đ"))
        let options = BuildOptions(content: fixture.content, displayContent: "content", output: fixture.directory.file("out"), jobs: 1)
        let reported = Reported()
        let session = PreviewSession(options: options, ports: [0], onBuild: { reported.add($0) })
        _ = try await session.start()
        let errors = await session.liveReload.errors ?? []
        await session.stop()
        #expect(errors.contains { $0.hasPrefix("content/products/che-lam/index.md:11:8: error: 'price' must be a whole number") }, "\(errors)")
        #expect(reported.builds.first?.succeeded == false)
    }
}

final class Reported: @unchecked Sendable {
    private var list: [PreviewBuild] = []
    private let lock = NSLock()
    func add(_ build: PreviewBuild) { lock.withLock { list.append(build) } }
    var builds: [PreviewBuild] { lock.withLock { list } }
}
