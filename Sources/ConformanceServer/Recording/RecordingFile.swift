import Conformance
import Foundation

/// The format of a recording, chosen by the file's extension: `.jsonl` or `.ndjson` for JSONL
/// (one exchange per line), anything else HAR 1.2.
public enum RecordingFormat: String, Sendable, CaseIterable {
    case har, jsonl

    /// The format a path's extension asks for.
    public init(path: String) {
        let lowered = path.lowercased()
        self = lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") ? .jsonl : .har
    }
}

/// Why a recording could not be created or written: the file and the system's reason.
public struct RecordingError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

/// The file a recording streams into. It is created whole (an empty HAR document, or an empty
/// JSONL file, written to a temporary file and renamed into place) and then only extended: a
/// batch of HAR entries is written over the document's closing brackets, followed by the
/// brackets again, in one `pwrite`, so the file is a whole HAR document after every batch; JSONL
/// lines are appended. Not thread-safe: ``ExchangeRecorder`` serialises the writes.
final class RecordingFile {
    let path: String
    let format: RecordingFormat
    private var descriptor: Int32
    /// Where the next batch starts: the end of the last entry (HAR: where the tail begins).
    private var end: off_t
    private var entries = 0

    init(path: String, format: RecordingFormat) throws(RecordingError) {
        self.path = path
        self.format = format
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RecordingError(path: path, reason: "cannot create the folder \(folder.path)")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp").path
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw RecordingError(path: path, reason: "cannot create (\(String(cString: strerror(errno))))") }
        let head = format == .har ? HARWriter.head() : []
        end = off_t(head.count)
        do {
            try Self.write(head + (format == .har ? HARWriter.tail : []), at: 0, to: descriptor, path: path)
        } catch {
            Foundation.close(descriptor)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            Foundation.close(descriptor)
            unlink(temporary)
            throw RecordingError(path: path, reason: "cannot create (\(reason))")
        }
    }

    deinit { close() }

    /// Writes `batch` (rendered entries or lines) after the entries already in the file.
    func append(_ batch: [[UInt8]]) throws(RecordingError) {
        guard !batch.isEmpty, descriptor >= 0 else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(batch.reduce(HARWriter.tail.count) { $0 + $1.count + 2 })
        for entry in batch {
            if format == .har, entries > 0 { bytes += HARWriter.separator }
            bytes += entry
            entries += 1
        }
        let written = bytes.count
        if format == .har { bytes += HARWriter.tail }
        try Self.write(bytes, at: end, to: descriptor, path: path)
        end += off_t(written)
    }

    /// Closes the file; later appends are ignored.
    func close() {
        if descriptor >= 0 { Foundation.close(descriptor) }
        descriptor = -1
    }

    private static func write(_ bytes: [UInt8], at offset: off_t, to descriptor: Int32, path: String) throws(RecordingError) {
        var done = 0
        while done < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, offset + off_t(done))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw RecordingError(path: path, reason: "cannot write (\(String(cString: strerror(errno))))")
            }
            done += result
        }
    }
}
