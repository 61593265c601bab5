import Foundation

/// Reads HTTP/1.x requests one after another from a connection's bytes (RFC 9112): the request
/// line, the header fields, a body of `Content-Length` bytes. What is left after a request stays
/// for the next one (pipelining).
struct HTTPRequestReader {
    /// The request line and the header fields together, at most.
    static let maximumHead = 64 << 10
    /// A preview takes small bodies only (the tour editor's edits).
    static let maximumBody = 1 << 20

    enum Outcome {
        /// A whole request; `keepAlive` says whether the client will send another on this connection.
        case request(HTTPRequest, keepAlive: Bool)
        /// The connection ended (or timed out) between requests.
        case closed
        /// The bytes are not a request this server takes: answer with this status and close.
        case refused(HTTPStatus)
    }

    /// Returns the next bytes of the connection, or nil when it ended.
    private let receive: () -> [UInt8]?
    private var buffer: [UInt8] = []

    init(receive: @escaping () -> [UInt8]?) {
        self.receive = receive
    }

    /// The next request; `sendContinue` is called before reading a body the client waits to send
    /// (`Expect: 100-continue`).
    mutating func next(fromLoopback: Bool, sendContinue: () -> Void = {}) -> Outcome {
        var searched = 0
        var headEnd: Int?
        while headEnd == nil {
            headEnd = Self.endOfHead(in: buffer, from: searched)
            if headEnd != nil { break }
            if buffer.count > Self.maximumHead { return .refused(.headersTooLarge) }
            searched = max(0, buffer.count - 3)
            guard let more = receive() else { return buffer.isEmpty ? .closed : .refused(.badRequest) }
            buffer += more
        }
        guard let headEnd, headEnd <= Self.maximumHead else { return .refused(.headersTooLarge) }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)

        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)[...]
        // A client may send empty lines before a request (RFC 9112 §2.2).
        while lines.first?.isEmpty == true { lines.removeFirst() }
        guard let requestLine = lines.popFirst() else { return .refused(.badRequest) }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        // The target is visible ASCII only: no control character may reach a header it is copied to.
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(Self.isTokenCharacter), !parts[1].isEmpty,
              parts[1].utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            return .refused(.badRequest)
        }
        guard parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0" else {
            return .refused(parts[2].hasPrefix("HTTP/") ? .versionNotSupported : .badRequest)
        }
        var headers = HTTPHeaders()
        for line in lines {
            // A field without a name, or folded onto the line before (obsolete, RFC 9112 §5.2), is refused.
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                  line[..<colon].allSatisfy(Self.isTokenCharacter) else { return .refused(.badRequest) }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            headers.append(name: String(line[..<colon]), value: value)
        }

        if headers["Transfer-Encoding"] != nil { return .refused(.lengthRequired) }
        var length = 0
        let lengths = headers.fields.filter { $0.name.lowercased() == "content-length" }.map(\.value)
        if let first = lengths.first {
            guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                return .refused(.badRequest)
            }
            guard first.utf8.count <= 8, let value = Int(first), value <= Self.maximumBody else { return .refused(.payloadTooLarge) }
            length = value
        }
        if length > buffer.count, headers["Expect"]?.lowercased() == "100-continue" { sendContinue() }
        while buffer.count < length {
            guard let more = receive() else { return .closed }
            buffer += more
        }
        let body = Data(buffer[..<length])
        buffer.removeFirst(length)

        let connection = headers["Connection"]?.lowercased() ?? ""
        let keepAlive = parts[2] == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
        let request = HTTPRequest(method: String(parts[0]), target: String(parts[1]), headers: headers, body: body, fromLoopback: fromLoopback)
        return .request(request, keepAlive: keepAlive)
    }

    /// Where `\r\n\r\n` starts, looking from `start`.
    private static func endOfHead(in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var index = start
        while index + 3 < bytes.count {
            if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }

    /// The characters of a method or a field name (RFC 9110 §5.6.2).
    private static func isTokenCharacter(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return false }
        return (ascii >= 0x30 && ascii <= 0x39) || (ascii >= 0x41 && ascii <= 0x5A) || (ascii >= 0x61 && ascii <= 0x7A)
            || "!#$%&'*+-.^_`|~".utf8.contains(ascii)
    }
}
