import DinhServe
import DinhSite
import DinhTestSupport
import Foundation
import Testing

/// Build, serve, watch, rebuild, reload: the whole preview on a fixture site and a loopback port.
@Suite(.serialized) struct PreviewSessionTests {
    let fixture: SiteFixture
    let builds = BuildLog()

    init() throws { fixture = try SiteFixture() }

    private func withSession(_ body: (UInt16, PreviewSession) async throws -> Void) async throws {
        let options = BuildOptions(content: fixture.content, displayContent: "content", output: fixture.directory.file("preview"), jobs: 2)
        let session = PreviewSession(options: options, ports: [0], pollInterval: .milliseconds(100), onBuild: { [builds] in builds.add($0) })
        let port = try await session.start()
        do {
            try await body(port, session)
        } catch {
            await session.stop()
            fixture.directory.remove()
            throw error
        }
        await session.stop()
        fixture.directory.remove()
    }

    @Test func anEditRebuildsAndReloadsWithinTwoSeconds() async throws {
        try await withSession { port, _ in
            #expect(builds.all.first?.succeeded == true, "\(builds.all.first?.errorLines ?? [])")
            let before = try await HTTPTestClient.get(port: port, "/heritage/quan-phuong-tri/")
            #expect(before.status == 200)
            #expect(!before.text.contains("Một câu mới"))

            let fixture = fixture
            let received = try await HTTPTestClient.events(port: port, timeout: 5, whileOpen: {
                try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic + "\n\nMột câu mới.\n")
            }, until: { $0.contains("event: reload") })
            #expect(received.text.contains("event: reload"), "\(received.text)")
            #expect(received.seconds < 2, "reload after \(received.seconds) s")

            let after = try await HTTPTestClient.get(port: port, "/heritage/quan-phuong-tri/")
            #expect(after.text.contains("Một câu mới"))
            #expect(builds.all.last?.changed == ["heritage/quan-phuong-tri/index.md"])
        }
    }

    @Test func aBrokenEditShowsTheErrorAndKeepsTheLastGoodSite() async throws {
        try await withSession { port, _ in
            let good = try await HTTPTestClient.get(port: port, "/products/che-lam/")
            #expect(good.status == 200)

            let fixture = fixture
            let received = try await HTTPTestClient.events(port: port, timeout: 5, whileOpen: {
                try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45.000đ"))
            }, until: { $0.contains("'price' must be a whole number") })
            #expect(received.text.contains("event: build-error"), "\(received.text)")
            #expect(received.text.contains("content/products/che-lam/index.md:11:8: error: 'price' must be a whole number"), "\(received.text)")
            #expect(received.seconds < 2)

            let stillGood = try await HTTPTestClient.get(port: port, "/products/che-lam/")
            #expect(stillGood.status == 200)
            #expect(stillGood.body == good.body, "the last good page, byte for byte")

            // A page opened now learns about the error as soon as it connects.
            let late = try await HTTPTestClient.events(port: port, timeout: 3, until: { $0.contains("'price' must be a whole number") })
            #expect(late.text.contains("'price' must be a whole number"))

            // Fixing it reloads the pages.
            let fixed = try await HTTPTestClient.events(port: port, timeout: 5, whileOpen: {
                try fixture.write("products/che-lam/index.md", SiteFixture.product)
            }, until: { $0.contains("event: reload") })
            #expect(fixed.text.contains("event: reload"))
            #expect(builds.all.last?.succeeded == true)
        }
    }

    @Test func savingTheSameBytesDoesNotRebuild() async throws {
        try await withSession { _, _ in
            let count = builds.all.count
            try fixture.write("site.yaml", SiteFixture.siteYAML)
            try await Task.sleep(for: .milliseconds(600))
            #expect(builds.all.count == count)
        }
    }
}

/// The builds a session reported, in order.
final class BuildLog: @unchecked Sendable {
    private var builds: [PreviewBuild] = []
    private let lock = NSLock()
    func add(_ build: PreviewBuild) { lock.withLock { builds.append(build) } }
    var all: [PreviewBuild] { lock.withLock { builds } }
}
