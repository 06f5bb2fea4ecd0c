import ConformanceModel
import ConformanceSpecs

/// One body checked against one named operation, without traffic around it: a request body
/// against the operation's request schema and cross-field rules, or a response body with its
/// status against the response schema, the error envelope and the error-code table. The checks
/// and findings are the validator's own (`RequestBodyChecks`, `ResponseChecks`); only routing,
/// parameters and authentication are left out, since a bare body has none of them.
///
/// `conformance check --operation SERVICE/OPERATION_ID [--response STATUS] FILE` is built on it.
public struct OperationCheck: Sendable {
    /// What the body is.
    public enum Side: Sendable, Hashable {
        case request
        case response(status: Int)
    }

    let service: CompiledService
    let compiled: CompiledOperation

    /// The operation's documented definition.
    public var operation: Operation { compiled.operation }

    /// The check of `operationID` of `spec`; nil when the spec has no such operation.
    public init?(spec: ServiceSpec, operationID: String, rules: [BodyRule] = Rules.body) {
        let service = CompiledService(spec: spec, rules: rules)
        guard let index = service.spec.operations.firstIndex(where: { $0.id == operationID }) else { return nil }
        self.service = service
        self.compiled = service.operations[index].compiled
    }

    /// The exchange a body stands for: the operation's method and path, with the body on `side`
    /// (a request with no body stands in front of a response body).
    public func exchange(body: [UInt8], side: Side, file: String?) -> Exchange {
        let json = [Exchange.Header(name: "Content-Type", value: "application/json")]
        switch side {
        case .request:
            return Exchange(request: Exchange.Request(method: operation.method, url: operation.path, headers: json, body: body), response: nil, index: 0, file: file)
        case .response(let status):
            return Exchange(request: Exchange.Request(method: operation.method, url: operation.path), response: Exchange.Response(status: status, headers: json, body: body), index: 0, file: file)
        }
    }

    /// The findings for `body` on `side`, as the validator reports them for an exchange.
    public func check(_ body: [UInt8], side: Side, file: String? = nil, strict: Bool = false) -> ExchangeResult {
        let exchange = exchange(body: body, side: side, file: file)
        var result = ExchangeResult(exchange: 0, file: file, status: exchange.response?.status, findings: [])
        result.service = service.id
        result.operationReference = compiled.reference
        result.operationSerial = compiled.serial
        var context = FindingContext(exchange: exchange, strict: strict)
        context.operation = compiled.id
        if let response = exchange.response {
            result.errorCode = ResponseChecks.check(response, operation: compiled, service: service, into: &context).errorCode
        } else {
            RequestBodyChecks.check(exchange.request, operation: compiled, into: &context)
        }
        result.findings = context.findings
        return result
    }
}
