import ConformanceModel

/// Prints lint findings as text, JSON or SARIF 2.1.0.
///
/// - text: one line per finding, `specs/<service>/docs/<document>:<line>: <level>: <message> [rule] (§section title)`,
///   then a count per rule;
/// - json: `{"summary": {"total", "byRule", "byService"}, "findings": [...]}` in canonical form;
/// - sarif: see `LintSARIF`.
public enum LintReport {
    public static func text(_ findings: [LintFinding]) -> String {
        var lines = findings.map { finding in
            var line = "\(finding.documentPath):\(finding.source.line ?? 1): \(finding.level.rawValue): \(finding.message) [\(finding.rule)]"
            if let section = finding.source.section { line += " (§\(section)\(finding.source.title.map { " " + $0 } ?? ""))" }
            return line
        }
        let counts = Dictionary(grouping: findings, by: \.rule.id).mapValues(\.count)
        lines.append("")
        lines.append("\(findings.count) finding(s)" + (counts.isEmpty ? "" : ": " + counts.keys.sorted().map { "\($0) \(counts[$0]!)" }.joined(separator: ", ")))
        return lines.joined(separator: "\n") + "\n"
    }

    public static func json(_ findings: [LintFinding]) -> String {
        var byRule: [String: JSONValue] = [:]
        var byService: [String: JSONValue] = [:]
        for (rule, group) in Dictionary(grouping: findings, by: \.rule.id) { byRule[rule] = .integer(group.count) }
        for (service, group) in Dictionary(grouping: findings, by: \.service) { byService[service] = .integer(group.count) }
        let list: [JSONValue] = findings.map { finding in
            var source: [String: JSONValue] = ["document": .string(finding.documentPath)]
            source["line"] = finding.source.line.map(JSONValue.integer) ?? .null
            source["section"] = finding.source.section.map(JSONValue.string) ?? .null
            source["title"] = finding.source.title.map(JSONValue.string) ?? .null
            source["table"] = finding.source.table.map(JSONValue.string) ?? .null
            return .object([
                "service": .string(finding.service),
                "rule": .string(finding.rule.id),
                "level": .string(finding.level.rawValue),
                "operation": finding.operation.map(JSONValue.string) ?? .null,
                "message": .string(finding.message),
                "source": .object(source),
            ])
        }
        let report: JSONValue = .object([
            "summary": .object(["total": .integer(findings.count), "byRule": .object(byRule), "byService": .object(byService)]),
            "findings": .array(list),
        ])
        return report.canonicalText + "\n"
    }
}
