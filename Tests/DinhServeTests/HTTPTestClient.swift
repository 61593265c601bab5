import Foundation

/// A raw HTTP/1.1 client over a loopback socket, so the tests send exactly the bytes they mean
/// (URL libraries would clean up `..`, follow redirects or hide the status line). Blocking I/O
/// runs on Dispatch threads, never on the cooperative pool that the in-process server needs.
enum HTTPTestClient {
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func get(port: UInt16, _ target: String, method: String = "GET", headers: [String: String] = [:],
                    body: String? = nil, timeout: Double = 10) async throws -> Response {
        try await offPool {
            let socket = try connect(port: port)
            defer { close(socket) }
            var request = "\(method) \(target) HTTP/1.1\r\n"
            if headers["Host"] == nil { request += "Host: 127.0.0.1:\(port)\r\n" }
            request += "Connection: close\r\n"
            for (name, value) in headers { request += "\(name): \(value)\r\n" }
            if let body { request += "Content-Length: \(body.utf8.count)\r\n" }
            try send(socket, request + "\r\n" + (body ?? ""))
            let raw = try readUntil(socket, deadline: Date().addingTimeInterval(timeout)) { _ in false }
            return try parse(raw, headOnly: method == "HEAD")
        }
    }

    /// Opens `/__dinh/events` and reads until `until` holds for the text received so far, or the
    /// time is up; returns that text. `whileOpen` runs once the stream is open (to edit a file).
    static func events(port: UInt16, timeout: Double, whileOpen: @escaping @Sendable () throws -> Void = {},
                       until: @escaping @Sendable (String) -> Bool) async throws -> (text: String, seconds: Double) {
        try await offPool {
            let socket = try connect(port: port)
            defer { close(socket) }
            try send(socket, "GET /__dinh/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
            // The server's handler runs on this process's cooperative pool, which other tests may
            // hold for seconds: the opening waits as long as the whole read may.
            let opening = try readUntil(socket, deadline: Date().addingTimeInterval(timeout)) { String(decoding: $0, as: UTF8.self).contains("event: hello") }
            let started = Date()
            try whileOpen()
            let prefix = String(decoding: opening, as: UTF8.self)
            if until(prefix) { return (prefix, 0) }
            let data = try readUntil(socket, deadline: started.addingTimeInterval(timeout)) { until(prefix + String(decoding: $0, as: UTF8.self)) }
            return (prefix + String(decoding: data, as: UTF8.self), Date().timeIntervalSince(started))
        }
    }

    /// Sends `bytes` as they are (several requests, a broken one) and returns all that comes back
    /// until the server closes the connection or the time is up.
    static func raw(port: UInt16, _ bytes: String, timeout: Double = 10) async throws -> String {
        try await offPool {
            let socket = try connect(port: port)
            defer { close(socket) }
            try send(socket, bytes)
            return String(decoding: try readUntil(socket, deadline: Date().addingTimeInterval(timeout)) { _ in false }, as: UTF8.self)
        }
    }

    /// Runs blocking work on a Dispatch thread (the cooperative pool has one thread per core).
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    private static func connect(port: UInt16) throws -> Int32 {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(socket); throw Failure(description: "connect to 127.0.0.1:\(port) failed: \(errno)") }
        return socket
    }

    private static func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Foundation.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send failed: \(errno)") }
            sent += count
        }
    }

    /// Reads until the peer closes, `done` holds, or the deadline passes (bounded in every case).
    private static func readUntil(_ socket: Int32, deadline: Date, done: (Data) -> Bool) throws -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { return data }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { throw Failure(description: "poll failed: \(errno)") }
            if ready <= 0 { continue }
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { return data }
            data.append(contentsOf: buffer[..<count])
            if done(data) { return data }
        }
    }

    private static func parse(_ raw: Data, headOnly: Bool) throws -> Response {
        let separator = Data("\r\n\r\n".utf8)
        guard let end = raw.range(of: separator) else { throw Failure(description: "no complete response: \(String(decoding: raw, as: UTF8.self))") }
        let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.split(separator: " ").count >= 2,
              let status = Int(statusLine.split(separator: " ")[1]) else { throw Failure(description: "bad status line") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(raw[end.upperBound...])
        if headOnly { body = Data() }
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ data: Data) -> Data {
        var result = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
            if size == 0 { break }
            let start = lineEnd.upperBound
            guard let stop = rest.index(start, offsetBy: size, limitedBy: rest.endIndex) else { break }
            result.append(rest[start..<stop])
            rest = rest[min(stop + 2, rest.endIndex)...]
        }
        return result
    }
}
