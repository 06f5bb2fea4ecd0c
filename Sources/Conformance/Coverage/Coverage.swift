import ConformanceModel

/// Which documented operations, status codes and error codes a body of traffic exercised,
/// per service, accumulated exchange by exchange.
///
/// - Operations: an operation is covered when an exchange routed to it.
/// - Status codes: the pairs (operation, status) of each operation's documented `responses`;
///   a pair is covered when a response to that operation had that status.
/// - Error codes: the service's error-code table (`ServiceSpec.errorCodes`); a code is covered
///   when an error body carried it (whatever the operation).
///
/// The services reported are the `--service` one, or every service the traffic reached.
/// `meets(minimum:)` applies the threshold to operation coverage, per reported service: every
/// one must reach it (a broker that uses two vendors wants both covered).
public struct Coverage: Sendable {
    /// Covered against documented, for one dimension of one service.
    public struct Tally: Codable, Sendable, Hashable {
        public var covered: Int
        public var total: Int
        /// `covered / total` in percent, one decimal; `nil` when nothing is documented.
        public var percent: Double?
        /// What was not exercised, in document order.
        public var missing: [String]

        init(covered: Int, total: Int, missing: [String]) {
            self.covered = covered
            self.total = total
            self.percent = total == 0 ? nil : (Double(covered) * 1000 / Double(total)).rounded() / 10
            self.missing = missing
        }
    }

    /// The coverage of one service.
    public struct ServiceCoverage: Codable, Sendable, Hashable {
        public var service: String
        /// Exchanges routed to this service.
        public var exchanges: Int
        public var operations: Tally
        public var statusCodes: Tally
        public var errorCodes: Tally
    }

    private let specs: [ServiceSpec]
    private let only: String?
    private var exchangesByService: [String: Int] = [:]
    private var operations: [String: Set<String>] = [:]
    private var statuses: [String: Set<String>] = [:]
    private var errorCodes: [String: Set<String>] = [:]
    /// Every exchange counted, matched or not.
    public private(set) var exchanges = 0
    /// Exchanges no documented route matched.
    public private(set) var unmatched = 0

    /// Coverage against `specs`, limited to `service` when given.
    public init(specs: [ServiceSpec], service: String? = nil) {
        self.specs = specs
        self.only = service
    }

    /// Counts one exchange: the service and operation it routed to (`nil`: unmatched), its
    /// response status and the error code its body carried.
    public mutating func record(service: String?, operation: String?, status: Int?, errorCode: String?) {
        exchanges += 1
        guard let service, let operation else {
            unmatched += 1
            return
        }
        exchangesByService[service, default: 0] += 1
        operations[service, default: []].insert(operation)
        if let status { statuses[service, default: []].insert(Self.pair(operation, status)) }
        if let errorCode { errorCodes[service, default: []].insert(errorCode) }
    }

    /// The services reported: `service` if one was chosen, else those the traffic reached, in
    /// the order of `specs`.
    public var services: [ServiceCoverage] {
        let chosen = specs.filter { spec in
            if let only { return spec.service == only }
            return exchangesByService[spec.service] != nil
        }
        return chosen.map(coverage)
    }

    func coverage(of spec: ServiceSpec) -> ServiceCoverage {
        let id = spec.service
        let twins = Self.twins(in: spec)
        let seenOperations = Set((operations[id] ?? []).flatMap { twins[$0] ?? [$0] })
        let operationIDs = spec.operations.map(\.id)
        let pairs = spec.operations.flatMap { operation in operation.responses.map { Self.pair(operation.id, $0.status) } }
        let seenPairs = Set((statuses[id] ?? []).flatMap { pair -> [String] in
            guard let space = pair.lastIndex(of: " ") else { return [pair] }
            let operation = String(pair[..<space])
            return (twins[operation] ?? [operation]).map { $0 + pair[space...] }
        })
        let codes = spec.errorCodes.map(\.code)
        let seenCodes = errorCodes[id] ?? []
        return ServiceCoverage(
            service: id,
            exchanges: exchangesByService[id] ?? 0,
            operations: Tally(covered: operationIDs.filter(seenOperations.contains).count, total: operationIDs.count, missing: operationIDs.filter { !seenOperations.contains($0) }),
            statusCodes: Tally(covered: pairs.filter(seenPairs.contains).count, total: pairs.count, missing: pairs.filter { !seenPairs.contains($0) }),
            errorCodes: Tally(covered: codes.filter(seenCodes.contains).count, total: codes.count, missing: codes.filter { !seenCodes.contains($0) })
        )
    }

    /// `true` when every reported service's operation coverage is at least `minimum` percent
    /// (and some service was reported at all).
    public func meets(minimum: Double) -> Bool {
        let reported = services
        return !reported.isEmpty && reported.allSatisfy { ($0.operations.percent ?? 100) >= minimum }
    }

    /// The operations that describe one route, by each one's id: the same method, path shape and
    /// action (EVS describes `GET /` twice, 5.1 查询API版本信息列表 `ListRoot` and 8.2.5.2
    /// `ListRoot2`). A request to the route exercises every description of it; the router names
    /// only one. Operations alone on their route are left out.
    static func twins(in spec: ServiceSpec) -> [String: [String]] {
        let groups = Dictionary(grouping: spec.operations) { "\($0.method.uppercased()) \($0.template.shape) \($0.action ?? "")" }
        var twins: [String: [String]] = [:]
        for group in groups.values where group.count > 1 {
            for operation in group { twins[operation.id] = group.map(\.id) }
        }
        return twins
    }

    /// `ShowJob 200`: how a documented (operation, status) pair is named.
    static func pair(_ operation: String, _ status: Int) -> String { "\(operation) \(status)" }
}

extension Coverage {
    /// Counts what the validator made of one exchange.
    public mutating func record(_ result: ExchangeResult) {
        record(service: result.service, operation: result.operationID, status: result.status, errorCode: result.errorCode)
    }
}
