import ConformanceModel

/// A problem the body scanner found, before it becomes a request or response `Finding`.
public struct BodyIssue: Sendable, Hashable {
    /// The kinds of body problems; each maps to a `request.body.*` or `response.body.*` rule.
    public enum Kind: String, Sendable, Hashable {
        case malformed, type, `enum`, range, missingField = "missing-field", unknownField = "unknown-field"
        /// `null` for an optional field whose type does not allow null (see `Rule.requestBodyNullOptional`).
        case nullOptional = "null-optional"

        /// Whether the issue is about a value itself (its type, its enumeration, its bounds),
        /// not about which fields an object has.
        var isAboutTheValue: Bool {
            self == .type || self == .enum || self == .range
        }

        /// Which issue leads when several become one warning: a wrong type before a missing
        /// field, a value outside the enumeration, the bounds, an unknown field.
        var weight: Int {
            switch self {
            case .malformed: 6
            case .type: 5
            case .missingField: 4
            case .enum: 3
            case .range: 2
            case .unknownField: 1
            case .nullOptional: 0
            }
        }
    }

    public var kind: Kind
    /// RFC 6901 pointer into the body.
    public var pointer: String
    public var message: String
    public var expected: String?
    public var actual: String?
    public var source: DocReference?
    /// `true` when the docs read the value differently in two places and the value follows one
    /// of them: reported as a warning citing `sources` (DESIGN.md's severity policy).
    public var disputed = false
    /// Every place the issue cites, `source` first; empty for an issue with `source` alone.
    public var sources: [DocReference] = []

    /// The rule for a request or a response body.
    public func rule(inRequest: Bool) -> RuleID {
        switch (kind, inRequest) {
        case (.malformed, true): Rule.requestBodyMalformed
        case (.malformed, false): Rule.responseBodyMalformed
        case (.type, true): Rule.requestBodyType
        case (.type, false): Rule.responseBodyType
        case (.enum, true): Rule.requestBodyEnum
        case (.enum, false): Rule.responseBodyEnum
        case (.range, true): Rule.requestBodyRange
        case (.range, false): Rule.responseBodyRange
        case (.missingField, true): Rule.requestBodyMissingField
        case (.missingField, false): Rule.responseBodyMissingField
        case (.unknownField, true): Rule.requestBodyUnknownField
        case (.unknownField, false): Rule.responseBodyUnknownField
        case (.nullOptional, true): Rule.requestBodyNullOptional
        case (.nullOptional, false): Rule.responseBodyType
        }
    }
}
