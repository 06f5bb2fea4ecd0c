/// Everything the suite knows about one vendor service, as extracted from its documents.
///
/// This is the content of `specs/<service>/spec.json` and of the generated Swift in
/// `ConformanceSpecs`; the validator, the golden writer and the mock all read it.
public struct ServiceSpec: Codable, Sendable, Hashable {
    /// The service id: `huawei-evs`, `huawei-ecs`, `tencent-cbs`, `baidu-bcc`.
    public var service: String
    /// The documents the spec was extracted from, in reading order.
    public var documents: [String]
    public var operations: [Operation]
    public var errorCodes: [ErrorCode]
    /// The service-wide HTTP status table.
    public var statusCodes: [StatusCode]
    public var stateTables: [StateTable]
    public var errorEnvelopes: [ErrorEnvelope]
    public var responseEnvelope: ResponseEnvelope?
    public var authentication: [Authentication]
    /// Statements about the spec itself that a reader should know (how an envelope was derived).
    public var notes: [String]
    public var diagnostics: [Diagnostic]

    public init(
        service: String,
        documents: [String] = [],
        operations: [Operation] = [],
        errorCodes: [ErrorCode] = [],
        statusCodes: [StatusCode] = [],
        stateTables: [StateTable] = [],
        errorEnvelopes: [ErrorEnvelope] = [],
        responseEnvelope: ResponseEnvelope? = nil,
        authentication: [Authentication] = [],
        notes: [String] = [],
        diagnostics: [Diagnostic] = []
    ) {
        self.service = service
        self.documents = documents
        self.operations = operations
        self.errorCodes = errorCodes
        self.statusCodes = statusCodes
        self.stateTables = stateTables
        self.errorEnvelopes = errorEnvelopes
        self.responseEnvelope = responseEnvelope
        self.authentication = authentication
        self.notes = notes
        self.diagnostics = diagnostics
    }

    /// The operation with `id`.
    public func operation(id: String) -> Operation? {
        operations.first { $0.id == id }
    }

    /// The error-code entries for `code` (normally one).
    public func errorCode(_ code: String) -> ErrorCode? {
        errorCodes.first { $0.code == code }
    }

    /// The state table for `resource`.
    public func stateTable(for resource: String) -> StateTable? {
        stateTables.first { $0.resource == resource }
    }
}
