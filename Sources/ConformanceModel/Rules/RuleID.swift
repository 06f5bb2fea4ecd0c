/// A stable rule id the tool can emit, with what it finds, how much it matters by default and
/// which part of the tool emits it.
///
/// Every id lives in one catalog (`Rule`, in `Rule+*.swift`): the validator's, the state
/// tracker's and the doc lint's. Ids are created only there (the initializer is internal to
/// this module), and findings take a `RuleID`, not text, so that no code path can emit an id
/// the catalog does not hold. DESIGN.md: ids are stable; add more, never rename.
///
/// Two ids are the same rule when their `id` text is equal. A `RuleID` encodes as its text, so
/// reports keep the plain `"rule": "request.body.type"`.
public struct RuleID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The part of the tool that emits a rule.
    public enum Emitter: String, Codable, Sendable, Hashable, CaseIterable {
        /// `Validator` (`Conformance/Validation`, `Conformance/Body`): routes, parameters, bodies, error bodies.
        case validator
        /// `StateTracker` (`Conformance/State`): resource life cycles and relations across exchanges.
        case state
        /// `DocLint` (`Conformance/Lint`): the documentation against itself.
        case lint
        /// The spec diff (`conformance diff`): changes between two versions of the docs.
        case diff
        /// The live verify runner (`ConformanceServer/Verify`).
        case verify

        /// The module and folder the emitter lives in, as `conformance rules` prints it.
        public var module: String {
            switch self {
            case .validator: "Conformance/Validation"
            case .state: "Conformance/State"
            case .lint: "Conformance/Lint"
            case .diff: "SpecDiff"
            case .verify: "ConformanceServer/Verify"
            }
        }
    }

    /// The stable id, e.g. `request.body.type`.
    public let id: String
    /// What the rule finds, in one line.
    public let summary: String
    /// The severity its findings get unless the rule's doc comment says when another applies.
    public let severity: Severity
    public let emitter: Emitter

    init(_ id: String, _ severity: Severity, _ emitter: Emitter, _ summary: String) {
        self.id = id
        self.summary = summary
        self.severity = severity
        self.emitter = emitter
    }

    public var description: String { id }

    public static func == (lhs: RuleID, rhs: RuleID) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    public static func < (lhs: RuleID, rhs: RuleID) -> Bool { lhs.id < rhs.id }

    /// Compares with an id as text (`finding.rule == "request.body.type"`).
    public static func == (lhs: RuleID, rhs: String) -> Bool { lhs.id == rhs }
    public static func == (lhs: String, rhs: RuleID) -> Bool { lhs == rhs.id }
    public static func != (lhs: RuleID, rhs: String) -> Bool { lhs.id != rhs }
}

extension RuleID: Codable {
    /// Only catalogued ids decode: a report that names another id was not written by this tool's version.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let rule = Rule.named(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a rule id of the catalog (`conformance rules` lists them)"))
        }
        self = rule
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}
