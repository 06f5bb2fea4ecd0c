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
        let exchanges = try TrafficFixtures.withTemporaryFile("long.jsonl", Array(lines.joined(separator: "\n").utf8)) { path in
            TrafficFixtures.exchanges(Array(JSONLReader(stream: try ByteStream(path: path, chunkSize: 7))))
        }
        #expect(exchanges.map(\.request.method) == ["PUT", "GET"])
        #expect(exchanges.first?.request.body?.count == 300_000)
        #expect(exchanges.last?.index == 3)
        #expect(exchanges.last?.response?.status == 204)
    }

    @Test("a line over the limit is skipped and reported, and reading goes on")
    func tooLong() throws {
        let text = "{\"request\": {\"method\": \"GET\", \"url\": \"/\(String(repeating: "a", count: 5000))\"}}\n{\"request\": {\"method\": \"GET\", \"url\": \"/b\"}}\n"
        let records = try TrafficFixtures.withTemporaryFile("limit.jsonl", Array(text.utf8)) { path in
            Array(JSONLReader(stream: try ByteStream(path: path, chunkSize: 512, maximumLineLength: 1000)))
        }
        #expect(TrafficFixtures.errors(records).map(\.position) == [.line(1)])
        #expect(TrafficFixtures.errors(records).first?.reason.contains("longer than the limit") == true)
        #expect(TrafficFixtures.exchanges(records).map(\.request.url) == ["/b"])
    }

    /// What the pipeline reads (blocks of lines, split by the reader and read as exchanges by
    /// the unit) is held to the reader's own line-at-a-time path on seeded files: every kind of
    /// line, at every chunk size from one that splits every line to one that holds many.
    @Test("blocks of lines give the records that lines read one by one give", arguments: [7, 61, 512, 4096])
    func blocksMatchLines(chunkSize: Int) throws {
        var random = SplitMix64(seed: UInt64(chunkSize))
        let kinds: [(inout SplitMix64) -> String] = [
            { random in #"{"request": {"method": "GET", "url": "/v2/p/volumes/\#(random.next() % 1000)"}, "response": {"status": 200, "body": "{\"id\": 1}"}}"# },
            { _ in "" },
            { _ in " \t " },
            { _ in "not json" },
            { _ in #"{"request": {"method": "PUT"}}"# },
            { random in #"{"request": {"method": "POST", "url": "/a", "body": "\#(String(repeating: "y", count: Int(random.next() % 3000)))"}}"# },
            { _ in #"{"request": {"method": "GET", "url": "/\#(String(repeating: "z", count: 2500))"}}"# },
        ]
        var blocks = 0
        for round in 0..<20 {
            var text = round % 4 == 0 ? "\u{FEFF}" : ""
            for _ in 0..<(Int(random.next() % 40) + 1) {
                text += kinds[Int(random.next() % UInt64(kinds.count))](&random)
                text += random.next() % 3 == 0 ? "\r\n" : "\n"
            }
            if round % 2 == 1 { text += kinds[0](&random) }  // a last line without a newline
            let (byLine, byBlock) = try TrafficFixtures.withTemporaryFile("blocks-\(round).jsonl", Array(text.utf8)) { path in
                let byLine = Array(JSONLReader(stream: try ByteStream(path: path, chunkSize: chunkSize, maximumLineLength: 2000)))
                let reader = JSONLReader(stream: try ByteStream(path: path, chunkSize: chunkSize, maximumLineLength: 2000))
                var byBlock: [TrafficRecord] = []
                while let unit = reader.nextBlockUnit() {
                    if case .lines(let block) = unit, block.lines.count > 1 { blocks += 1 }
                    unit.forEachRecord { byBlock.append($0) }
                }
                return (byLine, byBlock)
            }
            // Named by position, not printed: some records hold lines of thousands of bytes.
            #expect(byBlock.count == byLine.count, "round \(round)")
            let firstDifference = zip(byBlock, byLine).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            #expect(firstDifference == nil, "round \(round): record \(firstDifference ?? -1) differs")
        }
        if chunkSize >= 4096 { #expect(blocks > 0, "a chunk that holds many lines gives blocks of them") }
    }

    @Test("lines that are JSON but not exchanges say why", arguments: [
        (#"[1]"#, "not a JSON object"),
        (#"{"response": {"status": 200}}"#, "no \"request\" object"),
        (#"{"request": {"method": "GET", "url": "/"}, "response": {"status": "OK"}}"#, "response.status"),
        (#"{"request": {"method": "GET", "url": "/", "bodyBase64": "***"}}"#, "bodyBase64"),
    ])
    func brokenLines(line: String, reason: String) throws {
        let errors = try TrafficFixtures.withTemporaryFile("broken.jsonl", Array((line + "\n").utf8)) { path in
            TrafficFixtures.errors(Array(try JSONLReader(path: path)))
        }
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
        try TrafficFixtures.withTemporaryFile("recording", Array(har.utf8)) { path in
            let input = try TrafficInput(path: path)
            #expect(input.format == .har)
            #expect(TrafficFixtures.exchanges(input).count == 4)
        }
    }
}
