import DinhContent
import DinhCore
import DinhFeeds
import DinhTestSupport
import Foundation
import Testing

/// Golden files of every feed and JSON-LD block of the fixture, so that any change of output is
/// seen in review. Re-record on purpose with `DINH_RECORD_SNAPSHOTS=1`; recording fails the test
/// so that it is never silently accepted.
@Suite struct SnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    @Test func feedsAndJSONLDMatchTheirSnapshots() throws {
        let feed = try FeedFixture()
        let content = feed.content
        var outputs = feed.files()
        let image = [FeedImage(url: "https://disan.example.vn/media/a-800.jpg", width: 800, height: 800)]
        for product in content.products {
            outputs["jsonld/product-\(product.slug).json"] = Data(JSONLD.product(product, content: content, language: "vi", today: FeedFixture.today, images: image).utf8)
        }
        for producer in content.producers {
            outputs["jsonld/producer-\(producer.slug).json"] = Data(JSONLD.producer(producer, content: content, language: "en").utf8)
        }
        for relic in content.heritage {
            outputs["jsonld/heritage-\(relic.slug).json"] = Data(JSONLD.heritage(relic, content: content, language: "vi", images: image, narration: [
                AudioLink(language: "vi", url: "https://disan.example.vn/heritage/\(relic.slug)/thuyet-minh.vi.mp3", transcript: "Chào mừng & <hoan nghênh>."),
            ]).utf8)
        }
        let record = ProcessInfo.processInfo.environment["DINH_RECORD_SNAPSHOTS"] == "1"
        for (path, data) in outputs.sorted(by: { $0.key < $1.key }) {
            let url = Self.folder.appendingPathComponent(path)
            if record {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
                Issue.record("recorded \(path); run again without DINH_RECORD_SNAPSHOTS")
                continue
            }
            let expected = try #require(FileManager.default.contents(atPath: url.path), "no snapshot \(path); record with DINH_RECORD_SNAPSHOTS=1")
            #expect(data == expected, "\(path) differs from its snapshot:\n\(String(decoding: data, as: UTF8.self))")
        }
    }
}
