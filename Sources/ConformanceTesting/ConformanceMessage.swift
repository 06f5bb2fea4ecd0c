import Conformance
import ConformanceModel

/// How the test helpers word a finding: rule, operation, pointer, message, expected and actual,
/// and the doc section, on one line, with secrets never quoted (findings come from the validator
/// and are scrubbed against the exchange's credentials by the caller).
enum ConformanceMessage {
    static func describe(_ finding: Finding) -> String {
        var text = "\(finding.rule)"
        if let operation = finding.operation { text += " [\(operation)]" }
        if !finding.pointer.isEmpty { text += " \(finding.pointer)" }
        text += ": \(finding.message)"
        if let expected = finding.expected { text += "; expected \(expected)" }
        if let actual = finding.actual { text += ", actual \(actual)" }
        if let source = finding.source { text += " (\(source))" }
        return text
    }

    /// The error findings of `result`, scrubbed of the secrets of `exchange`.
    static func errors(of result: ExchangeResult, exchange: Exchange) -> [String] {
        let redaction = Redaction(exchange: exchange)
        return result.findings.filter { $0.severity == .error }.map { describe(redaction.scrub($0)) }
    }
}
