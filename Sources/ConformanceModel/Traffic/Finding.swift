/// One way an exchange breaks the documented contract, traced to the doc sentence it enforces.
///
/// The JSON form of a finding is a public contract (DESIGN.md, "Findings"): keep the keys.
public struct Finding: Codable, Sendable, Hashable {
    /// How much a finding matters: errors fail a run (exit 1), warnings and infos do not.
    public typealias Severity = ConformanceModel.Severity

    /// Where in the exchange a finding points.
    public enum Location: String, Codable, Sendable, Hashable, CaseIterable {
        case requestPath = "request.path"
        case requestQuery = "request.query"
        case requestHeader = "request.header"
        case requestBody = "request.body"
        case responseStatus = "response.status"
        case responseHeader = "response.header"
        case responseBody = "response.body"
    }

    /// The 0-based index of the exchange in its input.
    public var exchange: Int
    public var file: String?
    /// The operation id, or `nil` when no route matched.
    public var operation: String?
    /// A stable rule id of the catalog (`Rule.requestBodyType`, `request.body.type` in reports).
    public var rule: RuleID
    public var severity: Severity
    public var location: Location
    /// An RFC 6901 JSON pointer into the body, or the parameter or header name.
    public var pointer: String
    public var message: String
    public var expected: String?
    public var actual: String?
    /// The document, section and table the rule enforces.
    public var source: DocReference?
    /// Every place of the docs the finding cites, `source` first: two or more where the docs
    /// read the value differently and the finding is a warning for that reason (the severity
    /// policy), else `source` alone.
    public var sources: [DocReference]

    /// `sources` defaults to `source` alone.
    public init(exchange: Int = 0, file: String? = nil, operation: String? = nil, rule: RuleID, severity: Severity, location: Location, pointer: String, message: String, expected: String? = nil, actual: String? = nil, source: DocReference? = nil, sources: [DocReference]? = nil) {
        self.exchange = exchange
        self.file = file
        self.operation = operation
        self.rule = rule
        self.severity = severity
        self.location = location
        self.pointer = pointer
        self.message = message
        self.expected = expected
        self.actual = actual
        self.source = source
        self.sources = sources ?? source.map { [$0] } ?? []
    }

    private enum CodingKeys: String, CodingKey {
        case exchange, file, operation, rule, severity, location, pointer, message, expected, actual, source, sources
    }

    /// Encodes every key, `null` included, so that report consumers can rely on them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(exchange, forKey: .exchange)
        try container.encode(file, forKey: .file)
        try container.encode(operation, forKey: .operation)
        try container.encode(rule, forKey: .rule)
        try container.encode(severity, forKey: .severity)
        try container.encode(location, forKey: .location)
        try container.encode(pointer, forKey: .pointer)
        try container.encode(message, forKey: .message)
        try container.encode(expected, forKey: .expected)
        try container.encode(actual, forKey: .actual)
        try container.encode(source, forKey: .source)
        try container.encode(sources, forKey: .sources)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let source = try container.decodeIfPresent(DocReference.self, forKey: .source)
        self.init(
            exchange: try container.decode(Int.self, forKey: .exchange),
            file: try container.decodeIfPresent(String.self, forKey: .file),
            operation: try container.decodeIfPresent(String.self, forKey: .operation),
            rule: try container.decode(RuleID.self, forKey: .rule),
            severity: try container.decode(Severity.self, forKey: .severity),
            location: try container.decode(Location.self, forKey: .location),
            pointer: try container.decode(String.self, forKey: .pointer),
            message: try container.decode(String.self, forKey: .message),
            expected: try container.decodeIfPresent(String.self, forKey: .expected),
            actual: try container.decodeIfPresent(String.self, forKey: .actual),
            source: source,
            // Reports written before `sources` existed have `source` alone.
            sources: try container.decodeIfPresent([DocReference].self, forKey: .sources)
        )
    }
}
