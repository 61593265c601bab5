import DinhTestSupport
import Foundation
import Testing

/// Photos through the build: responsive variants, the cache, and unusable files.
@Suite struct MediaBuildTests {
    let fixture: SiteFixture

    init() throws {
        fixture = try SiteFixture()
        let photo = fixture.content.appendingPathComponent("products/che-lam/anh.jpg").path
        let made = try Tools.run("/usr/bin/convert", ["-size", "1200x900", "plasma:fractal", "-seed", "1", "-quality", "85", photo])
        #expect(made.status == 0, "\(made.stderr)")
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45000\nimages: [anh.jpg]"))
    }

    @Test func variantsAndAWarmRebuildThatDecodesNothing() throws {
        let cold = try fixture.dinh("build", "content", "--output", "public")
        #expect(cold.status == 0, "\(cold.stderr)")
        #expect(cold.stdout.contains("images: 1 processed, 0 from the cache"), "\(cold.stdout)")
        let files = Tools.tree(fixture.directory.file("public")).keys.filter { $0.hasPrefix("products/che-lam/anh-") }.sorted()
        #expect(files.count == 3, "480, 960 and the source width 1200 (1600 would be an upscale): \(files)")
        #expect(files.contains { $0.contains("-1200w.") } && !files.contains { $0.contains("-1600w.") })
        let page = try String(contentsOf: fixture.directory.file("public/products/che-lam/index.html"), encoding: .utf8)
        #expect(page.contains("width=\"960\" height=\"720\""))
        #expect(page.contains("srcset=\""))
        let warm = try fixture.dinh("build", "content", "--output", "public")
        #expect(warm.stdout.contains("images: 0 processed, 1 from the cache"), "\(warm.stdout)")
    }

    @Test func aTextFileNamedJPGIsAnErrorAtItsLine() throws {
        try fixture.write("products/che-lam/anh.jpg", "not a photo")
        let result = try fixture.dinh("build", "content", "--output", "public")
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/products/che-lam/index.md:12:10: error: 'anh.jpg' cannot be used"), "\(result.stderr)")
    }
}
