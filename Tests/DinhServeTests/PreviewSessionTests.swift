import DinhTestSupport
import Foundation
import Testing

/// Build, serve, watch, rebuild, reload: `dinh serve` on a fixture site and a loopback port.
@Suite(.serialized) struct PreviewSessionTests {
    let fixture: SiteFixture

    init() throws { fixture = try SiteFixture() }

    private func withServe(_ body: (UInt16, ServeProcess) async throws -> Void) async throws {
        let serve = try await ServeProcess(in: fixture.directory.url, ["content", "--port", "0"])
        do {
            try await body(serve.port, serve)
        } catch {
            await serve.stop()
            fixture.directory.remove()
            throw error
        }
        #expect(await serve.stop() == 0)
        fixture.directory.remove()
    }

    private func builds(_ serve: ServeProcess) -> Int {
        serve.stdout.split(separator: "\n").filter { $0.contains("built ") }.count
    }

    @Test func anEditRebuildsAndReloadsWithinTwoSeconds() async throws {
        try await withServe { port, serve in
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
            await serve.waitFor(seconds: 2) { out, _ in out.contains("content/heritage/quan-phuong-tri/index.md changed: built") }
            #expect(serve.stdout.contains("content/heritage/quan-phuong-tri/index.md changed: built"), "\(serve.stdout)")
        }
    }

    @Test func aBrokenEditShowsTheErrorAndKeepsTheLastGoodSite() async throws {
        try await withServe { port, serve in
            let good = try await HTTPTestClient.get(port: port, "/products/che-lam/")
            #expect(good.status == 200)

            let fixture = fixture
            let received = try await HTTPTestClient.events(port: port, timeout: 5, whileOpen: {
                try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45.000đ"))
            }, until: { $0.contains("'price' must be a whole number") })
            #expect(received.text.contains("event: build-error"), "\(received.text)")
            #expect(received.text.contains("content/products/che-lam/index.md:11:8: error: 'price' must be a whole number"), "\(received.text)")
            #expect(received.seconds < 2)

            // The same lines in the terminal.
            await serve.waitFor(seconds: 2) { _, err in err.contains("still showing the last good build") }
            #expect(serve.stderr.contains("content/products/che-lam/index.md:11:8: error: 'price' must be a whole number"), "\(serve.stderr)")
            #expect(serve.stderr.contains("content/products/che-lam/index.md changed: 1 error: still showing the last good build"))

            let stillGood = try await HTTPTestClient.get(port: port, "/products/che-lam/")
            #expect(stillGood.status == 200)
            #expect(stillGood.body == good.body, "the last good page, byte for byte")

            // A page opened now learns about the error as soon as it connects.
            let late = try await HTTPTestClient.events(port: port, timeout: 3, until: { $0.contains("'price' must be a whole number") })
            #expect(late.text.contains("event: build-error"))

            // Fixing it reloads the pages.
            let fixed = try await HTTPTestClient.events(port: port, timeout: 5, whileOpen: {
                try fixture.write("products/che-lam/index.md", SiteFixture.product)
            }, until: { $0.contains("event: reload") })
            #expect(fixed.text.contains("event: reload"))
        }
    }

    @Test func onlyRealChangesRebuild() async throws {
        try await withServe { _, serve in
            // A preview publishes nothing: its codes are not recorded as printed (an officer may
            // then delete the examples `dinh init` wrote without being told their codes were published).
            try await Task.sleep(for: .milliseconds(900))
            #expect(builds(serve) == 1, "\(serve.stdout)")
            #expect(!FileManager.default.fileExists(atPath: fixture.content.appendingPathComponent("codes.lock").path))
            // Neither is saving a file with the same bytes, nor an editor's backup file. Saved as
            // editors do, whole (a rewrite in place can be seen half-done by the watcher's poll,
            // which then rightly sees a change).
            try Data(SiteFixture.siteYAML.utf8).write(to: fixture.content.appendingPathComponent("site.yaml"), options: .atomic)
            try fixture.write("heritage/quan-phuong-tri/index.md~", "backup")
            try fixture.write(".git/index", "git")
            try await Task.sleep(for: .milliseconds(900))
            #expect(builds(serve) == 1, "\(serve.stdout)")
            // A new file is.
            try fixture.write("heritage/quan-phuong-tri/ghi-chu.txt", "ghi chú")
            await serve.waitFor(seconds: 3) { out, _ in out.split(separator: "\n").filter { $0.contains("built ") }.count == 2 }
            #expect(builds(serve) == 2, "\(serve.stdout)")
        }
    }
}
