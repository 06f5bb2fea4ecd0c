import ConformanceModel

extension ValidationReport {
    /// Counts what the validator made of `exchange`.
    public mutating func add(_ result: ExchangeResult, of exchange: Exchange) {
        add(exchange, service: result.service, operation: result.operationID, findings: result.findings)
    }
}
