import ConformanceModel
import Testing
@testable import Conformance

/// The severity policy in the validator: a value that follows another reading of the docs is
/// one warning citing both places; a value that breaks every reading keeps its errors; and a
/// conforming body never looks at the readings.
@Suite("Readings in the validator")
struct ReadingsValidationTests {
    static let table = DocReference(document: "doc.txt", section: "1.1", title: "t", table: "表 1 Detail", line: 10)
    static let other = DocReference(document: "doc.txt", section: "2.1", title: "u", table: "表 2 Summary", line: 20)
    static let example = DocReference(document: "doc.txt", section: "3.1", title: "v", line: 30)

    /// `{"item": {"size": String (or Integer per 表 2), "name": String, "flag": Boolean}}`.
    static var schema: Schema {
        var size = Schema(kind: .string, source: table)
        size.readings = [Reading(schema: Schema(kind: .integer), basis: .table, phrase: "size Integer", source: other)]
        let item = Schema(kind: .object, properties: [
            Property(name: "size", required: false, schema: size),
            Property(name: "name", required: true, schema: Schema(kind: .string, source: table)),
            Property(name: "flag", required: false, schema: Schema(kind: .boolean, source: table)),
        ], source: table)
        return Schema(kind: .object, properties: [Property(name: "item", required: true, schema: item)], source: table)
    }

    static func issues(_ body: String, _ schema: Schema = schema) -> [BodyIssue] {
        BodyScanner.scan(Array(body.utf8), schema: CompiledSchema(schema)).issues
    }

    @Test("a value that follows another reading is one disputed issue citing both places")
    func followsAReading() throws {
        let found = Self.issues(#"{"item": {"size": 20, "name": "a"}}"#)
        let issue = try #require(found.first)
        #expect(found.count == 1)
        #expect(issue.disputed && issue.kind == .type && issue.pointer == "/item/size")
        #expect(issue.sources == [Self.table, Self.other])
        #expect(issue.message.contains("the docs disagree") && issue.message.contains("表 2 Summary"))
    }

    @Test("a value that breaks every reading keeps its error; unrelated errors stay errors")
    func breaksEveryReading() throws {
        let boolean = Self.issues(#"{"item": {"size": true, "name": "a"}}"#)
        #expect(boolean.map(\.disputed) == [false])
        let mixed = Self.issues(#"{"item": {"size": 20, "flag": "yes"}}"#)
        #expect(Set(mixed.map { "\($0.kind.rawValue) \($0.pointer) \($0.disputed)" }) == ["type /item/size true", "type /item/flag false", "missing-field /item/name false"])
    }

    /// 表 6-34 PrepaidParamForBatchResizeVolume: `is_auto_pay` String, true or false; the 6.1.4
    /// example prints `"is_auto_pay": true`. A value outside the enum that is no boolean either
    /// breaks both readings: the boolean reading objects to it too (with a type issue where
    /// the table's reading has an enum issue), so it explains nothing.
    @Test("a reading that objects to the value for another reason explains nothing")
    func readingWithItsOwnObjection() throws {
        var flag = Schema(kind: .string, source: Self.table)
        flag.enumeration = ["true", "false"]
        flag.readings = [Reading(schema: Schema(kind: .boolean), basis: .example, phrase: "\"is_auto_pay\": true", source: Self.example)]
        let body = Schema(kind: .object, properties: [Property(name: "is_auto_pay", required: false, schema: flag)], source: Self.table)
        #expect(Self.issues(#"{"is_auto_pay": "true"}"#, body).isEmpty)
        #expect(Self.issues(#"{"is_auto_pay": true}"#, body).map { "\($0.kind.rawValue) \($0.disputed)" } == ["type true"])
        #expect(Self.issues(#"{"is_auto_pay": "AAA"}"#, body).map { "\($0.kind.rawValue) \($0.disputed)" } == ["enum false"])
    }

    @Test("an object-level reading explains only the issues it accounts for")
    func objectReading() throws {
        var body = Schema(kind: .object, properties: [
            Property(name: "DiskIds", required: true, schema: Schema(kind: .array, items: Schema(kind: .string))),
            Property(name: "Region", required: true, schema: Schema(kind: .string)),
        ], source: Self.table)
        var asExample = body
        asExample.properties[0] = Property(name: "DiskId", required: true, schema: Schema(kind: .string))
        body.readings = [Reading(schema: asExample, basis: .example, phrase: "the example sends \"DiskId\" for DiskIds", source: Self.example)]
        let following = Self.issues(#"{"DiskId": "disk-1", "Region": "r"}"#, body)
        #expect(following.count == 1 && following[0].disputed && following[0].kind == .missingField)
        #expect(following[0].message.contains("the example at §3.1"))
        // Region missing breaks both readings: an error beside the warning.
        let worse = Self.issues(#"{"DiskId": "disk-1"}"#, body)
        #expect(Set(worse.map { "\($0.kind.rawValue) \($0.pointer) \($0.disputed)" }) == ["missing-field  true", "missing-field /Region false"])
    }

    @Test("the validator makes a disputed issue a warning with sources, and lint's tables-only view an error")
    func severities() throws {
        let service = ServiceSpec(service: "s", operations: [
            Operation(id: "Show", title: "show", method: "GET", path: "/items/{id}", responses: [Response(status: 200, body: Self.schema)], source: Self.table),
        ])
        let validator = Validator(specs: [service], rules: [], options: ValidatorOptions(service: "s"))
        let exchange = Exchange(request: .init(method: "GET", url: "https://h/items/1"), response: .init(status: 200, body: Array(#"{"item": {"size": 20, "name": "a"}}"#.utf8)))
        let finding = try #require(validator.validate(exchange).findings.first)
        #expect(finding.severity == .warning && finding.rule == Rule.responseBodyType)
        #expect(finding.sources == [Self.table, Self.other] && finding.source == Self.table)
        let tablesOnly = BodyScanner.scan(Array(#"{"item": {"size": 20, "name": "a"}}"#.utf8), schema: CompiledSchema(Self.schema.documentedByTables(), readings: false)).issues
        #expect(tablesOnly.map(\.disputed) == [false])
    }

    @Test("an open object: listed keys keep their types, other keys take the values' type")
    func openObject() throws {
        let metadata = Schema(kind: .map, properties: [Property(name: "hw:passthrough", required: false, schema: Schema(kind: .string, enumeration: ["true", "false"]))], values: Schema(kind: .string))
        let body = Schema(kind: .object, properties: [Property(name: "metadata", required: false, schema: metadata)])
        #expect(Self.issues(#"{"metadata": {"purpose": "ci", "hw:passthrough": "true"}}"#, body).isEmpty)
        #expect(Self.issues(#"{"metadata": {"hw:passthrough": "maybe"}}"#, body).map(\.kind) == [.enum])
        #expect(Self.issues(#"{"metadata": {"purpose": 3}}"#, body).map(\.pointer) == ["/metadata/purpose"])
    }

    @Test("null where the spec allows it, an error where it does not")
    func nulls() {
        var nullable = Schema(kind: .string)
        nullable.nullable = true
        nullable.evidence[.nullable] = Evidence(.example, phrase: "\"a\": null")
        let body = Schema(kind: .object, properties: [Property(name: "a", required: false, schema: nullable), Property(name: "b", required: false, schema: Schema(kind: .string))])
        #expect(Self.issues(#"{"a": null}"#, body).isEmpty)
        // An optional field: its own kind, a warning in requests (request.body.null-optional),
        // response.body.type in responses, example.type in lint.
        #expect(Self.issues(#"{"b": null}"#, body).map(\.kind) == [.nullOptional])
        let required = Schema(kind: .object, properties: [Property(name: "b", required: true, schema: Schema(kind: .string))])
        #expect(Self.issues(#"{"b": null}"#, required).map(\.kind) == [.type])
        // Lint's view: a null only examples allow is what it reports.
        #expect(BodyScanner.scan(Array(#"{"a": null}"#.utf8), schema: CompiledSchema(body.documentedByTables(), readings: false)).issues.map(\.kind) == [.nullOptional])
    }

    @Test("EVS: a status only the route's twin documents, and a code only the operation's example gives, are warnings citing both")
    func twinStatusAndExampleCode() throws {
        let validator = Validator()
        // 5.1 documents GET / with 300 only; 8.2.5.2 documents the same route with 400 too.
        let versions = ExchangeBuilder.exchange("GET", "/", status: 400, response: #"{"error": {"code": "EVS.5400", "message": "Malformed request body."}}"#)
        let status = try #require(validator.validate(versions).findings.first { $0.rule == Rule.responseStatusUndocumented })
        #expect(status.severity == .warning)
        #expect(status.sources.map(\.section) == ["5.1", "8.2.5.2"])
        // 6.1.6's 400 example gives EVS.2203; A.1 does not list it.
        let unsubscribe = ExchangeBuilder.exchange("POST", "/v2/\(ExchangeBuilder.project)/cloudvolumes/unsubscribe", body: #"{"volume_ids": ["\#(ExchangeBuilder.volume)"]}"#,
                                                  status: 400, response: #"{"error": {"code": "EVS.2203", "message": "Volume id: [x] is not found"}}"#)
        let code = try #require(validator.validate(unsubscribe).findings.first { $0.rule == Rule.responseErrorCodeUndocumented })
        #expect(code.severity == .warning)
        #expect(code.sources.last?.section == "6.1.6")
        // A code no place of the docs gives stays an error.
        let unknown = ExchangeBuilder.exchange("POST", "/v2/\(ExchangeBuilder.project)/cloudvolumes/unsubscribe", body: #"{"volume_ids": ["\#(ExchangeBuilder.volume)"]}"#,
                                               status: 400, response: #"{"error": {"code": "EVS.2299", "message": "?"}}"#)
        #expect(validator.validate(unknown).findings.first { $0.rule == Rule.responseErrorCodeUndocumented }?.severity == .error)
    }
}
