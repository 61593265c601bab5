import Foundation

/// The small HTTP/1.1 server under `dinh serve`. A preview has a handful of connections (a browser
/// or two, each event stream held open), so each gets its own thread with blocking reads and
/// writes, and the handler runs in Swift concurrency. This keeps the server short, keeps open
/// event streams off the cooperative pool (one thread per core), and keeps `dinh` free of an HTTP
/// framework, whose networking libraries every run of `dinh build` would load (10 ms at start).
package final class HTTPServer: Sendable {
    package typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse

    /// Why the server could not listen: the system call and its `errno`.
    package struct ListenError: Error {
        package var call: String
        package var code: Int32
        /// The host is not an IP address (nor `localhost`).
        package static let notAnAddress: Int32 = -1
    }

    /// The port it listens on (the one the system chose when asked for 0).
    package let port: UInt16
    private let listener: Int32
    private let sockets = OpenSockets()
    private let handler: Handler

    /// How long a connection may stay silent between requests, or stall a write.
    private static let timeout = timeval(tv_sec: 30, tv_usec: 0)

    /// Binds to `host` (an IPv4 or IPv6 address, `localhost`, or `::`/`0.0.0.0` for every
    /// interface) and `port`, and listens. Nothing is answered before `start()`.
    package init(host: String, port: UInt16, handler: @escaping Handler) throws(ListenError) {
        guard var address = ListenAddress(host: host, port: port) else { throw ListenError(call: "address", code: ListenError.notAnAddress) }
        let socket = Glibc.socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socket >= 0 else { throw ListenError(call: "socket", code: errno) }
        var on: Int32 = 1
        // A restarted preview may take the port back at once (old connections in TIME_WAIT).
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        let bound = address.withSockaddr { bind(socket, $0, $1) } == 0
        if !bound || listen(socket, 64) != 0 {
            let code = errno
            Glibc.close(socket)
            throw ListenError(call: bound ? "listen" : "bind", code: code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        var local = sockaddr_storage()
        _ = withUnsafeMutablePointer(to: &local) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        address = ListenAddress(local) ?? address
        self.port = address.port
        self.listener = socket
        self.handler = handler
    }

    /// Accepts connections on a thread of its own until `stop()`.
    package func start() {
        guard sockets.start() else { return }
        Thread.detachNewThread { [self] in acceptConnections() }
    }

    /// Stops listening and closes every connection (a request being answered ends with it).
    package func stop() {
        sockets.stopAll(listener: listener)
    }

    private func acceptConnections() {
        while true {
            var peer = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let socket = withUnsafeMutablePointer(to: &peer) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { accept(listener, $0, &length) }
            }
            if socket < 0 {
                if sockets.stopped { break }
                // Out of file descriptors, or a connection reset before it was taken: try again shortly.
                if errno != EINTR && errno != ECONNABORTED { usleep(10_000) }
                continue
            }
            _ = fcntl(socket, F_SETFD, FD_CLOEXEC)
            guard sockets.add(socket) else { break }
            let fromLoopback = ListenAddress(peer)?.isLoopback ?? false
            let thread = Thread { [self] in serve(socket, fromLoopback: fromLoopback) }
            // It only reads, writes and waits (handlers run in Swift concurrency), so a small stack
            // lets hundreds of idle connections cost little.
            thread.stackSize = 256 << 10
            thread.start()
        }
        Glibc.close(listener)
    }

    private func serve(_ socket: Int32, fromLoopback: Bool) {
        defer { sockets.close(socket) }
        var timeout = Self.timeout
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        // The head and the body of a file go in separate writes: without this the body would wait
        // for the browser's delayed ACK (40 ms on every keep-alive request).
        var on: Int32 = 1
        setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))

        var reader = HTTPRequestReader { Self.receive(socket) }
        while true {
            switch reader.next(fromLoopback: fromLoopback, sendContinue: { _ = Self.write(socket, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) }) {
            case .closed:
                return
            case .refused(let status):
                var headers = HTTPHeaders()
                headers["Content-Type"] = "text/plain; charset=utf-8"
                let body = Data("\(status.code) \(status.phrase)\n".utf8)
                _ = send(HTTPResponse(status: status, headers: headers, body: body), on: socket, keepAlive: false, withBody: true)
                return
            case .request(let request, let keepAlive):
                let handler = self.handler
                let response = Self.waitFor { await handler(request) }
                guard send(response, on: socket, keepAlive: keepAlive, withBody: request.method != "HEAD"), keepAlive else { return }
            }
        }
    }

    /// Writes the response; false when the connection must close (it failed, or the body ends it).
    private func send(_ response: HTTPResponse, on socket: Int32, keepAlive: Bool, withBody: Bool) -> Bool {
        var headers = response.headers
        var keepAlive = keepAlive
        switch response.body {
        case .bytes(let data):
            if headers["Content-Length"] == nil { headers["Content-Length"] = String(data.count) }
        case .file(_, let range):
            if headers["Content-Length"] == nil { headers["Content-Length"] = String(range.count) }
        case .stream:
            keepAlive = false
        }
        headers["Connection"] = keepAlive ? "keep-alive" : "close"
        var head = "HTTP/1.1 \(response.status.code) \(response.status.phrase)\r\n"
        for (name, value) in headers.fields { head += "\(name): \(value)\r\n" }
        var bytes = Array((head + "\r\n").utf8)
        guard withBody else { return Self.write(socket, bytes) && keepAlive }

        switch response.body {
        case .bytes(let data):
            bytes += data
            return Self.write(socket, bytes) && keepAlive
        case .file(let path, let range):
            return Self.write(socket, bytes) && Self.writeFile(path, range: range, to: socket) && keepAlive
        case .stream(let stream):
            guard Self.write(socket, bytes) else { return false }
            Self.waitFor {
                for await chunk in stream {
                    guard Self.write(socket, chunk) else { break }
                }
            }
            return false
        }
    }

    /// Sends the bytes of a file; false if it could not (the file was replaced or cut short by a
    /// rebuild since its size was read: the connection then closes, short of its length).
    private static func writeFile(_ path: String, range: Range<Int>, to socket: Int32) -> Bool {
        let file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { return false }
        defer { Glibc.close(file) }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var offset = range.lowerBound
        while offset < range.upperBound {
            let wanted = min(chunk.count, range.upperBound - offset)
            let count = chunk.withUnsafeMutableBytes { pread(file, $0.baseAddress, wanted, off_t(offset)) }
            guard count > 0, write(socket, chunk[..<count]) else { return false }
            offset += count
        }
        return true
    }

    private static func receive(_ socket: Int32) -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 16 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 { return Array(chunk[..<count]) }
            if count < 0 && errno == EINTR { continue }
            return nil  // closed, timed out, or shut down by stop()
        }
    }

    private static func write(_ socket: Int32, _ bytes: some Collection<UInt8>) -> Bool {
        let bytes = Array(bytes)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    /// Runs async work from a connection's thread and waits for it (the thread is ours, not the pool's).
    private static func waitFor<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let result = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            result.value = await work()
            done.signal()
        }
        done.wait()
        return result.value!
    }
}

/// A value handed from a task to the thread waiting on a semaphore (which orders the accesses).
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// The open connections, so that `stop()` can end them; closing under the lock keeps `stop()`
/// from shutting a number the system has already given to another file.
private final class OpenSockets: @unchecked Sendable {
    private let lock = NSLock()
    private var open: Set<Int32> = []
    private var isStopped = false
    private var isStarted = false

    var stopped: Bool { lock.withLock { isStopped } }

    /// Whether the accepting thread may start (once, and not after `stopAll`).
    func start() -> Bool {
        lock.withLock {
            defer { isStarted = true }
            return !isStarted && !isStopped
        }
    }

    /// Registers a new connection; false (and closed) when the server is stopping.
    func add(_ socket: Int32) -> Bool {
        lock.withLock {
            if isStopped { Glibc.close(socket) }
            else { open.insert(socket) }
            return !isStopped
        }
    }

    func close(_ socket: Int32) {
        lock.withLock {
            open.remove(socket)
            Glibc.close(socket)
        }
    }

    /// Wakes the accepting thread (a shut listening socket fails `accept`) and every connection.
    func stopAll(listener: Int32) {
        lock.withLock {
            guard !isStopped else { return }
            isStopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            // The accepting thread closes the listening socket as it ends; without one, here.
            if !isStarted { Glibc.close(listener) }
            for socket in open { shutdown(socket, Int32(SHUT_RDWR)) }
        }
    }
}

/// An IPv4 or IPv6 socket address: where the server listens, and who connected.
enum ListenAddress {
    case v4(sockaddr_in)
    case v6(sockaddr_in6)

    init?(host: String, port: UInt16) {
        switch host {
        case "localhost": self.init(v4: "127.0.0.1", port: port)
        case "0.0.0.0", "": self.init(v4: "0.0.0.0", port: port)
        case "::": self.init(v6: "::", port: port)
        default:
            if host.contains(":") { self.init(v6: host, port: port) } else { self.init(v4: host, port: port) }
        }
    }

    private init?(v4 text: String, port: UInt16) {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, text, &address.sin_addr) == 1 else { return nil }
        self = .v4(address)
    }

    private init?(v6 text: String, port: UInt16) {
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = port.bigEndian
        guard inet_pton(AF_INET6, text, &address.sin6_addr) == 1 else { return nil }
        self = .v6(address)
    }

    init?(_ storage: sockaddr_storage) {
        var storage = storage
        switch Int32(storage.ss_family) {
        case AF_INET: self = .v4(withUnsafeBytes(of: &storage) { $0.load(as: sockaddr_in.self) })
        case AF_INET6: self = .v6(withUnsafeBytes(of: &storage) { $0.load(as: sockaddr_in6.self) })
        default: return nil
        }
    }

    var family: Int32 {
        switch self {
        case .v4: AF_INET
        case .v6: AF_INET6
        }
    }

    var port: UInt16 {
        switch self {
        case .v4(let address): UInt16(bigEndian: address.sin_port)
        case .v6(let address): UInt16(bigEndian: address.sin6_port)
        }
    }

    /// 127.0.0.0/8, `::1`, or 127.x written as an IPv4-mapped IPv6 address.
    var isLoopback: Bool {
        switch self {
        case .v4(let address):
            return UInt32(bigEndian: address.sin_addr.s_addr) >> 24 == 127
        case .v6(let address):
            let bytes = withUnsafeBytes(of: address.sin6_addr) { Array($0) }
            let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF
            return (bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1) || (mapped && bytes[12] == 127)
        }
    }

    func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        switch self {
        case .v4(var address):
            withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        case .v6(var address):
            withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        }
    }
}
