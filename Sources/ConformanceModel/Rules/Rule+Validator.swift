extension Rule {
    /// The validator's rules, in catalog order.
    static let validator: [RuleID] = [
        routeUnmatched, requestParameterMissing, requestParameterType, requestParameterBooleanSpelling, requestBodyMalformed, requestBodyMissingField,
        requestBodyType, requestBodyNullOptional, requestBodyEnum, requestBodyRange, requestBodyUnknownField, requestBodyConstraint,
        responseStatusUndocumented, responseBodyMalformed, responseBodyType, responseBodyEnum, responseBodyRange,
        responseBodyMissingField, responseBodyUnknownField, responseErrorEnvelope, responseErrorCodeUndocumented,
        responseErrorStatusMismatch, operationDeprecated,
    ]

    /// No documented operation has the exchange's method and path (after `--service` and `--host`).
    public static let routeUnmatched = RuleID("route.unmatched", .error, .validator, "No documented operation has this method and path.")

    /// A required path, query or header parameter is absent. Credentials count as one parameter:
    /// any of the service's documented schemes (a token or a signature) satisfies it.
    public static let requestParameterMissing = RuleID("request.parameter.missing", .error, .validator, "A required path, query or header parameter (or the credential) is absent.")

    /// A path, query or header parameter has a value its documented type, format or enumeration does not allow.
    public static let requestParameterType = RuleID("request.parameter.type", .error, .validator, "A path, query or header parameter has the wrong type, format or value.")

    /// A query Boolean spelled as the Cinder-compatible API reads it but not as the docs write
    /// it (`False`, `1`, `yes` for "Boolean": EVS 8.2.1.6 `cascade`, whose examples write
    /// `true`/`false`). Cinder reads query Booleans with oslo `bool_from_string`, and the
    /// OpenStack clients send Python's `False`: a looser reading of "Boolean" allows them, so a
    /// warning (DESIGN.md's severity policy); a value no reading allows stays `request.parameter.type`.
    public static let requestParameterBooleanSpelling = RuleID("request.parameter.boolean-spelling", .warning, .validator, "A query Boolean spelled as Cinder reads it (False, 1, yes) rather than true/false.")

    /// The request body is not JSON (RFC 8259, UTF-8) where JSON is documented, or a documented
    /// body with required fields is absent.
    public static let requestBodyMalformed = RuleID("request.body.malformed", .error, .validator, "The request body is not valid JSON, or a required body is absent.")

    /// A field the request table marks required (是否必选 是) is absent.
    public static let requestBodyMissingField = RuleID("request.body.missing-field", .error, .validator, "A field the table marks required is absent from the request.")

    /// A request value has another JSON type than documented (`null` included, unless the docs
    /// allow it). A warning where another place of the docs reads the value so (severity policy).
    public static let requestBodyType = RuleID("request.body.type", .error, .validator, "A request value has another JSON type than documented.")

    /// `null` for an optional request field whose type does not allow null. The Cinder-compatible
    /// API family (EVS chapter 8, "兼容OpenStack Cinder") treats a null optional field as absent, and
    /// its clients send them (python-cinderclient's create: `"snapshot_id": null`, `"imageRef":
    /// null`); the tables mark these fields 否 (optional) without naming null: a warning, the field
    /// read as absent (no cross-field rule counts it). `null` for a required field stays
    /// `request.body.type`.
    public static let requestBodyNullOptional = RuleID("request.body.null-optional", .warning, .validator, "null for an optional request field: read as absent, as the Cinder-compatible API does.")

    /// A request value outside the documented set of values. A warning where another reading allows it.
    public static let requestBodyEnum = RuleID("request.body.enum", .error, .validator, "A request value is outside the documented values.")

    /// A request number, string length or item count outside the documented bounds.
    public static let requestBodyRange = RuleID("request.body.range", .error, .validator, "A request number, length or item count is outside the documented bounds.")

    /// A request field the docs do not mention: a warning, an error with `--strict`.
    public static let requestBodyUnknownField = RuleID("request.body.unknown-field", .warning, .validator, "A request field the docs do not mention (an error with --strict).")

    /// A hand-written cross-field rule (`ConformanceSpecs/Rules/`) is broken, e.g. only one of
    /// `imageRef`, `snapshot_id`, `backup_id` (EVS A.1, `EVS.1016`).
    public static let requestBodyConstraint = RuleID("request.body.constraint", .error, .validator, "A documented cross-field rule of the request body is broken.")

    /// A response status the operation does not document: an error when the service's status
    /// table and error-code table do not list it either, else a warning; a warning citing both
    /// places when another operation documented on the same route documents it (EVS 5.1 and
    /// 8.2.5.2 are both `GET /`).
    public static let responseStatusUndocumented = RuleID("response.status.undocumented", .error, .validator, "A status the operation does not document (a warning when the service's tables or the route's twin list it, or when it is a 401/403 of a service that documents its authentication).")

    /// The response body is not JSON, or a documented body with required fields is absent.
    public static let responseBodyMalformed = RuleID("response.body.malformed", .error, .validator, "The response body is not valid JSON, or a required body is absent.")

    /// A response value has another JSON type than documented. `null` is accepted where a
    /// sentence, an example of the same object or the service's examples as a whole allow it;
    /// a warning where another place of the docs reads the value so.
    public static let responseBodyType = RuleID("response.body.type", .error, .validator, "A response value has another JSON type than documented.")

    /// A response value outside the documented set of values (a state table's values included).
    public static let responseBodyEnum = RuleID("response.body.enum", .error, .validator, "A response value is outside the documented values.")

    /// A response number, string length or item count outside the documented bounds.
    public static let responseBodyRange = RuleID("response.body.range", .error, .validator, "A response number, length or item count is outside the documented bounds.")

    /// A field the response table marks required is absent.
    public static let responseBodyMissingField = RuleID("response.body.missing-field", .error, .validator, "A field the table marks required is absent from the response.")

    /// A response field the docs do not mention: a warning, an error with `--strict`.
    public static let responseBodyUnknownField = RuleID("response.body.unknown-field", .warning, .validator, "A response field the docs do not mention (an error with --strict).")

    /// An error response whose body is none of the documented error envelopes.
    public static let responseErrorEnvelope = RuleID("response.error.envelope", .error, .validator, "An error body that is not of a documented error shape.")

    /// An error code the error-code table does not list. Information for API-gateway codes
    /// (`APIGW.*`), which the gateway's own table documents (EVS A.1); a warning citing both
    /// places when the operation's own error example gives the code (EVS 6.1.6: `EVS.2203`).
    public static let responseErrorCodeUndocumented = RuleID("response.error.code-undocumented", .error, .validator, "An error code the error-code table does not list (info for APIGW.*; a warning when the operation's example gives it).")

    /// A documented error code returned with another HTTP status than its table row gives.
    public static let responseErrorStatusMismatch = RuleID("response.error.status-mismatch", .error, .validator, "A documented error code returned with another HTTP status than its row.")

    /// The traffic used an operation the docs mark deprecated (废弃) where no current one fits.
    public static let operationDeprecated = RuleID("operation.deprecated", .warning, .validator, "The traffic used an operation the docs mark as deprecated.")
}
