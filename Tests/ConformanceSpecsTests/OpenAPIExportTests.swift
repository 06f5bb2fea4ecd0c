import ConformanceModel
import Foundation
import OpenAPIKit
import SpecExport
import Testing

@Suite("OpenAPI 3.1 export")
struct OpenAPIExportTests {
    @Test("the committed openapi.json files are a fresh export of spec.json")
    func committedIsCurrent() throws {
        for id in try Repository.serviceIDs() {
            let fresh = try OpenAPIExporter().text(for: try Repository.spec(id))
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
                    walker.compare(body, schema, at: "\(operation.id) request")
                }
                for response in operation.responses {
                    guard let body = response.body else { continue }
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

    func resolve(_ schema: JSONValue) -> JSONValue {
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
            return variants.first { $0["x-operation-id"] == .string(operationID) }.map(resolve)
        }
        return resolve(schema)
    }

    func responseSchemas(of operation: JSONValue, status: Int) -> [JSONValue] {
        guard let schema = operation["responses"]?[String(status)]?["content"]?["application/json"]?["schema"] else { return [] }
        return (schema["oneOf"]?.arrayValue ?? [schema]).map(resolve)
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
            if schema["enum"]?.arrayValue?.compactMap(\.stringValue) != values { result.append("\(pointer): enum differs") }
        }
        if let minimum = spec.minimum, schema["minimum"]?.doubleValue != minimum { result.append("\(pointer): minimum differs") }
        if let maximum = spec.maximum, schema["maximum"]?.doubleValue != maximum { result.append("\(pointer): maximum differs") }
        if let maxLength = spec.maxLength, schema["maxLength"]?.doubleValue != Double(maxLength) { result.append("\(pointer): maxLength differs") }
        // A nullable value says so: `type: [T, "null"]`, or `anyOf` with a null for a reference.
        if spec.nullable, spec.kind != .any {
            let types = exported["type"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let anyOfNull = exported["anyOf"]?.arrayValue?.contains { $0["type"] == "null" } ?? false
            if !types.contains("null"), !anyOfNull { result.append("\(pointer): nullable not exported") }
        }
        return result
    }
}
