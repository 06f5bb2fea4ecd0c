import ConformanceModel

/// Finds keys of a doc's own example that its tables do not document.
///
/// Examples and tables are written separately and drift apart: the EVS create-volume table
/// spells `OS-SCH-HNT:schedule_r_hints` where its example sends `OS-SCH-HNT:scheduler_hints`.
/// The table's spelling stays the field name; each such key is reported with the documented
/// field it most likely means, so that the lint command and a reviewer see the mismatch.
/// Only keys are compared (types are the validator's job), and only where the schema is an
/// object with known fields.
public enum ExampleKeyCheck {
    /// One example key the schema does not list.
    public struct Mismatch: Sendable, Hashable {
        /// A JSON pointer to the key's parent, e.g. `/volume`.
        public var pointer: String
        public var key: String
        /// A documented field whose name is close to `key`, if any.
        public var closest: String?
    }

    public static func mismatches(_ value: JSONValue, against schema: Schema, pointer: String = "", depth: Int = 0) -> [Mismatch] {
        guard depth < 16 else { return [] }
        switch schema.kind {
        case .object:
            guard let members = value.objectValue, !schema.properties.isEmpty else { return [] }
            var result: [Mismatch] = []
            for key in members.keys.sorted() {
                let child = members[key]!
                if let property = schema.property(named: key) {
                    result += mismatches(child, against: property.schema, pointer: pointer + "/" + escape(key), depth: depth + 1)
                } else {
                    result.append(Mismatch(pointer: pointer.isEmpty ? "/" : pointer, key: key, closest: closest(to: key, in: schema.properties.map(\.name))))
                }
            }
            return result
        case .array:
            guard case .array(let elements) = value, let items = schema.items else { return [] }
            var result: [Mismatch] = []
            for (index, element) in elements.enumerated() {
                result += mismatches(element, against: items, pointer: pointer + "/\(index)", depth: depth + 1)
            }
            return result
        case .map:
            guard let members = value.objectValue, let values = schema.values else { return [] }
            return members.keys.sorted().flatMap { mismatches(members[$0]!, against: values, pointer: pointer + "/" + escape($0), depth: depth + 1) }
        default:
            return []
        }
    }

    static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The documented name `key` most likely misspells: within a fifth of its length (at least one edit).
    static func closest(to key: String, in names: [String]) -> String? {
        let limit = max(1, key.count / 5)
        let scored = names.map { ($0, EditDistance.between($0.lowercased(), key.lowercased(), limit: limit)) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }
}
