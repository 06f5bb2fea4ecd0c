import ConformanceModel

/// Checks every doc example against its own operation's tables with the body scanner.
///
/// Issue 8 ("Doc lint"): examples that are not JSON (`example.invalid-json`), that leave
/// out required fields, use fields the table does not have, misspell a documented key, or
/// carry the wrong type. A request example is checked against the request body; a response
/// example against the body of its status (inside the service's response envelope, as the
/// validator does); a response example without a status under the status `GoldenNaming`
/// assumes. An example that is not JSON is reported, then read leniently (`LenientJSON`) so
/// that its other problems are found too. The line is the example's first line plus the line of the offending key inside
/// the example's text, when the key can be found there.
enum ExampleLint {
    static func findings(_ spec: ServiceSpec, documents: [String: [Substring]]) -> [LintFinding] {
        var findings: [LintFinding] = []
        for operation in spec.operations {
            for example in operation.examples {
                findings += check(example, operation: operation, spec: spec, lines: documents[example.source.document])
            }
        }
        return findings
    }

    static func check(_ example: Example, operation: Operation, spec: ServiceSpec, lines: [Substring]? = nil) -> [LintFinding] {
        func finding(_ rule: RuleID, _ message: String, key: String? = nil) -> LintFinding {
            LintFinding(service: spec.service, rule: rule, operation: operation.id, message: message, source: place(of: key, in: example, lines: lines))
        }
        let what = example.kind == .request ? "request example" : "response example\(example.status.map { " (\($0))" } ?? "")"
        var findings: [LintFinding] = []
        guard let value = example.value ?? LenientJSON.parse(example.text) else {
            return [finding(Rule.exampleInvalidJSON, "the \(what) of \(operation.id) is not valid JSON: \(example.problem ?? "unparsable")")]
        }
        if example.value == nil {
            // Reported, then checked further as read leniently (trailing commas dropped).
            findings.append(finding(Rule.exampleInvalidJSON, "the \(what) of \(operation.id) is not valid JSON: \(example.problem ?? "unparsable")"))
        }
        let schema: Schema?
        switch example.kind {
        case .request:
            schema = operation.requestBody
        case .response:
            let status = example.status ?? GoldenNaming.assumedStatus(for: value, operation: operation).status
            guard let response = operation.response(for: status) else {
                if example.status != nil {
                    findings.append(finding(Rule.exampleStatus, "the \(what) of \(operation.id) is given under status \(status), which the operation does not document (documented: \(operation.responses.map { String($0.status) }.joined(separator: ", ")))"))
                }
                return findings
            }
            if let envelope = spec.responseEnvelope {
                schema = CompiledOperation.enveloped(response.body, in: envelope)
            } else {
                schema = response.body
            }
        }
        guard let schema else { return findings }
        let documented = Self.names(in: schema)
        // Against the tables alone: the readings and the nulls only examples allow are what
        // lint reports, not what it forgives.
        let (issues, _) = BodyScanner.scan(Array(value.canonicalText.utf8), schema: CompiledSchema(schema.documentedByTables(), readings: false))
        for issue in issues {
            let key = issue.pointer.split(separator: "/").last.map(String.init)
            let at = issue.pointer.isEmpty ? "the top level" : issue.pointer
            switch issue.kind {
            case .malformed:
                findings.append(finding(Rule.exampleInvalidJSON, "the \(what) of \(operation.id) is not valid JSON: \(issue.message)"))
            case .missingField:
                findings.append(finding(Rule.exampleMissingField, "the \(what) of \(operation.id) leaves out \(at), which its table marks required"))
            case .unknownField:
                let name = issue.actual ?? key ?? ""
                if let intended = EditDistance.nearMiss(of: name, among: documented) {
                    findings.append(finding(Rule.exampleMisspelledKey, "the \(what) of \(operation.id) has '\(name)' at \(at) where the table documents '\(intended)'", key: name))
                } else {
                    findings.append(finding(Rule.exampleUnknownField, "the \(what) of \(operation.id) has '\(name)' at \(at), which its table does not document", key: name))
                }
            case .type, .nullOptional:
                findings.append(finding(Rule.exampleType, "the \(what) of \(operation.id) has \(issue.actual ?? "a value") at \(at) where the table documents \(issue.expected ?? "another type")", key: key))
            case .enum:
                findings.append(finding(Rule.exampleEnum, "the \(what) of \(operation.id): \(issue.message) at \(at)", key: key))
            case .range:
                findings.append(finding(Rule.exampleRange, "the \(what) of \(operation.id): \(issue.message) at \(at)", key: key))
            }
        }
        return findings
    }

    /// Every field name documented anywhere in `schema`, for near-miss matching.
    static func names(in schema: Schema, depth: Int = 0) -> [String] {
        guard depth < 24 else { return [] }
        var names = schema.properties.map(\.name)
        for property in schema.properties { names += Self.names(in: property.schema, depth: depth + 1) }
        if let items = schema.items { names += Self.names(in: items, depth: depth + 1) }
        if let values = schema.values { names += Self.names(in: values, depth: depth + 1) }
        return names
    }

    /// The example's place, moved to the line of `"key"` when the document's lines are at hand
    /// (readers point an example at its code fence or at its first line, so the key is looked
    /// for in the document from there, within the example's length).
    static func place(of key: String?, in example: Example, lines: [Substring]?) -> DocReference {
        guard let key, let start = example.source.line, let lines else { return example.source }
        let needle = "\"" + key + "\""
        let span = example.text.split(separator: "\n", omittingEmptySubsequences: false).count + 2
        var index = max(start - 1, 0)
        while index < min(lines.count, start - 1 + span) {
            if lines[index].contains(needle) { return example.source.line(index + 1) }
            index += 1
        }
        return example.source
    }
}
