import ConformanceModel
import OpenAPIKit

/// The error answers a service documents for all its operations, as OpenAPI responses.
///
/// An operation's own tables give its success status and, mostly, 400. The rest of what a
/// client can get back is documented once for the whole service, and every operation gets it:
/// - the service's status table (EVS 3.3 返回结果 状态码: 400 … 504);
/// - the statuses of its error-code table (EVS A.1 lists `EVS.3003` with 429, which the status
///   table does not);
/// - authentication failures: an operation with a security requirement answers a missing or
///   refused credential with 401 or 403 (RFC 9110 §15.5.2, §15.5.4; EVS 3.3 lists 401 and 403,
///   Baidu's table 403);
/// each with the service's documented error envelopes as the body and, in `x-error-codes`, the
/// codes of the error-code table that come with that status.
struct ServiceErrorResponses {
    let spec: ServiceSpec
    /// The error statuses (≥ 400) every operation of the service may answer.
    let statuses: [Int]
    /// References to the documented error envelopes (`{"<any key>": {code, message}}`, the API
    /// gateway's flat `{error_code, error_msg}`), which are `components.schemas` named after
    /// their code field (`Error.code`, `Error.error_code`).
    let envelopes: [JSONSchema]
    /// The envelope components.
    let schemaComponents: OrderedDictionary<OpenAPI.ComponentKey, JSONSchema>

    init(spec: ServiceSpec) {
        self.spec = spec
        var statuses = Set(spec.statusCodes.map(\.status).filter { $0 >= 400 })
        statuses.formUnion(spec.errorCodes.map(\.status).filter { $0 >= 400 })
        if !spec.authentication.isEmpty { statuses.formUnion([401, 403]) }
        self.statuses = statuses.sorted()
        var components: OrderedDictionary<OpenAPI.ComponentKey, JSONSchema> = [:]
        var references: [JSONSchema] = []
        for envelope in spec.errorEnvelopes {
            let name = OpenAPIExporter.componentName("Error.\(envelope.codeField)")
            guard let key = OpenAPI.ComponentKey(rawValue: name), components[key] == nil else { continue }
            components[key] = Self.schema(of: envelope)
            references.append(.reference(.component(named: name)))
        }
        self.schemaComponents = components
        self.envelopes = references
    }

    /// Whether the shared response of `status` says all that `documented` says: the status is
    /// service-wide and each body is absent or the generic `{"error": {...}}` wrapper that the
    /// any-key envelope stands for ("其中error是泛指的错误", EVS 6.1.1 响应样例).
    func covers(status: Int, documented: [Response]) -> Bool {
        guard statuses.contains(status) else { return false }
        return documented.allSatisfy { response in
            guard let body = response.body else { return true }
            guard body.kind == .object, body.properties.count == 1, let name = body.properties.first?.name else { return false }
            return spec.errorEnvelopes.contains { envelope in
                if case .anyKey(let examples) = envelope.wrapper { return examples.contains(name) }
                return false
            }
        }
    }

    /// The name of the shared response for a service-wide `status`.
    static func responseName(_ status: Int) -> String { "ServiceError\(status)" }

    /// The shared responses, one per service-wide status (`components.responses`); an operation
    /// that does not document the status itself refers to it.
    var responseComponents: OrderedDictionary<OpenAPI.ComponentKey, Either<OpenAPI.Reference<OpenAPI.Response>, OpenAPI.Response>> {
        var result: OrderedDictionary<OpenAPI.ComponentKey, Either<OpenAPI.Reference<OpenAPI.Response>, OpenAPI.Response>> = [:]
        for status in statuses {
            guard let key = OpenAPI.ComponentKey(rawValue: Self.responseName(status)) else { continue }
            var content: OpenAPI.Content.Map = [:]
            if let schema = bodySchema(documented: []) { content[.json] = .b(OpenAPI.Content(schema: schema)) }
            result[key] = .b(OpenAPI.Response(description: description(for: status), content: content, vendorExtensions: extensions(for: status)))
        }
        return result
    }

    /// The codes of the error-code table documented with `status`, in table order.
    func codes(for status: Int) -> [String] {
        var seen: Set<String> = []
        return spec.errorCodes.filter { $0.status == status && seen.insert($0.code).inserted }.map(\.code)
    }

    /// The words of the status table for `status`, or why the status is attached.
    func description(for status: Int) -> String {
        if let row = spec.statusCodes.first(where: { $0.status == status }), !row.description.isEmpty { return row.description }
        if status == 401 || status == 403, !spec.authentication.isEmpty {
            return "\(HTTPStatusNames.reason(status)): the credential (\(spec.authentication.map(\.header).joined(separator: " or "))) is missing or refused."
        }
        return HTTPStatusNames.reason(status)
    }

    /// An error body schema: the documented bodies and the envelopes, any of which may come
    /// (`anyOf`, so that a body matching two of them is not an error), duplicates dropped.
    func bodySchema(documented: [JSONSchema]) -> JSONSchema? {
        var options: [JSONSchema] = []
        for schema in documented + envelopes where !options.contains(schema) { options.append(schema) }
        switch options.count {
        case 0: return nil
        case 1: return options[0]
        default: return .any(of: options, core: .init())
        }
    }

    /// The extensions of an error response: the codes that come with its status.
    func extensions(for status: Int) -> [String: AnyCodable] {
        let codes = codes(for: status)
        return codes.isEmpty ? [:] : ["x-error-codes": AnyCodable(codes)]
    }

    /// The JSON Schema of one documented envelope.
    static func schema(of envelope: ErrorEnvelope) -> JSONSchema {
        let fields: OrderedDictionary<String, JSONSchema> = [
            envelope.codeField: .fragment(required: true, description: "The error code."),
            envelope.messageField: .string(required: envelope.wrapper != .none, description: "The error message."),
        ]
        let extensions: [String: AnyCodable] = envelope.source.map { ["x-source": OpenAPIExporter.anyCodable($0)] } ?? [:]
        switch envelope.wrapper {
        case .none:
            // The flat envelope is known by its code field; the validator requires no more.
            return JSONSchema.object(title: "Error (\(envelope.codeField), \(envelope.messageField))", properties: fields).with(vendorExtensions: extensions)
        case .anyKey(let examples):
            // "其中error是泛指的错误，有badRequest、itemNotFound等": one key, whatever its name.
            let inner = JSONSchema.object(properties: fields)
            return JSONSchema.object(
                title: "Error ({\"<\(examples.joined(separator: "|"))|…>\": {\(envelope.codeField), \(envelope.messageField)}})",
                minProperties: 1, maxProperties: 1, additionalProperties: .b(inner)
            ).with(vendorExtensions: extensions)
        case .keys(let keys):
            var properties: OrderedDictionary<String, JSONSchema> = [:]
            for key in keys { properties[key] = JSONSchema.object(required: false, properties: fields) }
            return JSONSchema.object(
                title: "Error ({\"<\(keys.joined(separator: "|"))>\": {\(envelope.codeField), \(envelope.messageField)}})",
                minProperties: 1, maxProperties: 1, properties: properties, additionalProperties: .a(false)
            ).with(vendorExtensions: extensions)
        }
    }
}
