import FlyingFox
import Foundation
import Synchronization

/// Serves the preview site over HTTP on the loopback address only, with
/// FlyingFox: `GET` and `HEAD` of a file of the latest ``PreviewSnapshot``
/// (pages with ``PreviewPage``'s additions), the reload events at
/// `/_preview/events`, and nothing else; before the first version, a page (503)
/// that reloads when it is there. The files are served from memory, so a request sees one
/// whole version of the site, never a folder half rewritten, and can only
/// ever reach a file of the site: a path that ``SitePath`` refuses gets 400,
/// a `Host` other than this address (a page of another site that points its
/// own name at this machine) gets 403, another method 405.
final class PreviewServer: Sendable {
    private let http: HTTPServer
    let events: ReloadEvents
    private let state: State
    static let host = "127.0.0.1"

    /// What the requests read and the server's task writes.
    private final class State: Sendable {
        struct Values {
            var site: PreviewSnapshot
            /// The port listened on, once known (the one asked for, or the system's pick).
            var port: UInt16
            var failure: (any Error)?
        }

        let values: Mutex<Values>

        init(_ values: Values) {
            self.values = Mutex(values)
        }
    }

    /// A server of `snapshot` for `port` (0: one the system picks).
    init(port: UInt16, snapshot: PreviewSnapshot) throws {
        let state = State(State.Values(site: snapshot, port: port))
        let events = ReloadEvents()
        self.state = state
        self.events = events
        http = HTTPServer(address: try .inet(ip4: Self.host, port: port), timeout: 15, logger: .disabled,
                          handler: ClosureHTTPHandler { request in
                              let (site, port) = state.values.withLock { ($0.site, $0.port) }
                              return await Self.response(to: request, site: site, events: events, port: port)
                          })
    }

    /// Starts listening and returns the port, or throws when it cannot (the
    /// port is taken); the server then runs until the process ends.
    func start() async throws -> UInt16 {
        let http = http, state = state
        Task {
            do { try await http.run() } catch { state.values.withLock { $0.failure = error } }
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            if let error = state.values.withLock({ $0.failure }) { throw error }
            if await http.isListening, case .ip4(_, let port)? = await http.listeningAddress {
                state.values.withLock { $0.port = port }
                return port
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the server did not start listening within 10 s"])
    }

    /// Serves `snapshot` from now on.
    func show(_ snapshot: PreviewSnapshot) {
        state.values.withLock { $0.site = snapshot }
    }

    /// Tells the open pages that version `generation` changed `changed`.
    func announce(generation: Int, changed: Set<String>) async {
        await events.publish(generation: generation, changed: changed)
    }

    static func response(to request: HTTPRequest, site: PreviewSnapshot, events: ReloadEvents, port: UInt16) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            var refused = text(.methodNotAllowed, "only GET and HEAD are served here\n")
            refused.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return refused
        }
        let response = await get(request, site: site, events: events, port: port)
        guard request.method == .HEAD, case .httpBody(let body) = response.payload else { return response }
        // The headers of a GET, with the length of its body when it has one
        // (the event stream has none), and no body.
        var head = HTTPResponse(statusCode: response.statusCode, headers: response.headers, body: Data())
        if let count = body.count { head.headers[.contentLength] = String(count) }
        return head
    }

    /// The response to a GET of `request`'s target.
    private static func get(_ request: HTTPRequest, site: PreviewSnapshot, events: ReloadEvents, port: UInt16) async -> HTTPResponse {
        if let host = request.headers[.host], host != "\(Self.host):\(port)", host != "localhost:\(port)" {
            return text(.forbidden, "this preview answers only to \(Self.host):\(port)\n")
        }
        guard let path = SitePath.resolve(request.target.path()) else {
            return text(.badRequest, "refused: the path must name a file of the site, without '..'\n")
        }
        if path == PreviewPage.eventsPath {
            let stream = await events.subscribe(session: request.query["session"], since: request.query["since"].flatMap { Int($0) })
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                                body: HTTPBodySequence(from: EventStreamBody(messages: stream)))
        }
        let session = events.session
        if site.generation == 0 {
            // Nothing built yet: a page that reloads when the first version is.
            let building = Array("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Building the course</title></head>\n<body><p>The preview is building the course; this page shows it when it is ready.</p>\n</body></html>\n".utf8)
            return HTTPResponse(statusCode: .serviceUnavailable, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store", HTTPHeader("Retry-After"): "1"],
                                body: Data(PreviewPage.served(building, problems: [], session: session, generation: 0)))
        }
        guard let bytes = site.files[path] else {
            let page = site.files["404.html"].map { PreviewPage.served($0, problems: site.problems(on: "404.html"),
                                                                      session: session, generation: site.generation) }
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: SitePath.contentType(of: "404.html"), .cacheControl: "no-store"],
                                body: Data(page ?? Array("no page here\n".utf8)))
        }
        let served = path.hasSuffix(".html")
            ? PreviewPage.served(bytes, problems: site.problems(on: path), notice: site.pageNotices[path], session: session,
                                 generation: site.generation)
            : bytes
        return HTTPResponse(statusCode: .ok, headers: [.contentType: SitePath.contentType(of: path), .cacheControl: "no-store"],
                            body: Data(served))
    }

    private static func text(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Data(message.utf8))
    }
}
