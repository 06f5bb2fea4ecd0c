/// One documented API operation: a method on a path template, with what it takes and returns.
public struct Operation: Codable, Sendable, Hashable {
    /// Stable and unique within its service; names the golden folder and the generated Swift.
    /// Taken from the vendor SDK's name where the doc shows one (`CreateVolume`).
    public var id: String
    /// The section heading, e.g. `创建云硬盘`.
    public var title: String
    /// The HTTP method in upper case.
    public var method: String
    /// The path template with `{name}` placeholders, e.g. `/v2/{project_id}/volumes/{volume_id}/action`.
    public var path: String
    /// What tells this operation apart from others on the same route (`os-extend`), or `nil`.
    public var action: String?
    /// Where `action` is read from in a request.
    public var actionSelector: ActionSelector?
    /// `true` when the doc marks the operation as deprecated (`(废弃)`).
    public var deprecated: Bool
    /// The doc's description of what the operation does (功能介绍).
    public var summary: String?
    /// The doc's constraint sentences (接口约束), kept as text.
    public var constraints: [String]
    public var parameters: [Parameter]
    public var requestBody: Schema?
    public var responses: [Response]
    public var examples: [Example]
    public var source: DocReference

    public init(
        id: String,
        title: String,
        method: String,
        path: String,
        action: String? = nil,
        actionSelector: ActionSelector? = nil,
        deprecated: Bool = false,
        summary: String? = nil,
        constraints: [String] = [],
        parameters: [Parameter] = [],
        requestBody: Schema? = nil,
        responses: [Response] = [],
        examples: [Example] = [],
        source: DocReference
    ) {
        self.id = id
        self.title = title
        self.method = method
        self.path = path
        self.action = action
        self.actionSelector = actionSelector
        self.deprecated = deprecated
        self.summary = summary
        self.constraints = constraints
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
        self.examples = examples
        self.source = source
    }

    /// The response documented for `status`.
    public func response(for status: Int) -> Response? {
        responses.first { $0.status == status }
    }

    /// The parameters at one location, in document order.
    public func parameters(in location: Parameter.Location) -> [Parameter] {
        parameters.filter { $0.location == location }
    }

    /// The route without placeholder names (`POST /v2/{}/volumes/{}/action`), for matching
    /// the same route across documents that name placeholders differently.
    public var routeKey: String {
        var key = method + " "
        var inPlaceholder = false
        for character in path {
            switch character {
            case "{":
                inPlaceholder = true
                key.append("{")
            case "}":
                inPlaceholder = false
                key.append("}")
            default:
                if !inPlaceholder { key.append(character) }
            }
        }
        if let action { key += " " + action }
        return key
    }

    /// Encodes `action` as an explicit `null` so that every operation in `spec.json` has the key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(method, forKey: .method)
        try container.encode(path, forKey: .path)
        try container.encode(action, forKey: .action)
        try container.encodeIfPresent(actionSelector, forKey: .actionSelector)
        try container.encode(deprecated, forKey: .deprecated)
        try container.encodeIfPresent(summary, forKey: .summary)
        try container.encode(constraints, forKey: .constraints)
        try container.encode(parameters, forKey: .parameters)
        try container.encodeIfPresent(requestBody, forKey: .requestBody)
        try container.encode(responses, forKey: .responses)
        try container.encode(examples, forKey: .examples)
        try container.encode(source, forKey: .source)
    }
}
