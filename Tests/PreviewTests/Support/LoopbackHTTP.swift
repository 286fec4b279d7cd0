import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 client of 127.0.0.1 over a plain socket, for the tests: the
/// target is sent exactly as given (`/../x` is not cleaned up on the way), and
/// an event stream is read as it arrives.
enum LoopbackHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A socket connected to 127.0.0.1:`port`, reads timing out after `timeout` seconds.
    static func connect(port: UInt16, timeout: Double = 30) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var wait = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
        return socket
    }

    static func send(_ text: String, on socket: Int32) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
            sent += count
        }
    }

    static func request(_ target: String, port: UInt16, host: String? = nil, method: String = "GET") throws -> String {
        "\(method) \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n"
    }

    /// `GET target`, whole.
    static func get(_ target: String, port: UInt16, host: String? = nil, method: String = "GET") throws -> Response {
        let socket = try connect(port: port)
        defer { close(socket) }
        try send(request(target, port: port, host: host, method: method), on: socket)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if let response = parse(received), response.body.utf8.count >= Int(response.headers["content-length"] ?? "") ?? .max {
                return response
            }
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            received += buffer[..<count]
        }
        guard let response = parse(received) else { throw Failure(description: "no HTTP response to GET \(target)") }
        return response
    }

    private static func parse(_ bytes: [UInt8]) -> Response? {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = bytes.indices.dropLast(3).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.split(separator: " ").count >= 2,
              let status = Int(statusLine.split(separator: " ")[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(decoding: bytes[(end + 4)...], as: UTF8.self))
    }
}

/// The reload events of a preview, read on a thread of their own as they come.
final class EventListener: Sendable {
    /// The `data:` of each `reload` event so far, parsed.
    struct Reload: Decodable, Sendable {
        var all: Bool
        var changed: [String]
        var generation: Int
    }

    private let socket: Int32
    private let received = Mutex<(reloads: [Reload], ended: Bool)>(([], false))

    /// Subscribes as a page served from version `since` of session `session`.
    init(port: UInt16, session: String, since: Int) throws {
        socket = try LoopbackHTTP.connect(port: port, timeout: 600)
        try LoopbackHTTP.send(LoopbackHTTP.request("/_preview/events?session=\(session)&since=\(since)", port: port), on: socket)
        // The thread holds the listener until `close()` ends the connection.
        Thread { [self] in
            var text = ""
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(socket, &buffer, buffer.count, 0)
                guard count > 0 else { break }
                text += String(decoding: buffer[..<count], as: UTF8.self)
                // Chunk sizes stand on lines of their own; events are the lines that start with `data: `.
                while let end = text.range(of: "\n") {
                    let line = String(text[..<end.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
                    text = String(text[end.upperBound...])
                    guard line.hasPrefix("data: "),
                          let reload = try? JSONDecoder().decode(Reload.self, from: Data(line.dropFirst(6).utf8)) else { continue }
                    received.withLock { $0.reloads.append(reload) }
                }
            }
            received.withLock { $0.ended = true }
        }.start()
    }

    var reloads: [Reload] { received.withLock { $0.reloads } }

    /// The first reload event after the first `after` that names `path`, within `timeout` seconds.
    func reload(naming path: String, after: Int, timeout: Double) -> Reload? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let (reloads, ended) = received.withLock { ($0.reloads, $0.ended) }
            if let found = reloads.dropFirst(after).first(where: { $0.all || $0.changed.contains(path) }) { return found }
            if ended { return nil }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    func close() {
        shutdown(socket, Int32(SHUT_RDWR))
        Glibc.close(socket)
    }
}
