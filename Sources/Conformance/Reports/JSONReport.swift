import ConformanceModel

/// The JSON report, a public contract (DESIGN.md, "Findings"): one canonical JSON object
/// `{"findings": [...], "summary": {...}}`. Each finding carries every key (`null` included);
/// the summary holds the counts of `ValidationReport.Summary`.
public enum JSONReport {
    struct Document: Encodable {
        var summary: ValidationReport.Summary
        var findings: [Finding]
    }

    /// Canonical JSON text (sorted keys, two-space indent, trailing newline).
    public static func render(_ report: ValidationReport) throws -> String {
        try CanonicalJSON.text(Document(summary: report.summary, findings: report.findings))
    }
}
