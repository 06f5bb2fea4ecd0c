import ConformanceModel
import ConformanceSpecs
import Testing
@testable import Conformance

/// The error check reads an error body's envelope from what the body scan noted as it read the
/// body (`BodyScanner.ShapeProbe`) instead of parsing the body again. The tree it replaced
/// (`JSONValue.parse(bytes:keepingLevels:)`, still used for bodies no scan reads) is the second
/// method: on seeded bodies of every shape an envelope check meets, both must give the same
/// `ErrorBodyShape`, and so the same findings.
@Suite("Error body shape noted in the scan")
struct ErrorBodyShapeTests {
    /// Every envelope name of the four services, and keys near them.
    static let names: Set<String> = Set(Specs.all.flatMap { ErrorBodyShape.names(of: $0.errorEnvelopes) })
    static let keys = Array(names) + ["error", "badRequest", "itemNotFound", "details", "request_id", "data", "Code", "\\u0063ode", "mess\\u0061ge"]

    /// A seeded JSON text, and whether a key repeats in an object the envelope spans (the top
    /// level, and its first member's object: `probed`) or only in others, where the scan, by
    /// decision, does not look.
    static func document(_ random: inout SplitMix64, depth: Int, probed: Bool, repeats: inout (shallow: Bool, deep: Bool)) -> String {
        let pick = depth == 0 ? Int(random.next() % 10) : Int(random.next() % 9)
        switch pick {
        case 0: return #""\#(["EVS.0001", "a\\nb", "\\u4e2d", "", "1"][Int(random.next() % 5)])""#
        case 1: return ["0", "-12", "3.5e2", "400", "0.0"][Int(random.next() % 5)]
        case 2: return ["true", "false", "null"][Int(random.next() % 3)]
        case 3 where depth < 4:
            let count = Int(random.next() % 3)
            return "[" + (0..<count).map { _ in document(&random, depth: depth + 1, probed: false, repeats: &repeats) }.joined(separator: ", ") + "]"
        default:
            guard depth < 4 else { return "7" }
            // Mostly one member at the top (a wrapper), as error bodies are.
            let count = depth == 0 && random.next() % 2 == 0 ? 1 : Int(random.next() % 4)
            var chosen: [String] = []
            // Keys as the parser reads them: `\u0063ode` is `code`.
            func decoded(_ key: String) -> String { key.replacing("\\u0063", with: "c").replacing("\\u0061", with: "a") }
            for _ in 0..<count {
                var key = keys[Int(random.next() % UInt64(keys.count))]
                if chosen.map(decoded).contains(decoded(key)) {
                    if random.next() % 4 != 0 { key += "_\(chosen.count)" } else if probed { repeats.shallow = true } else { repeats.deep = true }
                }
                chosen.append(key)
            }
            return "{" + chosen.enumerated().map { index, key in
                "\"\(key)\": " + document(&random, depth: depth + 1, probed: depth == 0 && index == 0, repeats: &repeats)
            }.joined(separator: ", ") + "}"
        }
    }

    static func scanned(_ bytes: [UInt8], schema: CompiledSchema?) -> ErrorBodyShape? {
        BodyScanner.scan(bytes, schema: schema, captures: nil, shapeNames: names) { _, captured in captured.shape }
    }

    static func parsed(_ bytes: [UInt8]) -> ErrorBodyShape? {
        (try? JSONValue.parse(bytes: bytes, keepingLevels: 3)).map { ErrorBodyShape($0, names: names) }
    }

    @Test("seeded bodies: the scan notes the shape the tree gives; deep repeated keys no longer unmake it")
    func seeded() {
        var random = SplitMix64(seed: 0xE770)
        var compared = 0
        var deepOnly = 0
        for _ in 0..<4_000 {
            var repeats = (shallow: false, deep: false)
            let text = Self.document(&random, depth: 0, probed: true, repeats: &repeats)
            let bytes = Array(text.utf8)
            let scanned = Self.scanned(bytes, schema: nil)
            if repeats.deep && !repeats.shallow {
                // The decision in `ShapeProbe`: the tree refuses the body, the scan reads the envelope.
                deepOnly += 1
                #expect(Self.parsed(bytes) == nil, "\(text)")
                #expect(scanned != nil, "\(text)")
                continue
            }
            #expect(scanned == Self.parsed(bytes), "\(text)")
            compared += 1
        }
        #expect(compared > 3_000)
        #expect(deepOnly > 20)
    }

    @Test("broken bodies give no shape either way", arguments: [
        #"{"error": {"code": "EVS.1", "message": "x"}"#, "{\"error\": {\"code\": \"EVS.1\", \"message\": \"x\u{01}\"}}",
        #"{"code": 1,}"#, #"{"code": "\q"}"#, "", "   ", #"{"error": {"code": "a", "code": "b"}}"#, #"{"a": 1, "a": 2}"#,
    ])
    func broken(text: String) {
        let bytes = Array(text.utf8)
        #expect(Self.parsed(bytes) == nil)
        #expect(Self.scanned(bytes, schema: nil) == nil)
    }

    /// With a documented error schema the scan takes other paths (documented fields, null for
    /// an optional field): the shape must not depend on them.
    @Test("with each service's documented error schemas, the shape is the tree's")
    func documentedSchemas() throws {
        var random = SplitMix64(seed: 0x5C4E)
        var schemas = 0
        for spec in Specs.all {
            let service = CompiledService(spec: spec, rules: [])
            for operation in service.operations.map(\.compiled) {
                for (status, schema) in operation.responses where status >= 400 {
                    schemas += 1
                    for _ in 0..<40 {
                        var repeats = (shallow: false, deep: false)
                        let bytes = Array(Self.document(&random, depth: 0, probed: true, repeats: &repeats).utf8)
                        guard !repeats.deep else { continue }
                        #expect(Self.scanned(bytes, schema: schema) == Self.parsed(bytes))
                    }
                    for example in operation.operation.examples where example.kind == .response && example.status == status {
                        let bytes = Array(example.text.utf8)
                        #expect(Self.scanned(bytes, schema: schema) == Self.parsed(bytes), "\(operation.id) \(status)")
                    }
                }
            }
        }
        #expect(schemas > 0, "the specs document error bodies")
    }
}
