/// A doc-lint rule: a stable id (never renamed, like the validator's rule ids), what it
/// finds, and how much it matters by default.
public struct LintRule: Sendable, Hashable {
    /// How a rule's findings are reported; the names are SARIF 2.1.0 `level` values.
    public enum Level: String, Codable, Sendable, Hashable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
    }

    public var id: String
    public var summary: String
    public var level: Level

    /// Every lint rule, in report order.
    public static let all: [LintRule] = [
        LintRule(id: "example.invalid-json", summary: "A doc example is not valid JSON.", level: .error),
        LintRule(id: "example.missing-field", summary: "A doc example leaves out a field its table marks required.", level: .error),
        LintRule(id: "example.unknown-field", summary: "A doc example has a field its table does not document.", level: .warning),
        LintRule(id: "example.misspelled-key", summary: "A doc example's key is a near-miss (small edit distance) of a documented key it does not equal.", level: .error),
        LintRule(id: "example.type", summary: "A doc example's value has another JSON type than its table documents.", level: .error),
        LintRule(id: "example.enum", summary: "A doc example's value is outside the table's documented values.", level: .warning),
        LintRule(id: "example.range", summary: "A doc example's value is outside the table's documented bounds.", level: .warning),
        LintRule(id: "example.status", summary: "A doc response example is given under a status its operation does not document.", level: .warning),
        LintRule(id: "table.missing", summary: "A caption or description references a table that does not exist.", level: .warning),
        LintRule(id: "type.no-table", summary: "An object type has no table that describes its fields.", level: .warning),
        LintRule(id: "document.conflict", summary: "Two documents describe the same operation differently.", level: .error),
        LintRule(id: "error-code.status-conflict", summary: "An error code is listed twice with different HTTP statuses.", level: .error),
        LintRule(id: "status.summary-mismatch", summary: "An operation's status-code summary disagrees with its response sections.", level: .warning),
    ]

    /// The rule with `id`.
    public static func rule(_ id: String) -> LintRule? {
        all.first { $0.id == id }
    }
}
