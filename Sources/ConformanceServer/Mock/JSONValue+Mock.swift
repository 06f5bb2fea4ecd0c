import ConformanceModel

extension JSONValue {
    /// This object with the member at `path` set to `value` (removed when nil); intermediate
    /// objects are created; a non-object is returned unchanged.
    func mockSetting(_ path: [String], to value: JSONValue?) -> JSONValue {
        guard let key = path.first else { return value ?? self }
        guard case .object(var members) = self else { return self }
        if path.count == 1 {
            members[key] = value
        } else {
            members[key] = (members[key] ?? .object([:])).mockSetting(Array(path.dropFirst()), to: value)
        }
        return .object(members)
    }

    /// `[String: String]` as a JSON object.
    static func stringMap(_ map: [String: String]) -> JSONValue {
        .object(map.mapValues { .string($0) })
    }
}
