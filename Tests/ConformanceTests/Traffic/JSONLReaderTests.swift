import Conformance
import ConformanceModel
import Foundation
import Testing

@Suite("JSONLReader")
struct JSONLReaderTests {
    @Test("reads CRLF lines, header arrays, JSON and base64 bodies, and reports a broken line")
    func readsFixture() throws {
        let path = try TrafficFixtures.path("evs.jsonl")
        let records = Array(try JSONLReader(path: path))
        let exchanges = TrafficFixtures.exchanges(records)
        #expect(exchanges.map(\.index) == [0, 2, 3], "the index is the 0-based line number")
        let job = try #require(exchanges.first)
        #expect(job.request.headers.filter { $0.name == "Accept" }.map(\.value) == ["application/json", "text/plain"])
        #expect(job.response?.status == 200)
        #expect(job.response?.body.map { String(decoding: $0, as: UTF8.self) }?.hasSuffix("}") == true, "no \\r is left")
        #expect(exchanges[1].request.body.map { String(decoding: $0, as: UTF8.self) } == #"{"os-extend":{"new_size":"100"}}"#)
        #expect(exchanges[2].request.body.map { String(decoding: $0, as: UTF8.self) } == #"{"os-extend": {"new_size": 100}}"#)
        #expect(exchanges[2].response == nil)
        let errors = TrafficFixtures.errors(records)
        #expect(errors.count == 1)
        #expect(errors.first?.position == .line(2))
        #expect(errors.first?.description.hasPrefix("\(path):2: not JSON") == true)
    }

    @Test("lines across chunk boundaries, a very long line, blank lines and a last line without newline")
    func chunking() throws {
        let long = String(repeating: "x", count: 300_000)
        let lines = [
            #"{"request": {"method": "PUT", "url": "/a", "body": "\#(long)"}}"#,
            "",
            "   ",
            #"{"request": {"method": "get", "url": "/b"}, "response": {"status": 204}}"#,
        ]
        let path = try TrafficFixtures.temporaryFile("long.jsonl", Array(lines.joined(separator: "\n").utf8))
        let reader = JSONLReader(stream: try ByteStream(path: path, chunkSize: 7))
        let exchanges = TrafficFixtures.exchanges(Array(reader))
        #expect(exchanges.map(\.request.method) == ["PUT", "GET"])
        #expect(exchanges.first?.request.body?.count == 300_000)
        #expect(exchanges.last?.index == 3)
        #expect(exchanges.last?.response?.status == 204)
    }

    @Test("a line over the limit is skipped and reported, and reading goes on")
    func tooLong() throws {
        let text = "{\"request\": {\"method\": \"GET\", \"url\": \"/\(String(repeating: "a", count: 5000))\"}}\n{\"request\": {\"method\": \"GET\", \"url\": \"/b\"}}\n"
        let path = try TrafficFixtures.temporaryFile("limit.jsonl", Array(text.utf8))
        let records = Array(JSONLReader(stream: try ByteStream(path: path, chunkSize: 512, maximumLineLength: 1000)))
        #expect(TrafficFixtures.errors(records).map(\.position) == [.line(1)])
        #expect(TrafficFixtures.errors(records).first?.reason.contains("longer than the limit") == true)
        #expect(TrafficFixtures.exchanges(records).map(\.request.url) == ["/b"])
    }

    @Test("lines that are JSON but not exchanges say why", arguments: [
        (#"[1]"#, "not a JSON object"),
        (#"{"response": {"status": 200}}"#, "no \"request\" object"),
        (#"{"request": {"method": "GET", "url": "/"}, "response": {"status": "OK"}}"#, "response.status"),
        (#"{"request": {"method": "GET", "url": "/", "bodyBase64": "***"}}"#, "bodyBase64"),
    ])
    func brokenLines(line: String, reason: String) throws {
        let path = try TrafficFixtures.temporaryFile("broken.jsonl", Array((line + "\n").utf8))
        let errors = TrafficFixtures.errors(Array(try JSONLReader(path: path)))
        #expect(errors.count == 1)
        #expect(errors.first?.reason.contains(reason) == true, "\(errors)")
    }

    @Test("the format comes from the extension, else from the first key")
    func format() throws {
        #expect(TrafficFormat.fromExtension(of: "a/b.HAR") == .har)
        #expect(TrafficFormat.fromExtension(of: "a/b.ndjson") == .jsonl)
        #expect(TrafficFormat.fromExtension(of: "a.d/b") == nil)
        #expect(TrafficFormat.sniff(Array("\u{FEFF}{\n  \"log\": {".utf8)) == .har)
        #expect(TrafficFormat.sniff(Array(#"{"request": {}}"#.utf8)) == .jsonl)
        let har = try String(contentsOfFile: TrafficFixtures.path("evs.har"), encoding: .utf8)
        let path = try TrafficFixtures.temporaryFile("recording", Array(har.utf8))
        let input = try TrafficInput(path: path)
        #expect(input.format == .har)
        #expect(TrafficFixtures.exchanges(input).count == 4)
    }
}
