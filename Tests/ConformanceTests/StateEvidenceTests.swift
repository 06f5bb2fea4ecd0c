import ConformanceModel
import ConformanceSpecs
import Foundation
import Testing
@testable import Conformance

/// The state tracker reads the values the validator's scan captured (`Validator(machines:)`)
/// instead of parsing bodies. The tree walk it replaced is kept for what no fixed path reaches,
/// and serves here as the second method: on every traffic fixture, the docs' own examples of
/// all four services, and a seeded corpus that scrambles states, ids and sizes so that every
/// kind of state finding occurs, both ways must give the same findings.
@Suite("State evidence captured in the scan")
struct StateEvidenceTests {
    static let root = ProjectFolder.checkout(containing: #filePath).root

    /// The fixtures and the examples of every service, in file order.
    static func corpus() throws -> [Exchange] {
        var files = try ["cinder-traffic.jsonl", "evs.jsonl", "evs.har", "conforming.har"].map(TrafficFixtures.path)
        files += Specs.all.map { root.appendingPathComponent("golden/\($0.service)/examples.jsonl").path }
        return try files.flatMap { TrafficFixtures.exchanges(try TrafficInput(path: $0)) }
    }

    /// `corpus` replayed `rounds` times in a seeded order, with states, resource ids and sizes
    /// redrawn from small sets so that ids recur and states move in documented and undocumented ways.
    static func scrambled(_ corpus: [Exchange], rounds: Int, seed: UInt64) -> [Exchange] {
        var random = SplitMix64(seed: seed)
        let states = ["available", "in-use", "creating", "deleting", "extending", "error", "melting", "attaching", "ATTACHING", "UNATTACHED"]
        let ids = ["6d61f3e9-4b2c-4a8b-9e8f-2f3c1b0d2a11", "e1fa3e72-8c92-4871-9152-bf66fef0afe9", "disk-4sn7ctsb"]
        let uuid = try! Regex(#"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|disk-[0-9a-z]{8}"#)
        let state = try! Regex(#""(status|DiskState)": ?"[^"]*""#)
        let size = try! Regex(#""(size|new_size|DiskSize)": ?[0-9]+"#)
        func scramble(_ text: String) -> String {
            var text = text.replacing(uuid) { _ in ids.randomElement(using: &random)! }
            text = text.replacing(state) { match in "\"\(match.output[1].substring ?? "status")\": \"\(states.randomElement(using: &random)!)\"" }
            return text.replacing(size) { match in "\"\(match.output[1].substring ?? "size")\": \(Int.random(in: 1...60, using: &random))" }
        }
        func scramble(_ bytes: [UInt8]?) -> [UInt8]? { bytes.map { Array(scramble(String(decoding: $0, as: UTF8.self)).utf8) } }
        var result: [Exchange] = []
        for _ in 0..<rounds {
            for var exchange in corpus.shuffled(using: &random) {
                exchange.request.url = scramble(exchange.request.url)
                exchange.request.body = scramble(exchange.request.body)
                let response = scramble(exchange.response?.body)
                exchange.response?.body = response
                exchange.index = result.count
                result.append(exchange)
            }
        }
        return result
    }

    struct Seen: Hashable {
        var exchange: Int
        var rule: String
        var severity: Severity
        var pointer: String
        var message: String
        var expected: String?
        var actual: String?

        init(_ finding: Finding) {
            exchange = finding.exchange
            rule = finding.rule.description
            severity = finding.severity
            pointer = finding.pointer
            message = finding.message
            expected = finding.expected
            actual = finding.actual
        }
    }

    /// The findings both ways, and how many exchanges the captured way read without parsing.
    static func compare(_ exchanges: [Exchange]) -> (captured: [Seen], parsed: [Seen], capturedResponses: Int) {
        let capturing = StatefulValidator(validator: Validator(machines: Rules.stateMachines), tracker: StateTracker())
        let parsing = StatefulValidator(validator: Validator(), tracker: StateTracker())
        var captured: [Seen] = []
        var parsed: [Seen] = []
        var capturedResponses = 0
        for exchange in exchanges {
            let result = capturing.validate(exchange)
            if result.stateEvidence?.response != nil { capturedResponses += 1 }
            captured += result.findings.map(Seen.init)
            parsed += parsing.validate(exchange).findings.map(Seen.init)
        }
        return (captured, parsed, capturedResponses)
    }

    @Test("the fixtures and the docs' examples: the same findings either way")
    func fixtures() throws {
        let (captured, parsed, responses) = Self.compare(try Self.corpus())
        #expect(responses > 50, "the scan captured state values for \(responses) responses")
        #expect(captured == parsed)
    }

    @Test("a seeded scrambled corpus with every kind of state finding: the same findings either way")
    func scrambled() throws {
        let corpus = try Self.corpus()
        let exchanges = Self.scrambled(corpus, rounds: 4, seed: 0x57A7E)
        let (captured, parsed, responses) = Self.compare(exchanges)
        #expect(responses > 200)
        let rules = Set(captured.map(\.rule))
        for rule in [Rule.stateUnknownValue, Rule.stateTransition, Rule.statePrecondition, Rule.stateRelation] {
            #expect(rules.contains(rule.description), "the corpus should provoke \(rule)")
        }
        // Tencent's machine is found by its status field's name (DiskState), not a table.
        #expect(captured.contains { $0.rule.hasPrefix("state.") && $0.message.hasPrefix("disk ") })
        let onlyCaptured = Set(captured).subtracting(parsed)
        let onlyParsed = Set(parsed).subtracting(captured)
        #expect(onlyCaptured.isEmpty && onlyParsed.isEmpty, "captured only: \(onlyCaptured.prefix(3)); parsed only: \(onlyParsed.prefix(3))")
        #expect(captured == parsed)
    }

    @Test("a status key where the schema documents none is read from the tree, not missed")
    func undocumentedStatusKeyFallsBack() throws {
        // Tencent's machine takes a DiskState from anywhere in the body. A second one outside the
        // documented list makes the key count differ from what the paths caught: the tracker
        // reads the tree and reports the state there as well.
        let path = Self.root.appendingPathComponent("golden/tencent-cbs/examples.jsonl").path
        var list = try #require(TrafficFixtures.exchanges(try TrafficInput(path: path)).first { exchange in
            exchange.response?.body.map { String(decoding: $0, as: UTF8.self).contains("DiskState") } ?? false
        })
        let validator = StatefulValidator(validator: Validator(machines: Rules.stateMachines), tracker: StateTracker())
        #expect(validator.validate(list).stateEvidence?.response != nil)
        let body = String(decoding: try #require(list.response?.body), as: UTF8.self)
        let extra = body.replacing(#"{"#, with: #"{"Extra": {"DiskId": "disk-zzzzzzzz", "DiskState": "MELTING"}, "#, maxReplacements: 1)
        list.response?.body = Array(extra.utf8)
        let result = validator.validate(list)
        #expect(result.stateEvidence?.response == nil)
        #expect(result.findings.contains { $0.rule == Rule.stateUnknownValue && $0.actual == "MELTING" && $0.pointer == "/Extra/DiskState" })
    }
}
