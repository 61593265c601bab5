import DinhContent
import Foundation

/// How long a narration plays, read from the file's own structure, so that the page can say it
/// before anything is fetched (the player loads nothing until the visitor presses play, and shows
/// `0:00 / 0:00` until then), for each of the formats a narration may be (`AudioFormat`, told by
/// its first bytes as the loader tells it); a file that is none of them, or damaged, has no length,
/// and the page simply does not show one.
enum AudioLength {
    /// Seconds of audio, or nil when the bytes are not a readable MP3, MP4 or Ogg file.
    static func seconds(of data: Data) -> Double? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Double? in
            switch AudioFormat(head: raw) {
            case .mp3?: mp3(Bytes(raw))
            case .mp4?: mp4(Bytes(raw))
            case .ogg?: ogg(Bytes(raw))
            case nil: nil
            }
        }
    }

    /// `3:25`, or `1:02:05` for an hour or more, as players show a length: the transcript's
    /// clock (`WebVTT.clock`), in whole seconds gone by (a phone's player shows 4.99 s as 0:04).
    static func clock(_ seconds: Double) -> String { WebVTT.clock(seconds.rounded(.down)) }

    /// `0:07.3`: a moment to the tenth of a second, where two close ones are compared (a caption
    /// starting after the end of its recording), which whole seconds would both read `0:07`.
    static func preciseClock(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded()), s = tenths / 10
        return WebVTT.clock(Double(s)) + ".\(tenths % 10)"
    }

    /// Bounds-checked big- and little-endian reads; every read past the end is nil.
    struct Bytes {
        let raw: UnsafeRawBufferPointer
        init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }
        var count: Int { raw.count }

        func byte(_ at: Int) -> Int? { at >= 0 && at < raw.count ? Int(raw[at]) : nil }

        func big(_ at: Int, _ width: Int) -> UInt64? {
            guard at >= 0, width > 0, at + width <= raw.count else { return nil }
            return raw[at..<at + width].reduce(0) { $0 << 8 | UInt64($1) }
        }

        func little(_ at: Int, _ width: Int) -> UInt64? {
            guard at >= 0, width > 0, at + width <= raw.count else { return nil }
            return raw[at..<at + width].reversed().reduce(0) { $0 << 8 | UInt64($1) }
        }

        func matches(_ text: String, at: Int) -> Bool {
            let expected = Array(text.utf8)
            guard at >= 0, at + expected.count <= raw.count else { return false }
            return raw[at..<at + expected.count].elementsEqual(expected)
        }
    }

    // MARK: MP3

    /// Every frame's samples added up, frame by frame from the first (after an ID3v2 tag), until
    /// the bytes stop being frames (an ID3v1 tag, the end): exact for constant and variable bit
    /// rates alike, and a few thousand header reads for a narration.
    static func mp3(_ bytes: Bytes) -> Double? {
        var at = 0
        if bytes.matches("ID3", at: 0), let flags = bytes.byte(5), let size = syncsafe(bytes, at: 6) {
            at = 10 + size + (flags & 0x10 != 0 ? 10 : 0)
        }
        // A little padding may come before the first frame; no more than that is searched.
        let searchEnd = min(bytes.count, at + 4096)
        while at < searchEnd, Frame(bytes, at: at) == nil { at += 1 }
        var samples = 0, rate = 0, frames = 0
        while let frame = Frame(bytes, at: at) {
            // A frame header followed by nothing is the file cut short, not a frame.
            guard at + frame.length <= bytes.count else { break }
            if rate == 0 { rate = frame.sampleRate } else if frame.sampleRate != rate { break }
            samples += frame.samples
            frames += 1
            at += frame.length
        }
        guard frames >= 2, rate > 0 else { return nil }
        return Double(samples) / Double(rate)
    }

    /// An ID3v2 size: four bytes of seven bits each.
    private static func syncsafe(_ bytes: Bytes, at: Int) -> Int? {
        guard let value = bytes.big(at, 4), value & 0x8080_8080 == 0 else { return nil }
        return Int((value >> 3 & 0x0FE0_0000) | (value >> 2 & 0x001F_C000) | (value >> 1 & 0x0000_3F80) | (value & 0x7F))
    }

    /// An MPEG audio frame header (MPEG 1, 2 or 2.5, layers I–III).
    struct Frame {
        let length: Int
        let samples: Int
        let sampleRate: Int

        /// Kilobits per second by bit-rate index: MPEG 1 layers I, II, III; MPEG 2 and 2.5 layer I, then II and III.
        static let mpeg1Kilobits = [[0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
                                    [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
                                    [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320]]
        static let mpeg2Kilobits = [[0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
                                    [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]]

        init?(_ bytes: Bytes, at: Int) {
            guard let header = bytes.big(at, 4), header >> 21 == 0x7FF else { return nil }
            // The layer field is 3 for layer I, 2 for II, 1 for III (0 is reserved, as is version 1).
            let version = Int(header >> 19 & 3), layer = 4 - Int(header >> 17 & 3)
            let bitrateIndex = Int(header >> 12 & 15), rateIndex = Int(header >> 10 & 3), padding = Int(header >> 9 & 1)
            guard version != 1, layer != 4, bitrateIndex != 0, bitrateIndex != 15, rateIndex != 3 else { return nil }
            let mpeg1 = version == 3
            let rate = [44100, 48000, 32000][rateIndex]
            sampleRate = mpeg1 ? rate : version == 2 ? rate / 2 : rate / 4
            let kilobits = mpeg1 ? Self.mpeg1Kilobits[layer - 1] : Self.mpeg2Kilobits[layer == 1 ? 0 : 1]
            let bitrate = kilobits[bitrateIndex] * 1000
            if layer == 1 {
                samples = 384
                length = (12 * bitrate / sampleRate + padding) * 4  // in 4-byte slots
            } else {
                samples = layer == 3 && !mpeg1 ? 576 : 1152
                length = samples / 8 * bitrate / sampleRate + padding
            }
            guard length > 4 else { return nil }
        }
    }

    // MARK: MP4 (.m4a)

    /// The movie header's duration over its time scale (`moov` › `mvhd`).
    static func mp4(_ bytes: Bytes) -> Double? {
        guard let moov = box("moov", in: bytes, from: 0, to: bytes.count),
              let mvhd = box("mvhd", in: bytes, from: moov.body, to: moov.end),
              let version = bytes.byte(mvhd.body) else { return nil }
        let scale: UInt64?, duration: UInt64?
        if version == 1 {
            (scale, duration) = (bytes.big(mvhd.body + 20, 4), bytes.big(mvhd.body + 24, 8))
        } else {
            (scale, duration) = (bytes.big(mvhd.body + 12, 4), bytes.big(mvhd.body + 16, 4))
        }
        guard let scale, let duration, scale > 0, duration > 0, duration != UInt64(UInt32.max) else { return nil }
        return Double(duration) / Double(scale)
    }

    /// The first box of `type` among the boxes between `from` and `to`: where its contents start and end.
    private static func box(_ type: String, in bytes: Bytes, from: Int, to: Int) -> (body: Int, end: Int)? {
        var at = from
        while at + 8 <= to, let size32 = bytes.big(at, 4) {
            var header = 8, size = Int(size32)
            if size32 == 1, let large = bytes.big(at + 8, 8), large <= UInt64(Int.max) { header = 16; size = Int(large) }
            if size32 == 0 { size = to - at }
            guard size >= header, at + size <= to else { return nil }
            if bytes.matches(type, at: at + 4) { return (at + header, at + size) }
            at += size
        }
        return nil
    }

    // MARK: Ogg (.ogg, .opus)

    /// The granule position of the first stream's last page, in samples: at 48 kHz less the
    /// pre-skip for Opus, at the identification header's rate for Vorbis (and FLAC in Ogg).
    static func ogg(_ bytes: Bytes) -> Double? {
        var at = 0, serial: UInt64?, first = true
        var rate = 0.0, skip = 0.0, granule: UInt64 = 0
        while bytes.matches("OggS", at: at), let segments = bytes.byte(at + 26) {
            guard let position = bytes.little(at + 6, 8), let pageSerial = bytes.little(at + 14, 4) else { return nil }
            var body = 0
            for index in 0..<segments {
                guard let lacing = bytes.byte(at + 27 + index) else { return nil }
                body += lacing
            }
            let start = at + 27 + segments
            if serial == nil { serial = pageSerial }
            if pageSerial == serial {
                if first {
                    first = false
                    if bytes.matches("OpusHead", at: start), let preSkip = bytes.little(start + 10, 2) {
                        (rate, skip) = (48000, Double(preSkip))
                    } else if bytes.matches("\u{1}vorbis", at: start), let sampleRate = bytes.little(start + 12, 4) {
                        rate = Double(sampleRate)
                    } else if bytes.matches("\u{7F}FLAC", at: start), let packed = bytes.big(start + 27, 3) {
                        rate = Double(packed >> 4)
                    } else {
                        return nil
                    }
                }
                // −1: no packet ends on this page.
                if position != UInt64.max { granule = position }
            }
            guard start + body <= bytes.count else { break }
            at = start + body
        }
        guard rate > 0, Double(granule) > skip else { return nil }
        return (Double(granule) - skip) / rate
    }
}
