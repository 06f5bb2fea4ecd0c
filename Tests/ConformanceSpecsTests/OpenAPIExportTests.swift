import ConformanceModel
import ConformanceSpecs
import Foundation
import OpenAPIKit
@testable import SpecExport
import Testing

@Suite("OpenAPI 3.1 export")
struct OpenAPIExportTests {
    @Test("the committed openapi.json files are a fresh export of spec.json")
    func committedIsCurrent() throws {
        for id in try Repository.serviceIDs() {
            let fresh = try OpenAPIExporter(bodyRules: Rules.body, stateMachines: Rules.stateMachines).text(for: try Repository.spec(id))
            let committed = try Repository.text("specs/\(id)/openapi.json")
            #expect(fresh == committed, "specs/\(id)/openapi.json is stale; run `swift run conformance openapi`")
        }
    }

    @Test("OpenAPIKit decodes each export and its own validation passes")
    func decodesAndValidates() throws {
        for id in try Repository.serviceIDs() {
            let data = Data(try Repository.text("specs/\(id)/openapi.json").utf8)
            let document = try JSONDecoder().decode(OpenAPI.Document.self, from: data)
            #expect(document.openAPIVersion == .v3_1_1)
            try document.validate()
            // Every spec operation is an OpenAPI operation or a listed variant of one.
            let spec = try Repository.spec(id)
            var ids: [String] = []
            for route in document.routes {
                for endpoint in route.pathItem.endpoints {
                    if let merged = endpoint.operation.vendorExtensions["x-operations"]?.value as? [Any] {
                        ids += merged.compactMap { ($0 as? [String: Any])?["id"] as? String }
                    } else {
                        ids.append(try #require(endpoint.operation.operationId))
                    }
                }
            }
            #expect(ids.sorted() == spec.operations.map(\.id).sorted(), "\(id)")
        }
    }

    @Test("components carry the caption names; another spelling of a name is an alias that $refs it")
    func captionNamesAndAliases() throws {
        let document = try JSONValue.parse(try Repository.text("specs/huawei-evs/openapi.json"))
        let schemas = try #require(document["components"]?["schemas"])
        for name in ["CreateSnapshotOption", "UpdateSnapshotOption", "RetypeVolumeRequestBody"] {
            #expect(schemas[name]?["properties"] != nil, "\(name)")
        }
        // The type word of the update table ("UpdateSnapshotsOption object").
        #expect(schemas["UpdateSnapshotsOption"]?["$ref"] == .string("#/components/schemas/UpdateSnapshotOption"))
        // A line-wrapped spelling is no alias: it is the same name once joined.
        #expect(schemas["CreateSnapshotOption"]?["$ref"] == nil)
    }

    @Test("every schema field, enum and bound of spec.json is in the export")
    func carriesEverything() throws {
        for id in try Repository.serviceIDs() {
            let spec = try Repository.spec(id)
            let document = try JSONValue.parse(try Repository.text("specs/\(id)/openapi.json"))
            let walker = OpenAPIWalker(document: document)
            for operation in spec.operations {
                let exported = try #require(walker.operation(containing: operation.id, method: operation.method, path: operation.path), "\(id) \(operation.id)")
                if let body = operation.requestBody {
                    let schema = try #require(walker.requestSchema(of: exported, operationID: operation.id), "\(operation.id) request body")
                    // The route selector is made explicit in the export (its key required, its
                    // field a const), and every optional field accepts null (RequestNulls).
                    walker.compare(RequestNulls.optionalFieldsNullable(RouteSelector.selecting(body, for: operation)), schema, at: "\(operation.id) request")
                }
                for response in operation.responses {
                    guard let body = response.body else { continue }
                    if walker.isShared(exported, status: response.status) {
                        // The generic `{"error": {code, message}}` of an operation is the shared
                        // response's any-key envelope: its inner fields are the envelope's.
                        let inner = try #require(body.properties.first?.schema, "\(operation.id) \(response.status)")
                        let envelopes = walker.responseSchemas(of: exported, status: response.status)
                        let covered = envelopes.contains { envelope in
                            inner.properties.allSatisfy { envelope["additionalProperties"]?["properties"]?[$0.name] != nil }
                        }
                        #expect(body.properties.count == 1 && covered, "\(operation.id) \(response.status): not the shared envelope")
                        continue
                    }
                    let schemas = walker.responseSchemas(of: exported, status: response.status)
                    #expect(!schemas.isEmpty, "\(operation.id) \(response.status)")
                    // Twins may contribute variants; one of them is this body.
                    let matches = schemas.contains { walker.differences(body, $0).isEmpty }
                    #expect(matches, "\(operation.id) \(response.status): \(schemas.map { walker.differences(body, $0) })")
                }
            }
        }
    }
}

/// Navigates an exported OpenAPI document as JSON, following `$ref`s.
struct OpenAPIWalker {
    let document: JSONValue

    func operation(containing id: String, method: String, path: String) -> JSONValue? {
        guard let paths = document["paths"]?.objectValue else { return nil }
        for (_, item) in paths {
            guard let operation = item[method.lowercased()] else { continue }
            if operation["operationId"] == .string(id) { return operation }
            if let merged = operation["x-operations"]?.arrayValue, merged.contains(where: { $0["id"] == .string(id) }) { return operation }
        }
        return nil
    }

    /// A value another place types otherwise is `anyOf: [documented, other types…]`, the
    /// documented branch carrying `x-readings`: the documented one.
    func documented(_ schema: JSONValue) -> JSONValue {
        if let variants = schema["anyOf"]?.arrayValue, let first = variants.first, first["x-readings"] != nil { return first }
        return schema
    }

    func resolve(_ schema: JSONValue) -> JSONValue {
        let schema = documented(schema)
        // A nullable reference is exported as `anyOf: [{$ref}, {type: null}]`.
        if let variants = schema["anyOf"]?.arrayValue, variants.count == 2, let null = variants.firstIndex(where: { $0["type"] == "null" }) {
            return resolve(variants[1 - null])
        }
        guard case .string(let reference)? = schema["$ref"], reference.hasPrefix("#/components/schemas/") else { return schema }
        let name = String(reference.dropFirst("#/components/schemas/".count))
        return document["components"]?["schemas"]?[name].map(resolve) ?? schema
    }

    func requestSchema(of operation: JSONValue, operationID: String) -> JSONValue? {
        guard let schema = operation["requestBody"]?["content"]?["application/json"]?["schema"] else { return nil }
        if let variants = schema["oneOf"]?.arrayValue {
            // A branch names its operation, or the twins it stands for.
            return variants.first { variant in
                variant["x-operation-id"] == .string(operationID)
                    || variant["x-operation-ids"]?.arrayValue?.contains(.string(operationID)) == true
            }.map(withoutRules)
        }
        return withoutRules(schema)
    }

    /// The body schema under the cross-field rules: `allOf: [body, rule...]` → body.
    func withoutRules(_ schema: JSONValue) -> JSONValue {
        if let parts = schema["allOf"]?.arrayValue, let body = parts.first, parts.dropFirst().allSatisfy({ $0["x-rule"] != nil }) {
            return resolve(body)
        }
        return resolve(schema)
    }

    /// The schemas a response may have: the branches of a `oneOf` or `anyOf` (error bodies are
    /// an `anyOf` of the documented body and the envelopes), or the bodies kept per operation
    /// where the variants of a route disagree on having one.
    /// The response of `status`, following a `$ref` to `components.responses`.
    func response(of operation: JSONValue, status: Int) -> JSONValue? {
        let response = operation["responses"]?[String(status)]
        guard case .string(let reference)? = response?["$ref"], reference.hasPrefix("#/components/responses/") else { return response }
        return document["components"]?["responses"]?[String(reference.dropFirst("#/components/responses/".count))]
    }

    /// Whether the response of `status` is a shared one (`$ref` to `components.responses`).
    func isShared(_ operation: JSONValue, status: Int) -> Bool {
        operation["responses"]?[String(status)]?["$ref"] != nil
    }

    func responseSchemas(of operation: JSONValue, status: Int) -> [JSONValue] {
        let response = response(of: operation, status: status)
        if let byOperation = response?["x-content-by-operation"]?.objectValue {
            return byOperation.values.map(resolve)
        }
        guard let schema = response?["content"]?["application/json"]?["schema"] else { return [] }
        return (schema["oneOf"]?.arrayValue ?? schema["anyOf"]?.arrayValue ?? [schema]).map(resolve)
    }

    func compare(_ spec: Schema, _ exported: JSONValue, at pointer: String) {
        for difference in differences(spec, exported, at: pointer) {
            Issue.record(Comment(rawValue: difference))
        }
    }

    /// What `exported` lacks of `spec`: fields, required flags, enums and bounds.
    func differences(_ spec: Schema, _ exported: JSONValue, at pointer: String = "") -> [String] {
        let schema = resolve(exported)
        var result: [String] = []
        switch spec.kind {
        case .object, .map:
            if spec.kind == .map, let values = spec.values, let exportedValues = schema["additionalProperties"] {
                result += differences(values, exportedValues, at: pointer + "{}")
            }
            let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            for property in spec.properties {
                guard let child = schema["properties"]?[property.name] else {
                    result.append("\(pointer).\(property.name): missing")
                    continue
                }
                if property.required != required.contains(property.name) { result.append("\(pointer).\(property.name): required differs") }
                result += differences(property.schema, child, at: "\(pointer).\(property.name)")
            }
        case .array:
            if let items = spec.items {
                guard let exportedItems = schema["items"] else { return ["\(pointer)[]: missing items"] }
                result += differences(items, exportedItems, at: pointer + "[]")
            }
        default:
            break
        }
        if let values = spec.enumeration, spec.kind == .string {
            // OpenAPIKit writes an enumeration of one value as `const`.
            let exported = schema["enum"]?.arrayValue?.compactMap(\.stringValue) ?? schema["const"]?.stringValue.map { [$0] }
            // A list another table gives wider is the union, each list cited in `x-enum-readings`.
            let listings = schema["x-enum-readings"]?.arrayValue?.map { $0["values"]?.arrayValue?.compactMap(\.stringValue) ?? [] } ?? []
            var union = values
            if listings.first == values {
                for value in listings.dropFirst().joined() where !union.contains(value) { union.append(value) }
            }
            if exported != union { result.append("\(pointer): enum differs") }
            if listings.count == 1 { result.append("\(pointer): x-enum-readings cites one list") }
        }
        if let minimum = spec.minimum, schema["minimum"]?.doubleValue != minimum { result.append("\(pointer): minimum differs") }
        if let maximum = spec.maximum, schema["maximum"]?.doubleValue != maximum { result.append("\(pointer): maximum differs") }
        if let maxLength = spec.maxLength, schema["maxLength"]?.doubleValue != Double(maxLength) { result.append("\(pointer): maxLength differs") }
        // A nullable value says so: `type: [T, "null"]`, or `anyOf` with a null for a reference.
        if spec.nullable, spec.kind != .any {
            let exported = documented(exported)
            let types = exported["type"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let anyOfNull = exported["anyOf"]?.arrayValue?.contains { $0["type"] == "null" } ?? false
            if !types.contains("null"), !anyOfNull { result.append("\(pointer): nullable not exported") }
        }
        return result
    }
}
