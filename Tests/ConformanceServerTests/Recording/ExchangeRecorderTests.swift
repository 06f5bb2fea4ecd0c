import Conformance
import ConformanceModel
import ConformanceServer
import Foundation
import Testing

/// The streaming recorder: a whole HAR document after every write, JSONL lines appended,
/// periodic writes without a flush, writes forced by a full queue, and a clear error for a
/// file it cannot create.
@Suite struct ExchangeRecorderTests {
    static func exchange(_ index: Int, body: [UInt8]? = nil) -> Exchange {
        Exchange(request: Exchange.Request(method: "POST", url: "/v2.1/p/cloudvolumes?i=\(index)", headers: [.init(name: "X-Auth-Token", value: "token-\(index)-secret")],
                                           body: body ?? Array(#"{"volume":{"size":\#(index)}}"#.utf8)),
                 response: Exchange.Response(status: 202, headers: [.init(name: "Content-Type", value: "application/json")], body: Array(#"{"job_id":"j\#(index)"}"#.utf8)))
    }

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("recorder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func exchanges(in path: String) throws -> [Exchange] {
        try TrafficInput(path: path).compactMap { record in
            if case .exchange(let exchange) = record { return exchange }
            Issue.record("unreadable record in \(path): \(record)")
            return nil
        }
    }

    @Test func harIsWholeAfterEveryWrite() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.har").path
        let recorder = try ExchangeRecorder(path: path)
        #expect(try Self.exchanges(in: path).isEmpty, "a new recording is an empty HAR document")
        var written = 0
        for batch in [3, 1, 5] {
            for _ in 0..<batch {
                recorder.record(Self.exchange(written), started: Date(), duration: 0.002)
                written += 1
            }
            recorder.flush()
            let read = try Self.exchanges(in: path)
            #expect(read.count == written)
            #expect(read.last?.request.url == "/v2.1/p/cloudvolumes?i=\(written - 1)", "in the order recorded")
            let value = try JSONValue.parse(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            #expect(value["log"]?["entries"]?.arrayValue?.count == written, "strict JSON, no stale bytes after the tail")
        }
        recorder.close()
        #expect(recorder.count == written)
        #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("secret"))
    }

    @Test func jsonlLinesReadBack() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.jsonl").path
        let recorder = try ExchangeRecorder(path: path)
        #expect(recorder.format == .jsonl)
        recorder.record(Self.exchange(0), started: Date(), duration: 0)
        recorder.record(Self.exchange(1, body: [0x7B, 0xFF, 0x7D]), started: Date(), duration: 0)
        recorder.record(Exchange(request: Exchange.Request(method: "GET", url: "/x"), response: nil), started: Date(), duration: 0)
        recorder.close()
        let read = try Self.exchanges(in: path)
        #expect(read.count == 3)
        #expect(read[1].request.body == [0x7B, 0xFF, 0x7D], "bytes that are not UTF-8 travel as bodyBase64")
        #expect(read[2].response == nil)
        #expect(read[0].request.headers.value(named: "X-Auth-Token") == Redaction.placeholder)
    }

    @Test func writesWithoutAFlush() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.har").path
        let recorder = try ExchangeRecorder(path: path)
        recorder.record(Self.exchange(0), started: Date(), duration: 0)
        // No flush: the periodic write puts it on disk within the flush interval. (A read that
        // races the write itself may see it half done; the file is whole after it.)
        var count = 0
        for _ in 0..<40 where count == 0 {
            try await Task.sleep(for: .milliseconds(100))
            count = (try? HARReader(path: path))?.count ?? 0
        }
        #expect(count == 1)
        recorder.close()
        #expect(try Self.exchanges(in: path).count == 1)
    }

    @Test func aFullQueueIsWrittenAtOnce() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.har").path
        let recorder = try ExchangeRecorder(path: path)
        let big = Array(#"{"volume":{"description":""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: 1 << 20) + Array(#""}}"#.utf8)
        for index in 0..<6 { recorder.record(Self.exchange(index, body: big), started: Date(), duration: 0) }
        // More than `maximumPending` was queued: it is on disk without waiting for the timer.
        #expect(try Self.exchanges(in: path).count >= 4)
        recorder.close()
        #expect(try Self.exchanges(in: path).count == 6)
    }

    @Test func aFileThatCannotBeCreatedIsAnError() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        #expect(throws: RecordingError.self) { try ExchangeRecorder(path: blocker.appendingPathComponent("t.har").path) }
        let mock = MockVendorEndpoint(configuration: MockConfiguration(recordPath: blocker.appendingPathComponent("t.har").path))
        #expect(mock.engine.recordingError != nil)
    }
}
