import ConformanceModel

/// Validates one golden payload the way traffic is validated: as the body of an exchange of
/// its operation (`GoldenExchange`), with `Validator`. A request golden is checked alone; a
/// response golden is paired with the minimal synthesized request and only its response
/// findings count.
///
/// A synthesized error response whose documented body is not an error envelope (EVS 6.1.6
/// documents its 400 body as `Array of strings`) cannot satisfy both the table and the
/// envelope; such payloads are reviewed in `KNOWN-BAD.md` like broken examples.
public enum GoldenCheck {
    /// The error findings for a golden payload.
    public static func errors(of file: GoldenFile, payload: JSONValue, operation: Operation, service: ServiceSpec, rules: [BodyRule], validator: Validator) -> [Finding] {
        let exchange: Exchange
        let locations: Set<Finding.Location>
        switch file.role {
        case .exchanges:
            return []
        case .request:
            exchange = GoldenExchange.make(service: service, operation: operation, body: payload)
            locations = Set(Finding.Location.allCases.filter { $0.rawValue.hasPrefix("request.") })
        case .response(let status):
            let request = GoldenSet.minimalRequest(operation, service: service, rules: rules)
            exchange = GoldenExchange.make(service: service, operation: operation, body: request, response: (status, payload))
            locations = Set(Finding.Location.allCases.filter { $0.rawValue.hasPrefix("response.") })
        }
        var result = validator.validate(exchange)
        // The doc documents some routes twice (EVS 5.1 and 8.2.5.2 `GET /`); the router picks
        // the first, so a twin's golden is checked against a service that holds only the twin.
        if let routed = result.operation, routed.id != operation.id, routed.routeKey == operation.routeKey {
            var alone = service
            alone.operations = [operation]
            result = Validator(specs: [alone], rules: rules, options: ValidatorOptions(service: service.service)).validate(exchange)
        }
        var findings = result.findings.filter { $0.severity == .error && locations.contains($0.location) }
        // A request that did not reach its operation is an error of the golden, whatever part it names.
        if result.operationID != operation.id {
            findings += result.findings.filter { $0.severity == .error && !locations.contains($0.location) }
            if result.operation != nil {
                findings.append(Finding(operation: operation.id, rule: Rule.routeUnmatched, severity: .error, location: .requestPath, pointer: operation.path, message: "the golden exchange routed to \(result.operation!.id), not \(operation.id)"))
            }
        }
        return findings
    }
}
