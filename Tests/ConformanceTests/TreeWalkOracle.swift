import ConformanceModel
@testable import Conformance

/// A deliberately plain validator that walks a parsed `JSONValue` against a `Schema`: the
/// oracle the single-pass scanner is held to. It reports (kind, pointer) pairs only.
enum TreeWalkOracle {
    struct Issue: Hashable, CustomStringConvertible {
        var kind: BodyIssue.Kind
        var pointer: String
        var description: String { "\(kind.rawValue) \(pointer)" }
    }

    static func issues(_ value: JSONValue, _ schema: Schema) -> Set<Issue> {
        var result: Set<Issue> = []
        walk(value, schema, pointer: "", context: nil, into: &result)
        return result
    }

    private static func walk(_ value: JSONValue, _ schema: Schema?, pointer: String, context: Schema?, into result: inout Set<Issue>) {
        var context = context
        guard let schema, schema.kind != .any else {
            // Without a schema, fields listed for any depth still apply below.
            descend(value, pointer: pointer, context: context, into: &result)
            return
        }
        func report(_ kind: BodyIssue.Kind) { result.insert(Issue(kind: kind, pointer: pointer)) }
        switch value {
        case .null:
            if !schema.nullable { report(.type) }
        case .bool:
            if schema.kind != .boolean { report(.type) }
        case .string(let text):
            guard schema.kind == .string else { return report(.type) }
            if let values = schema.enumeration, !values.contains(text) { report(.enum) }
            let length = text.unicodeScalars.count
            if let maximum = schema.maxLength, length > maximum { report(.range) }
            if let minimum = schema.minLength, length < minimum { report(.range) }
        case .number(let literal):
            guard schema.kind == .integer || schema.kind == .number else { return report(.type) }
            let number = Double(literal)!
            if schema.kind == .integer, number.rounded() != number { return report(.type) }
            if let values = schema.enumeration, !values.contains(literal) { report(.enum) }
            if let maximum = schema.maximum, number > maximum { report(.range) }
            if let minimum = schema.minimum, number < minimum { report(.range) }
        case .array(let elements):
            guard schema.kind == .array else {
                report(.type)
                return descend(value, pointer: pointer, context: context, into: &result)
            }
            for (index, element) in elements.enumerated() {
                walk(element, schema.items, pointer: pointer + "/\(index)", context: context, into: &result)
            }
            if let maximum = schema.maxItems, elements.count > maximum { report(.range) }
            if let minimum = schema.minItems, elements.count < minimum { report(.range) }
        case .object(let members):
            if schema.kind == .map {
                for (key, member) in members { walk(member, schema.values, pointer: pointer + "/" + escape(key), context: context, into: &result) }
                return
            }
            guard schema.kind == .object else {
                report(.type)
                return descend(value, pointer: pointer, context: context, into: &result)
            }
            if schema.fieldsAtAnyDepth { context = schema }
            for (key, member) in members {
                if let property = schema.property(named: key) {
                    walk(member, property.schema, pointer: pointer + "/" + escape(key), context: context, into: &result)
                } else if let contextual = context?.property(named: key) {
                    walk(member, contextual.schema, pointer: pointer + "/" + escape(key), context: context, into: &result)
                } else {
                    if !schema.properties.isEmpty && context == nil { result.insert(Issue(kind: .unknownField, pointer: pointer + "/" + escape(key))) }
                    walk(member, nil, pointer: pointer + "/" + escape(key), context: context, into: &result)
                }
            }
            if !schema.fieldsAtAnyDepth {
                for property in schema.properties where property.required && members[property.name] == nil {
                    result.insert(Issue(kind: .missingField, pointer: pointer + "/" + escape(property.name)))
                }
            }
        }
    }

    /// Walks a value with no schema of its own, applying any-depth fields to members.
    private static func descend(_ value: JSONValue, pointer: String, context: Schema?, into result: inout Set<Issue>) {
        switch value {
        case .object(let members):
            for (key, member) in members {
                walk(member, context?.property(named: key)?.schema, pointer: pointer + "/" + escape(key), context: context, into: &result)
            }
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                walk(element, nil, pointer: pointer + "/\(index)", context: context, into: &result)
            }
        default:
            break
        }
    }

    private static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
