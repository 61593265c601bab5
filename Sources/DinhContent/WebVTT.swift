import DinhCore
import Foundation

/// WebVTT as Dinh reads it, once: checked when the content is loaded (each problem an error at its
/// line) and its cues kept in the model for the pages (transcripts, captions drawn by the page,
/// captions of clips opened from disk) and the structured data.
public enum WebVTT {
    public struct Cue: Sendable, Hashable {
        /// Seconds from the start of the audio or video.
        public var start: Double
        public var end: Double
        /// The words, without WebVTT's tags (`<v Speaker>`, `<i>`).
        public var text: String

        public init(start: Double, end: Double, text: String) {
            self.start = start
            self.end = end
            self.text = text
        }
    }

    public struct Problem: Sendable, Hashable {
        public var line: Int
        /// What is wrong, in either language.
        public var text: Message
        /// What is wrong, in English.
        public var message: String { text.text(in: .en) }

        public init(line: Int, message: String) { self.init(line: line, text: Message(verbatim: message)) }
        public init(line: Int, text: Message) {
            self.line = line
            self.text = text
        }
        init(line: Int, _ message: ContentMessage) { self.init(line: line, text: Message(message)) }

        /// The same line and the same English words.
        public static func == (a: Problem, b: Problem) -> Bool { a.line == b.line && a.message == b.message }
        public func hash(into hasher: inout Hasher) { hasher.combine(line); hasher.combine(message) }
    }

    /// More cues than any narration or clip has (a two-hour film has about 2,000): the pages show
    /// every cue, so a file with a million would make pages of hundreds of megabytes.
    package static let maximumCues = 20_000
    static let maximumProblems = 50

    /// SubRip (`.srt`) subtitles, which subtitle tools and YouTube give, as WebVTT: the header
    /// line and a blank one before them (so every line is two further down), and the
    /// milliseconds of each timing after a dot instead of a comma. The numbers above the cues are
    /// WebVTT cue names, and the tags SubRip allows (`<i>`, `<b>`) WebVTT's own.
    public static func fromSubRip(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        let converted = lines.map { line -> Substring in
            guard line.utf8Range(of: "-->") != nil else { return line }
            return Substring(String(line).replacing(/(\d{2}:\d{2}:\d{2}),(\d{3})/) { "\($0.1).\($0.2)" })
        }
        return "WEBVTT\n\n" + converted.joined(separator: "\n")
    }

    /// Whether a caption file is SubRip subtitles, by its name (`thuyet-minh.srt`).
    public static func isSubRipFile(_ path: String) -> Bool { (path as NSString).pathExtension.lowercased() == "srt" }

    /// Lines `fromSubRip` adds above the subtitles.
    public static let subRipLinesAdded = 2

    /// Whether a text is SubRip subtitles: no WebVTT header, a cue number, then a timing.
    static func isSubRip(_ lines: [Substring]) -> Bool {
        let filled = lines.lazy.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let number = filled.first, number.allSatisfy(\.isNumber), let timing = filled.dropFirst().first else { return false }
        return timing.utf8Range(of: "-->") != nil
    }

    /// The cues of a WebVTT text and what is wrong with it (browsers drop a bad file silently).
    public static func parse(_ text: String) -> (cues: [Cue], problems: [Problem]) {
        // "\r\n" is one Character in Swift: split on Unicode scalars, so CRLF files read as LF ones.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map { Substring($0.last == "\r" ? $0.dropLast() : $0) }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard let first = lines.first, first == "WEBVTT" || first.hasPrefix("WEBVTT ") || first.hasPrefix("WEBVTT\t") else {
            return ([], [Problem(line: 1, isSubRip(lines) ? .vttIsSubRip : .vttNoHeader)])
        }
        var cues: [Cue] = [], problems: [Problem] = []
        var index = 1
        // A cue's text ends at a blank line, or (as browsers read it) at a line with `-->`: the next
        // cue's timing, written without the blank line before it.
        func words() -> [Substring] {
            var words: [Substring] = []
            while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).isEmpty, !lines[index].contains("-->") {
                words.append(lines[index])
                index += 1
            }
            return words
        }
        while index < lines.count {
            let line = lines[index]
            index += 1
            // Comments and styles are blocks of their own: their lines may start with a time.
            if Self.otherBlocks.contains(where: { line == $0 || line.hasPrefix($0 + " ") || line.hasPrefix($0 + "\t") }) {
                _ = words()
                continue
            }
            // A timing with another arrow (->, —>) is a cue the browser would drop without a word.
            let timing = line.contains("-->")
                || startsWithTime(line) && !(index < lines.count && lines[index].contains("-->"))
            guard timing else { continue }
            let parts = line.components(separatedBy: "-->")
            let end = parts.count > 1 ? parts[1].split(separator: " ").first.map(String.init) ?? "" : ""
            guard let from = time(parts[0].trimmingCharacters(in: .whitespaces)), let to = time(end), from < to else {
                // `00:00:02,500`: subtitles (SRT) write the milliseconds after a comma, WebVTT after a dot.
                let comma = time(parts[0].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")) != nil && line.contains(",")
                problems.append(Problem(line: index, comma ? .vttCommaTiming : .vttBadTiming))
                // A file of garbage is said in a few lines, not a million.
                if problems.count == maximumProblems {
                    problems.append(Problem(line: index, .vttManyBadTimings))
                    return (cues, problems)
                }
                _ = words()
                continue
            }
            let words = words()
            let plain = Self.words(words.joined(separator: " "))
            if !plain.isEmpty { cues.append(Cue(start: from, end: to, text: plain)) }
            if cues.count > maximumCues {
                problems.append(Problem(line: index - words.count, .vttTooManyCues(thousands: maximumCues / 1000)))
                return (Array(cues.prefix(maximumCues)), problems)
            }
        }
        if cues.isEmpty && problems.isEmpty { problems.append(Problem(line: 1, .vttNoCues)) }
        return (cues, problems)
    }

    /// Blocks that are not cues: their first word.
    static let otherBlocks = ["NOTE", "STYLE", "REGION"]

    /// Whether a line starts like a timestamp (`00:01`), as a timing line does; a cue's name may
    /// too, but the timing is then on the next line.
    private static func startsWithTime(_ line: Substring) -> Bool {
        let head = line.prefix { $0.isASCII && ($0.isNumber || $0 == ":" || $0 == ".") }
        return head.first?.isNumber == true && head.contains(":")
    }

    /// `hh:mm:ss.ttt` or `mm:ss.ttt` → seconds; nil when it is not a WebVTT timestamp.
    public static func time(_ text: String) -> Double? {
        let parts = text.split(separator: ":")
        guard (2...3).contains(parts.count), let last = parts.last else { return nil }
        let secondsParts = last.split(separator: ".")
        guard secondsParts.count == 2, secondsParts[0].count == 2, secondsParts[1].count == 3,
              let seconds = Int(secondsParts[0]), let millis = Int(secondsParts[1]), seconds < 60 else { return nil }
        var total = Double(seconds) + Double(millis) / 1000
        var multiplier = 60.0
        for part in parts.dropLast().reversed() {
            guard let value = Int(part), part.count >= 2 else { return nil }
            total += Double(value) * multiplier
            multiplier *= 60
        }
        return total
    }

    /// Cue text as words: tags dropped, the entities WebVTT allows decoded, spaces folded.
    static func words(_ text: String) -> String {
        var out = "", inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false } else if !inTag { out.append(character) }
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&nbsp;", " "), ("&lrm;", ""), ("&rlm;", ""), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ").precomposedStringWithCanonicalMapping
    }
}
