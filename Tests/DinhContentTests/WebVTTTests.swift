@testable import DinhContent
import Testing

/// The one WebVTT reader: the loader's check and the pages' cues come from the same parse.
@Suite struct WebVTTTests {
    @Test func cuesAreWordsWithTheirTimes() {
        let text = "\u{FEFF}WEBVTT\r\n\r\nintro\r\n00:00:00.500 --> 00:00:03.250 align:start\r\n<v Hướng dẫn viên>Kính chào</v> quý khách\r\n&lt;đình&gt; &amp; chùa\r\n\r\n01:02.000 --> 01:04.000\nHết\n"
        let (cues, problems) = WebVTT.parse(text)
        #expect(problems.isEmpty)
        #expect(cues == [WebVTT.Cue(start: 0.5, end: 3.25, text: "Kính chào quý khách <đình> & chùa"),
                         WebVTT.Cue(start: 62, end: 64, text: "Hết")])
    }

    @Test func problemsNameTheirLines() {
        #expect(WebVTT.parse("Kính chào\n00:00:01.000 --> 00:00:02.000\nx\n").problems == [WebVTT.Problem(line: 1, message: "this is not a WebVTT file: its first line must be WEBVTT")])
        #expect(WebVTT.parse("1\n00:00:01,000 --> 00:00:02,000\nx\n").problems.map(\.message) == ["these are SubRip (SRT) subtitles under a .vtt name: give the file back its .srt name, and Dinh turns it into WebVTT itself"])
        let (cues, problems) = WebVTT.parse("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nbackwards\n\n00:00:06.000 --> 00:00:07.000\nfine\n\n0:1 --> 0:2\nloose\n")
        #expect(problems.map(\.line) == [3, 9])
        #expect(cues.map(\.text) == ["fine"])
    }

    /// A browser drops a cue whose arrow is not `-->`, and shows nothing of a file without cues.
    @Test func cuesThatWouldBeLostSilentlyAreProblems() {
        let (cues, problems) = WebVTT.parse("WEBVTT\n\n00:00:00.000 -> 00:00:04.000\nKính chào\n\n10:30\n00:00:04.000 --> 00:00:06.000\n10:30 sáng mở cửa\n")
        #expect(problems.map(\.line) == [3], "the bad arrow, not the cue named 10:30 nor its words: \(problems)")
        #expect(cues.map(\.text) == ["10:30 sáng mở cửa"])
        #expect(WebVTT.parse("WEBVTT\n\nKính chào quý khách.\n").problems.map(\.message)
            == ["this WebVTT file has no captions: under WEBVTT, each caption is a timing line such as 00:00:01.000 --> 00:00:04.500 and its words on the next line"])
        #expect(WebVTT.parse("WEBVTT\n").problems.map(\.line) == [1])
        let noted = WebVTT.parse("WEBVTT\n\nNOTE\n10:30 chuông đình đổ\n\nNOTE 10:45 trống\n\n00:00:01.000 --> 00:00:02.000\nChào\n")
        #expect(noted.problems.isEmpty && noted.cues.map(\.text) == ["Chào"], "a NOTE's lines are not timings: \(noted)")
    }

    /// A cue written right under the previous one, without the blank line: a cue of its own, as a
    /// browser reads it (the transcript showed its timing line as words).
    @Test func aTimingWithoutABlankLineBeforeItStartsACue() {
        let (cues, problems) = WebVTT.parse("WEBVTT\n\n00:00:00.000 --> 00:00:04.000\nKính chào quý khách.\n00:00:04.000 --> 00:00:09.000\nĐình được dựng vào thế kỷ XVII.\n")
        #expect(problems.isEmpty)
        #expect(cues == [WebVTT.Cue(start: 0, end: 4, text: "Kính chào quý khách."), WebVTT.Cue(start: 4, end: 9, text: "Đình được dựng vào thế kỷ XVII.")])
    }
}
