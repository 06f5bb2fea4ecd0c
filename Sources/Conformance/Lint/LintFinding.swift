import ConformanceModel

/// One place where the vendor's documentation contradicts itself, found by `DocLint`.
public struct LintFinding: Codable, Sendable, Hashable {
    /// The service id.
    public var service: String
    /// A stable `LintRule` id.
    public var rule: String
    public var level: LintRule.Level
    /// The operation the finding is about, if any.
    public var operation: String?
    public var message: String
    /// The document (file name under `specs/<service>/docs/`), section, title and line.
    public var source: DocReference

    public init(service: String, rule: String, level: LintRule.Level? = nil, operation: String? = nil, message: String, source: DocReference) {
        self.service = service
        self.rule = rule
        self.level = level ?? LintRule.rule(rule)?.level ?? .warning
        self.operation = operation
        self.message = message
        self.source = source
    }

    /// The document path relative to the project root: `specs/<service>/docs/<document>`.
    public var documentPath: String { "specs/\(service)/docs/\(source.document)" }
}
