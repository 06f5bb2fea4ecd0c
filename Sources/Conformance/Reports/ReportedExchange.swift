import ConformanceModel

/// One exchange as the reports show it: where it came from, what it asked (secrets redacted),
/// which operation it matched, and its findings (texts scrubbed of secrets).
public struct ReportedExchange: Sendable, Hashable {
    /// The 0-based entry index in its input (for JSONL, the 0-based line number).
    public var index: Int
    public var file: String?
    public var method: String
    /// The URL with secret query values replaced.
    public var url: String
    public var service: String?
    public var operation: String?
    public var status: Int?
    public var findings: [Finding]
    /// The number of error findings (kept even when findings are not listed).
    public var errors: Int
    /// A `curl` replay, kept for failing exchanges.
    public var curl: String?

    /// The path and query of `url`, without scheme and host.
    public var target: String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return "/" }
        return String(rest[slash...])
    }

    /// `true` when the exchange has no error finding.
    public var passed: Bool { errors == 0 }

    /// `GET /v1/p/jobs/j ShowJob`: the test name reports use.
    public var title: String {
        "\(method) \(target)" + (operation.map { " \($0)" } ?? "")
    }
}
