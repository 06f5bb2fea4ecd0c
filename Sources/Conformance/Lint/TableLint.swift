import ConformanceModel

/// Checks between the spec's own tables: error codes listed with two statuses, and status
/// summaries that disagree with the response sections.
///
/// The extraction keeps an error code once per (code, status) pair (`ServiceExtractor`
/// merges messages of the same pair), so a code that appears with two statuses is two
/// `ErrorCode` values: the error-code table contradicts itself.
///
/// The PDF reader gives a response the summary table's words as its `description` (状态码
/// table: status | 描述) and adds statuses that only a response section names without one;
/// in an operation that has a summary, a response without a description is a status the
/// summary leaves out (`status.summary-mismatch`; the reader's own `status.unlisted`
/// diagnostic is mapped by `DiagnosticLint`).
enum TableLint {
    static func findings(_ spec: ServiceSpec) -> [LintFinding] {
        var findings: [LintFinding] = []
        var seen: [String: ErrorCode] = [:]
        for code in spec.errorCodes {
            if let first = seen[code.code] {
                if first.status != code.status {
                    let place = code.source ?? first.source ?? DocReference(document: spec.documents.first ?? "")
                    findings.append(LintFinding(service: spec.service, rule: Rule.errorCodeStatusConflict, message: "error code \(code.code) is listed with status \(first.status)\(first.source?.line.map { " (line \($0))" } ?? "") and again with status \(code.status)", source: place))
                }
            } else {
                seen[code.code] = code
            }
        }
        for operation in spec.operations where operation.responses.contains(where: { $0.description != nil }) {
            let unsummarized = operation.responses.filter { $0.description == nil }.map(\.status)
            guard !unsummarized.isEmpty else { continue }
            findings.append(LintFinding(service: spec.service, rule: Rule.statusSummaryMismatch, operation: operation.id, message: "\(operation.id): the status summary lists \(operation.responses.filter { $0.description != nil }.map { String($0.status) }.joined(separator: ", ")) but the response sections also document \(unsummarized.map(String.init).joined(separator: ", "))", source: operation.source))
        }
        return findings
    }
}
