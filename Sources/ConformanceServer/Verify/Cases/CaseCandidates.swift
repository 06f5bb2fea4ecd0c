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
        if let header = operation.idempotencyHeader, let conflict = idempotencyConflict(header, query: query, body: body) { cases.append(conflict) }
        return cases
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
