import Conformance
import ConformanceModel
import Foundation
import Synchronization

/// Records exchanges (of the mock, the proxy or a verify run) to a HAR or JSONL file as they
/// happen, redacted (`HARWriter`, `JSONLWriter`: `Redaction.exchange`).
///
/// Each exchange is rendered on the thread that records it and queued; the queue is written
/// in one batch at least every ``flushInterval`` by a background task (so a `kill -9` loses at
/// most that much), at once when it holds more than ``maximumPending`` bytes (so memory stays
/// bounded however fast traffic comes), and on ``flush()``. After every batch the file is whole
/// (`RecordingFile`): a valid HAR document, or complete JSONL lines.
public final class ExchangeRecorder: Sendable {
    public let path: String
    public let format: RecordingFormat
    /// The longest an exchange waits in memory before it is written.
    public static let flushInterval: Duration = .milliseconds(500)
    /// Queued bytes beyond which the recording thread writes the queue itself.
    public static let maximumPending = 4 << 20

    private struct Queue {
        var entries: [[UInt8]] = []
        var bytes = 0
        var recorded = 0
    }

    private let queue = Mutex(Queue())
    private let file: Mutex<RecordingFile>
    private let failure = Mutex<String?>(nil)
    private let flusher = Mutex<Task<Void, Never>?>(nil)

    /// Creates (or replaces) the file at `path`, in `format` (by default the one its
    /// extension names), and starts the periodic writes.
    public init(path: String, format: RecordingFormat? = nil) throws(RecordingError) {
        let chosen = format ?? RecordingFormat(path: path)
        self.path = path
        self.format = chosen
        file = Mutex(try RecordingFile(path: path, format: chosen))
        let task = Task.detached(priority: .utility) { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.flushInterval)
                guard let self else { return }
                self.flush()
            }
        }
        flusher.withLock { $0 = task }
    }

    deinit {
        flusher.withLock { $0?.cancel() }
        flush()
    }

    /// A recorder for `path` when one is given: the recorder, or why it could not be created
    /// (the mock and the proxy refuse to start with it).
    static func open(_ path: String?) -> (recorder: ExchangeRecorder?, error: RecordingError?) {
        guard let path else { return (nil, nil) }
        do {
            return (try ExchangeRecorder(path: path), nil)
        } catch {
            return (nil, error)
        }
    }

    /// Queues one exchange; `started` and `duration` fill the entry's timing.
    public func record(_ exchange: Exchange, started: Date, duration: TimeInterval) {
        let rendered = format == .har
            ? HARWriter.entry(exchange, started: started, duration: duration)
            : JSONLWriter.line(exchange, started: started, duration: duration)
        let full = queue.withLock { queue -> Bool in
            queue.entries.append(rendered)
            queue.bytes += rendered.count
            queue.recorded += 1
            return queue.bytes > Self.maximumPending
        }
        if full { flush() }
    }

    /// Writes everything queued so far. Batches are taken and written under one lock, so they
    /// reach the file in the order they were recorded.
    public func flush() {
        file.withLock { file in
            let batch = queue.withLock { queue -> [[UInt8]] in
                defer {
                    queue.entries.removeAll(keepingCapacity: true)
                    queue.bytes = 0
                }
                return queue.entries
            }
            guard !batch.isEmpty else { return }
            do {
                try file.append(batch)
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
        }
    }

    /// Writes what is queued, stops the periodic writes and closes the file.
    public func close() {
        flusher.withLock { $0?.cancel() }
        flush()
        file.withLock { $0.close() }
    }

    /// How many exchanges were recorded.
    public var count: Int { queue.withLock { $0.recorded } }

    /// The last error writing the file, if any (the CLI reports it at shutdown).
    public var lastError: String? { failure.withLock { $0 } }
}
