import ConformanceModel
import Foundation

/// One exchange waiting to be written: the values the server already had (arrays and strings
/// are shared, not copied), not yet redacted or rendered.
struct PendingExchange: Sendable {
    var exchange: Exchange
    var started: Date
    var duration: TimeInterval

    /// Roughly what it keeps alive in memory: bodies, URL and headers.
    var size: Int {
        let request = exchange.request
        var bytes = 64 + request.url.utf8.count + (request.body?.count ?? 0) + (exchange.response?.body?.count ?? 0)
        for header in request.headers { bytes += header.name.utf8.count + header.value.utf8.count }
        for header in exchange.response?.headers ?? [] { bytes += header.name.utf8.count + header.value.utf8.count }
        return bytes
    }
}

/// The bounded hand-off between the threads that serve and the one thread that writes a
/// recording (``ExchangeRecorder``).
///
/// Servers ``put(_:)`` exchanges; the writer ``take()``s them in batches: as soon as a batch is
/// full, a flush is asked for or the queue closes, and otherwise when the oldest has waited
/// ``Limits/delay``.
///
/// **Full queue: backpressure, never loss.** When ``Limits/exchanges`` exchanges or
/// ``Limits/bytes`` bytes are waiting, ``put(_:)`` blocks until the writer takes them. A
/// recording is evidence: an exchange silently missing from it would make the recording lie
/// about the traffic (a create without its delete), so a server that outruns its disk is slowed
/// down instead, and memory stays bounded (at most the queue plus the batch being written).
/// Blocking is safe from async code: the writer is a dedicated thread, not one of the
/// concurrency pool's, so it never waits for the threads it unblocks. ``waits`` counts how often
/// a server was held up.
final class RecordingQueue: @unchecked Sendable {
    /// How much may wait and how the writer batches.
    struct Limits: Sendable {
        /// Exchanges that may wait before ``put(_:)`` blocks.
        var exchanges: Int
        /// Bytes (``PendingExchange/size``) that may wait before ``put(_:)`` blocks; a single
        /// exchange larger than this is still taken, alone.
        var bytes: Int
        /// A batch this long is written at once.
        var batch: Int
        /// The longest an exchange waits for a batch to fill.
        var delay: TimeInterval

        /// The recorder's: 4,096 exchanges or 32 MiB waiting, batches of 256, 100 ms at most.
        /// At the writer's speed (README "Load test of the live servers") a full queue is
        /// written in well under the half second a `kill -9` may lose.
        static let standard = Limits(exchanges: 4096, bytes: 32 << 20, batch: 256, delay: 0.1)
    }

    let limits: Limits
    // Everything below is guarded by `monitor`.
    private let monitor = NSCondition()
    private var pending: [PendingExchange] = []
    private var pendingBytes = 0
    private var oldest = Date.distantFuture
    private var accepted = 0
    private var written = 0
    private var flushTarget = 0
    private var closing = false
    private var finished = false
    private var sleepingWriter = false
    private var blockedProducers = 0
    private var flushers = 0
    private var waitCount = 0
    private var deepest = 0
    private var failure: String?

    init(limits: Limits = .standard) {
        precondition(limits.exchanges >= limits.batch && limits.batch > 0, "the queue must hold at least one batch")
        self.limits = limits
        pending.reserveCapacity(limits.batch)
    }

    /// Adds one exchange, waiting while the queue is full. False when the queue is closed
    /// (the exchange is not recorded).
    @discardableResult
    func put(_ item: PendingExchange) -> Bool {
        let size = item.size
        monitor.lock()
        defer { monitor.unlock() }
        var counted = false
        while !closing, !pending.isEmpty, pending.count >= limits.exchanges || pendingBytes + size > limits.bytes {
            if !counted { waitCount += 1; counted = true }
            blockedProducers += 1
            if sleepingWriter { monitor.broadcast() }
            monitor.wait()
            blockedProducers -= 1
        }
        guard !closing else { return false }
        if pending.isEmpty { oldest = Date(timeIntervalSinceNow: limits.delay) }
        pending.append(item)
        pendingBytes += size
        accepted += 1
        deepest = max(deepest, pending.count)
        // Wake the writer only when it has something new to decide: a first exchange to time,
        // or a full batch. (Without waiters, a broadcast costs nothing, but it is not needed.)
        if sleepingWriter, pending.count == 1 || pending.count == limits.batch || pendingBytes >= limits.bytes {
            monitor.broadcast()
        }
        return true
    }

    /// For the writer: the next batch, in the order they were put, waiting until one is due;
    /// nil once the queue is closed and empty.
    func take() -> [PendingExchange]? {
        monitor.lock()
        defer { monitor.unlock() }
        while true {
            if !pending.isEmpty {
                let due = closing || flushTarget > written || blockedProducers > 0
                    || pending.count >= limits.batch || pendingBytes >= limits.bytes || Date() >= oldest
                if due {
                    var batch: [PendingExchange] = []
                    batch.reserveCapacity(limits.batch)
                    swap(&batch, &pending)
                    pendingBytes = 0
                    oldest = .distantFuture
                    if blockedProducers > 0 { monitor.broadcast() }
                    return batch
                }
                sleepingWriter = true
                _ = monitor.wait(until: oldest)
                sleepingWriter = false
            } else if closing {
                return nil
            } else {
                sleepingWriter = true
                monitor.wait()
                sleepingWriter = false
            }
        }
    }

    /// For the writer: `count` exchanges taken are on disk (or failed, with `failure`).
    func done(_ count: Int, failure: String? = nil) {
        monitor.lock()
        defer { monitor.unlock() }
        written += count
        if let failure { self.failure = failure }
        if flushers > 0 { monitor.broadcast() }
    }

    /// For the writer: it has closed the file and stops.
    func finish() {
        monitor.lock()
        defer { monitor.unlock() }
        finished = true
        monitor.broadcast()
    }

    /// Waits until every exchange put so far is written.
    func flush() {
        monitor.lock()
        defer { monitor.unlock() }
        let target = accepted
        guard written < target else { return }
        flushTarget = max(flushTarget, target)
        monitor.broadcast()
        while written < target, !finished {
            flushers += 1
            monitor.wait()
            flushers -= 1
        }
    }

    /// Stops taking exchanges and waits until the writer has written the rest and stopped.
    func close() {
        monitor.lock()
        defer { monitor.unlock() }
        closing = true
        monitor.broadcast()
        while !finished { monitor.wait() }
    }

    /// How many exchanges were put (and will be, or were, written).
    var count: Int { locked { accepted } }
    /// How many times a server waited for room in the queue.
    var waits: Int { locked { waitCount } }
    /// The most exchanges that ever waited at once.
    var depth: Int { locked { deepest } }
    /// Exchanges waiting now (not counting a batch being written).
    var waiting: Int { locked { pending.count } }
    /// Servers waiting for room now.
    var blocked: Int { locked { blockedProducers } }
    /// The last error writing the file, if any.
    var lastError: String? { locked { failure } }

    private func locked<T>(_ body: () -> T) -> T {
        monitor.lock()
        defer { monitor.unlock() }
        return body()
    }
}
