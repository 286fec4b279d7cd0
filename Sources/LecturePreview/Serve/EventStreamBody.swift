import FlyingSocks

/// A stream of text messages as the bytes of an HTTP body that never ends
/// (sent chunked): each message goes out as soon as it is yielded.
struct EventStreamBody: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let messages: AsyncStream<String>

    func makeAsyncIterator() -> Iterator {
        Iterator(messages: messages.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var messages: AsyncStream<String>.Iterator
        /// What is left of the last message, for byte-by-byte reading.
        var rest: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            if rest.isEmpty {
                guard let message = await messages.next() else { return nil }
                rest = ArraySlice(message.utf8)
            }
            return rest.popFirst()
        }

        /// The rest of the current message, or the whole next one (however
        /// long: a message is never split across chunks).
        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            if !rest.isEmpty {
                defer { rest = [] }
                return Array(rest)
            }
            while let message = await messages.next() {
                if !message.isEmpty { return Array(message.utf8) }
            }
            return nil
        }
    }
}
