import ConformanceModel
import Foundation

/// Renders `Coverage` as a text table or as canonical JSON.
public enum CoverageReport {
    /// `{"exchanges", "unmatched", "services": [{service, exchanges, operations, statusCodes, errorCodes}]}`;
    /// each dimension has `covered`, `total`, `percent` (`null` when nothing is documented) and `missing`.
    public static func json(_ coverage: Coverage) throws -> String {
        struct Document: Encodable {
            var exchanges: Int
            var unmatched: Int
            var services: [Coverage.ServiceCoverage]
        }
        return try CanonicalJSON.text(Document(exchanges: coverage.exchanges, unmatched: coverage.unmatched, services: coverage.services))
    }

    /// A table, one row per service, then the operations not exercised.
    ///
    /// ```
    /// service      exchanges  operations        status codes      error codes
    /// huawei-evs           3    2/122   1.6%      2/250   0.8%      1/158   0.6%
    /// ```
    public static func text(_ coverage: Coverage, listMissing: Bool = true) -> String {
        let services = coverage.services
        var rows = [["service", "exchanges", "operations", "status codes", "error codes"]]
        for service in services {
            rows.append([service.service, String(service.exchanges), cell(service.operations), cell(service.statusCodes), cell(service.errorCodes)])
        }
        var widths = Array(repeating: 0, count: 5)
        for row in rows { for (column, value) in row.enumerated() { widths[column] = max(widths[column], value.count) } }
        var out = ""
        for row in rows {
            let padded = row.enumerated().map { column, value in
                let padding = String(repeating: " ", count: widths[column] - value.count)
                return column == 0 ? value + padding : padding + value
            }
            out += padded.joined(separator: "  ") + "\n"
        }
        if services.isEmpty { out += "(no exchange matched a documented operation)\n" }
        if listMissing {
            for service in services where !service.operations.missing.isEmpty {
                let missing = service.operations.missing
                let shown = missing.prefix(20).joined(separator: ", ")
                out += "\(service.service): not exercised: \(shown)\(missing.count > 20 ? ", … (\(missing.count - 20) more)" : "")\n"
            }
        }
        out += "\(coverage.exchanges) exchanges, \(coverage.unmatched) unmatched\n"
        return out
    }

    static func cell(_ tally: Coverage.Tally) -> String {
        let percent = tally.percent.map { String(format: "%5.1f%%", $0) } ?? "    –"
        return "\(tally.covered)/\(tally.total) \(percent)"
    }
}
