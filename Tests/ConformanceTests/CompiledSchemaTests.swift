import ConformanceModel
import Testing
@testable import Conformance

@Suite("Compiled schemas")
struct CompiledSchemaTests {
    private func issues(_ body: String, _ schema: Schema, examples: [String] = []) -> [String] {
        BodyScanner.scan(Array(body.utf8), schema: CompiledSchema(schema, examples: examples)).issues.map { "\($0.rule(inRequest: true)) \($0.pointer)" }
    }

    @Test("a field listed twice: the first listing applies, whatever order the examples teach")
    func duplicateNames() {
        let schema = Schema(kind: .object, properties: [
            .init(name: "id", required: false, schema: Schema(kind: .string)),
            .init(name: "name", required: false, schema: Schema(kind: .string)),
            .init(name: "id", required: false, schema: Schema(kind: .integer)),
        ])
        #expect(issues(#"{"name": "n", "id": "a"}"#, schema, examples: [#"{"name": "x", "id": "y"}"#]) == [])
        #expect(issues(#"{"name": "n", "id": 1}"#, schema) == ["request.body.type /id"])
    }

    @Test("many fields in any order are found through the hash table; unknown ones are reported")
    func largeObjects() {
        let names = (0..<40).map { "field_\($0)" }
        let schema = Schema(kind: .object, properties: names.map { .init(name: $0, required: true, schema: Schema(kind: .integer)) })
        let body = "{" + names.reversed().map { "\"\($0)\": 1" }.joined(separator: ", ") + ", \"extra\": 2}"
        #expect(issues(body, schema, examples: ["{" + names.map { "\"\($0)\": 0" }.joined(separator: ", ") + "}"]) == ["request.body.unknown-field /extra"])
        let missing = "{" + names.dropFirst().map { "\"\($0)\": 1" }.joined(separator: ", ") + "}"
        #expect(issues(missing, schema) == ["request.body.missing-field /field_0"])
    }

    @Test("a map's values are checked against its value schema")
    func maps() {
        let schema = Schema(kind: .map, values: Schema(kind: .string))
        #expect(issues(#"{"a": "x", "b": 2}"#, schema) == ["request.body.type /b"])
    }
}
