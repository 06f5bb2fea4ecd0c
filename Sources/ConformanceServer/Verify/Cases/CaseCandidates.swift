import ConformanceModel
import ConformanceSpecs

/// A request the generator proposes for one operation, before the validator checks that it
/// is what it claims (valid for positive and boundary cases, breaking a documented constraint
/// for negative ones).
struct CaseCandidate {
    var kind: CaseKind
    /// What the request tries, in words (`request.min`, `/volume/size at its maximum 32768`).
    var label: String
    var query: [ScenarioStep.QueryItem]
    var body: JSONValue?
    /// Headers beside the builder's (a negative case's broken `X-Client-Token`).
    var headers: [String: String] = [:]
    /// Sent without credentials (a negative case of an operation that requires them).
    var anonymous = false

    /// For a negative case whose request is well-formed and breaks what the endpoint holds (an
    /// id that names no resource, a size not above the volume's): the broken constraint, as the
    /// validator cannot see it. The request must raise no finding.
    var stateful: StatefulBreak?
    /// Steps sent before the tested request (the first request of an idempotent pair, the
    /// steps that bring a resource into a state).
    var before: [ScenarioStep] = []
    /// Path parameter → the variable it takes, where not the plan's (a volume in another state).
    var pathVariables: [String: String] = [:]

    /// Whether the candidate is about the request's headers (its verdict is read from the
    /// header findings; every other candidate's from the body, query and path).
    var isAboutHeaders: Bool { anonymous || !headers.isEmpty }
}

/// A constraint a well-formed request breaks against the endpoint's resources: what it breaks,
/// where the docs say so, the documented codes that answer it (best first), and whether the
/// case needs resources of its own (a relation compares the very volume it creates).
struct StatefulBreak {
    var constraint: String
    var citation: DocReference?
    var codes: [String]
    var fresh: Bool = false
}

/// Proposes the positive, boundary and negative requests of one operation from its documented
/// parameters, its body schema, its examples and the synthesized `request.min`/`request.full`
/// payloads, with the resource plan's ids in place.
struct CaseCandidates {
    let spec: ServiceSpec
    var service: String { spec.service }
    let operation: ConformanceModel.Operation
    let plan: ResourcePlan

    /// Every candidate, positive first, then boundary, then negative, each in document order.
    func all() -> [CaseCandidate] {
        positive() + boundary() + negative()
    }

    // MARK: Bodies and query items

    /// The operation's `request.min` / `request.full` with the plan's ids and values in place.
    func golden(_ file: String) -> JSONValue? {
        GoldenBodies.payload(service: service, operation: operation.id, file: file).map(substituted)
    }

    /// `value` with every member the plan names (`volume_id`, `DiskIds`) given the plan's
    /// placeholder or value, at any depth.
    func substituted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var result: [String: JSONValue] = [:]
            for (name, member) in members {
                if let variable = plan.bodyMembers[name] {
                    result[name] = member.arrayValue != nil ? .array([.string("{{\(variable)}}")]) : .string("{{\(variable)}}")
                } else if let fixed = plan.bodyValues[name] {
                    result[name] = fixed
                } else {
                    result[name] = substituted(member)
                }
            }
            return .object(result)
        case .array(let elements):
            return .array(elements.map(substituted))
        default:
            return value
        }
    }

    var queryParameters: [Parameter] { operation.parameters(in: .query).filter { $0.name != operation.action } }

    /// A documented value for a query parameter, or nil when the docs give nothing safe to send
    /// (a free-text `marker` would name a resource that does not exist).
    func sample(_ parameter: Parameter, required: Bool) -> String? {
        let schema = parameter.schema
        if let first = schema.enumeration?.first { return first }
        if let value = schema.defaultValue, !value.isEmpty { return value }
        switch schema.kind {
        case .integer, .number:
            if let minimum = schema.minimum { return Self.number(max(minimum, 1)) }
            return "1"
        case .boolean:
            return "true"
        default:
            let variable = plan.variable(forParameter: parameter.name)
            if plan.recipe(for: variable) != nil { return "{{\(variable)}}" }
            return required ? "conformance" : nil
        }
    }

    /// The required query items, or every one with a documented value; first the bare key
    /// that selects the operation on a shared route (Baidu's `?purchaseReserved`).
    func query(full: Bool) -> [ScenarioStep.QueryItem] {
        var items: [ScenarioStep.QueryItem] = []
        if operation.actionSelector == .queryKey, let action = operation.action { items.append(.init(action)) }
        return items + queryParameters.compactMap { parameter in
            guard parameter.name != operation.action, full || parameter.required, let value = sample(parameter, required: parameter.required) else { return nil }
            return ScenarioStep.QueryItem(parameter.name, value)
        }
    }

    // MARK: Positive

    func positive() -> [CaseCandidate] {
        var cases: [CaseCandidate] = []
        let minimal = query(full: false)
        let full = query(full: true)
        for (position, example) in operation.examples.enumerated() where example.kind == .request {
            guard let value = example.value else { continue }
            cases.append(CaseCandidate(kind: .positive, label: "the docs' request example \(position + 1)", query: full, body: substituted(value)))
        }
        let min = golden("request.min.json")
        cases.append(CaseCandidate(kind: .positive, label: "request.min", query: minimal, body: min))
        if let fullBody = golden("request.full.json") ?? min, fullBody != min || full != minimal {
            cases.append(CaseCandidate(kind: .positive, label: "request.full", query: full, body: fullBody))
        }
        return cases
    }

    // MARK: Boundary

    func boundary() -> [CaseCandidate] {
        var cases: [CaseCandidate] = []
        let minimal = query(full: false)
        if let body = golden("request.full.json") ?? golden("request.min.json"), let schema = operation.requestBody {
            for node in SchemaNode.walk(schema, body) where !isPlanned(node) {
                for (label, value) in edges(of: node) {
                    cases.append(CaseCandidate(kind: .boundary, label: "\(node.path) \(label)", query: minimal, body: node.path.replacing(in: body, with: value)))
                }
            }
        }
        let body = golden("request.min.json")
        for parameter in queryParameters {
            let others = minimal.filter { $0.name != parameter.name }
            for (label, value) in edges(of: SchemaNode(path: BodyPath(), schema: parameter.schema, value: .null)) {
                guard let text = value.stringValue ?? value.numberText else { continue }
                cases.append(CaseCandidate(kind: .boundary, label: "query \(parameter.name) \(label)", query: others + [.init(parameter.name, text)], body: body))
            }
        }
        return cases
    }

    /// Whether the plan fixes the node's value (an id, `new_size`): its edges would break the
    /// plan, not test the field.
    func isPlanned(_ node: SchemaNode) -> Bool {
        guard let name = node.path.lastMember else { return false }
        return plan.bodyMembers[name] != nil || plan.bodyValues[name] != nil
    }

    /// The documented edges of one node: bounds, lengths, item counts, first and last
    /// enumeration values.
    func edges(of node: SchemaNode) -> [(String, JSONValue)] {
        let schema = node.schema
        var edges: [(String, JSONValue)] = []
        if let values = schema.enumeration, values.count > 1 {
            edges.append(("= first documented value \(values[0])", .string(values[0])))
            edges.append(("= last documented value \(values[values.count - 1])", .string(values[values.count - 1])))
            return edges
        }
        switch schema.kind {
        case .integer, .number:
            if let minimum = schema.minimum { edges.append(("at its minimum \(Self.number(minimum))", .number(Self.number(minimum)))) }
            if let maximum = schema.maximum { edges.append(("at its maximum \(Self.number(maximum))", .number(Self.number(maximum)))) }
        case .string where schema.format == nil:
            if let length = schema.maxLength, length <= 4096 { edges.append(("at its maximum length \(length)", .string(Self.text(length: length)))) }
            if let length = schema.minLength, length > 0 { edges.append(("at its minimum length \(length)", .string(Self.text(length: length)))) }
        case .array:
            if let limit = schema.maxItems, limit <= 100, let first = node.value.arrayValue?.first {
                edges.append(("with its maximum \(limit) items", .array(Array(repeating: first, count: limit))))
            }
        default:
            break
        }
        return edges
    }

    // MARK: Negative

    func negative() -> [CaseCandidate] {
        var cases: [CaseCandidate] = []
        let minimal = query(full: false)
        if let schema = operation.requestBody, let body = golden("request.min.json") {
            // The whole body left out: the validator refuses it only when the body has a
            // required field (a body of optional fields may be absent).
            cases.append(CaseCandidate(kind: .negative, label: "without its body", query: minimal, body: nil))
            for node in SchemaNode.walk(schema, body) {
                for property in node.schema.properties.sorted(by: { $0.name < $1.name }) where property.required && node.value[property.name] != nil {
                    let path = node.path.appending(.member(property.name))
                    cases.append(CaseCandidate(kind: .negative, label: "\(path) missing", query: minimal, body: path.replacing(in: body, with: nil)))
                }
            }
        }
        if let schema = operation.requestBody, let body = golden("request.full.json") ?? golden("request.min.json") {
            for node in SchemaNode.walk(schema, body) where !node.path.steps.isEmpty && !isPlanned(node) {
                for (label, value) in broken(node) {
                    cases.append(CaseCandidate(kind: .negative, label: "\(node.path) \(label)", query: minimal, body: node.path.replacing(in: body, with: value)))
                }
            }
        }
        if let full = golden("request.full.json"), let schema = operation.requestBody {
            cases += ruleBreaking(full, schema: schema).map { label, body in CaseCandidate(kind: .negative, label: label, query: minimal, body: body) }
        }
        let body = golden("request.min.json")
        for parameter in queryParameters {
            let others = minimal.filter { $0.name != parameter.name }
            if parameter.required {
                cases.append(CaseCandidate(kind: .negative, label: "query \(parameter.name) missing", query: others, body: body))
            }
            for (label, value) in broken(SchemaNode(path: BodyPath(), schema: parameter.schema, value: .null)) {
                guard let text = value.stringValue ?? value.numberText else { continue }
                cases.append(CaseCandidate(kind: .negative, label: "query \(parameter.name) \(label)", query: others + [.init(parameter.name, text)], body: body))
            }
        }
        return cases + headerNegatives(query: minimal, body: body) + references(query: minimal) + relations(query: minimal) + preconditions(query: minimal)
    }

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

    /// Bodies that break one cross-field rule of the operation (``BodyRule``) each, made from
    /// `full`: every member of an at-most-one group given; a field left out where its condition
    /// requires it (once per value the condition lists); a field given where its condition
    /// forbids it. A member `full` lacks gets the plan's resource or a UUID-shaped id.
    func ruleBreaking(_ full: JSONValue, schema: Schema) -> [(String, JSONValue)] {
        let rules = Rules.body(service: service, operation: operation.id)
        let nodes = SchemaNode.walk(schema, full)
        func value(at field: String) -> JSONValue? {
            field.split(separator: ".").reduce(Optional(full)) { $0?[String($1)] }
        }
        /// Documented values of a condition's field outside `list`: first those other rules name.
        func others(_ field: String, outside list: [String]) -> [String] {
            let named = rules.flatMap { rule -> [String] in
                switch rule.requirement {
                case .requiredWhen(_, let condition), .forbiddenWhen(_, let condition): condition.field == field ? condition.isOneOf : []
                default: []
                }
            }
            let documented = nodes.first { $0.path == BodyPath(dotted: field) }?.schema.enumeration ?? []
            var seen = Set(list)
            return (named + documented).filter { seen.insert($0).inserted }
        }
        var bodies: [(String, JSONValue)] = []
        for rule in rules {
            switch rule.requirement {
            case .atMostOne(let fields):
                var body = full
                for (index, field) in fields.enumerated() where value(at: field) == nil {
                    let name = String(field.split(separator: ".").last ?? "")
                    let filler: JSONValue = plan.bodyMembers[name].map { .string("{{\($0)}}") } ?? .string("6d6f636b-5e52-4000-8000-\(String(format: "%012d", 900 + index))")
                    body = BodyPath(dotted: field).replacing(in: body, with: filler)
                }
                bodies.append(("every member of \(fields.joined(separator: ", ")) given (rule \(rule.id))", body))
            case .requiredWhen(let field, let condition) where !condition.negated:
                for given in condition.isOneOf {
                    let body = BodyPath(dotted: condition.field).replacing(in: full, with: .string(given))
                    bodies.append(("\(field) left out with \(condition.field) \(given) (rule \(rule.id))", BodyPath(dotted: field).replacing(in: body, with: nil)))
                }
            case .maxItems(let field, let limit):
                guard let first = value(at: field)?.arrayValue?.first, limit < 1000 else { continue }
                // Distinct items (a tag's `key` numbered), so that no reading of duplicates as one
                // item keeps the request within the limit.
                let items: [JSONValue] = (0...limit).map { index in
                    guard let key = first["key"]?.stringValue else { return first }
                    return first.mockSetting(["key"], to: .string("\(key)-\(index)"))
                }
                bodies.append(("\(field) with \(limit + 1) items (rule \(rule.id))", BodyPath(dotted: field).replacing(in: full, with: .array(items))))
            case .forbiddenWhen(let field, let condition):
                guard let present = value(at: field) else { continue }
                let values = condition.negated ? Array(others(condition.field, outside: condition.isOneOf).prefix(1)) : Array(condition.isOneOf.prefix(1))
                for given in values {
                    let body = BodyPath(dotted: condition.field).replacing(in: full, with: .string(given))
                    bodies.append(("\(field) given with \(condition.field) \(given) (rule \(rule.id))", BodyPath(dotted: field).replacing(in: body, with: present)))
                }
            case .requiredWhen:
                continue
            }
        }
        return bodies
    }

    /// The request without credentials, when a header the operation requires carries them
    /// (EVS 6.1.1 表 6-2: `X-Auth-Token` 必选), and each documented header format broken
    /// (`X-Client-Token` "36位的UUID格式字符串" sent as `not-a-uuid`).
    func headerNegatives(query: [ScenarioStep.QueryItem], body: JSONValue?) -> [CaseCandidate] {
        var cases: [CaseCandidate] = []
        let headers = operation.parameters(in: .header)
        // The headers the service documents as carrying a credential (`ServiceSpec.authentication`:
        // Huawei's `X-Auth-Token` and the signature's `Authorization`, Baidu's `Authorization`).
        let credentialHeaders = Set((Specs.service(service)?.authentication ?? []).map { $0.header.lowercased() })
        if headers.contains(where: { $0.required && credentialHeaders.contains($0.name.lowercased()) }) {
            cases.append(CaseCandidate(kind: .negative, label: "sent without credentials", query: query, body: body, anonymous: true))
        }
        for header in headers where header.schema.format == "uuid" {
            cases.append(CaseCandidate(kind: .negative, label: "header \(header.name) not a UUID", query: query, body: body, headers: [header.name: "not-a-uuid"]))
        }
        if let header = MockIdempotency.header(of: operation), let conflict = idempotencyConflict(header, query: query, body: body) { cases.append(conflict) }
        return cases
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

    /// Values that break one documented constraint of a node: past a bound, past a length,
    /// outside the enumeration, too many items, the wrong type.
    func broken(_ node: SchemaNode) -> [(String, JSONValue)] {
        let schema = node.schema
        var values: [(String, JSONValue)] = []
        if let enumeration = schema.enumeration, !enumeration.isEmpty {
            values.append(("outside its enumeration", .string("not-a-documented-value")))
        }
        switch schema.kind {
        case .integer, .number:
            if let maximum = schema.maximum { values.append(("above its maximum \(Self.number(maximum))", .number(Self.number(maximum + 1)))) }
            if let minimum = schema.minimum { values.append(("below its minimum \(Self.number(minimum))", .number(Self.number(minimum - 1)))) }
            values.append(("as text instead of a number", .string("ten")))
        case .string:
            if let length = schema.maxLength, length <= 4096 { values.append(("longer than its maximum length \(length)", .string(Self.text(length: length + 1)))) }
            if let length = schema.minLength, length > 1 { values.append(("shorter than its minimum length \(length)", .string(Self.text(length: length - 1)))) }
        case .boolean:
            values.append(("as text instead of a boolean", .string("yes")))
        case .object, .map:
            values.append(("as text instead of an object", .string("text")))
        case .array:
            values.append(("as text instead of an array", .string("text")))
            if let limit = schema.maxItems, limit < 1000, let first = node.value.arrayValue?.first {
                values.append(("with \(limit + 1) items, above its maximum \(limit)", .array(Array(repeating: first, count: limit + 1))))
            }
        case .any:
            break
        }
        return values
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// `length` characters of text that names the run's purpose (`conformance-xxxx…`).
    static func text(length: Int) -> String {
        String(String(repeating: "conformance-", count: length / 12 + 1).prefix(length))
    }
}

extension JSONValue {
    /// The literal of a number.
    var numberText: String? {
        if case .number(let literal) = self { return literal }
        return nil
    }
}

