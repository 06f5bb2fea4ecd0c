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

    @Test("mutated documents: the scanner and the strict tree parser agree on validity")
    func mutatedValidity() throws {
        var random = SeededRandom(seed: 0x5EED)
        let seeds = Self.exampleBodies().map { Array($0.text.utf8) }
        #expect(seeds.count > 100)
        var checked = 0
        for seed in seeds.prefix(200) {
            for _ in 0..<20 {
                let mutated = random.mutate(seed)
                let tree: Bool
                do {
                    _ = try JSONValue.parse(bytes: mutated)
                    tree = true
                } catch {
                    // The tree parser rejects duplicate keys; the scanner (like RFC 8259) allows them.
                    tree = error.message.hasPrefix("duplicate key")
                }
                #expect(scannerAccepts(mutated) == tree, "\(String(decoding: mutated, as: UTF8.self))")
                checked += 1
            }
        }
        #expect(checked >= 2000)
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
        var random = SeededRandom(seed: 42)
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

    /// Every example body of every compiled spec.
    static func exampleBodies() -> [Example] {
        Specs.all.flatMap { $0.operations.flatMap(\.examples) }
    }

    /// Examples with the schema they document: request examples with the request body, response
    /// examples with their status's body (the envelope is left out: examples are payload-only in Huawei docs).
    static func examplesWithSchemas() -> [(Example, Schema)] {
        Specs.all.filter { $0.responseEnvelope == nil }.flatMap { spec in
            spec.operations.flatMap { operation -> [(Example, Schema)] in
                operation.examples.compactMap { example in
                    switch example.kind {
                    case .request: operation.requestBody.map { (example, $0) }
                    case .response: example.status.flatMap { operation.response(for: $0)?.body }.map { (example, $0) }
                    }
                }
            }
        }
    }
}

/// A small deterministic generator (SplitMix64) so that mutation tests repeat exactly.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

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
