import ConformanceModel
import Synchronization

/// A service prepared for validation: its router, its operations (each compiled with its
/// schemas when an exchange first reaches it), and lookup tables for status and error codes.
final class CompiledService: Sendable {
    let spec: ServiceSpec
    /// What the per-exchange checks read of `spec`, held apart: reading a field through the
    /// struct can copy the whole spec (a retain per array it holds).
    let id: String
    let authentication: [Authentication]
    /// The credential headers and the prefix each value must have, in the documented order.
    let credentials: [(header: String, prefix: String?)]
    let errorEnvelopes: [ErrorEnvelope]
    let responseEnvelope: ResponseEnvelope?
    /// The members the error check reads of a body: every envelope's code and message field,
    /// or `code` when the service lists codes but describes no envelope.
    let errorShapeNames: Set<String>
    let router: Router
    /// The operations in the spec's order, each compiled when first asked for.
    let operations: [OperationSlot]
    /// Error-code rows by code.
    let errorCodes: [String: [ErrorCode]]
    /// Statuses the service documents as a whole: its status table and its error-code table.
    let serviceStatuses: Set<Int>
    /// Operations by route (`Operation.routeKey`), for routes the docs document twice (EVS 5.1
    /// and 8.2.5.2 both `GET /`): what one of them leaves out, the other may document.
    private let operationsByRoute: [String: [Int]]

    /// `serials`: the serial numbers of the operations of a service compiled before from the
    /// same spec, which this one is a replica of; without them, the operations take new ones.
    init(spec documented: ServiceSpec, rules: [BodyRule], machines: [StateMachine] = [], serials: [Int]? = nil) {
        // A narrower value list where another table of the service lists more is a reading, not a rule.
        let spec = EnumerationReadings.widened(documented)
        self.spec = spec
        id = spec.service
        authentication = spec.authentication
        credentials = spec.authentication.map { ($0.header, $0.scheme) }
        errorEnvelopes = spec.errorEnvelopes
        responseEnvelope = spec.responseEnvelope
        // Without an envelope, a listed code is read from a top-level `code` (Baidu 004).
        errorShapeNames = spec.errorEnvelopes.isEmpty ? (spec.errorCodes.isEmpty ? [] : ["code"]) : ErrorBodyShape.names(of: spec.errorEnvelopes)
        router = Router(spec: spec)
        let serials = serials ?? Array(CompiledOperation.newSerials(spec.operations.count))
        let machines = machines.filter { $0.service == spec.service }
        operations = zip(spec.operations, serials).map { operation, serial in
            OperationSlot(serial: serial) {
                CompiledOperation(operation, serial: serial, service: spec, rules: rules.filter { $0.service == spec.service && $0.operations.contains(operation.id) },
                                  machines: machines)
            }
        }
        errorCodes = Dictionary(grouping: spec.errorCodes, by: \.code)
        serviceStatuses = Set(spec.statusCodes.map(\.status)).union(spec.errorCodes.map(\.status))
        operationsByRoute = Dictionary(grouping: spec.operations.indices, by: { spec.operations[$0].routeKey })
    }

    /// Another operation on the same route that documents `status`, if the docs have one.
    func twin(of operation: CompiledOperation, documenting status: Int) -> CompiledOperation? {
        for index in operationsByRoute[operation.operation.routeKey] ?? [] where operations[index].serial != operation.serial {
            let twin = operations[index].compiled
            if twin.statuses.contains(status) { return twin }
        }
        return nil
    }
}

/// An operation of a `CompiledService`, compiled the first time an exchange is routed to it.
///
/// A service may document many operations (the EVS spec has 122) and a recording usually
/// reaches a few: compiling every schema up front took about a fifth of the command's start-up
/// (`validate` of one exchange: 35.9 ms before, 29.4 ms after), and again on each lane's
/// replica. Safe to read from several threads: if two race, both compile and one result is kept.
final class OperationSlot: Sendable {
    /// The compiled operation's serial number, known before it is compiled (`Validator.replica()`
    /// hands it on).
    let serial: Int
    private let compile: @Sendable () -> CompiledOperation
    private let done = AtomicLazyReference<CompiledOperation>()

    init(serial: Int, compile: @escaping @Sendable () -> CompiledOperation) {
        self.serial = serial
        self.compile = compile
    }

    /// The operation, compiled on the first call.
    var compiled: CompiledOperation {
        if let compiled = done.load() { return compiled }
        return done.storeIfNil(compile())
    }

    /// Whether it has been compiled yet (for tests).
    var isCompiled: Bool { done.load() != nil }
}

/// An operation prepared for validation.
final class CompiledOperation: Sendable {
    let operation: Operation
    /// A number that names this compiled operation and its replicas (`Validator.replica()`)
    /// in the process, carried in `ExchangeResult.operationSerial`: the state tracker finds
    /// its plan for an exchange by it, without touching `reference`, which the thread that
    /// validated the exchange retains and releases for every exchange it validates.
    let serial: Int
    let id: String
    let deprecated: Bool
    /// The operation as results hand it out, shared rather than copied per exchange.
    let reference: OperationReference
    /// The parameters checked one by one: all but the headers that carry credentials, which
    /// are checked together (any documented scheme will do).
    let parameters: [CompiledParameter]
    /// Whether the request must carry a credential (`ServiceSpec.needsCredential(_:)`).
    let needsCredential: Bool
    let request: CompiledSchema?
    /// The documented response statuses, and the body schemas by status (with the service's
    /// response envelope around them); few, so they are scanned.
    let statuses: [Int]
    let responses: [(status: Int, schema: CompiledSchema)]
    let rules: [CompiledRule]
    /// The request body paths the rules and the state machines read.
    let captures: CaptureTrie?
    /// What the state machines read of the request, with the capture slots of each path; `nil`
    /// without machines.
    let state: CompiledStateCaptures?
    /// What a response's body scan captures, by status: the state machines' paths and the
    /// envelope's status field, so that neither needs a second read of the body.
    let responseCaptures: [Int: ResponseCaptures]
    /// Error codes the operation's own error examples give, with where: another reading of the
    /// codes beside the error-code table (EVS 6.1.6's 400 example gives `EVS.2203`, which A.1
    /// does not list). Placeholders (`XXX`, `EVS.XXX`, `string`) are not codes.
    let exampleErrorCodes: [String: DocReference]

    init(_ operation: Operation, serial: Int = CompiledOperation.newSerials(1).lowerBound, service: ServiceSpec, rules: [BodyRule], machines: [StateMachine] = []) {
        self.operation = operation
        self.serial = serial
        id = operation.id
        deprecated = operation.deprecated
        reference = OperationReference(operation)
        needsCredential = service.needsCredential(operation)
        let credentialHeaders = service.authentication.map(\.header)
        parameters = operation.parameters.filter { parameter in
            !(parameter.location == .header && credentialHeaders.contains { parameter.name.caseInsensitiveEquals($0) })
        }.map(CompiledParameter.init)
        let requestExamples = operation.examples.filter { $0.kind == .request }.map(\.text)
        request = operation.requestBody.map { CompiledSchema($0, examples: requestExamples) }
        // With the status an error example printed without one is read under (ECS: 400, see
        // `Operation.assumedErrorStatuses`).
        statuses = operation.responses.map(\.status) + operation.assumedErrorStatuses
        var responses: [(status: Int, schema: CompiledSchema)] = []
        for response in operation.responses {
            let examples = operation.examples.filter { $0.kind == .response && $0.status == response.status }.map(\.text)
            let schema: CompiledSchema
            if let envelope = service.responseEnvelope {
                schema = CompiledSchema(Self.enveloped(response.body, in: envelope), examples: examples)
            } else if let body = response.body {
                schema = CompiledSchema(body, examples: examples)
            } else {
                continue
            }
            // A status listed twice: the later table wins.
            responses.removeAll { $0.status == response.status }
            responses.append((response.status, schema))
        }
        self.responses = responses
        var codes: [String: DocReference] = [:]
        for example in operation.examples where example.kind == .response {
            guard let value = example.value, operation.assumedStatus(for: value).isError || (example.status ?? 0) >= 400 else { continue }
            for envelope in service.errorEnvelopes {
                if let code = ErrorBodyChecks.code(in: value, envelope: envelope), !Self.isPlaceholder(code), codes[code] == nil { codes[code] = example.source }
            }
        }
        exampleErrorCodes = codes
        let paths = rules.flatMap { rule -> [String] in
            switch rule.requirement {
            case .atMostOne(let fields): fields
            case .requiredWhen(let field, let condition), .forbiddenWhen(let field, let condition): [field, condition.field]
            case .maxItems(let field, _): [field]
            }
        }
        let state = machines.isEmpty ? nil : StateCaptures(operation: operation, service: service, machines: machines)
        let statePaths = state?.request?.paths ?? []
        let captures = paths.isEmpty && statePaths.isEmpty ? nil : CaptureTrie(paths: paths + statePaths, everyOccurrence: Set(statePaths))
        self.captures = captures
        self.state = state.map { CompiledStateCaptures($0, requestTrie: captures) }
        responseCaptures = ResponseCaptures.all(statuses: statuses, state: state, envelope: service.responseEnvelope)
        self.rules = captures.map { captures in rules.compactMap { CompiledRule($0, captures: captures) } } ?? []
    }

    private static let serialsTaken = Atomic<Int>(0)

    /// `count` serial numbers no compiled operation has had.
    static func newSerials(_ count: Int) -> Range<Int> {
        let first = serialsTaken.add(count, ordering: .relaxed).oldValue
        return first..<(first + count)
    }

    /// A code an example prints where a real one would go: EVS examples give `XXX`, `XXXX`,
    /// `EVS.XXX` and `string` (ECS too: `"code": "XXX"`).
    static func isPlaceholder(_ code: String) -> Bool {
        code.contains("XX") || code.contains("xx") || ["string", "code", "error_code", ""].contains(code.lowercased())
    }

    /// The body schema documented for `status`.
    func responseSchema(for status: Int) -> CompiledSchema? {
        for response in responses where response.status == status { return response.schema }
        return nil
    }

    /// The envelope's schema with the operation's payload under its payload field.
    static func enveloped(_ payload: Schema?, in envelope: ResponseEnvelope) -> Schema {
        var schema = envelope.schema
        if let index = schema.properties.firstIndex(where: { $0.name == envelope.payloadField }), let payload {
            schema.properties[index].schema = payload
        }
        return schema
    }
}

/// A shared, immutable operation: what `ExchangeResult` holds, so that a result costs one
/// reference instead of a copy of the whole operation.
public final class OperationReference: Sendable {
    public let operation: Operation

    public init(_ operation: Operation) {
        self.operation = operation
    }
}

/// An operation's request `StateCaptures` with the capture slot of each path in the
/// operation's request trie (shared with the rules).
final class CompiledStateCaptures: Sendable {
    struct Side: Sendable {
        let captures: StateCaptures.Side
        /// The trie slot of each of `captures.paths`.
        let slots: [Int]
    }

    let request: Side?

    init(_ state: StateCaptures, requestTrie: CaptureTrie?) {
        request = state.request.map { side in Side(captures: side, slots: side.paths.map { requestTrie?.slot(of: $0) ?? -1 }) }
    }
}

/// What the scan of one response status's body captures, in one trie: the paths the state
/// machines read, and the response envelope's status field (Tencent: `scode`), whose value
/// tells a failure whatever the HTTP status.
struct ResponseCaptures: Sendable {
    let trie: CaptureTrie
    /// The state machines' side, with the slot of each of its paths; `nil` when no machine
    /// reads this status.
    let state: CompiledStateCaptures.Side?
    /// The slot of the envelope's status field; `nil` when the service has none.
    let envelopeStatusSlot: Int?

    /// The captures of each status that has something to capture.
    static func all(statuses: [Int], state: StateCaptures?, envelope: ResponseEnvelope?) -> [Int: ResponseCaptures] {
        let envelopeStatus = envelope?.statusField.map { [$0] } ?? []
        var all: [Int: ResponseCaptures] = [:]
        for status in Set(statuses).union(state.map { Array($0.responses.keys) } ?? []) {
            let side = state?.responses[status]
            // A machine's side with no paths still counts: its evidence says the body was read.
            guard side != nil || !envelopeStatus.isEmpty else { continue }
            let paths = (side?.paths ?? []) + envelopeStatus
            let trie = CaptureTrie(paths: paths, everyOccurrence: Set(side?.paths ?? []))
            all[status] = ResponseCaptures(
                trie: trie,
                state: side.map { side in CompiledStateCaptures.Side(captures: side, slots: side.paths.map { trie.slot(of: $0) ?? -1 }) },
                envelopeStatusSlot: envelopeStatus.first.flatMap(trie.slot(of:))
            )
        }
        return all
    }
}
