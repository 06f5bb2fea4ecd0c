import ConformanceModel
import ConformanceSpecs
import Foundation
import Testing
@testable import Conformance

/// Mutated recordings through the reader and the validator together: every line must come out
/// as an exchange with well-formed findings, or as an unreadable entry that names its line.
@Suite("Fuzzed traffic")
struct TrafficFuzzTests {
    static let validator = StatefulValidator()
    static let stateless = Validator()

    @Test("seeded mutations of JSONL lines never crash and always give a finding or a reason")
    func jsonlMutations() throws {
        let seed = try Data(contentsOf: try #require(Bundle.module.url(forResource: "evs", withExtension: "jsonl", subdirectory: "Fixtures")))
        // Split on bytes: the fixture has CRLF endings, and "\r\n" is one Character.
        let lines = seed.split(separator: 0x0A).map { Array($0.last == 0x0D ? $0.dropLast() : $0[...]) }
        let parsed = lines.compactMap { try? JSONValue.parse(bytes: $0) }
        #expect(parsed.count >= 3)
        var random = SplitMix64(seed: 0xF022)
        var exchanges = 0
        var unreadable = 0
        for round in 0..<1_500 {
            var line: [UInt8]
            if round.isMultiple(of: 2) {
                // Raw bytes: most of these break the line itself.
                line = lines[round % lines.count]
                for _ in 0..<Int.random(in: 1...3, using: &random) { line = random.mutate(line) }
            } else {
                // A well-formed line around a mutated body: the exchange reaches the validator.
                var value = parsed[round % parsed.count]
                if case .object(var members) = value, case .object(var request)? = members["request"] {
                    let body = Array((request["body"]?.stringValue ?? "{}").utf8)
                    request["body"] = .string(String(decoding: random.mutate(body), as: UTF8.self))
                    members["request"] = .object(request)
                    value = .object(members)
                }
                line = Array(value.compactText.utf8)
            }
            switch JSONLReader.record(line[...], line: round + 1, file: "fuzz.jsonl") {
            case .exchange(let exchange):
                exchanges += 1
                let result = Self.validator.validate(exchange)
                for finding in result.findings {
                    #expect(Rule.all.contains(finding.rule), "\(finding.rule)")
                    #expect(!finding.message.isEmpty)
                    #expect(finding.exchange == round)
                }
            case .unreadable(let error):
                unreadable += 1
                #expect("\(error)".contains("fuzz.jsonl:\(round + 1)"), "\(error)")
            }
        }
        // The mutations must exercise both paths, or the test proves little.
        #expect(exchanges > 500)
        #expect(unreadable > 300)
    }

    @Test("the JSONL fast path gives the tree path's exchange whenever it accepts a line")
    func fastPathAgreesWithTree() throws {
        let seed = try Data(contentsOf: try #require(Bundle.module.url(forResource: "evs", withExtension: "jsonl", subdirectory: "Fixtures")))
        var lines = seed.split(separator: 0x0A).map { Array($0.last == 0x0D ? $0.dropLast() : $0[...]) }
        lines.append(Array(#"{"request": {"method": "PUT", "url": "/v2/volume/v-1?purchaseReserved", "headers": {"B": ["2", "1"], "A": "x"y"}, "body": "{"billing": {"reservation": {"reservationLength": 1}}}"}, "response": {"status": 200, "body": ""}, "extra": [1, {"a": "}"}]}"#.utf8))
        lines.append(Array(#"{"response": null, "request": {"url": "/x", "method": "GET", "body": null}}"#.utf8))
        lines.append(Array(#"{"request": {"method": "GET", "url": "/x"}, "response": {"status": 0}}"#.utf8))
        var random = SplitMix64(seed: 7)
        var accepted = 0
        for round in 0..<3_000 {
            var line = lines[round % lines.count]
            if round >= lines.count { line = random.mutate(line) }
            guard let fast = JSONLFastPath.exchange(line[...], index: round, file: "f") else { continue }
            accepted += 1
            let tree = try #require(try? JSONValue.parse(bytes: line), "the fast path accepted a line the tree parser rejects: \(String(decoding: line, as: UTF8.self))")
            guard case .success(let expected) = JSONLReader.exchange(tree, index: round, file: "f") else {
                Issue.record("the fast path accepted a line the tree path rejects: \(String(decoding: line, as: UTF8.self))")
                continue
            }
            #expect(fast == expected, "\(String(decoding: line, as: UTF8.self))")
        }
        #expect(accepted > 200)
    }

    @Test("the JSONL fast path unescapes every escape at every offset in the eight-byte word as the tree path does")
    func fastPathEscapesAtEveryOffset() throws {
        // The fast path reads strings eight bytes at a time and copies runs between escapes;
        // an escape on each side of a word boundary, and strings shorter than a word, are
        // where such code goes wrong. The tree parser is the oracle.
        let escapes = [#"\n"#, #"\t"#, #"\r"#, #"\b"#, #"\f"#, #"\""#, #"\\"#, #"\/"#]
        var checked = 0
        for length in 0..<20 {
            for position in 0...length {
                for escape in escapes {
                    var text = String(repeating: "a", count: length)
                    text.insert(contentsOf: escape, at: text.index(text.startIndex, offsetBy: position))
                    let body = #"{\"name\": \"\#(text)\"}"#
                    let line = Array(#"{"request": {"method": "POST", "url": "/v2/p/cloudvolumes", "headers": {"X-B": ["\#(text)", "2"], "A": "\#(text)"}, "body": "\#(body)"}, "response": {"status": 202, "body": "\#(text)"}}"#.utf8)
                    let fast = try #require(JSONLFastPath.exchange(line[...], index: checked, file: "f"), "the fast path gave up on \(String(decoding: line, as: UTF8.self))")
                    guard case .success(let expected) = JSONLReader.exchange(try JSONValue.parse(bytes: line), index: checked, file: "f") else {
                        Issue.record("the tree path rejects \(String(decoding: line, as: UTF8.self))")
                        continue
                    }
                    #expect(fast == expected, "\(String(decoding: line, as: UTF8.self))")
                    checked += 1
                }
            }
        }
        // `\u` escapes and non-ASCII bytes are left to the tree path.
        #expect(JSONLFastPath.exchange(Array(#"{"request": {"method": "GET", "url": "/\u0041"}}"#.utf8)[...], index: 0, file: "f") == nil)
        #expect(JSONLFastPath.exchange(Array(#"{"request": {"method": "GET", "url": "/é"}}"#.utf8)[...], index: 0, file: "f") == nil)
        #expect(checked == 8 * (1...20).reduce(0, +))
    }

    @Test("mutated bodies of real operations always give well-formed findings", arguments: ["CreateVolume", "ShowJob", "ResizeVolume"])
    func bodyMutations(operationID: String) throws {
        let operation = try #require(Specs.operation(service: "huawei-evs", id: operationID))
        let seeds = operation.examples.map { Array($0.text.utf8) }
        var random = SplitMix64(seed: UInt64(operationID.utf8.count))
        let url = "https://evs.example.com" + operation.path
            .replacingOccurrences(of: "{project_id}", with: ExchangeBuilder.project)
            .replacingOccurrences(of: "{volume_id}", with: ExchangeBuilder.volume)
            .replacingOccurrences(of: "{job_id}", with: ExchangeBuilder.job)
        for round in 0..<300 {
            let body = random.mutate(seeds[round % max(1, seeds.count)])
            let exchange = Exchange(request: .init(method: operation.method, url: url, headers: ExchangeBuilder.token, body: body),
                                    response: .init(status: 200, body: random.mutate(body)), index: round)
            let result = Self.stateless.validate(exchange)
            for finding in result.findings {
                #expect(Rule.all.contains(finding.rule))
                #expect(finding.pointer.isEmpty || finding.pointer.hasPrefix("/") || finding.location != .requestBody && finding.location != .responseBody)
            }
        }
    }
}
