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
/// - What a generic client (Schemathesis, Prism, an SDK generator) needs to drive the API:
///   every error status the service documents on every operation, with its envelope and
///   codes (`ServiceErrorResponses`); route selectors as parameters and disjoint `oneOf`
///   variants (`RouteSelector`); the cross-field rules as schemas (`BodyRuleSchema`); links
///   from producers of ids to their consumers (`OperationLinks`).
/// - Bodies as `validate` and the mock read them: optional request fields accept `null`
///   (`RequestNulls`, the validator's `request.body.null-optional`); a value list another
///   table gives wider is exported as the union with `x-enum-readings` (`EnumerationReadings`);
///   a value another place types otherwise is `anyOf` both (`ComponentRegistry`); an error
///   example printed without a status is declared under the status it is read under
///   (`Operation.assumedErrorStatuses`, `x-status-assumed`).
public struct OpenAPIExporter {
    /// The cross-field rules written into the request schemas (`Rules.body`).
    public var bodyRules: [BodyRule]
    /// The life cycles whose effects and locators give the links (`Rules.stateMachines`).
    public var stateMachines: [StateMachine]

    public init(bodyRules: [BodyRule] = [], stateMachines: [StateMachine] = []) {
        self.bodyRules = bodyRules
        self.stateMachines = stateMachines
    }

    public func document(for documented: ServiceSpec) -> OpenAPI.Document {
        // The value lists as `validate` reads them: a narrower list beside the wider one another
        // table of the service gives (the union is the `enum`, `x-enum-readings` cites both).
        let spec = EnumerationReadings.widened(documented)
        var components = ComponentRegistry()
        let errors = ServiceErrorResponses(spec: spec)
        var targets: [OperationLinks.Target] = []
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
            let built = operation(for: operations, primary: primary, template: pathTemplates[pathKey]!, spec: spec, errors: errors, components: &components)
            targets.append(.init(operationID: built.operationId ?? primary.id, template: pathTemplates[pathKey]!, specOperations: operations.map(\.id)))
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
        for produced in OperationLinks.links(spec: spec, machines: stateMachines, targets: targets) {
            guard let owner = spec.operation(id: produced.operation) else { continue }
            let pathKey = Self.pathShape(owner.path)
            guard var item = pathItems[pathKey], let method = OpenAPI.HttpMethod(rawValue: owner.method.uppercased()),
                  var built = item.for(method), let code = OpenAPI.Response.StatusCode(rawValue: String(produced.status)),
                  case .b(var response)? = built.responses[code] else { continue }
            for (name, link) in produced.links where response.links[name] == nil { response.links[name] = .b(link) }
            built.responses[code] = .b(response)
            item.set(operation: built, for: method)
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
        var schemas = components.schemas
        let answersErrors = !errors.statuses.isEmpty || spec.operations.contains { $0.responses.contains { $0.status >= 400 } }
        for (key, schema) in errors.schemaComponents where answersErrors && schemas[key] == nil { schemas[key] = schema }
        let componentObject = OpenAPI.Components(schemas: schemas, responses: errors.responseComponents, securitySchemes: securitySchemes)
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

    private func operation(for operations: [Operation], primary: Operation, template: String, spec: ServiceSpec, errors: ServiceErrorResponses, components: inout ComponentRegistry) -> OpenAPI.Operation {
        var parameters = self.parameters(for: operations, primary: primary, template: template, components: &components)
        parameters += RouteSelector.queryParameters(for: operations)

        // Request body: one schema, or a oneOf of the variants with their operation ids.
        let bodies = operations.compactMap { operation in operation.requestBody.map { (operation, $0) } }
        var requestBody: OpenAPI.Request?
        if bodies.count == 1 {
            let (owner, body) = bodies[0]
            let schema = withBodyRules(components.jsonSchema(Self.request(body, for: owner), required: true), for: [owner], service: spec.service)
            requestBody = (OpenAPI.Request(content: [.json: .b(content(schema, examples: owner.examples.filter { $0.kind == .request }))], required: true))
        } else if bodies.count > 1 {
            // Variants that export to the same schema (deprecated twins of one action) are one
            // branch listing every operation id: two equal branches of a oneOf match nothing.
            var variants: [(schema: JSONSchema, owners: [Operation])] = []
            for (operation, body) in bodies {
                let schema = components.jsonSchema(Self.request(body, for: operation), required: true)
                if let index = variants.firstIndex(where: { $0.schema == schema }) {
                    variants[index].owners.append(operation)
                } else {
                    variants.append((schema, [operation]))
                }
            }
            let branches = variants.map { schema, owners in
                withBodyRules(schema, for: owners, service: spec.service).with(vendorExtensions: Self.variantExtensions(owners))
            }
            let examples = operations.flatMap { $0.examples.filter { $0.kind == .request } }
            let schema: JSONSchema = branches.count == 1 ? branches[0] : .one(of: branches)
            requestBody = (OpenAPI.Request(content: [.json: .b(content(schema, examples: examples))], required: true))
        }

        var responses = self.responses(for: operations, errors: errors, components: &components)
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

    /// The path, query and header parameters of the operations sharing one route.
    private func parameters(for operations: [Operation], primary: Operation, template: String, components: inout ComponentRegistry) -> OpenAPI.Parameter.Array {
        let templateNames = Self.placeholders(template)
        var parameters: OpenAPI.Parameter.Array = []
        var seen: Set<String> = []
        for operation in [primary] + operations.filter({ $0 != primary }) {
            let operationPath = Self.placeholders(operation.path)
            let documentedValues = RequestLineExample.values(for: operation)
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
                let example: AnyCodable? = documentedValues[parameter.name].map { (value: String) -> AnyCodable in AnyCodable(value) }
                let context: OpenAPI.Parameter.Context
                switch parameter.location {
                case .path: context = .path(schemaOrContent: .schema(.init(schema, style: .default(for: .path), example: example)))
                case .query: context = .query(required: required, allowEmptyValue: false, schemaOrContent: .schema(.init(schema, style: .default(for: .query), example: example)))
                case .header: context = .header(required: required, schemaOrContent: .schema(.init(schema, style: .default(for: .header), example: example)))
                }
                parameters.append(.b(OpenAPI.Parameter(name: name, context: context, description: parameter.schema.description)))
            }
        }
        for name in templateNames where !seen.contains("path:\(name)") {
            parameters.append(.b(OpenAPI.Parameter(name: name, context: .path(schema: .string), description: "Not documented in a table; taken from the path template.")))
        }
        return parameters
    }

    /// Every status the operations document, then the service's error statuses.
    ///
    /// A status some variants of a shared route document with a body and others without one
    /// (Cinder's `os-volume_upload_image` answers 202 with a body, `os-reserve` with none) has
    /// no `content`: OpenAPI cannot tie a response to the request's variant, and a declared
    /// media type would fail every empty answer. The bodies are kept per operation in
    /// `x-content-by-operation`.
    private func responses(for operations: [Operation], errors: ServiceErrorResponses, components: inout ComponentRegistry) -> OpenAPI.Response.Map {
        var responses: OpenAPI.Response.Map = [:]
        let documentedStatuses = Set(operations.flatMap { $0.responses.map(\.status) })
        // An error example printed without a status documents the status it is read under
        // (`Operation.assumedErrorStatuses`: ECS's 响应样例 error, 400), with the error envelope.
        let assumedStatuses = Set(operations.flatMap(\.assumedErrorStatuses)).subtracting(documentedStatuses)
        for status in documentedStatuses.union(errors.statuses).union(assumedStatuses).sorted() {
            let documenting = operations.compactMap { operation in operation.response(for: status).map { (operation, $0) } }
            if errors.covers(status: status, documented: documenting.map(\.1)) {
                // Documented once for the service: the shared response.
                responses[OpenAPI.Response.StatusCode(rawValue: String(status))!] = .a(.component(named: ServiceErrorResponses.responseName(status)))
                continue
            }
            var distinct: [Schema] = []
            for body in documenting.compactMap(\.1.body) where !distinct.contains(body) { distinct.append(body) }
            let schemas = Self.unique(distinct.map { components.jsonSchema($0, required: true) })
            // The error examples printed without a status that are read under this one.
            let printed = operations.flatMap { operation in
                operation.examples.filter { $0.kind == .response && $0.status == nil && operation.assumedStatus(for: $0.value) == (status, true) }
            }
            let examples = operations.flatMap { $0.examples.filter { $0.kind == .response && $0.status == status } } + (documenting.isEmpty ? printed : [])
            var contentMap: OpenAPI.Content.Map = [:]
            var extensions: [String: AnyCodable] = status >= 400 ? errors.extensions(for: status) : [:]
            let someWithoutBody = documenting.contains { $0.1.body == nil }
            if status >= 400 {
                if let schema = errors.bodySchema(documented: schemas) {
                    contentMap[.json] = .b(content(schema, examples: examples))
                }
            } else if someWithoutBody, !schemas.isEmpty {
                var byOperation: [String: AnyCodable] = [:]
                for (operation, response) in documenting {
                    if let body = response.body { byOperation[operation.id] = Self.anyCodable(components.jsonSchema(body, required: true)) }
                }
                extensions["x-content-by-operation"] = AnyCodable(byOperation)
            } else if schemas.count == 1 {
                contentMap[.json] = .b(content(schemas[0], examples: examples))
            } else if schemas.count > 1 {
                // anyOf, not oneOf: the answer fits at least one page's description of the route,
                // and two pages may describe it alike (EVS 5.1 and 8.2.5.2 both give `GET /` a
                // 300 with `versions`), so one body can fit both.
                contentMap[.json] = .b(content(.any(of: schemas), examples: examples))
            }
            var words = documenting.first?.1.description ?? HTTPStatusNames.reason(status)
            if documenting.isEmpty, assumedStatuses.contains(status) {
                words = "\(HTTPStatusNames.reason(status)): the page prints this error answer without its status; \(status) is assumed."
                extensions["x-status-assumed"] = Self.anyCodable(printed.map(\.source))
            }
            responses[OpenAPI.Response.StatusCode(rawValue: String(status))!] = .b(OpenAPI.Response(
                description: words.isEmpty ? HTTPStatusNames.reason(status) : words, content: contentMap, vendorExtensions: extensions
            ))
        }
        return responses
    }

    /// `schema` with the cross-field rules of `owners` (rules that hold for all of them), as
    /// `allOf: [schema, rule...]`; the rules that cannot be written as schema stay in `x-constraints`.
    private func withBodyRules(_ schema: JSONSchema, for owners: [Operation], service: String) -> JSONSchema {
        let rules = bodyRules.filter { rule in
            rule.service == service && rule.target == .request && owners.allSatisfy { rule.operations.contains($0.id) }
        }
        guard !rules.isEmpty else { return schema }
        return .all(of: [schema] + rules.map(BodyRuleSchema.schema(for:)), core: .init())
    }

    /// A request body as a generic client must send it and as `validate` reads it: the route
    /// selector explicit (`RouteSelector`), `null` allowed for optional fields (`RequestNulls`).
    private static func request(_ body: Schema, for operation: Operation) -> Schema {
        RequestNulls.optionalFieldsNullable(RouteSelector.selecting(body, for: operation))
    }

    /// `x-operation-id` (or `x-operation-ids` for merged twins) and `x-action` of a `oneOf` branch.
    private static func variantExtensions(_ owners: [Operation]) -> [String: AnyCodable] {
        var extensions: [String: AnyCodable] = owners.count == 1
            ? ["x-operation-id": AnyCodable(owners[0].id)]
            : ["x-operation-ids": AnyCodable(owners.map(\.id))]
        if let action = owners[0].action { extensions["x-action"] = AnyCodable(action) }
        return extensions
    }

    /// `schemas` without repeats, in order.
    static func unique(_ schemas: [JSONSchema]) -> [JSONSchema] {
        var result: [JSONSchema] = []
        for schema in schemas where !result.contains(schema) { result.append(schema) }
        return result
    }

    private func content(_ schema: JSONSchema, examples: [Example]) -> OpenAPI.Content {
        var content = OpenAPI.Content(schema: schema)
        let valid = examples.compactMap { example in example.value.map { (example, $0) } }
        if !valid.isEmpty {
            var map: OrderedDictionary<String, Either<OpenAPI.Reference<OpenAPI.Example>, OpenAPI.Example>> = [:]
            for (index, pair) in valid.enumerated() {
                // `value`, which OpenAPIKit 6 marks deprecated (OpenAPI 3.2 replaced it), is
                // the field of the 3.1 Example Object this export declares. The initializers
                // it points to write `dataValue`, a 3.2 key the 3.1 Example Object does not
                // have, so the compiler's deprecation warning here stays.
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
        PathTemplate(path).shape
    }

    static func placeholders(_ path: String) -> [String] {
        PathTemplate(path).segments.compactMap(\.parameterName)
    }

    /// `POST /v2/{project_id}/volumes/{volume_id}/action` → `postV2VolumesVolumeIdAction`.
    fileprivate static func combinedID(_ operation: Operation) -> String {
        let words = operation.template.segments.filter { $0 != .parameter("project_id") }.map(\.text)
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
