/// The documented life cycle of one kind of resource: its states, how it moves between
/// them, which operations a state allows, and what an accepted operation does to it.
///
/// Machines are data, written by hand in `ConformanceSpecs/Rules/` with a citation on every
/// transition and precondition; the state tracker checks traffic against them. Where the
/// docs are silent a transition is marked `tolerated`: accepted, and said so, never invented
/// as documented.
public struct StateMachine: Sendable, Hashable {
    /// A move from one state to another.
    public struct Transition: Sendable, Hashable {
        public var from: String
        public var to: String
        /// The sentence that documents it; `nil` for a tolerated transition.
        public var citation: Citation?
        /// Why an undocumented transition is tolerated.
        public var note: String?

        public init(_ from: String, _ to: String, citation: Citation) {
            self.from = from
            self.to = to
            self.citation = citation
        }

        public init(tolerated from: String, _ to: String, because note: String) {
            self.from = from
            self.to = to
            self.note = note
        }

        public var tolerated: Bool { citation == nil }
    }

    /// Where the tracker finds the resource an operation addresses.
    public enum Locator: Sendable, Hashable, CustomStringConvertible {
        /// A path parameter (`volume_id`).
        case path(String)
        /// A dotted request-body path (`rollback.volume_id`); `[]` steps into arrays.
        case requestBody(String)
        /// A dotted response-body path (`volume_ids.[]`).
        case responseBody(String)

        public var description: String {
            switch self {
            case .path(let name): "path {\(name)}"
            case .requestBody(let path): "request body \(path)"
            case .responseBody(let path): "response body \(path)"
            }
        }
    }

    /// The states an operation may be accepted in.
    public struct Precondition: Sendable, Hashable {
        public var operations: [String]
        public var allowed: [String]
        public var target: [Locator]
        public var citation: Citation
        /// The error code whose message restates the constraint, where the code table has one
        /// (EVS A.1 `EVS.1064 "volume status must be available or in-use when extending!"` for
        /// 6.1.7's); the mock answers it and `verify` expects it when the state is not allowed.
        public var errorCode: String?

        public init(operations: [String], allowed: [String], target: [Locator], citation: Citation, errorCode: String? = nil) {
            self.operations = operations
            self.allowed = allowed
            self.target = target
            self.citation = citation
            self.errorCode = errorCode
        }
    }

    /// The state an accepted operation puts its resource into.
    public struct Effect: Sendable, Hashable {
        public var operations: [String]
        public var state: String
        public var target: [Locator]
        public var citation: Citation

        public init(operations: [String], state: String, target: [Locator], citation: Citation) {
            self.operations = operations
            self.state = state
            self.target = target
            self.citation = citation
        }
    }

    /// A constraint the docs state but whose states they do not name, so it cannot be
    /// checked (Baidu: "can not be performed during the disk scaling"). Kept to show why.
    public struct UncheckedConstraint: Sendable, Hashable {
        public var operations: [String]
        public var reason: String
        public var citation: Citation

        public init(operations: [String], reason: String, citation: Citation) {
            self.operations = operations
            self.reason = reason
            self.citation = citation
        }
    }

    public var service: String
    /// The resource, e.g. `volume`; also the key of the spec's state table, when it has one.
    public var resource: String
    /// Every state, in the order of the state table.
    public var states: [String]
    /// Console names of states, for reading sentences that use them (`可用` → `available`).
    public var consoleNames: [String: String]
    /// `true`: a value outside `states` is an error; `false`: the docs show only some values
    /// (Tencent's examples), so others are reported as information.
    public var closed: Bool
    /// The body field that carries the state, when no state table links it (`DiskState`).
    public var statusField: String
    /// The field beside it that carries the resource id.
    public var idField: String
    public var transitions: [Transition]
    public var preconditions: [Precondition]
    public var effects: [Effect]
    /// Relations between request values and the resource's values seen in responses (`new_size` > `size`).
    public var relations: [Relation]
    public var unchecked: [UncheckedConstraint]
    /// The source of the state list (the state table, or the examples).
    public var citation: Citation

    public init(service: String, resource: String, states: [String], consoleNames: [String: String] = [:], closed: Bool = true,
                statusField: String = "status", idField: String = "id", transitions: [Transition], preconditions: [Precondition] = [],
                effects: [Effect] = [], relations: [Relation] = [], unchecked: [UncheckedConstraint] = [], citation: Citation) {
        self.service = service
        self.resource = resource
        self.states = states
        self.consoleNames = consoleNames
        self.closed = closed
        self.statusField = statusField
        self.idField = idField
        self.transitions = transitions
        self.preconditions = preconditions
        self.effects = effects
        self.relations = relations
        self.unchecked = unchecked
        self.citation = citation
    }

    /// The states reachable from `state` through documented and tolerated transitions.
    public func reachable(from state: String) -> Set<String> {
        var seen: Set<String> = [state]
        var frontier = [state]
        while let current = frontier.popLast() {
            for transition in transitions where transition.from == current && !seen.contains(transition.to) {
                seen.insert(transition.to)
                frontier.append(transition.to)
            }
        }
        return seen
    }
}
