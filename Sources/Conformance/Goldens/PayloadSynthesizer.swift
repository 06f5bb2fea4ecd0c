import ConformanceModel

/// Builds a JSON value from a documented `Schema`: the synthesized half of the goldens.
///
/// DESIGN.md "Golden payloads": `request.min.json` holds only required fields,
/// `request.full.json` every documented field with nested objects filled, and
/// `response-<status>.json` every field of the response body. Arrays get one element in
/// `full` mode (at least `minItems`, at most `maxItems`) and `minItems` elements in `minimal`
/// mode; a map gets the keys it lists, or, listing none, one entry in `full` mode. A field that names a state table takes the
/// table's first state. Recursion stops at a fixed depth so a self-referencing schema cannot
/// loop. The same inputs always give the same value.
struct PayloadSynthesizer {
    /// Which fields a payload carries.
    enum Mode {
        case minimal, full
    }

    let spec: ServiceSpec
    let operation: String
    let mode: Mode
    static let maximumDepth = 24

    /// The value for `schema` at `pointer` (an RFC 6901 pointer, part of the UUID key).
    func value(_ schema: Schema, name: String = "", pointer: String = "", depth: Int = 0) -> JSONValue {
        let key = "\(spec.service)/\(operation)/\(pointer)"
        if let values = schema.enumeration, let first = values.lazy.compactMap({ SampleValue.enumerated($0, kind: schema.kind) }).first {
            return first
        }
        if let resource = schema.stateTable, let state = spec.stateTable(for: resource)?.states.first, schema.kind == .string || schema.kind == .any {
            return .string(state.value)
        }
        switch schema.kind {
        case .string:
            return .string(SampleValue.string(schema, name: name, key: key))
        case .integer:
            return .number(SampleValue.number(schema, name: name, integral: true))
        case .number:
            return .number(SampleValue.number(schema, name: name, integral: false))
        case .boolean:
            return .bool(false)
        case .any:
            return .object([:])
        case .object, .map:
            guard depth < Self.maximumDepth else { return .object([:]) }
            var members: [String: JSONValue] = [:]
            for property in schema.properties where mode == .full || property.required {
                members[property.name] = value(property.schema, name: property.name, pointer: pointer + "/" + escape(property.name), depth: depth + 1)
            }
            // A map that lists no keys of its own gets one of the caller's choosing in `full` mode.
            if schema.kind == .map, schema.properties.isEmpty, mode == .full {
                let valueSchema = schema.values ?? Schema(kind: .string)
                members["key1"] = value(valueSchema, name: "key1", pointer: pointer + "/key1", depth: depth + 1)
            }
            return .object(members)
        case .array:
            let minimum = max(schema.minItems ?? 0, 0)
            var count = mode == .full ? max(minimum, 1) : minimum
            if let maximum = schema.maxItems { count = min(count, max(maximum, 0)) }
            guard depth < Self.maximumDepth, let items = schema.items else {
                return .array(Array(repeating: .string("golden-\(name)"), count: schema.items == nil ? count : 0))
            }
            return .array((0..<count).map { index in
                value(items, name: singular(name), pointer: pointer + "/\(index)", depth: depth + 1)
            })
        }
    }

    /// `volume_ids` → `volume_id`, so that an array of ids gets UUID elements.
    private func singular(_ name: String) -> String {
        name.hasSuffix("s") ? String(name.dropLast()) : name
    }

    private func escape(_ name: String) -> String {
        var escaped = ""
        for character in name {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
