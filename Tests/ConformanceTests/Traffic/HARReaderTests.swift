import Conformance
import ConformanceModel
import Foundation
import Testing

@Suite("HARReader")
struct HARReaderTests {
    @Test("reads headers lists, base64 and absent bodies, a missing response, and skips a broken entry")
    func readsFixture() throws {
        let path = try TrafficFixtures.path("evs.har")
        let records = Array(try HARReader(path: path))
        #expect(records.count == 5)
        let exchanges = TrafficFixtures.exchanges(records)
        #expect(exchanges.map(\.index) == [0, 1, 3, 4])
        #expect(exchanges.allSatisfy { $0.file == path })

        let job = try #require(exchanges.first)
        #expect(job.request.method == "GET")
        #expect(job.request.headers.map(\.name) == ["X-Auth-Token", "Accept"], "the :authority pseudo-header is dropped")
        #expect(job.request.headers.value(named: "x-auth-token") == TrafficFixtures.token)
        #expect(job.request.body == nil)
        let body = try #require(job.response?.body)
        #expect(String(decoding: body, as: UTF8.self).hasPrefix(#"{"status": "SUCCESS""#), "base64 content is decoded")

        #expect(exchanges[1].request.body.map { String(decoding: $0, as: UTF8.self) } == #"{"os-extend": {"new_size": "100"}}"#)
        #expect(exchanges[1].response?.status == 202)
        #expect(exchanges[1].response?.body == nil, "content without text is no body")
        #expect(exchanges[2].response == nil, "status 0 means no response was recorded")
        #expect(exchanges[3].response?.body == nil, "an empty content.text is no body")

        let errors = TrafficFixtures.errors(records)
        #expect(errors == [TrafficReadError(file: path, position: .entry(2), reason: "no \"request\" object")])
        #expect(errors.first?.description == "\(path): entry 2: no \"request\" object")
    }

    @Test("a truncated file is a TrafficReadError that names the line")
    func truncated() throws {
        let path = try TrafficFixtures.path("truncated.har")
        #expect {
            _ = try HARReader(path: path)
        } throws: { error in
            guard let error = error as? TrafficReadError, case .line(let line) = error.position else { return false }
            return error.file == path && line > 1 && error.reason.hasPrefix("not JSON")
        }
    }

    @Test("JSON that is not HAR, and a missing file, are TrafficReadErrors", arguments: [
        (#"{"entries": []}"#, "no \"log\" object"),
        (#"{"log": {"version": "1.2"}}"#, "no \"log.entries\" array"),
        ("[1, 2", "not JSON"),
    ])
    func notHAR(text: String, reason: String) throws {
        #expect {
            _ = try HARReader(bytes: Array(text.utf8), file: "x.har")
        } throws: { error in
            (error as? TrafficReadError)?.reason.contains(reason) == true
        }
    }

    @Test("broken entries of every kind become unreadable records, never a trap")
    func brokenEntries() throws {
        let entries = [
            #"42"#,
            #"{"request": {"url": "https://x/"}}"#,
            #"{"request": {"method": "GET", "url": 7}}"#,
            #"{"request": {"method": "GET", "url": "/a", "headers": [{"value": "no name"}, 5, {"name": "A", "value": 1}]}, "response": {"status": "200"}}"#,
            #"{"request": {"method": "GET", "url": "/a", "postData": {"text": "%%%", "encoding": "base64"}}}"#,
            #"{"request": {"method": "GET", "url": "/a"}, "response": {"status": 99999}}"#,
            #"{"request": {"method": "GET", "url": "/a", "headers": [{"name": "A", "value": 1}]}, "response": {"status": 204, "content": {"text": "", "encoding": "base64"}}}"#,
        ]
        let text = #"{"log": {"entries": ["# + entries.joined(separator: ",") + "]}}"
        let records = Array(try HARReader(bytes: Array(text.utf8), file: "fuzz.har"))
        #expect(TrafficFixtures.errors(records).map(\.position) == (0...5).map { .entry($0) })
        let last = try #require(TrafficFixtures.exchanges(records).first)
        #expect(last.index == 6)
        #expect(last.request.headers == [Exchange.Header(name: "A", value: "1")])
        #expect(last.response?.status == 204)
    }

    @Test("seeded corruptions of a HAR file give a located error or records, never a crash")
    func fuzz() throws {
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: TrafficFixtures.path("evs.har"))))
        let entries = Array(try HARReader(bytes: original, file: "evs.har")).count
        var generator = SplitMix64(seed: 0x4A12)
        var errors = 0
        var readable = 0
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = [UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "]"), 0, 0xFF, UInt8(ascii: "1")].randomElement(using: &generator) ?? 0
            }
            if Bool.random(using: &generator) { bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator))) }
            do {
                let records = Array(try HARReader(bytes: bytes, file: "fuzz.har"))
                readable += 1
                // A file that still parses keeps its entries: each is an exchange or an entry error
                // that names the file and its index.
                #expect(records.count <= entries)
                for case .unreadable(let error) in records {
                    #expect(error.file == "fuzz.har")
                    if case .entry(let index) = error.position { #expect((0..<entries).contains(index)) } else { Issue.record("\(error)") }
                }
            } catch {
                errors += 1
                // A file that does not parse as a whole is one error naming the file and a position.
                #expect(error.file == "fuzz.har")
                #expect(error.description.hasPrefix("fuzz.har"))
                #expect(!error.reason.isEmpty)
            }
        }
        #expect(errors + readable == 300)
        #expect(errors > 0 && readable > 0, "errors \(errors), readable \(readable)")
    }
}
