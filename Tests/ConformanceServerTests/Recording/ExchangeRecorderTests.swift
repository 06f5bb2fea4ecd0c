import Conformance
import ConformanceModel
@testable import ConformanceServer
import Foundation
import Testing

/// The streaming recorder: a whole HAR document after every write, JSONL lines appended,
/// writes without a flush, concurrent servers held back by a small queue with nothing lost,
/// redaction on the writer, and a clear error for a file it cannot create.
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

    @Test func everyExchangeOfConcurrentServersIsOnDiskInOrderAfterClose() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.jsonl").path
        // A queue of 8: four servers recording as fast as they can outrun the writer, so they
        // are held back (memory stays at the queue's size) and nothing is dropped.
        let recorder = try ExchangeRecorder(path: path, limits: RecordingQueue.Limits(exchanges: 8, bytes: 1 << 20, batch: 4, delay: 0.05))
        let servers = 4, each = 250
        DispatchQueue.concurrentPerform(iterations: servers) { server in
            for index in 0..<each {
                recorder.record(Exchange(request: Exchange.Request(method: "GET", url: "/s\(server)/\(index)"), response: Exchange.Response(status: 200)),
                                started: Date(), duration: 0)
            }
        }
        recorder.close()
        #expect(recorder.count == servers * each)
        let urls = try Self.exchanges(in: path).map(\.request.url)
        #expect(urls.count == servers * each)
        for server in 0..<servers {
            let own = urls.filter { $0.hasPrefix("/s\(server)/") }
            #expect(own == (0..<each).map { "/s\(server)/\($0)" }, "each server's exchanges in the order it recorded them")
        }
        // After close nothing more is recorded, and the file is left as it was.
        recorder.record(Self.exchange(0), started: Date(), duration: 0)
        #expect(recorder.count == servers * each)
        #expect(try Self.exchanges(in: path).count == servers * each)
    }

    @Test func theWriterRedactsBeforeAnythingReachesDisk() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("t.har").path
        let recorder = try ExchangeRecorder(path: path)
        for index in 0..<300 {
            let body = Array(#"{"auth":{"password":"pw-\#(index)-secret"},"volume":{"size":\#(index)}}"#.utf8)
            recorder.record(Self.exchange(index, body: body), started: Date(), duration: 0)
        }
        recorder.flush()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("secret"))
        #expect(try Self.exchanges(in: path).count == 300)
        recorder.close()
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
