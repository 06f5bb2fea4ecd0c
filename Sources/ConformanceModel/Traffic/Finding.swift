/// One way an exchange breaks the documented contract, traced to the doc sentence it enforces.
///
/// The JSON form of a finding is a public contract (DESIGN.md, "Findings"): keep the keys.
public struct Finding: Codable, Sendable, Hashable {
    /// How much a finding matters: errors fail a run (exit 1), warnings and infos do not.
    public enum Severity: String, Codable, Sendable, Hashable, Comparable, CaseIterable {
        case info, warning, error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

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
    /// A stable rule id (`request.body.type`); see `Rule`.
    public var rule: String
    public var severity: Severity
    public var location: Location
    /// An RFC 6901 JSON pointer into the body, or the parameter or header name.
    public var pointer: String
    public var message: String
    public var expected: String?
    public var actual: String?
    /// The document, section and table the rule enforces.
    public var source: DocReference?

    public init(exchange: Int = 0, file: String? = nil, operation: String? = nil, rule: String, severity: Severity, location: Location, pointer: String, message: String, expected: String? = nil, actual: String? = nil, source: DocReference? = nil) {
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
    }
}

/// The stable rule ids (DESIGN.md): add more, never rename.
public enum Rule {
    public static let routeUnmatched = "route.unmatched"
    public static let requestParameterMissing = "request.parameter.missing"
    public static let requestParameterType = "request.parameter.type"
    public static let requestBodyMalformed = "request.body.malformed"
    public static let requestBodyMissingField = "request.body.missing-field"
    public static let requestBodyType = "request.body.type"
    public static let requestBodyEnum = "request.body.enum"
    public static let requestBodyRange = "request.body.range"
    public static let requestBodyUnknownField = "request.body.unknown-field"
    public static let requestBodyConstraint = "request.body.constraint"
    public static let responseStatusUndocumented = "response.status.undocumented"
    public static let responseBodyMalformed = "response.body.malformed"
    public static let responseBodyType = "response.body.type"
    public static let responseBodyEnum = "response.body.enum"
    public static let responseBodyRange = "response.body.range"
    public static let responseBodyMissingField = "response.body.missing-field"
    public static let responseBodyUnknownField = "response.body.unknown-field"
    public static let responseErrorEnvelope = "response.error.envelope"
    public static let responseErrorCodeUndocumented = "response.error.code-undocumented"
    public static let responseErrorStatusMismatch = "response.error.status-mismatch"
    public static let stateUnknownValue = "state.unknown-value"
    public static let statePrecondition = "state.precondition"
    public static let stateTransition = "state.transition"
    public static let operationDeprecated = "operation.deprecated"

    /// Every rule id, for documentation and for tests that exercise each one.
    public static let all: [String] = [
        routeUnmatched, requestParameterMissing, requestParameterType, requestBodyMalformed, requestBodyMissingField,
        requestBodyType, requestBodyEnum, requestBodyRange, requestBodyUnknownField, requestBodyConstraint,
        responseStatusUndocumented, responseBodyMalformed, responseBodyType, responseBodyEnum, responseBodyRange,
        responseBodyMissingField, responseBodyUnknownField, responseErrorEnvelope, responseErrorCodeUndocumented,
        responseErrorStatusMismatch, stateUnknownValue, statePrecondition, stateTransition, operationDeprecated,
    ]
}
