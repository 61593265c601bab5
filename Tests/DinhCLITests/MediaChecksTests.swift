import DinhTestSupport
import Foundation
import Testing

/// `dinh check` on bad media: each gives a clear message at the line that names the file.
@Suite struct MediaChecksTests {
    let fixture: SiteFixture

    init() throws { fixture = try SiteFixture() }

    func relic(scenes: String, narration: String = "") throws {
        try fixture.write("heritage/quan-phuong-tri/index.md", SiteFixture.relic.replacingOccurrences(
            of: "---\nLịch sử", with: scenes + narration + "---\nLịch sử"))
    }

    func image(_ name: String, _ size: String) throws {
        let path = fixture.content.appendingPathComponent("heritage/quan-phuong-tri/\(name)").path
        #expect(try Tools.run("/usr/bin/convert", ["-size", size, "gradient:blue-green", path]).status == 0)
    }

    func check() throws -> ProcessResult { try fixture.dinh("check", "content") }

    @Test func panoramaNotTwoToOne() throws {
        try image("p.jpg", "3000x2000")
        try relic(scenes: "scenes:\n  - {id: a, title: A, panorama: p.jpg}\n")
        let result = try check()
        #expect(result.status == 1)
        #expect(result.stderr.contains("index.md:14:"), "\(result.stderr)")
        #expect(result.stderr.contains("the photo is 3000×2000 pixels; a 360° panorama (equirectangular) is exactly twice as wide as it is high"), "\(result.stderr)")
        let vietnamese = try fixture.dinh("check", "content", "--lang", "vi")
        #expect(vietnamese.stderr.contains("không dùng được làm ảnh 360°: ảnh có kích thước 3000×2000 điểm ảnh; ảnh 360° (equirectangular) phải có chiều rộng đúng gấp đôi chiều cao"),
                "the whole message in Vietnamese: \(vietnamese.stderr)")
        #expect(result.stderr.contains("such as 8192×4096: this is an ordinary photo; take the panorama with a 360° camera"), "\(result.stderr)")
        // Rows a stitcher added or cut: a few are stretched away; more, the size to resize to (not to
        // crop to, which would cut the turn), whichever way the photo is off.
        try image("p.jpg", "4096x2050")
        let near = try check()
        #expect(!near.stderr.contains("p.jpg"), "within 1 % of 2:1 is tiled: \(near.stderr)")
        try image("p.jpg", "4096x2150")
        #expect(try check().stderr.contains("such as 8192×4096: resize it to 4096×2048 in a photo editor, without keeping the proportions"))
        try image("p.jpg", "4000x2100")
        #expect(try check().stderr.contains("resize it to 4000×2000 in a photo editor"))
    }

    /// Mistakes come in one round: a folder named in Vietnamese, a mistake in its text and a panorama of the
    /// wrong size are all told by one build (the folder's name stopped everything; the size came last).
    @Test func folderTextAndPanoramaMistakesAreToldTogether() throws {
        let folder = fixture.content.appendingPathComponent("heritage/Quán Phượng Trì")
        try FileManager.default.moveItem(at: fixture.content.appendingPathComponent("heritage/quan-phuong-tri"), to: folder)
        #expect(try Tools.run("/usr/bin/convert", ["-size", "3000x2000", "gradient:blue-green", folder.appendingPathComponent("p.jpg").path]).status == 0)
        try SiteFixture.relic.replacingOccurrences(of: "---\nLịch sử", with: "scenes:\n  - {id: a, title: A, panorama: p.jpg}\nrankin: national\n---\nLịch sử")
            .write(to: folder.appendingPathComponent("index.md"), atomically: true, encoding: .utf8)
        let result = try fixture.dinh("build", "content", "--output", "public")
        #expect(result.status == 1)
        for said in ["content/heritage/Quán Phượng Trì:1:1: error: the folder name 'Quán Phượng Trì' cannot be used in a web address",
                     "content/heritage/Quán Phượng Trì/index.md:15:1: error: unknown field 'rankin'",
                     "content/heritage/Quán Phượng Trì/index.md:14:", "the photo is 3000×2000 pixels; a 360° panorama"] {
            #expect(result.stderr.contains(said), "\(said): \(result.stderr)")
        }
    }

    @Test func panoramaTooSmallToBeUseful() throws {
        try image("p.jpg", "1024x512")
        try relic(scenes: "scenes:\n  - {id: a, title: A, panorama: p.jpg}\n")
        let result = try check()
        #expect(result.stderr.contains("warning: 'p.jpg' is only 1024 pixels wide"), "\(result.stderr)")
        #expect(!result.stderr.contains("error: 'p.jpg'"), "usable, only blurred: \(result.stderr)")
    }

    @Test func corruptPanorama() throws {
        try image("p.jpg", "4096x2048")
        let url = fixture.content.appendingPathComponent("heritage/quan-phuong-tri/p.jpg")
        try Data(try Data(contentsOf: url).prefix(40)).write(to: url)
        try relic(scenes: "scenes:\n  - {id: a, title: A, panorama: p.jpg}\n")
        let result = try fixture.dinh("build", "content", "--output", "public")
        #expect(result.status == 1)
        #expect(result.stderr.contains("'p.jpg' cannot be used as a 360° panorama"), "\(result.stderr)")
        // Said once, as a panorama (the photo variants of the same file do not repeat it).
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1, "\(result.stderr)")
    }

    @Test func audioThatIsNotAudio() throws {
        try fixture.write("heritage/quan-phuong-tri/guide.mp3", "<html>not audio</html>")
        try relic(scenes: "", narration: "narration:\n  vi: {audio: guide.mp3}\n")
        let result = try check()
        #expect(result.status == 1)
        #expect(result.stderr.contains("index.md:14:"), "\(result.stderr)")
        #expect(result.stderr.contains("is not MP3, M4A or Ogg audio"))
    }

    @Test func audioOfUnknownFormat() throws {
        try fixture.write("heritage/quan-phuong-tri/guide.wma", "x")
        try relic(scenes: "", narration: "narration:\n  vi: {audio: guide.wma}\n")
        let result = try check()
        #expect(result.status == 1)
        #expect(result.stderr.contains("'guide.wma' is a .wma file, which the site cannot use (allowed: .mp3, .m4a, .ogg, .opus); save the recording again as MP3"), "\(result.stderr)")
        // A WAV recording named .mp3 is said to be one.
        try fixture.write("heritage/quan-phuong-tri/guide.mp3", data: Data("RIFF\u{24}\u{0}\u{0}\u{0}WAVEfmt ".utf8))
        try relic(scenes: "", narration: "narration:\n  vi: {audio: guide.mp3}\n")
        #expect(try check().stderr.contains("'guide.mp3' is a WAV recording, whatever its name says"))
    }

    /// `dinh check` of a relic whose narration (an MP3 header) has the caption file `vtt`.
    func checkTranscript(_ vtt: String) throws -> ProcessResult {
        let mp3 = fixture.content.appendingPathComponent("heritage/quan-phuong-tri/guide.mp3")
        try Data([0x49, 0x44, 0x33, 0x04, 0, 0, 0, 0, 0, 0]).write(to: mp3)
        try fixture.write("heritage/quan-phuong-tri/guide.vtt", vtt)
        try relic(scenes: "", narration: "narration:\n  vi: {audio: guide.mp3, transcript: guide.vtt}\n")
        return try check()
    }

    /// A caption file written the subtitle (SRT) way, `00:00:02,500`: said so.
    @Test func transcriptWithCommaTimings() throws {
        let result = try checkTranscript("WEBVTT\n\n00:00:00,000 --> 00:00:02,500\nXin chào\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("guide.vtt:3:1: error: WebVTT writes the milliseconds after a dot, not a comma"), "\(result.stderr)")
    }

    /// A real MP3 of a tone, `guide.mp3` in the relic's folder (ffmpeg), for the lengths the build reads.
    func recording(seconds: Int) throws {
        let folder = fixture.content.appendingPathComponent("heritage/quan-phuong-tri")
        let made = try Tools.shell("ffmpeg -loglevel error -y -f lavfi -i 'sine=frequency=440:duration=\(seconds)' -c:a libmp3lame -b:a 32k guide.mp3", in: folder)
        #expect(made.status == 0, "\(made.stderr)")
    }

    /// Subtitles as subtitle tools and YouTube give them (SubRip, `.srt`) are taken as they are:
    /// published as WebVTT beside them, linked by the page; a mistake is said at its line of the
    /// `.srt`. The same under a `.vtt` name is said to be SRT, in one message.
    @Test func subRipSubtitlesArePublishedAsWebVTT() throws {
        try recording(seconds: 5)
        try fixture.write("heritage/quan-phuong-tri/guide.srt", "1\r\n00:00:00,000 --> 00:00:02,500\r\nXin <i>chào</i>\r\n\r\n2\r\n00:00:02,500 --> 00:00:04,000\r\nCảm ơn\r\n")
        try relic(scenes: "", narration: "narration:\n  vi: {audio: guide.mp3, transcript: guide.srt}\n")
        let build = try fixture.dinh("build", "content", "--output", "public")
        #expect(build.status == 0 && !build.stderr.contains("guide."), "\(build.stderr)")
        let published = try String(contentsOf: fixture.directory.file("public/heritage/quan-phuong-tri/guide.vtt"), encoding: .utf8)
        #expect(published == "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.500\nXin <i>chào</i>\n\n2\n00:00:02.500 --> 00:00:04.000\nCảm ơn\n", "\(published)")
        let page = try String(contentsOf: fixture.directory.file("public/heritage/quan-phuong-tri/index.html"), encoding: .utf8)
        #expect(!page.contains("guide.srt") && page.contains("Cảm ơn"), "the page shows the words, and links no .srt")
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.file("public/heritage/quan-phuong-tri/guide.srt").path))

        // A guide.vtt beside it (the English transcript): each published under its own name.
        try fixture.write("heritage/quan-phuong-tri/guide.vtt", "WEBVTT\n\n00:00.000 --> 00:02.500\nWelcome\n")
        try relic(scenes: "", narration: "narration:\n  vi: {audio: guide.mp3, transcript: guide.srt}\n  en: {audio: guide.mp3, transcript: guide.vtt}\n")
        let both = try fixture.dinh("build", "content", "--output", "public")
        #expect(both.status == 0, "\(both.stderr)")
        let english = try String(contentsOf: fixture.directory.file("public/heritage/quan-phuong-tri/guide.vtt"), encoding: .utf8)
        let vietnamese = try String(contentsOf: fixture.directory.file("public/heritage/quan-phuong-tri/guide.srt.vtt"), encoding: .utf8)
        #expect(english.contains("Welcome") && vietnamese.contains("Cảm ơn"), "\(english) | \(vietnamese)")
        try FileManager.default.removeItem(at: fixture.content.appendingPathComponent("heritage/quan-phuong-tri/guide.vtt"))

        try fixture.write("heritage/quan-phuong-tri/guide.srt", "1\n00:00:00,000 --> 00:00:02,500\nXin chào\n\n2\n00:00:04,000 -> 00:00:05,000\nCảm ơn\n")
        #expect(try check().stderr.contains("content/heritage/quan-phuong-tri/guide.srt:6:1: error: this subtitle timing is not valid; write it as 00:00:01,000 --> 00:00:04,500"))

        let renamed = try checkTranscript("1\n00:00:00,000 --> 00:00:02,500\nXin chào\n")
        #expect(renamed.stderr.contains("guide.vtt:1:1: error: these are SubRip (SRT) subtitles under a .vtt name: give the file back its .srt name, and Dinh turns it into WebVTT itself"), "\(renamed.stderr)")
    }

    /// Captions of another, longer recording (a cue at 9:04 of a 2-second MP3): a warning naming both files.
    @Test func captionsAfterTheRecordingEnds() throws {
        try recording(seconds: 2)
        try fixture.write("heritage/quan-phuong-tri/guide.vtt", "WEBVTT\n\n00:00.000 --> 00:01.500\nXin chào\n\n09:04.000 --> 09:06.000\nCảm ơn\n")
        try relic(scenes: "", narration: "narration:\n  vi: {audio: guide.mp3, transcript: guide.vtt}\n")
        let result = try fixture.dinh("build", "content", "--output", "public")
        #expect(result.status == 0, "a warning: \(result.stderr)")
        #expect(result.stderr.contains("index.md:14:") && result.stderr.contains("'guide.vtt' has a caption at 9:04.0, after the end of 'guide.mp3' (0:02."), "\(result.stderr)")
    }

    @Test func transcriptThatIsNotWebVTT() throws {
        let result = try checkTranscript("WEBVTT\n\n00:01.000 --> 00:00.500\nXin chào\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/heritage/quan-phuong-tri/guide.vtt:3:1: error: this caption timing is not valid WebVTT"), "\(result.stderr)")
    }
}
