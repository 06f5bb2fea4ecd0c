import ConformanceModel
import ConformanceSpecs

/// Checks recorded exchanges against the compiled vendor specs.
///
/// For each exchange: find the service and the operation (route), then check the request's
/// path, query and header parameters and its authentication, its body against the
/// documented schema and the hand-written cross-field rules, the response status against
/// the operation and the service, the response body, and error bodies against the error
/// envelope and the error-code table. It never stops at the first mismatch and never throws
/// for a non-conforming exchange; every problem is a `Finding` that cites its doc source.
/// A `Validator` holds no per-exchange state and can be shared across threads;
/// `validate(_:cores:)` spreads a batch over several.
public final class Validator: Sendable {
    let services: [CompiledService]
    public let options: ValidatorOptions
    /// What it was compiled from, for `replica()`.
    private let sources: (specs: [ServiceSpec], rules: [BodyRule], machines: [StateMachine])

    /// `machines`: the state machines a `StateTracker` behind this validator follows. Their
    /// fields are then captured while the bodies are scanned (`ExchangeResult.stateEvidence`),
    /// so that the tracker reads no body again; without them it reads the bodies it needs.
    public convenience init(specs: [ServiceSpec] = Specs.all, rules: [BodyRule] = Rules.body, options: ValidatorOptions = .init(), machines: [StateMachine] = []) {
        self.init(specs: specs, rules: rules, options: options, machines: machines, serials: nil)
    }

    /// `serials`: per chosen service, the serial numbers of its operations, when this is a replica.
    private init(specs: [ServiceSpec], rules: [BodyRule], options: ValidatorOptions, machines: [StateMachine], serials: [[Int]]?) {
        let chosen = options.service.map { id in specs.filter { $0.service == id } } ?? specs
        services = chosen.indices.map { CompiledService(spec: chosen[$0], rules: rules, machines: machines, serials: serials?[$0]) }
        self.options = options
        sources = (specs, rules, machines)
    }

    /// The same validator compiled again, sharing no compiled object with this one. Threads
    /// validating side by side each take their own: the compiled objects are retained and
    /// released for every exchange, and threads doing that to the same objects slow each
    /// other down (the reference counts' cache lines move between cores). Its operations keep
    /// this one's serial numbers (`ExchangeResult.operationSerial`), so that a state tracker
    /// behind both finds the same plan for an operation whichever validated the exchange.
    public func replica() -> Validator {
        Validator(specs: sources.specs, rules: sources.rules, options: options, machines: sources.machines, serials: services.map { $0.operations.map(\.serial) })
    }

    /// The findings for one exchange.
    public func validate(_ exchange: Exchange) -> ExchangeResult {
        var result = ExchangeResult(exchange: exchange.index, file: exchange.file, status: exchange.response?.status, findings: [])
        let target = RequestTarget(url: exchange.request.url)
        var context = FindingContext(exchange: exchange, strict: options.strict)

        guard let (service, match) = route(exchange, target: target) else {
            let actions = services.flatMap { $0.router.actions(method: exchange.request.method, target: target) }
            let detail = actions.isEmpty ? "" : "; the documented actions on this route are \(actions.joined(separator: ", "))"
            context.add(rule: Rule.routeUnmatched, .error, .requestPath, pointer: target.path,
                        message: "no documented operation has \(exchange.request.method) \(target.path)\(detail)",
                        expected: "a documented method and path", actual: "\(exchange.request.method) \(target.path)")
            result.findings = context.findings
            return result
        }
        let compiled = service.operations[match.operationIndex].compiled
        result.service = service.id
        result.operationReference = compiled.reference
        result.operationSerial = compiled.serial
        context.operation = compiled.id

        if compiled.deprecated {
            let operation = compiled.operation
            context.add(rule: Rule.operationDeprecated, .warning, .requestPath, pointer: operation.path,
                        message: "\(operation.id) (\(operation.title)) is deprecated in the documentation",
                        expected: "a current operation", actual: operation.id, source: operation.source)
        }
        ParameterChecks.check(exchange.request, target: target, match: match, operation: compiled, service: service, into: &context)
        let requestState = RequestBodyChecks.check(exchange.request, operation: compiled, into: &context)
        if let response = exchange.response {
            let (errorCode, responseState) = ResponseChecks.check(response, operation: compiled, service: service, into: &context)
            result.errorCode = errorCode
            if compiled.state != nil, (200..<300).contains(response.status) {
                // The router has split the path along the operation's template already.
                let parameters = match.pathParameters.map { (name: $0.name, value: String($0.value)) }
                result.stateEvidence = StateEvidence(request: requestState, response: responseState, pathParameters: parameters)
            }
        }
        result.findings = context.findings
        return result
    }

    /// The service and operation an exchange addresses: the `--service` one, the one its host
    /// maps to, or the service whose route matches with the most literal segments.
    private func route(_ exchange: Exchange, target: RequestTarget) -> (CompiledService, Router.Match)? {
        var candidates = services
        if !options.hosts.isEmpty, let host = target.host, let id = options.hosts[host] {
            candidates = services.filter { $0.id == id }
        }
        var best: (CompiledService, Router.Match)?
        for service in candidates {
            guard let match = service.router.match(method: exchange.request.method, target: target, body: exchange.request.body) else { continue }
            if best == nil || match.literalCount > best!.1.literalCount { best = (service, match) }
        }
        return best
    }
}

/// Collects findings for one exchange, filling in what every finding of it shares.
struct FindingContext {
    let index: Int
    let file: String?
    let strict: Bool
    var operation: String?
    var findings: [Finding] = []

    init(exchange: Exchange, strict: Bool) {
        self.index = exchange.index
        self.file = exchange.file
        self.strict = strict
    }

    mutating func add(rule: RuleID, _ severity: Finding.Severity, _ location: Finding.Location, pointer: String, message: String, expected: String? = nil, actual: String? = nil, source: DocReference? = nil, sources: [DocReference]? = nil) {
        findings.append(Finding(exchange: index, file: file, operation: operation, rule: rule, severity: severity, location: location, pointer: pointer, message: message, expected: expected, actual: actual, source: source, sources: sources))
    }

    /// Adds the body scanner's issues as request or response findings. The severity policy
    /// (DESIGN.md) in one place: an issue where the docs disagree and the value follows one
    /// of their readings is a warning citing both places; an unknown field is a warning unless
    /// `--strict`; so is a request's `null` for an optional field (`request.body.null-optional`);
    /// everything else breaks every reading of the docs and is an error.
    mutating func add(_ issues: [BodyIssue], inRequest: Bool) {
        for issue in issues {
            let lenient = issue.kind == .unknownField && !strict || issue.kind == .nullOptional && inRequest
            let severity: Finding.Severity = issue.disputed || lenient ? .warning : .error
            add(rule: issue.rule(inRequest: inRequest), severity, inRequest ? .requestBody : .responseBody, pointer: issue.pointer, message: issue.message, expected: issue.expected, actual: issue.actual,
                source: issue.source, sources: issue.sources.isEmpty ? nil : issue.sources)
        }
    }
}
