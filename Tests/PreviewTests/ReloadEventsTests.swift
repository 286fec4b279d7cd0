import Foundation
@testable import LecturePreview
import Testing

/// What the reload events tell a page, on time or late.
struct ReloadEventsTests {
    /// The first `count` messages of a stream.
    static func first(_ count: Int, of stream: AsyncStream<String>) async -> [String] {
        var messages: [String] = []
        for await message in stream {
            messages.append(message)
            if messages.count == count { break }
        }
        return messages
    }

    @Test func subscribersGetEachVersionWithItsChangedPaths() async {
        let events = ReloadEvents(session: "abc")
        await events.publish(generation: 1, changed: ["index.html"])
        let stream = await events.subscribe(session: "abc", since: 1)
        await events.publish(generation: 2, changed: ["02-b.html", "01-a.html"])
        let messages = await Self.first(2, of: stream)
        #expect(messages[0].hasPrefix("retry: "))
        #expect(messages[1] == "event: reload\ndata: {\"all\":false,\"changed\":[\"01-a.html\",\"02-b.html\"],\"generation\":2}\n\n")
    }

    @Test func aLateSubscriberGetsWhatItMissedAtOnce() async {
        let events = ReloadEvents(session: "abc")
        for (generation, page) in [(1, "index.html"), (2, "01-a.html"), (3, "02-b.html"), (4, "01-a.html")] {
            await events.publish(generation: generation, changed: [page])
        }
        let late = await Self.first(2, of: await events.subscribe(session: "abc", since: 2))
        #expect(late[1].contains("\"all\":false,\"changed\":[\"01-a.html\",\"02-b.html\"],\"generation\":4"))
        let current = await events.subscribe(session: "abc", since: 4)
        await events.publish(generation: 5, changed: ["03-c.html"])
        #expect(await Self.first(2, of: current)[1].contains("\"changed\":[\"03-c.html\"]"))
    }

    @Test func aPageOfAnotherRunOfThePreviewReloadsWhole() async {
        let events = ReloadEvents(session: "abc")
        await events.publish(generation: 1, changed: ["index.html"])
        for session in ["old", nil] {
            let messages = await Self.first(2, of: await events.subscribe(session: session, since: 9))
            #expect(messages[1].contains("\"all\":true"))
        }
    }

    @Test func aClosedPageIsForgotten() async throws {
        let events = ReloadEvents(session: "abc")
        var stream: AsyncStream<String>? = await events.subscribe(session: "abc", since: 0)
        #expect(await events.subscriberCount == 1)
        _ = stream
        stream = nil
        for _ in 0..<100 where await events.subscriberCount > 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(await events.subscriberCount == 0)
    }
}
