import Foundation

/// The preview's reload events, as Server-Sent Events: each published version
/// of the site is sent to every open page as
///
/// ```
/// event: reload
/// data: {"all":false,"changed":["01-artificial-neuron.html","search-index.js"],"generation":7}
/// ```
///
/// naming the paths that changed since the version the page was served from
/// (``PreviewPage`` decides from them whether to reload). A subscriber that
/// comes late, with `since` older than the latest version, gets the changes it
/// missed at once; one from another session of the preview (the preview was
/// restarted), or older than the history kept, gets `"all": true`. A comment
/// line every 15 s keeps the connection open and notices pages that closed.
actor ReloadEvents {
    /// Names this run of the preview, in the pages it serves.
    nonisolated let session: String
    private var generation = 0
    /// What each version changed, for late subscribers: the last 100 versions.
    private var history: [(generation: Int, changed: Set<String>)] = []
    private var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]
    static let heartbeat: Duration = .seconds(15)

    init(session: String = String(UUID().uuidString.prefix(8)).lowercased()) {
        self.session = session
    }

    var subscriberCount: Int { subscribers.count }

    /// Sends version `generation`, which changed `changed`, to every subscriber.
    func publish(generation: Int, changed: Set<String>) {
        // Announcements may arrive out of order; the history stays in order.
        self.generation = max(self.generation, generation)
        history.append((generation, changed))
        history.sort { $0.generation < $1.generation }
        if history.count > 100 { history.removeFirst(history.count - 100) }
        let message = Self.message(generation: generation, changed: changed, all: false)
        for continuation in subscribers.values { continuation.yield(message) }
    }

    /// The event stream of one page, served from version `since` of session
    /// `session` (nil when unknown).
    func subscribe(session: String?, since: Int?) -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: String.self)
        continuation.yield("retry: 500\n: connected\n\n")
        if let missed = missed(session: session, since: since) { continuation.yield(missed) }
        subscribers[id] = continuation
        let beats = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.heartbeat)
                continuation.yield(": still here\n\n")
            }
        }
        continuation.onTermination = { _ in
            beats.cancel()
            Task { await self.unsubscribe(id) }
        }
        return stream
    }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }

    /// The event for a subscriber that missed versions, if it did.
    private func missed(session: String?, since: Int?) -> String? {
        guard generation > 0 else { return nil }
        guard session == self.session, let since else {
            return Self.message(generation: generation, changed: [], all: true)
        }
        guard since < generation else { return nil }
        guard let first = history.first?.generation, first <= since + 1 else {
            return Self.message(generation: generation, changed: [], all: true)
        }
        let changed = history.filter { $0.generation > since }.reduce(into: Set<String>()) { $0.formUnion($1.changed) }
        return Self.message(generation: generation, changed: changed, all: false)
    }

    static func message(generation: Int, changed: Set<String>, all: Bool) -> String {
        struct Payload: Encodable {
            var all: Bool
            var changed: [String]
            var generation: Int
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Payload(all: all, changed: changed.sorted(), generation: generation))) ?? Data("{}".utf8)
        return "event: reload\ndata: \(String(decoding: data, as: UTF8.self))\n\n"
    }
}
