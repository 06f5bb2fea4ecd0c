import ConformanceModel
import ConformanceSpecs

/// The negative candidates that break the operation's cross-field rules (``BodyRule``).
extension CaseCandidates {
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
}
