import ConformanceModel

extension DiffReport {
    public static let sarifSchemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    /// The changes as a SARIF 2.1.0 log, so that code-scanning tools show them on the doc files.
    ///
    /// One run; `tool.driver.rules` is the whole catalog (`ChangeCheck.all`: `id`,
    /// `shortDescription`, `fullDescription` from the detail, `defaultConfiguration.level`).
    /// Levels map breaking → `error`, warning → `warning`, info → `note`. Each result's location
    /// is the NEW side's place (the document path and line; line 1 when unknown, as SARIF wants
    /// a positive line), and its `relatedLocations` hold the OLD side's place, so that both
    /// sides are cited.
    public var sarif: String {
        let rules = ChangeCheck.all
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let driver: JSONValue = .object([
            "name": "conformance-diff",
            "version": .string(ToolInfo.version),
            "semanticVersion": .string(ToolInfo.version),
            "rules": .array(rules.map { rule in
                .object([
                    "id": .string(rule.id),
                    "shortDescription": .object(["text": .string(rule.summary)]),
                    "fullDescription": .object(["text": .string(rule.detail)]),
                    "defaultConfiguration": .object(["level": .string(Self.sarifLevel(rule.level))]),
                ])
            }),
        ])
        let results: [JSONValue] = changes.map { change in
            var result: [String: JSONValue] = [
                "ruleId": .string(change.id),
                "level": .string(Self.sarifLevel(change.level)),
                "message": .object(["text": .string((change.operation.map { "\($0): " } ?? "") + change.message)]),
                "locations": .array([location(change.newSource, on: new)]),
            ]
            var related = location(change.oldSource, on: old)
            if case .object(var members) = related {
                members["id"] = .integer(1)
                members["message"] = .object(["text": .string("OLD (\(old.label)): " + citation(change.oldSource, on: old))])
                related = .object(members)
            }
            result["relatedLocations"] = .array([related])
            if let index = ruleIndex[change.id] { result["ruleIndex"] = .integer(index) }
            var properties: [String: JSONValue] = ["location": .string(change.location.rawValue), "pointer": .string(change.pointer)]
            if let operation = change.operation { properties["operation"] = .string(operation) }
            if let status = change.status { properties["status"] = .integer(status) }
            result["properties"] = .object(properties)
            return .object(result)
        }
        let log: JSONValue = .object([
            "$schema": .string(Self.sarifSchemaURI),
            "version": "2.1.0",
            "runs": .array([.object(["tool": .object(["driver": driver]), "results": .array(results)])]),
        ])
        return log.canonicalText + "\n"
    }

    static func sarifLevel(_ level: ChangeCheck.Level) -> String {
        switch level {
        case .breaking: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    private func location(_ source: ChangeSource, on side: Side) -> JSONValue {
        let reference = source.reference ?? DocReference(document: side.label)
        return .object([
            "physicalLocation": .object([
                "artifactLocation": .object(["uri": .string(side.path(of: reference.document)), "uriBaseId": "%SRCROOT%"]),
                "region": .object(["startLine": .integer(max(reference.line ?? 1, 1))]),
            ]),
        ])
    }
}
