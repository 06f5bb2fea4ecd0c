import ConformanceModel

/// Turns the extraction diagnostics that are about the documentation itself (not about the
/// reader) into lint findings, with the lint's own stable rule ids.
///
/// The extraction already notices these while reading (DESIGN.md: readers never guess
/// silently); lint reports them in a user-facing way. Diagnostics about examples are not
/// mapped: `ExampleLint` checks every example itself.
enum DiagnosticLint {
    /// Extraction diagnostic code → lint rule id.
    static let mapping: [String: RuleID] = [
        "table.caption-without-table": Rule.tableMissing,
        "type.unresolved": Rule.typeNoTable,
        "document.conflict": Rule.documentConflict,
        "status.unlisted": Rule.statusSummaryMismatch,
        "example.unclosed": Rule.exampleInvalidJSON,
    ]

    static func findings(_ spec: ServiceSpec) -> [LintFinding] {
        spec.diagnostics.compactMap { diagnostic in
            guard let rule = mapping[diagnostic.code] else { return nil }
            let operation = spec.operations.first { $0.source.document == diagnostic.source.document && $0.source.section != nil && $0.source.section == diagnostic.source.section }?.id
            return LintFinding(service: spec.service, rule: rule, operation: operation, message: diagnostic.message, source: diagnostic.source)
        }
    }
}
