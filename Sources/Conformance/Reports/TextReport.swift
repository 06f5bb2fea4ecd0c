import ConformanceModel

/// The human-readable report: findings grouped by exchange, a `curl` replay under each failing
/// exchange, unreadable entries, and a summary line.
///
/// ```
/// traffic.har #2  POST /v2/p/volumes/v/action → huawei-evs ExtendVolumeV2 · 202
///   error  request.body.type  /os-extend/new_size: … (expected integer, actual string) [002_….txt:14663 §8.2.1.21 …]
///   replay: curl -X 'POST' …
/// 3 exchanges: 1 error, 0 warnings, 0 infos, 1 unmatched, 0 unreadable
/// ```
/// Colour (ANSI) only when the caller says so: standard output is a terminal and `NO_COLOR` is unset.
public struct TextReport {
    public var colored: Bool

    public init(colored: Bool = false) {
        self.colored = colored
    }

    /// Whether a report printed to standard output should be coloured: it is a terminal and
    /// `NO_COLOR` (https://no-color.org) is not set.
    public static func wantsColor(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    public func render(_ report: ValidationReport) -> String {
        var out = ""
        for exchange in report.exchanges where !exchange.findings.isEmpty {
            out += header(exchange) + "\n"
            for finding in exchange.findings {
                out += "  " + line(finding) + "\n"
            }
            if let curl = exchange.curl {
                out += "  " + paint("replay:", .dim) + " " + curl + "\n"
            }
        }
        for error in report.unreadable {
            out += paint("unreadable", .red) + " " + error.description + "\n"
        }
        if report.summary.unreadable > report.unreadable.count {
            out += "… and \(report.summary.unreadable - report.unreadable.count) more unreadable entries\n"
        }
        out += summaryLine(report.summary) + "\n"
        return out
    }

    func header(_ exchange: ReportedExchange) -> String {
        var text = paint("\(exchange.file.map { $0 == "-" ? "<stdin>" : $0 } ?? "") #\(exchange.index)", .bold)
        text += "  \(Self.printable(exchange.method)) \(Self.printable(exchange.target))"
        if let operation = exchange.operation {
            text += " → \(exchange.service.map { $0 + " " } ?? "")\(operation)"
        } else {
            text += " → " + paint("no documented route", .yellow)
        }
        text += " · " + (exchange.status.map(String.init) ?? "no response")
        return text
    }

    func line(_ finding: Finding) -> String {
        let severity: String
        switch finding.severity {
        case .error: severity = paint("error  ", .red)
        case .warning: severity = paint("warning", .yellow)
        case .info: severity = paint("info   ", .cyan)
        }
        var text = "\(severity) \(finding.rule)  "
        if !finding.pointer.isEmpty { text += Self.printable(finding.pointer) + ": " }
        text += Self.printable(finding.message)
        var detail: [String] = []
        if let expected = finding.expected { detail.append("expected \(Self.printable(expected))") }
        if let actual = finding.actual { detail.append("actual \(Self.printable(actual))") }
        if !detail.isEmpty { text += " (" + detail.joined(separator: ", ") + ")" }
        // Every place cited: two where the docs disagree (the severity policy's warnings).
        let places = finding.sources.isEmpty ? finding.source.map { [$0] } ?? [] : finding.sources
        if !places.isEmpty { text += " " + paint("[" + places.map(\.description).joined(separator: "; ") + "]", .dim) }
        return text
    }

    func summaryLine(_ summary: ValidationReport.Summary) -> String {
        func count(_ number: Int, _ word: String) -> String { "\(number) \(word)\(number == 1 ? "" : "s")" }
        var text = "\(count(summary.exchanges, "exchange")): \(count(summary.errors, "error")), \(count(summary.warnings, "warning")), \(count(summary.infos, "info")), \(summary.unmatched) unmatched, \(summary.unreadable) unreadable"
        if summary.unlisted > 0 { text += " (\(summary.unlisted) findings of passing exchanges not listed)" }
        let paintStyle: Style = summary.errors > 0 || summary.unreadable > 0 ? .red : .green
        return paint(text, paintStyle)
    }

    enum Style: String {
        case red = "31", yellow = "33", cyan = "36", green = "32", bold = "1", dim = "2"
    }

    func paint(_ text: String, _ style: Style) -> String {
        colored ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// One line of text: control characters (from recorded input) shown as `\u{..}` so that
    /// they cannot break the layout or drive the terminal.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
