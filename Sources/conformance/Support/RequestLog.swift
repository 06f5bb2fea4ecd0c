import Conformance
import ConformanceModel
import Foundation

/// One line per exchange on standard error, for the mock's console: time, method, path (no
/// query: it may carry secrets), status, the operation it routed to and the findings the
/// validator has for the exchange.
///
/// `14:03:07 POST /v2/0a6f…/cloudvolumes 202 CreateVolume 0 findings`
struct RequestLog: Sendable {
    let validator: Validator

    func write(_ exchange: Exchange) {
        Console.progress(line(exchange, at: Date()))
    }

    func line(_ exchange: Exchange, at date: Date) -> String {
        let result = validator.validate(exchange)
        let target = RequestTarget(url: exchange.request.url)
        let status = exchange.response.map { String($0.status) } ?? "-"
        let count = result.findings.count
        let errors = result.findings.filter { $0.severity == .error }.count
        let findings = count == 0 ? "0 findings" : "\(count) finding\(count == 1 ? "" : "s") (\(errors) error\(errors == 1 ? "" : "s"))"
        return "\(Self.time(date)) \(exchange.request.method) \(target.path) \(status) \(result.operationID ?? "unmatched") \(findings)"
    }

    /// `HH:mm:ss` in UTC.
    static func time(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970) % 86_400
        return String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
    }
}
