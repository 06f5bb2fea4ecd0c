import ConformanceModel

/// The outcome of a validation run, accumulated exchange by exchange with bounded memory, and
/// rendered by `TextReport`, `JSONReport` and `JUnitReport`.
///
/// Every finding is counted. Findings are listed (kept) for every failing exchange (one with an
/// error finding); for passing exchanges, warnings and infos are listed up to `passingListLimit`
/// and only counted beyond it (`Summary.unlisted`), so that a long passing run does not grow
/// without bound. With `keepsEveryExchange` (JUnit: one test case per exchange) a small record
/// of every exchange is kept as well.
public struct ValidationReport: Sendable {
    /// The counts of a run; encoded as the `summary` object of the JSON report.
    public struct Summary: Codable, Sendable, Hashable {
        public var exchanges = 0
        public var passed = 0
        public var failed = 0
        public var errors = 0
        public var warnings = 0
        public var infos = 0
        /// Exchanges no documented route matched.
        public var unmatched = 0
        /// Entries or lines that could not be read.
        public var unreadable = 0
        /// Findings counted but not listed (warnings and infos of passing exchanges past the limit).
        public var unlisted = 0
        /// Findings per rule id.
        public var rules: [String: Int] = [:]

        public init() {}
    }

    public private(set) var summary = Summary()
    /// Exchanges in input order: those with listed findings, or all with `keepsEveryExchange`.
    public private(set) var exchanges: [ReportedExchange] = []
    /// Entries that could not be read, in input order (the first `unreadableListLimit`).
    public private(set) var unreadable: [TrafficReadError] = []
    /// The inputs in the order they were read.
    public private(set) var files: [String] = []
    public let keepsEveryExchange: Bool
    public let passingListLimit: Int
    public let unreadableListLimit = 1000
    private var listedOfPassing = 0

    public init(keepsEveryExchange: Bool = false, passingListLimit: Int = 1000) {
        self.keepsEveryExchange = keepsEveryExchange
        self.passingListLimit = passingListLimit
    }

    /// Notes that reading `file` starts (JUnit writes a test suite per input, even an empty one).
    public mutating func begin(file: String) {
        if !files.contains(file) { files.append(file) }
    }

    /// Counts an exchange and keeps what the reports need of it.
    public mutating func add(_ exchange: Exchange, service: String?, operation: String?, findings: [Finding]) {
        if let file = exchange.file { begin(file: file) }
        summary.exchanges += 1
        if operation == nil { summary.unmatched += 1 }
        var errors = 0
        for finding in findings {
            summary.rules[finding.rule.id, default: 0] += 1
            switch finding.severity {
            case .error: summary.errors += 1; errors += 1
            case .warning: summary.warnings += 1
            case .info: summary.infos += 1
            }
        }
        if errors > 0 { summary.failed += 1 } else { summary.passed += 1 }

        var listed = findings
        if errors == 0 && !findings.isEmpty {
            let room = max(0, passingListLimit - listedOfPassing)
            if findings.count > room {
                summary.unlisted += findings.count - room
                listed = Array(findings.prefix(room))
            }
            listedOfPassing += listed.count
        }
        guard !listed.isEmpty || keepsEveryExchange else { return }
        let redaction = Redaction(exchange: exchange)
        exchanges.append(ReportedExchange(
            index: exchange.index,
            file: exchange.file,
            method: exchange.request.method,
            url: Redaction.url(exchange.request.url),
            service: service,
            operation: operation,
            status: exchange.response?.status,
            findings: listed.map(redaction.scrub),
            errors: errors,
            curl: errors > 0 ? CurlCommand.command(for: exchange.request, redaction: redaction) : nil
        ))
    }

    /// Counts an entry that could not be read.
    public mutating func addUnreadable(_ error: TrafficReadError) {
        begin(file: error.file)
        summary.unreadable += 1
        if unreadable.count < unreadableListLimit { unreadable.append(error) }
    }

    /// Every listed finding, in input order.
    public var findings: [Finding] { exchanges.flatMap(\.findings) }
}
