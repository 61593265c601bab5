/// The audio formats a narration may be (`.mp3`, `.m4a`, `.ogg`, `.opus`), told by their first
/// bytes rather than their names: the loader refuses a file that is none of them, and the build
/// reads each narration's length by its format.
package enum AudioFormat: Sendable {
    case mp3, mp4, ogg

    /// The format `head` (a file's first 12 bytes or more) starts like: an ID3 tag or an MPEG
    /// frame sync, an `ftyp` box, or an Ogg page.
    package init?(head: some Collection<UInt8>) {
        let bytes = Array(head.prefix(12))
        guard bytes.count >= 4 else { return nil }
        if bytes.starts(with: "OggS".utf8) {
            self = .ogg
        } else if bytes.count >= 8, bytes[4..<8].elementsEqual("ftyp".utf8) {
            self = .mp4
        } else if bytes.starts(with: "ID3".utf8) || (bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0) {
            self = .mp3
        } else {
            return nil
        }
    }

    /// Whether `head` starts a WAV recording (`RIFF….WAVE`): audio, but none a page should send.
    package static func isWAV(head: some Collection<UInt8>) -> Bool {
        head.starts(with: "RIFF".utf8) && head.dropFirst(8).starts(with: "WAVE".utf8)
    }
}
