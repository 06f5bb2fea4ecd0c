import ConformanceModel

/// How a `request.body.constraint` finding names the ``BodyRule`` it reports, and how the rule
/// is read back from it (the mock and `verify` choose the documented error code by the rule).
extension BodyRule {
    /// The finding message's tail that names the rule: ` (rule evs.create-volume.single-source: “…”)`.
    func reportTail() -> String { " (rule \(id): “\(citation.sentence)”)" }

    /// The rule among `rules` that `finding` reports, nil for a finding of another kind.
    public static func reported(by finding: Finding, among rules: [BodyRule]) -> BodyRule? {
        guard finding.rule == Rule.requestBodyConstraint else { return nil }
        return rules.first { finding.message.hasSuffix($0.reportTail()) }
    }

    /// The value the request gave the condition's field, as the finding states it
    /// (`volume.volume_type = SATA, volume.iops given` → `SATA`); nil when the rule has no
    /// condition or the field was absent.
    public func conditionValue(in finding: Finding) -> String? {
        let condition: Condition
        switch requirement {
        case .requiredWhen(_, let test), .forbiddenWhen(_, let test): condition = test
        case .atMostOne, .maxItems: return nil
        }
        guard let actual = finding.actual, actual.hasPrefix(condition.field + " = ") else { return nil }
        let value = actual.dropFirst(condition.field.count + 3).prefix { $0 != "," }
        return value.isEmpty || value == "absent" ? nil : String(value)
    }
}
