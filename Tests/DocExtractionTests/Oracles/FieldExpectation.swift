import ConformanceModel
import DocExtraction
import Foundation

/// One hand-written expectation file (`Fixtures/extraction/<service>/*.fields`): what a person
/// read from the document about one operation. The format is described in
/// `Fixtures/extraction/README.md`.
struct FieldExpectation {
    /// One field line: where the field is, its dotted name, its type and whether it is required.
    struct Field: Hashable, Comparable, CustomStringConvertible {
        var place: String
        var name: String
        var type: String
        var required: Bool

        var key: String { "\(place) \(name)" }
        var description: String { "\(place) \(name) \(type) \(required ? "required" : "optional")" }
        static func < (lhs: Field, rhs: Field) -> Bool { lhs.description < rhs.description }
    }

    var file: String
    var document: String
    var section: String?
    var method: String
    var path: String
    var statuses: [Int]?
    /// How the operation is told apart on a shared route, and its action: `queryKey purchaseReserved`.
    var action: (selector: String, value: String)?
    var fields: [Field]

    /// Reads a `.fields` file; a malformed line is an error naming the file and line.
    init(contentsOf url: URL) throws {
        let name = url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
        file = name
        var document: String?, method: String?, path: String?
        var fields: [Field] = []
        let text = try String(contentsOf: url, encoding: .utf8)
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            func fail(_ reason: String) -> DocumentError { DocumentError(file: name, line: number + 1, reason: reason) }
            switch words[0] {
            case "document": document = words.dropFirst().first
            case "section": section = words.dropFirst().first
            case "action":
                guard words.count == 3 else { throw fail("expected `action SELECTOR VALUE`") }
                action = (words[1], words[2])
            case "method": method = words.dropFirst().first
            case "path":
                if words.count == 2 { path = words[1]; continue }
                fallthrough
            default:
                if words[0] == "statuses" {
                    statuses = try words.dropFirst().map { word in
                        guard let status = Int(word) else { throw fail("'\(word)' is not a status") }
                        return status
                    }
                    continue
                }
                guard words.count == 4, ["required", "optional"].contains(words[3]) else {
                    throw fail("expected `PLACE NAME TYPE required|optional`, got '\(line)'")
                }
                let place = words[0]
                guard ["path", "query", "header", "request"].contains(place) || place.hasPrefix("response:") else {
                    throw fail("unknown place '\(place)'")
                }
                fields.append(Field(place: place, name: words[1], type: words[2], required: words[3] == "required"))
            }
        }
        guard let document, let method, let path else {
            throw DocumentError(file: name, line: nil, reason: "a `document`, `method` and `path` line are required")
        }
        self.document = document
        self.method = method
        self.path = path
        self.fields = fields
    }

    /// Every expectation file of a service, sorted by name.
    static func all(service: String) throws -> [FieldExpectation] {
        let folder = TestDocuments.repositoryRoot.appendingPathComponent("Tests/DocExtractionTests/Fixtures/extraction/\(service)")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".fields") }
            .sorted { $0.compare($1, options: .numeric) == .orderedAscending }
            .map { try FieldExpectation(contentsOf: folder.appendingPathComponent($0)) }
    }
}

/// An extracted operation flattened into the lines of the expectation format, so that the two
/// can be compared line by line.
enum FlattenedOperation {
    static func fields(_ operation: ConformanceModel.Operation, envelope: ResponseEnvelope?) -> [FieldExpectation.Field] {
        var fields: [FieldExpectation.Field] = []
        for parameter in operation.parameters {
            fields.append(.init(place: parameter.location.rawValue, name: parameter.name, type: typeName(parameter.schema), required: parameter.required))
        }
        if let body = operation.requestBody { fields += flatten(tableReading(body), place: "request") }
        for response in operation.responses {
            var body = response.body.map(tableReading)
            if let envelope {
                var wrapped = envelope.schema
                if let index = wrapped.properties.firstIndex(where: { $0.name == envelope.payloadField }), let payload = body {
                    wrapped.properties[index].schema = payload
                }
                body = wrapped
            }
            if let body { fields += flatten(body, place: "response:\(response.status)") }
        }
        return fields
    }

    /// The body as its table prints it. A wrapper key the table leaves out and the example has
    /// (`{"snapshot": {…}}`, issue 13's wrapper resolution) is the spec's addition, recorded as
    /// `wrapper` evidence with the example's words; the hand-read files hold the table, so the
    /// comparison looks inside the wrapper.
    static func tableReading(_ body: Schema) -> Schema {
        guard body.evidence[.wrapper] != nil, body.properties.count == 1 else { return body }
        return body.properties[0].schema
    }

    /// The fields of a body: an object's members by dotted name, a root that is not an object
    /// as `(body)`, array elements as `name[]`.
    static func flatten(_ schema: Schema, place: String) -> [FieldExpectation.Field] {
        var fields: [FieldExpectation.Field] = []
        if schema.kind == .object {
            members(of: schema, prefix: "", place: place, into: &fields)
        } else {
            fields.append(.init(place: place, name: "(body)", type: typeName(schema), required: false))
            descend(schema, prefix: "", place: place, into: &fields)
        }
        return fields
    }

    private static func members(of schema: Schema, prefix: String, place: String, into fields: inout [FieldExpectation.Field]) {
        for property in schema.properties {
            let name = prefix + property.name
            fields.append(.init(place: place, name: name, type: typeName(property.schema), required: property.required))
            descend(property.schema, prefix: name, place: place, into: &fields)
        }
    }

    private static func descend(_ schema: Schema, prefix: String, place: String, into fields: inout [FieldExpectation.Field]) {
        switch schema.kind {
        case .object, .map: members(of: schema, prefix: prefix + (prefix.isEmpty ? "" : "."), place: place, into: &fields)
        case .array: if let items = schema.items { descend(items, prefix: prefix + "[]", place: place, into: &fields) }
        default: break
        }
    }

    /// `string`, `integer`, `number`, `boolean`, `any`, `object`, `array<T>`, `map<T>`. A map
    /// with documented fields is the object its table gives (`VolumeMetadata object`), made
    /// open by another place of the docs (its `map` evidence): `object`, with its fields.
    static func typeName(_ schema: Schema) -> String {
        if schema.kind == .map, !schema.properties.isEmpty { return "object" }
        return switch schema.kind {
        case .array: "array<\(schema.items.map(typeName) ?? "any")>"
        case .map: "map<\(schema.values.map(typeName) ?? "any")>"
        default: schema.kind.rawValue
        }
    }
}
