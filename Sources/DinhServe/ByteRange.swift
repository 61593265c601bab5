/// A `Range: bytes=…` request header, as media players send it (RFC 9110 §14).
/// iOS Safari will not play audio from a server that ignores them.
enum ByteRange: Equatable {
    /// No usable range: send the whole file with 200.
    case whole
    /// Send these bytes with 206 and `Content-Range`.
    case partial(ClosedRange<Int>)
    /// No byte of the range is in the file: 416 with `Content-Range: bytes */size`.
    case unsatisfiable

    /// Parses the header for a file of `size` bytes. Several ranges at once are answered with the
    /// whole file, which RFC 9110 allows and which no player needs otherwise.
    init(header: String?, size: Int) {
        guard let header = header?.trimmingCharacters(in: .whitespaces), header.lowercased().hasPrefix("bytes=") else {
            self = .whole
            return
        }
        let spec = header.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else {
            self = .whole
            return
        }
        let first = spec[..<dash].trimmingCharacters(in: .whitespaces)
        let last = spec[spec.index(after: dash)...].trimmingCharacters(in: .whitespaces)
        let digits = { (text: String) in !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }
        switch (first.isEmpty, last.isEmpty) {
        case (false, _):
            // `a-` or `a-b`: from a to b (or the end); b past the end is clipped.
            guard digits(first), last.isEmpty || digits(last), let start = Int(first) else { self = .whole; return }
            let requestedEnd = last.isEmpty ? Int.max : (Int(last) ?? Int.max)
            guard requestedEnd >= start else { self = .whole; return }  // invalid: ignore the header
            guard start < size else { self = .unsatisfiable; return }
            self = .partial(start...min(requestedEnd, size - 1))
        case (true, false):
            // `-n`: the last n bytes.
            guard digits(last), let suffix = Int(last) else { self = .whole; return }
            guard suffix > 0, size > 0 else { self = .unsatisfiable; return }
            self = .partial(max(0, size - suffix)...(size - 1))
        case (true, true):
            self = .whole
        }
    }
}
