import ConformanceModel

/// Compares two versions of one service's spec and classifies every change for a client of the
/// API (`ChangeCheck`), citing both sides.
///
/// The two specs come from anywhere: committed `spec.json` files, documents extracted as
/// `extract --doc` does, a git revision (`SpecInput`). A spec compared with itself gives no
/// change.
public enum SpecDiff {
    /// What to compare.
    public struct Options: Sendable {
        /// Only the operation NEW has with this id and its partner in OLD (OLD's, when NEW has
        /// none); the service-wide tables are left out.
        public var operation: String?
        /// The state machines whose cited transitions are compared (`Rules.stateMachines`); see
        /// `StateChanges` for what can be compared honestly.
        public var stateMachines: [StateMachine]

        public init(operation: String? = nil, stateMachines: [StateMachine] = []) {
            self.operation = operation
            self.stateMachines = stateMachines
        }
    }

    /// Every change from `old` to `new`: operations in NEW's order (removed ones after), then
    /// the error codes, status codes, authentication, response envelope and state tables.
    public static func changes(from old: ServiceSpec, to new: ServiceSpec, options: Options = Options()) -> [SpecChange] {
        var log = ChangeLog()
        var pairs = OperationPairing.pair(old: old.operations, new: new.operations)
        if let wanted = options.operation {
            // NEW's operation of that id and its partner; OLD's when NEW has none.
            let inNew = pairs.filter { $0.new?.id == wanted }
            pairs = inNew.isEmpty ? pairs.filter { $0.old?.id == wanted } : inNew
        }
        for pair in pairs {
            switch (pair.old, pair.new) {
            case let (old?, new?):
                log.within(operation: new.id, route: OperationChanges.route(new)) { log in
                    OperationChanges.compare(old, new, into: &log)
                }
            case let (nil, new?):
                log.within(operation: new.id, route: OperationChanges.route(new)) { log in
                    log.add(.endpointAdded, pointer: "", new: .string(OperationChanges.route(new)),
                            oldSource: ChangeSource(ServiceTableChanges.primaryDocument(of: old), absent: true),
                            newSource: ChangeSource(new.source, quote: new.title),
                            message: "a new operation \(new.id): \(OperationChanges.route(new))")
                }
            case let (old?, nil):
                log.within(operation: old.id, route: OperationChanges.route(old)) { log in
                    log.add(old.deprecated ? .apiRemovedWithDeprecation : .apiRemovedWithoutDeprecation, pointer: "",
                            old: .string(OperationChanges.route(old)),
                            oldSource: ChangeSource(old.source, quote: old.title),
                            newSource: ChangeSource(ServiceTableChanges.primaryDocument(of: new), absent: true),
                            message: "the operation \(old.id) (\(OperationChanges.route(old))\(old.deprecated ? ", deprecated" : "")) is no longer documented")
                }
            case (nil, nil):
                break
            }
        }
        if options.operation == nil {
            ServiceTableChanges.compare(old: old, new: new, into: &log)
            StateChanges.compare(old: old, new: new, machines: options.stateMachines, into: &log)
        }
        return log.changes
    }
}
