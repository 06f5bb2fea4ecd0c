import ConformanceModel

/// Reading and editing a JSON value at a dotted field path (`volume.imageRef`), the path form
/// of `BodyRule`.
extension JSONValue {
    /// The value at `path`, or `nil` when a step is missing or not an object.
    func value(at path: [String]) -> JSONValue? {
        guard let first = path.first else { return self }
        return self[first]?.value(at: Array(path.dropFirst()))
    }

    /// A copy with `path` set to `newValue`, or removed when `newValue` is `nil`. Missing
    /// intermediate objects are created only when setting.
    func setting(_ path: [String], to newValue: JSONValue?) -> JSONValue {
        guard let first = path.first else { return newValue ?? self }
        guard case .object(var members) = self else { return self }
        if path.count == 1 {
            members[first] = newValue
        } else if let child = members[first] {
            members[first] = child.setting(Array(path.dropFirst()), to: newValue)
        } else if newValue != nil {
            members[first] = JSONValue.object([:]).setting(Array(path.dropFirst()), to: newValue)
        }
        return .object(members)
    }

    /// The text a `BodyRule.Condition` compares: a string's contents, any other scalar's literal.
    var conditionText: String? {
        switch self {
        case .string(let text): text
        case .number(let literal): literal
        case .bool(let bool): bool ? "true" : "false"
        case .null, .array, .object: nil
        }
    }
}

extension Schema {
    /// The schema of the field at a dotted path below this object.
    func schema(at path: [String]) -> Schema? {
        guard let first = path.first else { return self }
        return property(named: first)?.schema.schema(at: Array(path.dropFirst()))
    }
}
