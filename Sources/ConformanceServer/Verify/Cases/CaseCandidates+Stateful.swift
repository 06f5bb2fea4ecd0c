import ConformanceModel
import ConformanceSpecs

/// The negative candidates that break what only the endpoint's resources can refuse: the
/// request is well-formed, so the validator finds nothing, and each carries the constraint it
/// breaks (``StatefulBreak``): a precondition state, an id that names nothing, a relation with
/// the resource, an idempotency token reused.
extension CaseCandidates {
    /// Requests to a resource in a state the operation's precondition does not allow
    /// (StateMachine.Precondition), one per state the plan can bring the resource into
    /// (``ResourcePlan/StateSetup``): a volume offered for transfer is extended (6.1.7 allows
    /// `available` and `in-use`), an attached one is offered for transfer (8.2.2.4 allows
    /// `available`). The code expected is the one the precondition names, else the table's
    /// code for a resource in the wrong status.
    func preconditions(query: [ScenarioStep.QueryItem]) -> [CaseCandidate] {
        let body = golden("request.min.json") ?? golden("request.full.json")
        var cases: [CaseCandidate] = []
        for machine in Rules.stateMachines where machine.service == service {
            for precondition in machine.preconditions where precondition.operations.contains(operation.id) {
                for target in precondition.target {
                    let variable: String
                    switch target {
                    case .path(let name): variable = plan.variable(forParameter: name)
                    case .requestBody(let path):
                        guard let member = path.split(separator: ".").last, let named = plan.bodyMembers[String(member)] else { continue }
                        variable = named
                    case .responseBody: continue
                    }
                    for setup in plan.stateSetups where setup.variable == variable && !precondition.allowed.contains(setup.state) {
                        var candidate = CaseCandidate(kind: .negative, label: "its \(machine.resource) \(setup.state)", query: query, body: body)
                        switch target {
                        case .path(let name): candidate.pathVariables[name] = setup.provides
                        case .requestBody(let path): candidate.body = body.map { BodyPath(dotted: path).replacing(in: $0, with: .string("{{\(setup.provides)}}")) }
                        case .responseBody: continue
                        }
                        candidate.before = setup.steps.map { step in
                            var step = step
                            step.requires = Array(Set(step.requires + CaseGenerator.placeholders(of: step))).sorted()
                            return step
                        }
                        candidate.stateful = StatefulBreak(
                            constraint: "the \(machine.resource) is \(setup.state); the docs allow \(precondition.allowed.joined(separator: ", ")) only",
                            citation: precondition.citation.reference,
                            codes: (precondition.errorCode.map { [$0] } ?? []) + FieldErrorCodes.statusCodes(in: spec))
                        cases.append(candidate)
                    }
                }
            }
        }
        return cases
    }

    /// An id no resource has, in the shape the mock and the docs give ids (a UUID).
    static let unknownID = "6d6f636b-0000-4000-8000-0000deadbeef"

    /// Requests that name a resource that does not exist, one reference at a time: a body
    /// member that takes one of the plan's resources (`volume.snapshot_id`, `snapshot.volume_id`),
    /// added to `request.min` when it lacks it, and the paging `marker`.
    ///
    /// Decision: `marker` is read as a reference because the docs define it as one
    /// (6.1.3 查询所有云硬盘详情 `marker`: "通过云硬盘ID进行分页查询"; 8.2.1.x "分页查询的起始资源id，
    /// 取值为上一页最后一条查询记录的资源id"); other query filters that take an id (`volume_id` of
    /// the snapshot lists) only narrow a list, and an unknown one matches nothing.
    func references(query: [ScenarioStep.QueryItem]) -> [CaseCandidate] {
        var cases: [CaseCandidate] = []
        // A read that names a resource in its body filters by it (the Tencent gateway's
        // `DiskLogsList` `DiskId`): an unknown one matches nothing, and that is no refusal.
        let filters = ReadOnlyOperations.isReadOnly(service: service, operation: operation.id, method: operation.method)
        if !filters, let schema = operation.requestBody, let body = golden("request.min.json") {
            for property in SchemaNode.walk(schema, body).flatMap({ node in node.schema.properties.map { (node.path.appending(.member($0.name)), $0) } }) {
                let (path, member) = property
                let variable = plan.bodyMembers[member.name] ?? (plan.recipe(for: member.name) != nil ? member.name : nil)
                guard let variable, member.schema.kind == .string, plan.recipe(for: variable) != nil else { continue }
                let broken = StatefulBreak(constraint: "\(path): \(Self.unknownID) names no \(variable.replacingOccurrences(of: "_id", with: "")) (\(member.name) must name an existing one)",
                                           citation: member.schema.source, codes: FieldErrorCodes.danglingCodes(for: path.description, resource: variable, in: spec))
                var candidate = CaseCandidate(kind: .negative, label: "\(path) names no resource", query: query, body: path.replacing(in: body, with: .string(Self.unknownID)))
                candidate.stateful = broken
                cases.append(candidate)
            }
        }
        if let marker = queryParameters.first(where: { $0.name == "marker" }) {
            var candidate = CaseCandidate(kind: .negative, label: "query marker names no resource", query: query + [.init("marker", Self.unknownID)], body: golden("request.min.json"))
            candidate.stateful = StatefulBreak(constraint: "marker: \(Self.unknownID) names no resource of the list (marker is the id of the last item of the page before)",
                                               citation: marker.schema.source, codes: FieldErrorCodes.danglingCodes(for: "marker", in: spec))
            cases.append(candidate)
        }
        return cases
    }

    /// Requests whose value breaks a documented relation with the resource it names
    /// (``StateMachine/Relation``): `new_size` equal to the size the plan created the volume with
    /// where it must be greater (6.1.7 "扩容的大小必须大于原有云硬盘容量"), one less where it
    /// must be at least that (6.1.11). The case gets a volume of its own, so its size is known.
    func relations(query: [ScenarioStep.QueryItem]) -> [CaseCandidate] {
        guard let body = golden("request.min.json") ?? golden("request.full.json") else { return [] }
        var cases: [CaseCandidate] = []
        for machine in Rules.stateMachines where machine.service == service {
            for relation in machine.relations where relation.operations.contains(operation.id) {
                guard case .value(let path, let locators) = relation.subject, case .path(let parameter)? = locators.first,
                      let created = createdValue(relation.field, of: plan.variable(forParameter: parameter)) else { continue }
                let value = relation.comparison == .greaterThan ? created : created - 1
                let target = BodyPath(dotted: path)
                var candidate = CaseCandidate(kind: .negative, label: "\(target) not \(relation.comparison.words) the volume's \(relation.field) \(created)", query: query,
                                              body: target.replacing(in: body, with: .number(String(value))))
                candidate.stateful = StatefulBreak(constraint: "\(target): \(value) is not \(relation.comparison.words) the \(relation.field) \(created) of the resource it names",
                                                   citation: relation.citation.reference, codes: FieldErrorCodes.relationCodes(field: relation.field, comparison: relation.comparison, in: spec), fresh: true)
                cases.append(candidate)
            }
        }
        return cases
    }

    /// The value the plan's recipe for `variable` creates its resource with at member `field`
    /// (`size` 10 of the volume recipe's create body).
    func createdValue(_ field: String, of variable: String) -> Int? {
        for step in plan.recipe(for: variable)?.steps ?? [] {
            guard case .create(let created, _, _) = step.effect, created == variable, case .json(let body)? = step.body else { continue }
            if let value = Self.member(field, in: body)?.doubleValue { return Int(value) }
        }
        return nil
    }

    static func member(_ name: String, in value: JSONValue) -> JSONValue? {
        if let found = value[name] { return found }
        switch value {
        case .object(let members): return members.keys.sorted().lazy.compactMap { member(name, in: members[$0]!) }.first
        case .array(let elements): return elements.lazy.compactMap { member(name, in: $0) }.first
        default: return nil
        }
    }

    /// The idempotency token of an earlier request sent again with another body: the docs call
    /// requests with one token one request (6.1.1 `X-Client-Token`: "携带相同幂等标识的多个请求，
    /// 会认为多个请求为同一个幂等请求，会返回相同的响应体。"), and A.1 gives the refusal of a token
    /// reused for another request (`EVS.2219 "url/project id/body conflict with X-Client-Token"`).
    /// The first request is the plan's own create of the resource (so the run deletes what it
    /// made), with the token; an operation no recipe creates with gets no such case. The token
    /// holds the run id: a live endpoint remembers tokens for 8 hours.
    func idempotencyConflict(_ header: Parameter, query: [ScenarioStep.QueryItem], body: JSONValue?) -> CaseCandidate? {
        let codes = FieldErrorCodes.conflictCodes(header: header.name, in: spec)
        guard let body, !codes.isEmpty,
              var first = plan.recipes.lazy.flatMap(\.steps).first(where: { step in
                  if case .create = step.effect { step.operation == operation.id } else { false }
              }) else { return nil }
        let token = "636f6e66-6f72-4d00-8000-0000{{run_id}}"
        first.name = "send a request with \(header.name) \(token)"
        first.headers[header.name] = token
        first.requires = CaseGenerator.placeholders(of: first)
        var candidate = CaseCandidate(kind: .negative, label: "header \(header.name) of an earlier request, another body", query: query, body: body, headers: [header.name: token])
        candidate.before = [first]
        candidate.stateful = StatefulBreak(constraint: "\(header.name): \(token) was sent before with another body (one token is one request)",
                                           citation: header.schema.source, codes: codes)
        return candidate
    }
}
