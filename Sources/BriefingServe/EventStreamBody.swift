import FlyingSocks

/// Server-Sent Events as a response body that FlyingFox sends chunk by chunk as events arrive, for as
/// long as the connection lasts.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8

    let events: AsyncStream<ServerSentEvent>

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<ServerSentEvent>.Iterator
        /// The rest of the current event, when a buffer asked for less than all of it.
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            guard await fill() else { return nil }
            return pending.popFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            guard await fill() else { return nil }
            let buffer = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(buffer.count)
            return buffer
        }

        /// Waits for the next event when the last is sent; false once the stream has ended.
        private mutating func fill() async -> Bool {
            if pending.isEmpty, let event = await events.next() {
                pending = ArraySlice(event.text.utf8)
            }
            return !pending.isEmpty
        }
    }
}
