import Foundation

/// A status code with its reason phrase.
package struct HTTPStatus: Sendable, Equatable {
    package var code: Int
    package var phrase: String

    package init(_ code: Int, _ phrase: String) {
        self.code = code
        self.phrase = phrase
    }

    package static let ok = HTTPStatus(200, "OK")
    package static let partialContent = HTTPStatus(206, "Partial Content")
    package static let movedPermanently = HTTPStatus(301, "Moved Permanently")
    package static let badRequest = HTTPStatus(400, "Bad Request")
    package static let forbidden = HTTPStatus(403, "Forbidden")
    package static let notFound = HTTPStatus(404, "Not Found")
    package static let methodNotAllowed = HTTPStatus(405, "Method Not Allowed")
    package static let conflict = HTTPStatus(409, "Conflict")
    package static let lengthRequired = HTTPStatus(411, "Length Required")
    package static let payloadTooLarge = HTTPStatus(413, "Content Too Large")
    package static let unsupportedMediaType = HTTPStatus(415, "Unsupported Media Type")
    package static let rangeNotSatisfiable = HTTPStatus(416, "Range Not Satisfiable")
    package static let headersTooLarge = HTTPStatus(431, "Request Header Fields Too Large")
    package static let internalServerError = HTTPStatus(500, "Internal Server Error")
    package static let versionNotSupported = HTTPStatus(505, "HTTP Version Not Supported")
}

/// Header fields in the order given; names compare without regard to case.
package struct HTTPHeaders: Sendable {
    package private(set) var fields: [(name: String, value: String)] = []

    package init() {}

    /// The first field of that name; setting replaces it (nil removes every field of that name).
    package subscript(name: String) -> String? {
        get { fields.first { Self.same($0.name, name) }?.value }
        set {
            guard let newValue else {
                fields.removeAll { Self.same($0.name, name) }
                return
            }
            if let index = fields.firstIndex(where: { Self.same($0.name, name) }) {
                fields[index].value = newValue
            } else {
                fields.append((name, newValue))
            }
        }
    }

    mutating func append(name: String, value: String) { fields.append((name, value)) }

    private static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.lowercased() == b.lowercased()
    }
}

/// One request as the server read it, body included.
package struct HTTPRequest: Sendable {
    package var method: String
    /// The request target as sent: the path (percent-encoded), then `?` and the query.
    package var target: String
    package var headers: HTTPHeaders
    package var body: Data
    /// Whether the connection comes from this computer (a loopback address).
    package var fromLoopback: Bool

    package init(method: String, target: String, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data(), fromLoopback: Bool = true) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
        self.fromLoopback = fromLoopback
    }

    /// The target without its query.
    package var path: String { String(target.prefix { $0 != "?" }) }
    /// The query, without its `?` (empty when there is none).
    package var query: String { target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) } ?? "" }
}

/// What the server sends back.
package struct HTTPResponse: Sendable {
    package enum Body: Sendable {
        case bytes(Data)
        /// Bytes `range` of a file, read as they are sent (a video is not held in memory).
        case file(path: String, range: Range<Int>)
        /// Chunks as they come, until the stream ends or a write fails (the client went away: the
        /// producer's next chunk finds out, so it should send one now and then); the connection
        /// closes after it (a close-delimited body, which `EventSource` reads as it arrives).
        case stream(AsyncStream<Data>)
    }

    package var status: HTTPStatus
    package var headers: HTTPHeaders
    package var body: Body

    package init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: Body = .bytes(Data())) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    package init(status: HTTPStatus, headers: HTTPHeaders = HTTPHeaders(), body: Data) {
        self.init(status: status, headers: headers, body: .bytes(body))
    }
}
