import ConformanceModel

/// A problem the body scanner found, before it becomes a request or response `Finding`.
public struct BodyIssue: Sendable, Hashable {
    /// The kinds of body problems; each maps to a `request.body.*` or `response.body.*` rule.
    public enum Kind: String, Sendable, Hashable {
        case malformed, type, `enum`, range, missingField = "missing-field", unknownField = "unknown-field"
    }

    public var kind: Kind
    /// RFC 6901 pointer into the body.
    public var pointer: String
    public var message: String
    public var expected: String?
    public var actual: String?
    public var source: DocReference?

    /// The rule id for a request or a response body.
    public func rule(inRequest: Bool) -> String {
        (inRequest ? "request.body." : "response.body.") + kind.rawValue
    }
}
