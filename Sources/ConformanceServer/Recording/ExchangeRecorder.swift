import Conformance
import ConformanceModel
import Foundation
import Synchronization

/// Records every exchange the mock (or the proxy) serves into a HAR file (`HARWriter`:
/// redacted), rewriting the file atomically at most every ``interval`` while traffic flows and
/// once more on ``flush()`` (at shutdown), so that the file on disk is always whole.
public final class ExchangeRecorder: Sendable {
    public let path: String
    /// The least time between two periodic rewrites.
    public let interval: Duration
    private let writer = Mutex(HARWriter())
    private let lastFlush = Mutex(ContinuousClock.now)
    private let flushing = Mutex(false)
    private let dirty = Atomic<Bool>(false)
    /// The last write error, if any (reported by the CLI at shutdown).
    private let failure = Mutex<String?>(nil)

    public init(path: String, interval: Duration = .seconds(2)) {
        self.path = path
        self.interval = interval
    }

    /// Adds one exchange; rewrites the file when the interval has passed.
    public func record(_ exchange: Exchange, started: Date, duration: TimeInterval) {
        writer.withLock { $0.append(exchange, started: started, duration: duration) }
        dirty.store(true, ordering: .releasing)
        let due = lastFlush.withLock { last in
            guard ContinuousClock.now - last >= interval else { return false }
            last = .now
            return true
        }
        if due { flush(wait: false) }
    }

    /// Writes the file now. A periodic write is skipped when another is under way (that one,
    /// or the next, includes everything recorded so far); `wait` (at shutdown) waits its turn.
    public func flush(wait: Bool = true) {
        while !flushing.withLock({ busy in
            if busy { return false }
            busy = true
            return true
        }) {
            guard wait else { return }
            usleep(1_000)
        }
        defer { flushing.withLock { $0 = false } }
        dirty.store(false, ordering: .releasing)
        let text = writer.withLock { $0.text() }
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            failure.withLock { $0 = "\(path): \(error.localizedDescription)" }
        }
    }

    /// How many exchanges are recorded.
    public var count: Int { writer.withLock { $0.count } }

    /// The last error writing the file.
    public var lastError: String? { failure.withLock { $0 } }
}
