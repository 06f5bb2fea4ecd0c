import ConformanceModel
import ConformanceSpecs

/// Follows resources across exchanges and checks them against the documented life cycles.
///
/// It learns a resource's state from show and list responses (the fields a state table is
/// linked to, or a machine's status field) and from accepted mutations (their documented
/// effect), and reports:
/// - `state.unknown-value`: a state the table does not list (information for machines the
///   docs leave open);
/// - `state.precondition`: a mutation accepted while the last state a show or list response
///   showed forbids it;
/// - `state.transition`: an observed change with no documented or tolerated path;
/// - `state.relation`: a request value that breaks a documented relation to the resource's
///   value last seen in a response (`new_size` not greater than the `size` a show returned).
/// Not thread-safe: one tracker follows one ordered stream of traffic.
public final class StateTracker {
    private let machines: [String: [StateMachine]]
    private let specs: [String: ServiceSpec]
    private var states: ResourceStates
    /// Per machine (`service/resource`), the states reachable from each state, filled as met.
    private var reachability: [String: Reachability] = [:]
    private var plans: [PlanKey: Plan] = [:]

    /// A plan is found by the compiled operation's serial number (`ExchangeResult.operationSerial`),
    /// or, for a result no validator made, by the identity of its operation reference.
    private struct PlanKey: Hashable {
        var serial: Int
        var reference: ObjectIdentifier?
        var status: Int
    }

    /// What an operation needs parsed for the machines of its service; most operations need
    /// nothing, and their bodies are not parsed a second time. A class: looked up for every
    /// exchange, and a struct would retain and release each of its arrays each time.
    ///
    /// What an exchange needs of its operation is copied here when the plan is made, so that
    /// the tracker never retains the objects the validating thread retains for every exchange
    /// it validates (the operation reference, the captured sides' path lists).
    private final class Plan {
        /// The operation's id, a copy of its own.
        var operationID = ""
        /// The documented body of the response with the plan's status, for reading a tree.
        var responseSchema: Schema?
        /// The paths and state paths of the captured sides, copied from the first evidence
        /// met (the same for every exchange of the operation and status); `values` empty.
        var requestShape: StateEvidence.Side?
        var responseShape: StateEvidence.Side?
        var request = false
        var response = false
        /// Machines without a state table are found by their status field's name in the body.
        var statusFields: [[UInt8]] = []
        /// Whether any machine has anything to do with the operation's exchanges.
        var hasWork = false
        /// The path template's placeholders: segment index and name.
        var placeholders: [(index: Int, name: String)] = []
        /// Per machine of the service, in order, what it does with these exchanges.
        var work: [MachineWork] = []
    }

    /// One machine's part in one operation's exchanges, worked out once per (operation,
    /// status) so that an exchange compares no operation ids and copies no machine.
    private final class MachineWork {
        let machine: StateMachine
        let preconditions: [StateMachine.Precondition]
        let relations: [StateMachine.Relation]
        let effects: [StateMachine.Effect]
        /// Whether the service has a state table for the machine's resource (fields linked to
        /// it carry the state), rather than a status field found by name.
        let byTable: Bool
        /// The path parameter that names the resource when the body does not (`volume_id`).
        let idParameter: String
        let reachability: Reachability
        /// The machine's resource, kept apart so that the captured states are looked up by it
        /// per exchange without reading through the machine value.
        let resource: String
        /// The machine's kind of resource in the tracker's table: what a key is made of per
        /// exchange.
        let kind: ResourceStates.Kind

        init(machine: StateMachine, operation: String, byTable: Bool, reachability: Reachability, kind: ResourceStates.Kind) {
            self.machine = machine
            preconditions = machine.preconditions.filter { $0.operations.contains(operation) }
            relations = machine.relations.filter { $0.operations.contains(operation) }
            effects = machine.effects.filter { $0.operations.contains(operation) }
            self.byTable = byTable
            idParameter = "\(machine.resource)_id"
            self.reachability = reachability
            resource = machine.resource
            self.kind = kind
        }

        func key(_ id: String) -> ResourceStates.Key {
            ResourceStates.Key(kind: kind, id: id)
        }
    }

    /// `capacity` bounds how many resources are remembered (least recently touched forgotten first).
    public init(machines: [StateMachine] = Rules.stateMachines, specs: [ServiceSpec] = Specs.all, capacity: Int = 100_000) {
        self.machines = Dictionary(grouping: machines, by: \.service)
        self.specs = Dictionary(specs.map { ($0.service, $0) }, uniquingKeysWith: { first, _ in first })
        self.states = ResourceStates(capacity: capacity)
    }

    /// The number of resources currently remembered.
    public var rememberedResources: Int { states.count }

    /// The last observed state of a resource, if remembered.
    public func state(service: String, resource: String, id: String) -> String? {
        guard let key = states.key(service: service, resource: resource, id: id) else { return nil }
        return states.state(of: key)
    }

    /// The state findings for one exchange, which the validator has already routed. The
    /// bodies are read from `result`'s captured evidence where the validator has it
    /// (`Validator(machines:)`), otherwise parsed here.
    public func observe(_ exchange: Exchange, result: ExchangeResult) -> [Finding] {
        // The response and the evidence are read through `exchange` and `result`, not bound
        // whole: a copy retains each of their arrays, for every exchange.
        guard let status = exchange.response?.status, (200..<300).contains(status),
              let plan = plan(for: result, status: status), plan.hasWork else { return [] }
        let requestBody: StateBody
        if let values = result.stateEvidence?.request?.values {
            if plan.requestShape == nil { plan.requestShape = result.stateEvidence?.request?.shape }
            requestBody = .captured(plan.requestShape!.with(values))
        } else {
            requestBody = .tree(plan.request ? exchange.request.body.flatMap { try? JSONValue.parse(bytes: $0) } : nil)
        }
        let responseBody: StateBody
        if let values = result.stateEvidence?.response?.values {
            if plan.responseShape == nil { plan.responseShape = result.stateEvidence?.response?.shape }
            responseBody = .captured(plan.responseShape!.with(values))
        } else {
            var needsResponse = plan.response
            if !needsResponse, !plan.statusFields.isEmpty, let body = exchange.response?.body {
                needsResponse = plan.statusFields.contains { Self.contains(body, $0) }
            }
            responseBody = .tree(needsResponse ? exchange.response?.body.flatMap { $0.isEmpty ? nil : try? JSONValue.parse(bytes: $0) } : nil)
        }
        var findings: [Finding] = []
        // The path parameters come with the evidence, split on the validator's thread; without
        // it the URL is split here. The path of a finding is worked out when there is one.
        var pathParameters = PathParameters()
        if let pairs = result.stateEvidence?.pathParameters {
            pathParameters.pairs = pairs
        } else if !plan.placeholders.isEmpty {
            let target = RequestTarget(url: exchange.request.url)
            for placeholder in plan.placeholders where placeholder.index < target.segmentCount {
                pathParameters.pairs.append((placeholder.name, String(target.segment(placeholder.index))))
            }
        }
        let operationID = plan.operationID

        func finding(_ rule: RuleID, _ severity: Finding.Severity, _ location: Finding.Location, _ pointer: String, _ message: String, expected: String, actual: String, source: DocReference?) {
            findings.append(Finding(exchange: exchange.index, file: exchange.file, operation: operationID, rule: rule, severity: severity, location: location, pointer: pointer, message: message, expected: expected, actual: actual, source: source))
        }

        let isRead = Self.isRead(exchange.request.method)
        for work in plan.work {
            // 1. Preconditions, on the states before this exchange. Only a state seen in a response
            // counts: after an accepted mutation the resource's state is inferred, and it may have
            // moved on since (two extends a minute apart are fine).
            for precondition in work.preconditions {
                for id in Self.ids(precondition.target, path: pathParameters, request: requestBody, response: responseBody) {
                    guard let (current, inferred) = states.lookup(work.key(id)), !inferred, !precondition.allowed.contains(current) else { continue }
                    finding(Rule.statePrecondition, .error, .requestPath, RequestTarget(url: exchange.request.url).path,
                            "\(operationID) was accepted while \(work.machine.resource) \(id) was \(current); the docs allow it only in \(precondition.allowed.joined(separator: ", "))",
                            expected: precondition.allowed.joined(separator: " or "), actual: current, source: precondition.citation.reference)
                }
            }
            // 1b. Relations to values seen in responses (never to inferred ones).
            for relation in work.relations {
                for subject in Self.subjects(relation.subject, path: pathParameters, request: requestBody, bytes: exchange.request.body) {
                    guard let (seen, inferred) = states.value(relation.field, of: work.key(subject.id)), !inferred, !relation.comparison.holds(subject.value, against: seen) else { continue }
                    finding(Rule.stateRelation, .error, .requestBody, subject.pointer,
                            "\(operationID) was accepted with \(subject.name) \(Self.format(subject.value)) for \(work.machine.resource) \(subject.id), last seen with \(relation.field) \(Self.format(seen)); the docs require it \(relation.comparison.words) the current \(relation.field) (“\(relation.citation.sentence)”)",
                            expected: "\(relation.comparison.rawValue) \(Self.format(seen))", actual: Self.format(subject.value), source: relation.citation.reference)
                }
            }
            // 2. States the response shows.
            var observed: [String] = []
            let observations: [Observation]
            switch responseBody {
            case .captured(let side):
                observations = Self.observations(side, resource: work.resource)
            case .tree(let value?):
                observations = Self.observations(value, schema: plan.responseSchema, machine: work.machine, byTable: work.byTable, pointer: "")
            case .tree(nil):
                observations = []
            }
            for observation in observations {
                guard let id = observation.id ?? pathParameters[work.idParameter] else { continue }
                observed.append(id)
                // A mutation's own answer shows the state at acceptance (a create's `creating`,
                // A.3), which the service leaves by itself: like an effect, it is inferred, and a
                // later request is not held to it. Show and list answers are observations.
                let previous = states.record(observation.state, values: observation.values, for: work.key(id), inferred: !isRead)
                if !work.machine.states.contains(observation.state) {
                    finding(Rule.stateUnknownValue, work.machine.closed ? .error : .info, .responseBody, Self.pointer(of: observation, in: exchange.response?.body),
                            "\(work.machine.resource) \(id) is \(observation.state), which the state table does not list",
                            expected: "one of \(work.machine.states.joined(separator: ", "))", actual: observation.state, source: work.machine.citation.reference)
                } else if work.machine.closed, let previous, previous != observation.state, work.machine.states.contains(previous),
                          !work.reachability.reachable(from: previous).contains(observation.state) {
                    let next = work.machine.transitions.filter { $0.from == previous }.map(\.to)
                    finding(Rule.stateTransition, .error, .responseBody, Self.pointer(of: observation, in: exchange.response?.body),
                            "\(work.machine.resource) \(id) moved from \(previous) to \(observation.state); the docs lead from \(previous) only to \(next.isEmpty ? "nowhere" : next.joined(separator: ", "))",
                            expected: "a state reachable from \(previous)", actual: "\(previous) → \(observation.state)", source: work.machine.citation.reference)
                }
            }
            // 3. Effects of the accepted operation, where the response did not show the state.
            for effect in work.effects {
                for id in Self.ids(effect.target, path: pathParameters, request: requestBody, response: responseBody) where !observed.contains(id) {
                    states.set(effect.state, for: work.key(id), inferred: true)
                }
            }
            // An accepted request sets the value it asked for; until a response shows it, it is inferred.
            for relation in work.relations {
                for subject in Self.subjects(relation.subject, path: pathParameters, request: requestBody, bytes: exchange.request.body) where !observed.contains(subject.id) {
                    states.set(relation.field, to: subject.value, for: work.key(subject.id), inferred: true)
                }
            }
        }
        return findings
    }

    /// The plan for the answers with `status` of the operation `result` was routed to; `nil`
    /// when no operation matched. Found by the operation's serial number: the operation and
    /// the service's machines are only read the first time.
    private func plan(for result: ExchangeResult, status: Int) -> Plan? {
        let serial = result.operationSerial
        var key = PlanKey(serial: serial, reference: nil, status: status)
        if serial < 0 {
            guard let reference = result.operationReference else { return nil }
            key.reference = ObjectIdentifier(reference)
        }
        if let cached = plans[key] { return cached }
        guard let service = result.service, let reference = result.operationReference else { return nil }
        let plan = makePlan(service: service, operation: reference.operation, status: status)
        plans[key] = plan
        return plan
    }

    /// The plan for `operation`'s answers with `status`; one with no work when no machine
    /// follows the service.
    private func makePlan(service: String, operation: Operation, status: Int) -> Plan {
        let plan = Plan()
        plan.operationID = operation.id.unshared
        guard let machines = machines[service] else { return plan }
        plan.placeholders = operation.template.placeholders
        let body = operation.response(for: status)?.body
        plan.responseSchema = body
        for machine in machines {
            let reachability = self.reachability["\(machine.service)/\(machine.resource)", default: Reachability(machine)]
            self.reachability["\(machine.service)/\(machine.resource)"] = reachability
            plan.work.append(MachineWork(machine: machine, operation: operation.id, byTable: specs[service]?.stateTable(for: machine.resource) != nil, reachability: reachability,
                                         kind: states.kind(service: machine.service, resource: machine.resource)))
            let locators = machine.preconditions.filter { $0.operations.contains(operation.id) }.flatMap(\.target)
                + machine.effects.filter { $0.operations.contains(operation.id) }.flatMap(\.target)
            if locators.contains(where: { if case .requestBody = $0 { true } else { false } }) { plan.request = true }
            if machine.relations.contains(where: { $0.operations.contains(operation.id) }) { plan.request = true }
            if locators.contains(where: { if case .responseBody = $0 { true } else { false } }) { plan.response = true }
            if specs[service]?.stateTable(for: machine.resource) != nil {
                if let body, Self.links(body, to: machine.resource) { plan.response = true }
            } else {
                plan.statusFields.append(Array("\"\(machine.statusField)\"".utf8))
            }
            if machine.preconditions.contains(where: { $0.operations.contains(operation.id) }) || machine.effects.contains(where: { $0.operations.contains(operation.id) })
                || machine.relations.contains(where: { $0.operations.contains(operation.id) }) {
                plan.hasWork = true
            }
        }
        plan.hasWork = plan.hasWork || plan.request || plan.response || !plan.statusFields.isEmpty
        return plan
    }

    /// `GET` or `HEAD`, in any case; a method written in capitals (nearly all) is not copied.
    static func isRead(_ method: String) -> Bool {
        if method == "GET" || method == "HEAD" { return true }
        guard method.utf8.contains(where: { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) else { return false }
        return ["GET", "HEAD"].contains(method.uppercased())
    }

    /// `true` when some field of `schema` takes its values from the state table of `resource`.
    static func links(_ schema: Schema, to resource: String) -> Bool {
        if schema.stateTable == resource { return true }
        if schema.properties.contains(where: { links($0.schema, to: resource) }) { return true }
        if let items = schema.items, links(items, to: resource) { return true }
        if let values = schema.values, links(values, to: resource) { return true }
        return false
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { StateCaptures.count(needle, in: $0, limit: 1) } > 0
    }

    /// The states one machine reaches from each state, worked out when first asked.
    private final class Reachability {
        private let machine: StateMachine
        private var cache: [String: Set<String>] = [:]

        init(_ machine: StateMachine) {
            self.machine = machine
        }

        func reachable(from state: String) -> Set<String> {
            if let cached = cache[state] { return cached }
            let result = machine.reachable(from: state)
            cache[state] = result
            return result
        }
    }

    /// The path parameters of one request: a handful, so a list looked up by name.
    struct PathParameters {
        var pairs: [(name: String, value: String)] = []

        /// The value of `name`; the last one where a template repeats a name.
        subscript(name: String) -> String? {
            pairs.last { $0.name == name }?.value
        }
    }

    /// A body as the tracker reads it: the values the validator captured, or the parsed tree.
    enum StateBody {
        case captured(StateEvidence.Side)
        case tree(JSONValue?)
    }

    struct Observation {
        var id: String?
        var state: String
        /// Where the state is; from captured values only the offset is known until a finding needs it.
        var pointer: String
        var offset: Int? = nil
        /// The numbers beside the state that the machine's relations compare with (`size`).
        var values: [(field: String, value: Double)] = []
    }

    /// A resource a request names, with the value it asks for and where that value is.
    struct Subject {
        var id: String
        var value: Double
        var name: String
        var pointer: String
    }

    /// The resources and values a relation's subject finds in a request.
    static func subjects(_ subject: StateMachine.Relation.Subject, path: PathParameters, request: StateBody, bytes: [UInt8]?) -> [Subject] {
        guard case .captured(let side) = request else {
            guard case .tree(let tree) = request else { return [] }
            return subjects(subject, path: path, request: tree)
        }
        switch subject {
        case .value(let dotted, let locators):
            guard case .number(let value)? = side.values(at: dotted).first?.scalar else { return [] }
            let name = dotted.split(separator: ".").last.map(String.init) ?? dotted
            return ids(locators, path: path, request: request, response: .tree(nil)).map {
                Subject(id: $0, value: value, name: name, pointer: "/" + dotted.split(separator: ".").joined(separator: "/"))
            }
        case .items(let dotted, let idField, let valueField):
            let array = StateCaptures.itemsPath(dotted)
            var found: [(id: String, value: Double, offset: Int)] = []
            for item in side.values(at: array + ".[]." + idField) {
                guard case .string(let id) = item.scalar, let number = side.value(at: array + ".[]." + valueField, in: item.object),
                      case .number(let value) = number.scalar else { continue }
                found.append((id, value, number.offset))
            }
            guard !found.isEmpty else { return [] }
            let pointers = bytes.map { body in body.withUnsafeBufferPointer { PointerResolver.pointers(at: found.map(\.offset), in: $0) } } ?? [:]
            return found.map { Subject(id: $0.id, value: $0.value, name: valueField, pointer: pointers[$0.offset] ?? "") }
        }
    }

    /// The same from a parsed request.
    static func subjects(_ subject: StateMachine.Relation.Subject, path: PathParameters, request: JSONValue?) -> [Subject] {
        switch subject {
        case .value(let dotted, let locators):
            guard let value = number(at: dotted, in: request) else { return [] }
            let name = dotted.split(separator: ".").last.map(String.init) ?? dotted
            return ids(locators, path: path, request: .tree(request), response: .tree(nil)).map {
                Subject(id: $0, value: value, name: name, pointer: "/" + dotted.split(separator: ".").joined(separator: "/"))
            }
        case .items(let dotted, let idField, let valueField):
            let steps = dotted.split(separator: ".").filter { $0 != "[]" }.map(String.init)
            var array: JSONValue? = request
            for step in steps { array = array?[step] }
            return (array?.arrayValue ?? []).enumerated().compactMap { index, item in
                guard let id = item[idField]?.stringValue, let value = number(at: valueField, in: item) else { return nil }
                return Subject(id: id, value: value, name: valueField, pointer: "/" + steps.joined(separator: "/") + "/\(index)/\(valueField)")
            }
        }
    }

    /// The (id, state) pairs the validator captured for `machine`: each string at one of its
    /// state paths, with the id and relation values beside it in the same object.
    static func observations(_ side: StateEvidence.Side, resource: String) -> [Observation] {
        var result: [Observation] = []
        // The few state-path lists a body has are compared by name, not hashed.
        for (name, paths) in side.states where name == resource {
            for path in paths {
                for value in side.values where value.path == path.index {
                    guard case .string(let state) = value.scalar else { continue }
                    var values: [(field: String, value: Double)] = []
                    for field in path.fields {
                        if case .number(let number)? = side.value(at: field.index, in: value.object)?.scalar { values.append((field.name, number)) }
                    }
                    var id: String?
                    if case .string(let text)? = side.value(at: path.id, in: value.object)?.scalar { id = text }
                    result.append(Observation(id: id, state: state, pointer: "", offset: value.offset, values: values))
                }
            }
        }
        return result
    }

    /// The observation's pointer, resolved from its offset in `body` when it was captured.
    static func pointer(of observation: Observation, in body: [UInt8]?) -> String {
        guard let offset = observation.offset, let body else { return observation.pointer }
        return body.withUnsafeBufferPointer { PointerResolver.pointers(at: [offset], in: $0)[offset] } ?? observation.pointer
    }

    static func number(at dotted: String, in value: JSONValue?) -> Double? {
        var current = value
        for step in dotted.split(separator: ".") { current = current?[String(step)] }
        guard case .number(let literal)? = current else { return nil }
        return Double(literal)
    }

    static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    /// The (id, state) pairs in a body: members linked to the machine's state table by the
    /// schema, or, for machines without a table, members named like its status field.
    static func observations(_ value: JSONValue, schema: Schema?, machine: StateMachine, byTable: Bool, pointer: String) -> [Observation] {
        var result: [Observation] = []
        switch value {
        case .object(let members):
            for (key, member) in members {
                let child = schema?.property(named: key)?.schema
                let linked = byTable ? child?.stateTable == machine.resource : key == machine.statusField
                if linked, case .string(let state) = member {
                    var values: [(field: String, value: Double)] = []
                    for relation in machine.relations where !values.contains(where: { $0.field == relation.field }) {
                        if case .number(let literal)? = members[relation.field], let number = Double(literal) { values.append((relation.field, number)) }
                    }
                    result.append(Observation(id: members[machine.idField]?.stringValue, state: state, pointer: pointer + "/" + key, values: values))
                } else {
                    result += observations(member, schema: child ?? (schema?.kind == .map ? schema?.values : nil), machine: machine, byTable: byTable, pointer: pointer + "/" + key)
                }
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                result += observations(element, schema: schema?.items, machine: machine, byTable: byTable, pointer: pointer + "/\(index)")
            }
        default:
            break
        }
        return result
    }

    /// The resource ids a locator finds.
    static func ids(_ locators: [StateMachine.Locator], path: PathParameters, request: StateBody, response: StateBody) -> [String] {
        var ids: [String] = []
        for locator in locators {
            switch locator {
            case .path(let name):
                if let id = path[name] { ids.append(id) }
            case .requestBody(let dotted):
                ids += strings(at: dotted, in: request)
            case .responseBody(let dotted):
                ids += strings(at: dotted, in: response)
            }
        }
        return ids
    }

    static func strings(at dotted: String, in body: StateBody) -> [String] {
        switch body {
        case .tree(let value): strings(at: dotted, in: value)
        case .captured(let side): side.values(at: dotted).compactMap { if case .string(let text) = $0.scalar { text } else { nil } }
        }
    }

    static func strings(at dotted: String, in value: JSONValue?) -> [String] {
        var current: [JSONValue] = value.map { [$0] } ?? []
        for step in dotted.split(separator: ".") {
            current = current.flatMap { node -> [JSONValue] in
                if step == "[]" { return node.arrayValue ?? [] }
                return node[String(step)].map { [$0] } ?? []
            }
        }
        return current.compactMap(\.stringValue)
    }
}
