import ConformanceModel
import OpenAPIKit

/// A cross-field body rule (`ConformanceSpecs/Rules/`) as JSON Schema 2020-12, so that a
/// generic client generates requests that keep it and a generic validator checks it.
///
/// Every rule is rooted at the body, each dotted path spelled as nested `properties` with
/// `required` at every level, using only `anyOf`, `not` and `required` (what OpenAPIKit
/// models, and what every JSON Schema implementation reads):
/// - at most one of `a`, `b`, `c`: `not: {anyOf: [{a and b}, {a and c}, {b and c}]}`;
/// - `f` required when `c` is one of S: `anyOf: [{not: c ∈ S}, {f present}]` (the `if`/`then`
///   of 2020-12 written out: `if X then Y` is `not X or Y`);
/// - `f` forbidden when `c` is one of S: `anyOf: [{not: c ∈ S}, {not: f present}]`; a negated
///   condition ("not one of S", an absent `c` included) swaps the first branch;
/// - at most N items: `maxItems` on the array.
/// Each schema carries `x-rule` (the rule id) and `x-citation` (the sentence it encodes).
///
/// `null` counts as absent, as in the request schemas (`RequestNulls`): the validator captures
/// a `null` for an optional field as absent, so no rule counts it. "Present" is therefore
/// "present and not null", and a field a rule only bounds (`maxItems`) may be null.
enum BodyRuleSchema {
    static func schema(for rule: BodyRule) -> JSONSchema {
        let schema: JSONSchema
        switch rule.requirement {
        case .atMostOne(let fields):
            var pairs: [JSONSchema] = []
            for (index, first) in fields.enumerated() {
                for second in fields[(index + 1)...] {
                    pairs.append(.all(of: [present(first), present(second)], core: .init()))
                }
            }
            schema = .not(.any(of: pairs, core: .init()), core: .init())
        case .requiredWhen(let field, let condition):
            schema = .any(of: [.not(holds(condition), core: .init()), present(field)], core: .init())
        case .forbiddenWhen(let field, let condition):
            schema = .any(of: [.not(holds(condition), core: .init()), .not(present(field), core: .init())], core: .init())
        case .maxItems(let field, let limit):
            schema = nested(field) { _ in JSONSchema.array(required: false, nullable: true, maxItems: limit) }
        }
        return schema.with(vendorExtensions: [
            "x-rule": AnyCodable(rule.id),
            "x-citation": OpenAPIExporter.anyCodable(rule.citation),
        ])
    }

    /// The schema that holds when `condition` does.
    private static func holds(_ condition: BodyRule.Condition) -> JSONSchema {
        let equals = nested(condition.field, required: true) { required in
            JSONSchema.fragment(required: required, allowedValues: condition.isOneOf.map { AnyCodable($0) })
        }
        return condition.negated ? .not(equals, core: .init()) : equals
    }

    /// `path` is present: required at every level, and not null.
    private static func present(_ path: String) -> JSONSchema {
        nested(path, required: true) { required in JSONSchema.not(.null(), core: .init(required: required)) }
    }

    /// `leaf` at the dotted `path` below the body root, wrapped in one object per segment.
    private static func nested(_ path: String, required: Bool = false, leaf: (Bool) -> JSONSchema) -> JSONSchema {
        let segments = path.split(separator: ".").map(String.init)
        var schema = leaf(required)
        for (index, segment) in segments.enumerated().reversed() {
            // The outermost object is the body itself, always there; an optional object on
            // the way may be null (read as absent).
            schema = .object(required: index == 0 ? true : required, nullable: index > 0 && !required, properties: [segment: schema])
        }
        return schema
    }
}
