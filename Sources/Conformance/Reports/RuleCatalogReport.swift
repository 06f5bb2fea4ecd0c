import ConformanceModel

/// The rule catalog (`Rule.all`) as `conformance rules` prints it: a text table, canonical
/// JSON, or the Markdown table the README carries (a test holds the README to it).
public enum RuleCatalogReport {
    /// One line per rule: id, default severity, emitter, summary; aligned columns.
    public static func text(_ rules: [RuleID] = Rule.all) -> String {
        let idWidth = rules.map(\.id.count).max() ?? 0
        let severityWidth = Severity.allCases.map(\.rawValue.count).max() ?? 0
        let emitterWidth = RuleID.Emitter.allCases.map(\.rawValue.count).max() ?? 0
        var lines = rules.map { rule in
            pad(rule.id, idWidth) + "  " + pad(rule.severity.rawValue, severityWidth) + "  " + pad(rule.emitter.rawValue, emitterWidth) + "  " + rule.summary
        }
        lines.append("")
        lines.append("\(rules.count) rules: " + RuleID.Emitter.allCases.compactMap { emitter in
            let count = rules.count { $0.emitter == emitter }
            return count == 0 ? nil : "\(count) \(emitter.rawValue)"
        }.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"rules": [{"id", "severity", "emitter", "module", "summary"}]}`, canonical.
    public static func json(_ rules: [RuleID] = Rule.all) -> String {
        let list: [JSONValue] = rules.map { rule in
            .object([
                "id": .string(rule.id),
                "severity": .string(rule.severity.rawValue),
                "emitter": .string(rule.emitter.rawValue),
                "module": .string(rule.emitter.module),
                "summary": .string(rule.summary),
            ])
        }
        return JSONValue.object(["rules": .array(list)]).canonicalText + "\n"
    }

    /// A Markdown table: `| rule | severity | emitted by | meaning |`.
    public static func markdown(_ rules: [RuleID] = Rule.all) -> String {
        var lines = ["| rule | default severity | emitted by | meaning |", "|---|---|---|---|"]
        for rule in rules {
            lines.append("| `\(rule.id)` | \(rule.severity.rawValue) | \(rule.emitter.rawValue) (`\(rule.emitter.module)`) | \(rule.summary.replacingOccurrences(of: "|", with: "\\|")) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
