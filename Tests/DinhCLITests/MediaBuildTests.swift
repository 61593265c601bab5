import DinhTestSupport
import Foundation
import FoundationXML
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

    /// An iPhone's HEIC photo or a PDF renamed .jpg: the message says what the file is and how to
    /// make a JPEG of it.
    @Test(arguments: ["HEIC", "PDF"])
    func aFileOfAnotherFormatNamedJPGSaysWhatItIs(_ format: String) throws {
        let heic: [UInt8] = [0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8)
        let bytes: [UInt8] = format == "HEIC" ? heic : Array("%PDF-1.7\n".utf8)
        let said = format == "HEIC" ? "an iPhone HEIC photo, not a JPEG" : "a PDF file, not a JPEG or PNG photo"
        try fixture.write("products/che-lam/anh.jpg", data: Data(bytes + [UInt8](repeating: 0, count: 64)))
        let result = try fixture.dinh("build", "content", "--output", "public")
        #expect(result.status == 1)
        let error = result.stderr.split(separator: "\n").first { $0.contains("error: 'anh.jpg'") }.map(String.init) ?? ""
        #expect(error.hasPrefix("content/products/che-lam/index.md:12:10:") && error.contains(said) && error.contains("save"), "\(result.stderr)")
    }

    @Test func aTextFileNamedJPGIsAnErrorAtItsLine() throws {
        try fixture.write("products/che-lam/anh.jpg", "not a photo")
        let result = try fixture.dinh("build", "content", "--output", "public")
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/products/che-lam/index.md:12:10: error: 'anh.jpg' cannot be used"), "\(result.stderr)")
    }

    /// A caption file of another (longer) recording: its captions after the end are never shown.
    @Test func captionsAfterTheRecordingEndsAreAWarning() throws {
        let folder = fixture.content.appendingPathComponent("heritage/quan-phuong-tri")
        let made = try Tools.shell("ffmpeg -loglevel error -y -f lavfi -i 'sine=frequency=440:duration=7.3' -c:a libmp3lame -b:a 48k thuyet-minh.vi.mp3", in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "---\nLịch sử", with: "narration:\n  vi: {audio: thuyet-minh.vi.mp3, transcript: thuyet-minh.vi.vtt}\n---\nLịch sử"))
        try fixture.write("heritage/quan-phuong-tri/thuyet-minh.vi.vtt", "WEBVTT\n\n00:00.000 --> 00:06.000\nXin chào\n\n00:06.000 --> 00:07.200\nKính mời\n")
        let fits = try fixture.dinh("build", "content", "--output", "public")
        #expect(fits.status == 0 && !fits.stderr.contains("after the end"), "\(fits.stderr)")
        try fixture.write("heritage/quan-phuong-tri/thuyet-minh.vi.vtt", "WEBVTT\n\n00:00.000 --> 00:06.000\nXin chào\n\n00:07.800 --> 00:09.000\nKính mời\n")
        let late = try fixture.dinh("build", "content", "--output", "public")
        #expect(late.status == 0 && late.stderr.contains("warning: 'thuyet-minh.vi.vtt' has a caption at 0:07.8, after the end of 'thuyet-minh.vi.mp3' (0:07."), "\(late.stderr)")
    }

    /// Officers name files as they please: the photo's variants get plain names (they go into
    /// marketplace feeds as they are), and a narration keeps its name with its link percent-encoded
    /// (a space or `#` left in the link is a request for another file).
    @Test func filesNamedInVietnameseWithSpacesAndHashGiveWorkingLinks() throws {
        let folder = fixture.content.appendingPathComponent("products/che-lam")
        try FileManager.default.moveItem(at: folder.appendingPathComponent("anh.jpg"), to: folder.appendingPathComponent("Ảnh chè lam #1.jpg"))
        try fixture.write("products/che-lam/index.md", SiteFixture.product.replacingOccurrences(of: "price: 45000", with: "price: 45000\nimages: [\"Ảnh chè lam #1.jpg\"]"))
        let audio = "Thuyết minh #1.mp3"
        try Data([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0]).write(to: fixture.content.appendingPathComponent("heritage/quan-phuong-tri/\(audio)"))
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "---\nLịch sử", with: "narration:\n  vi: {audio: \"\(audio)\"}\n---\nLịch sử"))

        let result = try fixture.dinh("build", "content", "--output", "public")
        #expect(result.status == 0, "\(result.stderr)")
        let site = fixture.directory.file("public")
        let photos = Tools.tree(site).keys.filter { $0.hasPrefix("products/che-lam/") && $0.hasSuffix(".jpg") }
        #expect(!photos.isEmpty && photos.allSatisfy { $0.hasPrefix("products/che-lam/anh-che-lam-1-") }, "\(photos)")

        // Every image link of the Google feed, read by an XML parser, is a URL of plain characters.
        let feed = try XMLDocument(contentsOf: site.appendingPathComponent("feeds/google-merchant.xml"), options: [])
        let links = try feed.nodes(forXPath: "//*[local-name()='image_link']").compactMap { $0.stringValue }
        #expect(!links.isEmpty)
        for link in links {
            #expect(link.unicodeScalars.allSatisfy { $0.isASCII && $0 != " " } && URL(string: link) != nil, "\(link)")
        }

        // The page's link to the narration names the file, once decoded.
        let page = try String(contentsOf: site.appendingPathComponent("heritage/quan-phuong-tri/index.html"), encoding: .utf8)
        let encoded = try #require(audio.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))))
        #expect(page.contains(encoded), "\(page)")
        let file = try #require(encoded.removingPercentEncoding)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("heritage/quan-phuong-tri/\(file)").path))
        #expect(!page.contains("Thuyết minh #1.mp3\""), "the raw name is in no link")
        #expect(try fixture.dinh("check", "content").status == 0, "the link checker finds every link")

        // The English page plays the Vietnamese narration: it says so, and its transcript is marked Vietnamese.
        try fixture.write("heritage/quan-phuong-tri/thuyet-minh.vi.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n")
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "---\nLịch sử", with: "narration:\n  vi: {audio: \"\(audio)\", transcript: thuyet-minh.vi.vtt}\n---\nLịch sử"))
        let built = try fixture.dinh("build", "content", "--output", "public")
        #expect(built.status == 0)
        #expect(built.stderr.contains("content/heritage/quan-phuong-tri/index.md:14:3: warning: no narration in English (en): that page plays the one in Vietnamese, and says so"), "\(built.stderr)")
        let english = try String(contentsOf: site.appendingPathComponent("en/heritage/quan-phuong-tri/index.html"), encoding: .utf8)
        #expect(english.contains("<p class=\"untranslated-notice\">The audio guide has not been recorded in English yet; this one is in the original (Tiếng Việt).</p>"), "\(english)")
        #expect(english.contains("<ol lang=\"vi\">"))
        let vietnamese = try String(contentsOf: site.appendingPathComponent("heritage/quan-phuong-tri/index.html"), encoding: .utf8)
        #expect(!vietnamese.contains("untranslated-notice") && vietnamese.contains("<ol>\n<li><button"))

        // The Vietnamese file written under en: played as English, without the note: told, and the
        // English page says what it plays (one message, not also "no narration in English").
        try fixture.write("heritage/quan-phuong-tri/thuyet-minh.vi.mp3", data: try Data(contentsOf: fixture.content.appendingPathComponent("heritage/quan-phuong-tri/\(file)")))
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "---\nLịch sử", with: "narration:\n  vi: {audio: thuyet-minh.vi.mp3, transcript: thuyet-minh.vi.vtt}\n  en: {audio: thuyet-minh.vi.mp3}\n---\nLịch sử"))
        let mislabelled = try fixture.dinh("build", "content", "--output", "public")
        #expect(mislabelled.status == 0)
        #expect(mislabelled.stderr.contains("content/heritage/quan-phuong-tri/index.md:15:15: warning: the narration under 'en' is thuyet-minh.vi.mp3, named as Vietnamese (.vi.): the English page plays the Vietnamese narration and says so"), "\(mislabelled.stderr)")
        #expect(!mislabelled.stderr.contains("no narration in English"))
        #expect(try String(contentsOf: site.appendingPathComponent("en/heritage/quan-phuong-tri/index.html"), encoding: .utf8).contains("untranslated-notice"))
    }
}
