/// A rule about a request or response body that the tables cannot carry: which fields
/// exclude each other, which become required or forbidden depending on another field's
/// value, how many items a list may hold.
///
/// Rules are data, written by hand in `ConformanceSpecs/Rules/` with the sentence they
/// encode; the validator applies them after the schema checks and reports
/// `request.body.constraint`.
public struct BodyRule: Sendable, Hashable {
    /// What a rule requires. Field paths are dotted from the body root (`volume.imageRef`).
    public enum Requirement: Sendable, Hashable {
        /// At most one of these fields may be present.
        case atMostOne([String])
        /// `field` must be present when `condition` holds.
        case requiredWhen(field: String, condition: Condition)
        /// `field` must be absent when `condition` holds.
        case forbiddenWhen(field: String, condition: Condition)
        /// The array at `field` may hold at most `limit` items.
        case maxItems(field: String, limit: Int)
    }

    /// A test on one field's value.
    public struct Condition: Sendable, Hashable, CustomStringConvertible {
        public var field: String
        /// The field's value, as text, is one of these (compared case-sensitively).
        public var isOneOf: [String]
        /// `true` to negate: the condition holds when the value is *not* one of `isOneOf`
        /// (an absent field is then included).
        public var negated: Bool

        public init(field: String, isOneOf: [String], negated: Bool = false) {
            self.field = field
            self.isOneOf = isOneOf
            self.negated = negated
        }

        public var description: String {
            let values = isOneOf.joined(separator: ", ")
            return negated ? "\(field) is not one of [\(values)]" : "\(field) is one of [\(values)]"
        }
    }

    /// Where a rule applies.
    public enum Target: String, Sendable, Hashable {
        case request, response
    }

    /// A stable name, e.g. `evs.create-volume.single-source`.
    public var id: String
    public var service: String
    /// The ids of the operations it applies to.
    public var operations: [String]
    public var target: Target
    public var requirement: Requirement
    public var citation: Citation

    public init(id: String, service: String, operations: [String], target: Target = .request, requirement: Requirement, citation: Citation) {
        self.id = id
        self.service = service
        self.operations = operations
        self.target = target
        self.requirement = requirement
        self.citation = citation
    }
}
