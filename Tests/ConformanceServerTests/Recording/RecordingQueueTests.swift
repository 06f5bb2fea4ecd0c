import ConformanceModel
@testable import ConformanceServer
import Foundation
import Testing

/// The recorder's bounded queue, with the test as a writer that takes only when it chooses:
/// a server that outruns the writer is held back at the queue's limits (memory does not grow),
/// and every exchange comes out, once, in the order it went in.
@Suite struct RecordingQueueTests {
    static func item(_ index: Int, body: Int = 0) -> PendingExchange {
        PendingExchange(exchange: Exchange(request: Exchange.Request(method: "GET", url: "/\(index)", body: body > 0 ? Array(repeating: 0x61, count: body) : nil), response: nil),
                        started: Date(timeIntervalSince1970: 0), duration: 0)
    }

    static func index(_ item: PendingExchange) -> Int { Int(item.exchange.request.url.dropFirst()) ?? -1 }

    /// Polls `condition` (a state another thread reaches), giving up after 60 s.
    static func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<6000 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
        #expect(condition())
    }

    /// Takes batches as the writer does until `total` came out; returns their indices.
    static func drain(_ queue: RecordingQueue, total: Int, largest: inout Int) -> [Int] {
        var taken: [Int] = []
        while taken.count < total, let batch = queue.take() {
            largest = max(largest, batch.count)
            taken += batch.map(index)
            queue.done(batch.count)
        }
        return taken
    }

    @Test func aServerThatOutrunsTheWriterWaitsAtTheLimit() async throws {
        let queue = RecordingQueue(limits: RecordingQueue.Limits(exchanges: 4, bytes: 1 << 20, batch: 2, delay: 0.05))
        let producer = Thread { for index in 0..<50 { queue.put(Self.item(index)) } }
        producer.start()
        // Nobody takes yet: the server stops after 4, waiting for room.
        try await Self.eventually { queue.blocked == 1 }
        #expect(queue.waiting == 4)
        #expect(queue.count == 4)
        var largest = 0
        let taken = Self.drain(queue, total: 50, largest: &largest)
        #expect(taken == Array(0..<50), "every exchange, once, in order")
        #expect(largest <= 4 && queue.depth <= 4, "never more than the limit in memory")
        #expect(queue.waits >= 1)
    }

    @Test func theByteLimitHoldsLargeExchangesBackToo() async throws {
        let queue = RecordingQueue(limits: RecordingQueue.Limits(exchanges: 100, bytes: 10_000, batch: 100, delay: 0.05))
        let producer = Thread { for index in 0..<10 { queue.put(Self.item(index, body: 4_000)) } }
        producer.start()
        // Two fit under 10,000 bytes; the third waits.
        try await Self.eventually { queue.blocked == 1 }
        #expect(queue.waiting == 2)
        var largest = 0
        #expect(Self.drain(queue, total: 10, largest: &largest) == Array(0..<10))
        #expect(largest <= 2)
        // One exchange larger than the whole limit still goes through, alone.
        queue.put(Self.item(10, body: 50_000))
        #expect(Self.drain(queue, total: 1, largest: &largest) == [10])
    }

    @Test func closeHandsTheRestToTheWriterAndRefusesMore() async throws {
        let queue = RecordingQueue(limits: RecordingQueue.Limits(exchanges: 16, bytes: 1 << 20, batch: 16, delay: 3600))
        for index in 0..<3 { queue.put(Self.item(index)) }
        // A batch not yet full and not yet due: close makes it due at once.
        let closer = Thread { queue.close() }
        closer.start()
        var largest = 0
        #expect(Self.drain(queue, total: 3, largest: &largest) == [0, 1, 2])
        try await Self.eventually { !queue.put(Self.item(3)) }
        #expect(queue.take() == nil, "closed and empty: the writer stops")
        queue.finish()
        #expect(queue.count == 3)
    }
}
