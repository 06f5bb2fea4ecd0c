import ConformanceModel
@testable import Conformance

/// A deliberately plain validator that walks a parsed `JSONValue` against a `Schema`: the
/// oracle the single-pass scanner is held to. It reports (kind, pointer, disputed) only.
///
/// Readings (`Schema.readings`) are applied the plain way: the issues of a value are computed
/// under the schema and under each reading; those a reading does not have become one disputed
/// issue (the weightiest kind; its own pointer when it is alone, else the value's), except an
/// issue about a value (type, enum, range) the reading finds wrong too, for whatever reason.
enum TreeWalkOracle {
    struct Issue: Hashable, CustomStringConvertible {
        var kind: BodyIssue.Kind
        var pointer: String
        var disputed = false
        var description: String { "\(kind.rawValue) \(pointer)\(disputed ? " (disputed)" : "")" }
    }

    static func issues(_ value: JSONValue, _ schema: Schema) -> Set<Issue> {
        var result: Set<Issue> = []
        walk(value, schema, pointer: "", context: nil, into: &result)
        return result
    }

    private static func walk(_ value: JSONValue, _ schema: Schema?, pointer: String, context: Schema?, into result: inout Set<Issue>) {
        guard let schema, !schema.readings.isEmpty else { return plainWalk(value, schema, pointer: pointer, context: context, into: &result) }
        var own: Set<Issue> = []
        plainWalk(value, schema, pointer: pointer, context: context, into: &own)
        for reading in schema.readings where own.contains(where: { !$0.disputed }) {
            var bare = reading.schema
            bare.readings = []
            var alternative: Set<Issue> = []
            walkWithoutReadings(value, bare, pointer: pointer, context: context, into: &alternative)
            // A value the reading objects to as well (type, enum or range, whichever) follows no reading.
            let objected = Set(alternative.filter(\.kind.isAboutTheValue).map(\.pointer))
            let explained = own.filter { !$0.disputed && !alternative.contains($0) && !($0.kind.isAboutTheValue && objected.contains($0.pointer)) }
            guard !explained.isEmpty else { continue }
            own.subtract(explained)
            let lead = explained.max { $0.kind.weight < $1.kind.weight }!
            own.insert(Issue(kind: lead.kind, pointer: explained.count == 1 ? lead.pointer : pointer, disputed: true))
        }
        result.formUnion(own)
    }

    /// A reading's own tree: its nested schemas' readings do not apply.
    private static func walkWithoutReadings(_ value: JSONValue, _ schema: Schema, pointer: String, context: Schema?, into result: inout Set<Issue>) {
        plainWalk(value, stripped(schema), pointer: pointer, context: context, into: &result)
    }

    private static func stripped(_ schema: Schema) -> Schema {
        var copy = schema
        copy.readings = []
        copy.properties = copy.properties.map { Property(name: $0.name, required: $0.required, schema: stripped($0.schema)) }
        copy.items = copy.items.map(stripped)
        copy.values = copy.values.map(stripped)
        return copy
    }

    private static func plainWalk(_ value: JSONValue, _ schema: Schema?, pointer: String, context: Schema?, into result: inout Set<Issue>) {
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
                // An open object: its listed keys as documented, any other key valued as `values`.
                for (key, member) in members {
                    if let property = schema.property(named: key), isNullForOptional(member, property) {
                        result.insert(Issue(kind: .nullOptional, pointer: pointer + "/" + escape(key)))
                        continue
                    }
                    walk(member, schema.property(named: key)?.schema ?? schema.values, pointer: pointer + "/" + escape(key), context: context, into: &result)
                }
                for property in schema.properties where property.required && members[property.name] == nil {
                    result.insert(Issue(kind: .missingField, pointer: pointer + "/" + escape(property.name)))
                }
                return
            }
            guard schema.kind == .object else {
                report(.type)
                return descend(value, pointer: pointer, context: context, into: &result)
            }
            if schema.fieldsAtAnyDepth { context = schema }
            for (key, member) in members {
                if let property = schema.property(named: key), isNullForOptional(member, property) {
                    result.insert(Issue(kind: .nullOptional, pointer: pointer + "/" + escape(key)))
                } else if let property = schema.property(named: key) {
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

    /// `null` for an optional field whose type does not allow null, and which has no other reading.
    private static func isNullForOptional(_ value: JSONValue, _ property: Property) -> Bool {
        value == .null && !property.required && property.schema.kind != .any && !property.schema.nullable && property.schema.readings.isEmpty
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
