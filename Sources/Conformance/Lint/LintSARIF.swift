import ConformanceModel

/// Lint findings as a SARIF 2.1.0 log, so that code-scanning tools show them on the doc files.
///
/// One run; `runs[0].tool.driver` names the tool and lists every lint rule of the catalog (`id`,
/// `shortDescription.text`, `defaultConfiguration.level`); each result has `ruleId`,
/// `ruleIndex`, `level` (`info` as SARIF's `note`), `message.text` and one location whose
/// `physicalLocation.artifactLocation.uri` is `specs/<service>/docs/<document>` (relative to
/// the repository root, `uriBaseId` `%SRCROOT%`) and `region.startLine` (1 when the line is
/// unknown: SARIF requires a positive line).
public enum LintSARIF {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    public static func log(_ findings: [LintFinding]) -> JSONValue {
        let rules = Rule.emitted(by: .lint)
        let driver: JSONValue = .object([
            "name": "conformance-lint",
            "version": .string(ToolInfo.version),
            "semanticVersion": .string(ToolInfo.version),
            "rules": .array(rules.map { rule in
                .object([
                    "id": .string(rule.id),
                    "shortDescription": .object(["text": .string(rule.summary)]),
                    "defaultConfiguration": .object(["level": .string(rule.severity.sarifLevel)]),
                ])
            }),
        ])
        let results: [JSONValue] = findings.map { finding in
            var result: [String: JSONValue] = [
                "ruleId": .string(finding.rule.id),
                "level": .string(finding.level.sarifLevel),
                "message": .object(["text": .string(finding.message)]),
                "locations": .array([.object([
                    "physicalLocation": .object([
                        "artifactLocation": .object(["uri": .string(finding.documentPath), "uriBaseId": "%SRCROOT%"]),
                        "region": .object(["startLine": .integer(max(finding.source.line ?? 1, 1))]),
                    ]),
                ])]),
            ]
            if let index = rules.firstIndex(where: { $0.id == finding.rule }) { result["ruleIndex"] = .integer(index) }
            var properties: [String: JSONValue] = ["service": .string(finding.service)]
            if let operation = finding.operation { properties["operation"] = .string(operation) }
            if let section = finding.source.section { properties["section"] = .string(section) }
            if let title = finding.source.title { properties["title"] = .string(title) }
            result["properties"] = .object(properties)
            return .object(result)
        }
        return .object([
            "$schema": .string(schemaURI),
            "version": "2.1.0",
            "runs": .array([.object(["tool": .object(["driver": driver]), "results": .array(results)])]),
        ])
    }
}
