import ConformanceModel
import Foundation
import OpenAPIKit

private typealias Operation = ConformanceModel.Operation

/// Builds an OpenAPI 3.1 document from an extracted `ServiceSpec`, with OpenAPIKit.
///
/// The mapping, and where OpenAPI cannot say what the docs say:
/// - One OpenAPI operation per method and path. Operations that share a route (Cinder action
///   routes told apart by the body's top-level key, deprecated twins) become one operation
///   whose request body is a `oneOf`; each variant keeps its operation id in
///   `x-operation-id`, and the operation lists them in `x-operations`.
/// - Objects the docs name (`CreateVolumeOption`) become `components.schemas` under that
///   name; two different shapes with the same name get a numbered suffix.
/// - Error-code and state tables go to the root extensions `x-error-codes` and
///   `x-state-tables`; examples that are not JSON go to `x-invalid-examples`.
/// - Objects stay open (no `additionalProperties: false`): the validator reports unknown
///   fields as warnings, not errors.
public struct OpenAPIExporter {
    public init() {}

    public func document(for spec: ServiceSpec) -> OpenAPI.Document {
        var components = ComponentRegistry()
        var paths: OrderedDictionary<OpenAPI.Path, Either<OpenAPI.Reference<OpenAPI.PathItem>, OpenAPI.PathItem>> = [:]
        var pathOrder: [String] = []
        var groups: [String: [Operation]] = [:]
        for operation in spec.operations {
            let key = Self.routeKey(operation)
            if groups[key] == nil { pathOrder.append(key) }
            groups[key, default: []].append(operation)
        }
        var pathItems: [String: OpenAPI.PathItem] = [:]
        var pathTemplates: [String: String] = [:]
        for key in pathOrder {
            let operations = groups[key]!
            let primary = operations.first { !$0.deprecated } ?? operations[0]
            let pathKey = Self.pathShape(primary.path)
            pathTemplates[pathKey] = pathTemplates[pathKey] ?? primary.path
            var item = pathItems[pathKey] ?? OpenAPI.PathItem()
            let built = operation(for: operations, primary: primary, template: pathTemplates[pathKey]!, components: &components)
            switch primary.method.uppercased() {
            case "GET": item.get = built
            case "PUT": item.put = built
            case "POST": item.post = built
            case "DELETE": item.delete = built
            case "PATCH": item.patch = built
            case "HEAD": item.head = built
            case "OPTIONS": item.options = built
            default: break
            }
            pathItems[pathKey] = item
        }
        var seenPaths: Set<String> = []
        for key in pathOrder {
            let pathKey = Self.pathShape(groups[key]![0].path)
            guard seenPaths.insert(pathKey).inserted, let item = pathItems[pathKey] else { continue }
            paths[OpenAPI.Path(rawValue: pathTemplates[pathKey]!)] = .b(item)
        }

        var securitySchemes: OrderedDictionary<OpenAPI.ComponentKey, Either<OpenAPI.Reference<OpenAPI.SecurityScheme>, OpenAPI.SecurityScheme>> = [:]
        var security: [OpenAPI.SecurityRequirement] = []
        for scheme in spec.authentication {
            guard let key = OpenAPI.ComponentKey(rawValue: Self.componentName(scheme.name)) else { continue }
            let description = scheme.scheme.map { "The `\(scheme.header)` header carries a `\($0)` signature." } ?? "The `\(scheme.header)` header carries the credential."
            securitySchemes[key] = .b(OpenAPI.SecurityScheme(type: .apiKey(name: scheme.header, location: .header), description: description))
            security.append([.component(named: key.rawValue): []])
        }

        components.addAliases()
        let componentObject = OpenAPI.Components(schemas: components.schemas, securitySchemes: securitySchemes)
        var extensions: [String: AnyCodable] = [
            "x-error-codes": Self.anyCodable(spec.errorCodes.map(ErrorCodeExtension.init)),
            "x-state-tables": Self.anyCodable(spec.stateTables.map(StateTableExtension.init)),
            "x-source-documents": AnyCodable(spec.documents),
        ]
        if !spec.statusCodes.isEmpty {
            extensions["x-status-codes"] = Self.anyCodable(spec.statusCodes.map { ["status": String($0.status), "description": $0.description] })
        }
        if !spec.errorEnvelopes.isEmpty { extensions["x-error-envelopes"] = Self.anyCodable(spec.errorEnvelopes) }
        if let envelope = spec.responseEnvelope { extensions["x-response-envelope"] = Self.anyCodable(envelope) }
        return OpenAPI.Document(
            openAPIVersion: .v3_1_1,
            info: OpenAPI.Document.Info(
                title: spec.service,
                description: "Extracted from the vendor's documentation (\(spec.documents.joined(separator: ", "))) by `conformance extract`; regenerate with `conformance openapi`.",
                version: "extracted"
            ),
            servers: [],
            paths: paths,
            components: componentObject,
            security: security,
            vendorExtensions: extensions
        )
    }

    /// The canonical JSON text of the document (sorted keys, two-space indent, trailing newline).
    public func text(for spec: ServiceSpec) throws -> String {
        try CanonicalJSON.text(document(for: spec))
    }

    // MARK: - Operations

    private func operation(for operations: [Operation], primary: Operation, template: String, components: inout ComponentRegistry) -> OpenAPI.Operation {
        let templateNames = Self.placeholders(template)
        var parameters: OpenAPI.Parameter.Array = []
        var seen: Set<String> = []
        for operation in [primary] + operations.filter({ $0 != primary }) {
            let operationPath = Self.placeholders(operation.path)
            for parameter in operation.parameters {
                var name = parameter.name
                if parameter.location == .path {
                    // Twins may name a placeholder differently; the path template's name wins.
                    guard let position = operationPath.firstIndex(of: name), position < templateNames.count else { continue }
                    name = templateNames[position]
                }
                guard seen.insert("\(parameter.location.rawValue):\(name)").inserted else { continue }
                let required = parameter.location == .path || operations.allSatisfy { other in
                    other.parameters.contains { $0.name == parameter.name && $0.location == parameter.location && $0.required }
                }
                var parameterSchema = parameter.schema
                parameterSchema.description = nil  // it is the parameter's description
                let schema = components.jsonSchema(parameterSchema, required: true)
                let context: OpenAPI.Parameter.Context
                switch parameter.location {
                case .path: context = .path(schema: schema)
                case .query: context = .query(required: required, schema: schema)
                case .header: context = .header(required: required, schema: schema)
                }
                parameters.append(.b(OpenAPI.Parameter(name: name, context: context, description: parameter.schema.description)))
            }
        }
        for name in templateNames where !seen.contains("path:\(name)") {
            parameters.append(.b(OpenAPI.Parameter(name: name, context: .path(schema: .string), description: "Not documented in a table; taken from the path template.")))
        }

        // Request body: one schema, or a oneOf of the variants with their operation ids.
        let bodies = operations.compactMap { operation in operation.requestBody.map { (operation, $0) } }
        var requestBody: OpenAPI.Request?
        if bodies.count == 1 {
            let (owner, body) = bodies[0]
            let schema = components.jsonSchema(body, required: true)
            requestBody = (OpenAPI.Request(content: [.json: .b(content(schema, examples: owner.examples.filter { $0.kind == .request }))], required: true))
        } else if bodies.count > 1 {
            let variants = bodies.map { operation, body in
                components.jsonSchema(body, required: true).with(vendorExtensions: ["x-operation-id": AnyCodable(operation.id)] + (operation.action.map { ["x-action": AnyCodable($0)] } ?? [:]))
            }
            let examples = operations.flatMap { $0.examples.filter { $0.kind == .request } }
            requestBody = (OpenAPI.Request(content: [.json: .b(content(.one(of: variants), examples: examples))], required: true))
        }

        // Responses: per status, one schema or a oneOf when the twins disagree.
        var responses: OpenAPI.Response.Map = [:]
        let statuses = Array(Set(operations.flatMap { $0.responses.map(\.status) })).sorted()
        for status in statuses {
            let documented = operations.compactMap { $0.response(for: status) }
            let bodies = documented.compactMap(\.body)
            var distinct: [Schema] = []
            for body in bodies where !distinct.contains(body) { distinct.append(body) }
            var contentMap: OpenAPI.Content.Map = [:]
            let examples = operations.flatMap { $0.examples.filter { $0.kind == .response && $0.status == status } }
            if distinct.count == 1 {
                contentMap[.json] = .b(content(components.jsonSchema(distinct[0], required: true), examples: examples))
            } else if distinct.count > 1 {
                contentMap[.json] = .b(content(.one(of: distinct.map { components.jsonSchema($0, required: true) }), examples: examples))
            }
            let description = documented.first?.description ?? HTTPStatusNames.reason(status)
            responses[OpenAPI.Response.StatusCode(rawValue: String(status))!] = .b(OpenAPI.Response(description: description.isEmpty ? HTTPStatusNames.reason(status) : description, content: contentMap))
        }
        if responses.isEmpty {
            responses[.default] = .b(OpenAPI.Response(description: "No response is documented."))
        }

        var extensions: [String: AnyCodable] = [
            "x-source": Self.anyCodable(primary.source),
        ]
        if operations.count > 1 {
            extensions["x-operations"] = Self.anyCodable(operations.map { OperationSummary(id: $0.id, action: $0.action, deprecated: $0.deprecated, title: $0.title, path: $0.path) })
        }
        if let selector = primary.actionSelector { extensions["x-action-selector"] = Self.anyCodable(selector) }
        if let action = primary.action, operations.count == 1 { extensions["x-action"] = AnyCodable(action) }
        let constraints = operations.flatMap(\.constraints)
        if !constraints.isEmpty { extensions["x-constraints"] = AnyCodable(constraints) }
        let invalid = operations.flatMap { $0.examples.filter { $0.value == nil } }.map { InvalidExample(kind: $0.kind.rawValue, status: $0.status, text: $0.text, problem: $0.problem ?? "", source: $0.source) }
        if !invalid.isEmpty { extensions["x-invalid-examples"] = Self.anyCodable(invalid) }

        let operationID = operations.count == 1 ? primary.id : (operations.contains { $0.action != nil } ? Self.combinedID(primary) : primary.id)
        return OpenAPI.Operation(
            summary: primary.title,
            description: primary.summary,
            operationId: operationID,
            parameters: parameters,
            requestBody: requestBody,
            responses: responses,
            deprecated: operations.allSatisfy(\.deprecated),
            vendorExtensions: extensions
        )
    }

    private func content(_ schema: JSONSchema, examples: [Example]) -> OpenAPI.Content {
        var content = OpenAPI.Content(schema: schema)
        let valid = examples.compactMap { example in example.value.map { (example, $0) } }
        if !valid.isEmpty {
            var map: OrderedDictionary<String, Either<OpenAPI.Reference<OpenAPI.Example>, OpenAPI.Example>> = [:]
            for (index, pair) in valid.enumerated() {
                map["example-\(index + 1)"] = .b(OpenAPI.Example(summary: pair.0.title, value: .b(Self.anyCodable(pair.1))))
            }
            content.examples = map
        }
        return content
    }

    // MARK: - Helpers

    /// The route without placeholder names and without the action.
    fileprivate static func routeKey(_ operation: Operation) -> String {
        operation.method.uppercased() + " " + pathShape(operation.path)
    }

    static func pathShape(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { $0.hasPrefix("{") ? "{}" : String($0) }.joined(separator: "/")
    }

    static func placeholders(_ path: String) -> [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map { String($0.dropFirst().dropLast()) }
    }

    /// `POST /v2/{project_id}/volumes/{volume_id}/action` → `postV2VolumesVolumeIdAction`.
    fileprivate static func combinedID(_ operation: Operation) -> String {
        let words = operation.path.split(separator: "/").filter { $0 != "{project_id}" }
        let joined = words.map { word in
            word.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }.joined()
        return operation.method.lowercased() + joined
    }

    /// A component key: letters, digits, `.`, `-` and `_` only (OpenAPI 3.1 §4.8.7.1).
    static func componentName(_ text: String) -> String {
        let cleaned = String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") ? $0 : "_" })
        return cleaned.isEmpty ? "Schema" : cleaned
    }

    /// A Codable value as `AnyCodable`, through its JSON form.
    static func anyCodable<Value: Encodable>(_ value: Value) -> AnyCodable {
        guard let data = try? JSONEncoder().encode(value),
              let decoded = try? JSONDecoder().decode(AnyCodable.self, from: data) else { return AnyCodable(nil as String?) }
        return decoded
    }
}

private func + (lhs: [String: AnyCodable], rhs: [String: AnyCodable]) -> [String: AnyCodable] {
    lhs.merging(rhs) { first, _ in first }
}

/// What `x-operations` lists for each operation merged into one OpenAPI operation.
struct OperationSummary: Encodable {
    var id: String
    var action: String?
    var deprecated: Bool
    var title: String
    var path: String
}

/// An example the doc prints that is not JSON, kept in `x-invalid-examples`.
struct InvalidExample: Encodable {
    var kind: String
    var status: Int?
    var text: String
    var problem: String
    var source: DocReference
}

/// One row of `x-error-codes`.
struct ErrorCodeExtension: Encodable {
    var code: String
    var status: Int
    var messages: [ErrorCode.Message]

    init(_ code: ErrorCode) {
        self.code = code.code
        self.status = code.status
        self.messages = code.messages
    }
}

/// One table of `x-state-tables`.
struct StateTableExtension: Encodable {
    var resource: String
    var title: String
    var states: [StateTable.State]

    init(_ table: StateTable) {
        self.resource = table.resource
        self.title = table.title
        self.states = table.states
    }
}
