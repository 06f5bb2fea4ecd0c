import Conformance
import ConformanceModel
import Foundation

/// Records exchanges (of the mock, the proxy or a verify run) to a HAR or JSONL file as they
/// happen, redacted (`HARWriter`, `JSONLWriter`: `Redaction.exchange`).
///
/// The server's side is only a hand-off: ``record(_:started:duration:)`` puts the exchange as
/// it is (no redaction, no rendering, no I/O) on a bounded ``RecordingQueue`` and returns. One
/// writer thread takes the queue in batches (at once when 256 are waiting, a flush is asked
/// for or the recorder closes, and otherwise when the oldest has waited 100 ms), redacts and
/// renders them and writes each batch with one `pwrite` (`RecordingFile`), so the file is whole
/// after every batch: a valid HAR document, or complete JSONL lines. Nothing reaches the file
/// unredacted: redaction happens on the writer, before the bytes exist.
///
/// - A `kill -9` loses what is queued and the batch being written: at most the 100 ms delay
///   plus the time to render a full queue (README "Load test of the live servers").
/// - A full queue holds the server up rather than dropping exchanges (``RecordingQueue``):
///   memory stays bounded, and the recording stays complete.
/// - ``flush()`` returns once everything recorded before it is on disk; ``close()`` (and
///   `deinit`) writes the rest and stops the writer.
public final class ExchangeRecorder: Sendable {
    public let path: String
    public let format: RecordingFormat
    private let queue: RecordingQueue

    /// Creates (or replaces) the file at `path`, in `format` (by default the one its
    /// extension names), and starts the writer.
    public convenience init(path: String, format: RecordingFormat? = nil) throws(RecordingError) {
        try self.init(path: path, format: format, limits: .standard)
    }

    /// The same with other queue limits (tests use a tiny queue).
    init(path: String, format: RecordingFormat? = nil, limits: RecordingQueue.Limits) throws(RecordingError) {
        let chosen = format ?? RecordingFormat(path: path)
        // The file first: an initializer that throws once every property is set runs `deinit`,
        // whose `close()` would wait for a writer that never started.
        let file = try RecordingFile(path: path, format: chosen)
        self.path = path
        self.format = chosen
        queue = RecordingQueue(limits: limits)
        let writer = RecordingWriter(file: file, queue: queue)
        let thread = Thread { writer.run() }
        thread.name = "conformance.recorder"
        thread.start()
    }

    deinit {
        close()
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

    /// Hands one exchange to the writer; `started` and `duration` fill the entry's timing.
    /// Waits only while the queue is full. After ``close()`` the exchange is not recorded.
    public func record(_ exchange: Exchange, started: Date, duration: TimeInterval) {
        queue.put(PendingExchange(exchange: exchange, started: started, duration: duration))
    }

    /// Returns once everything recorded so far is on disk.
    public func flush() {
        queue.flush()
    }

    /// Writes what is queued, stops the writer and closes the file; later calls do nothing.
    public func close() {
        queue.close()
    }

    /// How many exchanges were recorded.
    public var count: Int { queue.count }

    /// How many times a server waited for the writer (the queue was full).
    public var waits: Int { queue.waits }

    /// The last error writing the file, if any (the CLI reports it at shutdown).
    public var lastError: String? { queue.lastError }
}

/// The writer thread's loop: takes batches from the queue, redacts and renders them, and
/// appends each to the file in one write.
struct RecordingWriter: @unchecked Sendable {
    // The file is used by the writer thread only.
    let file: RecordingFile
    let queue: RecordingQueue

    func run() {
        var rendered: [[UInt8]] = []
        while let batch = queue.take() {
            rendered.removeAll(keepingCapacity: true)
            for item in batch {
                rendered.append(file.format == .har
                    ? HARWriter.entry(item.exchange, started: item.started, duration: item.duration)
                    : JSONLWriter.line(item.exchange, started: item.started, duration: item.duration))
            }
            do {
                try file.append(rendered)
                queue.done(batch.count)
            } catch {
                queue.done(batch.count, failure: "\(error)")
            }
        }
        file.close()
        queue.finish()
    }
}
