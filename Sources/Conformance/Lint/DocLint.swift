import ConformanceModel

/// `conformance lint`: the vendor's documentation checked against itself.
///
/// Works from the compiled specs (`Specs.all`, or any `ServiceSpec`) and the extraction
/// diagnostics they carry; reads no file. The caller may pass the documents' text (file name
/// → contents) so that findings inside an example point at the offending key's own line. Findings are sorted by document, line and rule so
/// that reports are stable.
public enum DocLint {
    /// Every lint finding for one service.
    public static func run(_ spec: ServiceSpec, documents: [String: String] = [:]) -> [LintFinding] {
        let lines = documents.mapValues { $0.split(separator: "\n", omittingEmptySubsequences: false) }
        let findings = ExampleLint.findings(spec, documents: lines) + DiagnosticLint.findings(spec) + TableLint.findings(spec)
        return findings.sorted { a, b in
            if a.source.document != b.source.document { return a.source.document < b.source.document }
            if (a.source.line ?? 0) != (b.source.line ?? 0) { return (a.source.line ?? 0) < (b.source.line ?? 0) }
            if a.rule != b.rule { return a.rule < b.rule }
            return a.message < b.message
        }
    }
}
