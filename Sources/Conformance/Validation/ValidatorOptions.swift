/// How a `Validator` chooses services and how strict it is.
public struct ValidatorOptions: Sendable {
    /// Only this service's routes (`--service`).
    public var service: String?
    /// Host name → service id (`--host api.example.com=huawei-evs`), for traffic that mixes vendors.
    public var hosts: [String: String]
    /// Unknown fields are errors instead of warnings (`--strict`): a closed contract.
    public var strict: Bool

    public init(service: String? = nil, hosts: [String: String] = [:], strict: Bool = false) {
        self.service = service
        self.hosts = hosts
        self.strict = strict
    }
}

/// What the validator made of one exchange.
public struct ExchangeResult: Sendable {
    public var exchange: Int
    public var file: String?
    /// The service whose route matched.
    public var service: String?
    /// The matched operation; `nil` when no route matched.
    public var operation: Operation? {
        get { operationReference?.operation }
        set { operationReference = newValue.map(OperationReference.init) }
    }
    /// The matched operation's id. Kept beside the reference, not read through it: the thread
    /// that writes the report reads it for every exchange, and reading it through the
    /// reference would retain and release an object that the validating thread retains and
    /// releases too.
    public private(set) var operationID: String?
    /// The matched operation, shared with the validator's compiled service.
    public var operationReference: OperationReference? {
        didSet { operationID = operationReference?.operation.id }
    }
    /// The compiled operation's serial number (`CompiledOperation.serial`), by which the state
    /// tracker finds its plan; -1 when no validator routed the exchange.
    var operationSerial = -1
    /// The response status, if there is a response.
    public var status: Int?
    /// The error code an error body carries, if any.
    public var errorCode: String?
    public var findings: [Finding]
    /// The values the state machines need, captured by the validator's scan (`Validator(machines:)`).
    var stateEvidence: StateEvidence?

    public init(exchange: Int, file: String? = nil, service: String? = nil, operation: Operation? = nil, status: Int? = nil, errorCode: String? = nil, findings: [Finding] = []) {
        self.exchange = exchange
        self.file = file
        self.service = service
        self.operationReference = operation.map(OperationReference.init)
        self.operationID = operation?.id
        self.status = status
        self.errorCode = errorCode
        self.findings = findings
    }

    /// `true` when no finding is an error.
    public var conforms: Bool { !findings.contains { $0.severity == .error } }
}

import ConformanceModel
