import DinhTestSupport
import Foundation
import Testing
@testable import DinhSite

/// A narration's length, read from its file for the page: the formats a narration may be, made by
/// ffmpeg's encoders, against the length they were made with.
@Suite struct AudioLengthTests {
    /// 7.3 s of a tone, as each encoder writes it (an MP3 at 22.05 kHz is MPEG 2, with half-size frames).
    @Test(arguments: [
        ("cbr.mp3", "-c:a libmp3lame -b:a 64k"),
        ("vbr.mp3", "-c:a libmp3lame -q:a 5"),
        ("mpeg2.mp3", "-ar 22050 -c:a libmp3lame -b:a 32k"),
        ("id3.mp3", "-c:a libmp3lame -b:a 48k -metadata title=Đình -id3v2_version 3 -write_id3v1 1"),
        ("layer2.mp3", "-c:a mp2 -b:a 128k -f mp2"),
        ("voice.m4a", "-c:a aac -b:a 64k"),
        ("voice.ogg", "-c:a libvorbis -q:a 3"),
        ("voice.opus", "-c:a libopus -b:a 32k"),
    ])
    func lengthsOfEveryFormat(file: String, options: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let made = try Tools.shell("ffmpeg -loglevel error -y -f lavfi -i 'sine=frequency=440:duration=7.3' \(options) \(file)", in: dir.url)
        #expect(made.status == 0, "\(made.stderr)")
        let seconds = try #require(AudioLength.seconds(of: Data(contentsOf: dir.file(file))), "no length read from \(file)")
        #expect(abs(seconds - 7.3) < 0.1, "\(file): \(seconds) s")
        #expect(AudioLength.clock(seconds) == "0:07")
    }

    /// What is not audio, or too damaged to say, has no length (and nothing crashes): the page then
    /// shows none.
    @Test func nothingReadableHasNoLength() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(AudioLength.seconds(of: Data()) == nil)
        #expect(AudioLength.seconds(of: Data("Xin chào, đây không phải âm thanh.".utf8)) == nil)
        #expect(AudioLength.seconds(of: Data([0xFF, 0xFB, 0x90, 0x64])) == nil)  // one MP3 header, no frame
        #expect(AudioLength.seconds(of: Data("OggS".utf8) + Data(repeating: 0xFF, count: 40)) == nil)
        #expect(AudioLength.seconds(of: Data([0, 0, 0, 24]) + Data("ftypM4A ".utf8) + Data(repeating: 0, count: 12)) == nil)
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<600, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            _ = AudioLength.seconds(of: Data([0xFF, 0xFB] + bytes))
            _ = AudioLength.seconds(of: Data(Array("OggS".utf8) + bytes))
            _ = AudioLength.seconds(of: Data([0, 0, 0, 8] + Array("ftyp".utf8) + bytes))
        }
        // Cut short, each format still says what it can, or nothing; never more than the whole.
        for (file, options) in [("cut.mp3", "-c:a libmp3lame"), ("cut.m4a", "-c:a aac"), ("cut.ogg", "-c:a libvorbis")] {
            try Tools.shell("ffmpeg -loglevel error -y -f lavfi -i 'sine=duration=5' \(options) \(file)", in: dir.url)
            let data = try Data(contentsOf: dir.file(file))
            for cut in [data.count / 2, 100, 10] {
                if let seconds = AudioLength.seconds(of: data.prefix(cut)) { #expect(seconds <= 5.1, "\(file) cut at \(cut): \(seconds) s") }
            }
        }
    }

    @Test func clocksReadAsPlayersShowThem() {
        #expect(AudioLength.clock(0.4) == "0:00")
        #expect(AudioLength.clock(7.5) == "0:07")
        #expect(AudioLength.clock(4.99) == "0:04", "as Chromium's player shows it")
        #expect(AudioLength.clock(205) == "3:25")
        #expect(AudioLength.clock(3599.6) == "59:59")
        #expect(AudioLength.clock(3725) == "1:02:05")
        #expect(AudioLength.preciseClock(7.34) == "0:07.3" && AudioLength.preciseClock(7.96) == "0:08.0" && AudioLength.preciseClock(544) == "9:04.0")
    }
}
