import ConformanceModel

/// A service prepared for validation: its router, its operations with compiled schemas, and
/// lookup tables for status and error codes.
final class CompiledService: Sendable {
    let spec: ServiceSpec
    let router: Router
    let operations: [CompiledOperation]
    /// Error-code rows by code.
    let errorCodes: [String: [ErrorCode]]
    /// Statuses the service documents as a whole: its status table and its error-code table.
    let serviceStatuses: Set<Int>
    /// The lower-cased headers that carry credentials; checked together, not one by one.
    let authenticationHeaders: Set<String>

    init(spec: ServiceSpec, rules: [BodyRule]) {
        self.spec = spec
        router = Router(spec: spec)
        var cache: [Schema: CompiledSchema] = [:]
        operations = spec.operations.map { operation in
            CompiledOperation(operation, service: spec, rules: rules.filter { $0.service == spec.service && $0.operations.contains(operation.id) }, cache: &cache)
        }
        errorCodes = Dictionary(grouping: spec.errorCodes, by: \.code)
        serviceStatuses = Set(spec.statusCodes.map(\.status)).union(spec.errorCodes.map(\.status))
        authenticationHeaders = Set(spec.authentication.map { $0.header.lowercased() })
    }
}

/// An operation prepared for validation.
final class CompiledOperation: Sendable {
    let operation: Operation
    let request: CompiledSchema?
    /// Response body schemas by status, with the service's response envelope around them.
    let responses: [Int: CompiledSchema]
    let rules: [BodyRule]
    /// The request body paths the rules read.
    let captures: CaptureTrie?

    init(_ operation: Operation, service: ServiceSpec, rules: [BodyRule], cache: inout [Schema: CompiledSchema]) {
        self.operation = operation
        request = operation.requestBody.map { CompiledSchema($0, cache: &cache) }
        var responses: [Int: CompiledSchema] = [:]
        for response in operation.responses {
            if let envelope = service.responseEnvelope {
                responses[response.status] = CompiledSchema(Self.enveloped(response.body, in: envelope), cache: &cache)
            } else if let body = response.body {
                responses[response.status] = CompiledSchema(body, cache: &cache)
            }
        }
        self.responses = responses
        self.rules = rules
        let paths = rules.flatMap { rule -> [String] in
            switch rule.requirement {
            case .atMostOne(let fields): fields
            case .requiredWhen(let field, let condition), .forbiddenWhen(let field, let condition): [field, condition.field]
            case .maxItems(let field, _): [field]
            }
        }
        captures = paths.isEmpty ? nil : CaptureTrie(paths: paths)
    }

    /// The envelope's schema with the operation's payload under its payload field.
    static func enveloped(_ payload: Schema?, in envelope: ResponseEnvelope) -> Schema {
        var schema = envelope.schema
        if let index = schema.properties.firstIndex(where: { $0.name == envelope.payloadField }), let payload {
            schema.properties[index].schema = payload
        }
        return schema
    }
}
