import ConformanceModel

/// One place where the vendor's documentation contradicts itself, found by `DocLint`.
public struct LintFinding: Codable, Sendable, Hashable {
    /// The service id.
    public var service: String
    /// A lint rule of the catalog (`Rule.emitted(by: .lint)`).
    public var rule: RuleID
    public var level: Severity
    /// The operation the finding is about, if any.
    public var operation: String?
    public var message: String
    /// The document (file name under `specs/<service>/docs/`), section, title and line.
    public var source: DocReference

    public init(service: String, rule: RuleID, level: Severity? = nil, operation: String? = nil, message: String, source: DocReference) {
        self.service = service
        self.rule = rule
        self.level = level ?? rule.severity
        self.operation = operation
        self.message = message
        self.source = source
    }

    /// The document path relative to the project root: `specs/<service>/docs/<document>`.
    public var documentPath: String { "specs/\(service)/docs/\(source.document)" }
}
