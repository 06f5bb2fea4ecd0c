import ConformanceModel
import ConformanceSpecs
import Foundation
import Testing
@testable import Conformance

/// The single-pass scanner against two oracles: `JSONSerialization` (and the model's strict
/// tree parser) for what is valid JSON, and a tree walk for which findings a body gets.
@Suite("Body scanner against oracles")
struct BodyScannerOracleTests {
    private func scannerAccepts(_ bytes: [UInt8]) -> Bool {
        !BodyScanner.scan(bytes, schema: nil).issues.contains { $0.kind == .malformed }
    }

    @Test("valid and invalid documents agree with JSONSerialization", arguments: [
        "{}", "[]", "null", "true", "0", "-0", "1.5e-3", "-12.0E+2", #"{"a":[1,2,{"b":null}]}"#, #""\u20ac\ud83d\ude00""#,
        #"{"a":"é"}"#, " [ 1 , 2 ] ", "{,}", "01", "1.", ".5", "+1", "[1 2]", #"{"a" 1}"#, "nul", #""\x""#, "[\"a\nb\"]",
        "{\"a\":1", "[", "\"", #"{"a":1}}"#, "[1]]", #"{"\ud800"}"#, "1e", "-", "tru", "[true false]",
    ])
    func validity(input: String) {
        let foundation = (try? JSONSerialization.jsonObject(with: Data(input.utf8), options: [.fragmentsAllowed])) != nil
        #expect(scannerAccepts(Array(input.utf8)) == foundation, "\(input)")
    }

    @Test("invalid UTF-8 inside strings is rejected")
    func invalidUTF8() {
        for bytes: [UInt8] in [[0x22, 0xC3, 0x28, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF8, 0x22], [0x22, 0xE2, 0x82, 0x22]] {
            #expect(!scannerAccepts(bytes))
        }
    }

    /// 4,000 seeded byte-level mutations of the doc examples (200 examples × 20), each judged
    /// by the scanner, by `JSONSerialization` and by the model's strict tree parser.
    ///
    /// Known differences, each checked to be the reason whenever the verdicts part:
    /// - duplicate keys: RFC 8259 allows them ("names SHOULD be unique"), so the scanner and
    ///   `JSONSerialization` accept them; the tree parser rejects them (an ambiguous example);
    /// - `JSONSerialization` guesses the encoding from the first bytes (RFC 4627 §3): a
    ///   mutation that puts a NUL byte into the first four turns the text into "UTF-16" or
    ///   "UTF-32" for it, whatever follows; the scanner reads UTF-8 only (RFC 8259 §8.1);
    /// - `JSONSerialization` (swift-corelibs-foundation) accepts a trailing comma before `}` or
    ///   `]` (`{"a": 1,}`), which RFC 8259's grammar has no place for; the scanner rejects it,
    ///   as the lint does (6.1.1's second create example has one);
    /// - `JSONSerialization` accepts a byte sequence that is not UTF-8 inside a string where it
    ///   can decode it otherwise; the scanner rejects it.
    @Test("mutated documents: the scanner agrees with JSONSerialization and the strict tree parser on validity")
    func mutatedValidity() throws {
        var random = SplitMix64(seed: 0x5EED)
        let seeds = Self.exampleBodies().map { Array($0.text.utf8) }
        #expect(seeds.count > 100)
        var checked = 0
        var known: [String: Int] = [:]
        for seed in seeds.prefix(200) {
            for _ in 0..<20 {
                let mutated = random.mutate(seed)
                let scanner = scannerAccepts(mutated)
                let text = String(decoding: mutated, as: UTF8.self)
                let foundation = (try? JSONSerialization.jsonObject(with: Data(mutated), options: [.fragmentsAllowed])) != nil
                if scanner != foundation {
                    let reason = Self.knownFoundationDifference(mutated, scannerAccepts: scanner)
                    #expect(reason != nil, "scanner \(scanner ? "accepts" : "rejects"), JSONSerialization \(foundation ? "accepts" : "rejects"): \(text)")
                    if let reason { known["JSONSerialization: " + reason, default: 0] += 1 }
                }
                var tree = true
                do { _ = try JSONValue.parse(bytes: mutated) } catch { tree = false
                    if error.message.hasPrefix("duplicate key") {
                        #expect(scanner, "a duplicate key is the tree parser's only extra rejection: \(text)")
                        known["tree parser: duplicate key", default: 0] += 1
                        checked += 1
                        continue
                    }
                }
                #expect(scanner == tree, "scanner \(scanner ? "accepts" : "rejects"), tree parser \(tree ? "accepts" : "rejects"): \(text)")
                checked += 1
            }
        }
        #expect(checked == 4000)
        // The differences stay a small share, so the comparison keeps its power.
        #expect(known.values.reduce(0, +) < 200, "\(known)")
    }

    /// Why `JSONSerialization` may judge `bytes` otherwise than the scanner, if it is one of
    /// the documented differences (see `mutatedValidity`).
    static func knownFoundationDifference(_ bytes: [UInt8], scannerAccepts: Bool) -> String? {
        if bytes.prefix(4).contains(0) { return "encoding guessed from a NUL in the first four bytes" }
        if !scannerAccepts, hasTrailingComma(bytes) { return "trailing comma accepted" }
        if !scannerAccepts, String(validating: bytes, as: UTF8.self) == nil { return "not UTF-8" }
        return nil
    }

    @Test("every doc example gets the findings a tree walk gives, with the same pointers")
    func examplesAgainstTreeWalk() throws {
        var compared = 0
        for (example, schema) in Self.examplesWithSchemas() {
            guard let value = example.value else { continue }
            let scanned = Set(BodyScanner.scan(Array(example.text.utf8), schema: CompiledSchema(schema)).issues.map { TreeWalkOracle.Issue(kind: $0.kind, pointer: $0.pointer, disputed: $0.disputed) })
            #expect(scanned == TreeWalkOracle.issues(value, schema), "\(example.source)")
            compared += 1
        }
        #expect(compared > 150)
    }

    @Test("mutated values get the findings a tree walk gives")
    func mutatedValuesAgainstTreeWalk() throws {
        var random = SplitMix64(seed: 42)
        var compared = 0
        for (example, schema) in Self.examplesWithSchemas().prefix(150) {
            guard let value = example.value else { continue }
            for _ in 0..<10 {
                let mutated = random.mutate(value)
                let text = mutated.canonicalText
                let scanned = Set(BodyScanner.scan(Array(text.utf8), schema: CompiledSchema(schema)).issues.map { TreeWalkOracle.Issue(kind: $0.kind, pointer: $0.pointer, disputed: $0.disputed) })
                #expect(scanned == TreeWalkOracle.issues(mutated, schema), "\(example.source)\n\(text)")
                compared += 1
            }
        }
        #expect(compared > 1000)
    }

    /// Whether a `,` outside strings is followed, after whitespace, by `}` or `]`.
    static func hasTrailingComma(_ bytes: [UInt8]) -> Bool {
        var inString = false
        var escaped = false
        for (index, byte) in bytes.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            if byte == UInt8(ascii: "\"") { inString = true }
            guard byte == UInt8(ascii: ",") else { continue }
            let next = bytes[(index + 1)...].first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
            if next == UInt8(ascii: "}") || next == UInt8(ascii: "]") { return true }
        }
        return false
    }

    /// Every example body of every compiled spec.
    static func exampleBodies() -> [Example] {
        Specs.all.flatMap { $0.operations.flatMap(\.examples) }
    }

    /// Examples with the schema they document: request examples with the request body,
    /// response examples with their status's body, inside the service's response envelope
    /// where it has one (Tencent's `scode` envelope: the examples show it).
    static func examplesWithSchemas() -> [(Example, Schema)] {
        Specs.all.flatMap { spec in
            spec.operations.flatMap { operation -> [(Example, Schema)] in
                operation.examples.compactMap { example in
                    switch example.kind {
                    case .request:
                        return operation.requestBody.map { (example, $0) }
                    case .response:
                        guard let response = example.status.flatMap(operation.response(for:)) else { return nil }
                        if let envelope = spec.responseEnvelope { return (example, CompiledOperation.enveloped(response.body, in: envelope)) }
                        return response.body.map { (example, $0) }
                    }
                }
            }
        }
    }
}

/// Mutations drawn with the seeded generator, so that mutation tests repeat exactly.
extension SplitMix64 {
    /// A byte-level mutation: flip, insert, delete or truncate.
    mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        guard !bytes.isEmpty else { return [UInt8.random(in: 0...255, using: &self)] }
        var copy = bytes
        let position = Int.random(in: 0..<copy.count, using: &self)
        switch Int.random(in: 0..<5, using: &self) {
        case 0: copy[position] = UInt8.random(in: 0...255, using: &self)
        case 1: copy.insert([UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: "\\"), 0xC3].randomElement(using: &self)!, at: position)
        case 2: copy.remove(at: position)
        case 3: copy = Array(copy.prefix(position))
        default: copy[position] = [UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ":"), UInt8(ascii: "0"), UInt8(ascii: "e")].randomElement(using: &self)!
        }
        return copy
    }

    /// A value-level mutation: change a type, drop or add a member, swap in a big number.
    mutating func mutate(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(var members) where !members.isEmpty && Bool.random(using: &self):
            let key = members.keys.sorted()[Int.random(in: 0..<members.count, using: &self)]
            switch Int.random(in: 0..<4, using: &self) {
            case 0: members[key] = nil
            case 1: members[key] = mutate(members[key]!)
            case 2: members["unexpected_\(Int.random(in: 0..<9, using: &self))"] = .number("1")
            default: members[key] = [.string("x"), .number("99999999"), .bool(true), .null, .array([]), .object([:]), .number("-1.5")].randomElement(using: &self)!
            }
            return .object(members)
        case .array(var elements) where !elements.isEmpty:
            let index = Int.random(in: 0..<elements.count, using: &self)
            elements[index] = mutate(elements[index])
            return .array(elements)
        default:
            return [.string("mutated"), .number("0"), .number("3.25"), .bool(false), .null, .object(["k": "v"])].randomElement(using: &self)!
        }
    }
}
