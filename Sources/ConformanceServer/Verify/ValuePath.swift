import ConformanceModel

/// A path into a JSON body as scenarios write it: member names joined by `.`, array indexes in
/// brackets (`volume_ids[0]`, `volume.id`, `data.Disks[0].DiskId`), and a filter in
/// brackets, `[Key=value]`, that picks the first array element whose member `Key` is `value`
/// (or keeps an object only when its `Key` is `value`): `data.List[DiskName=conformance-1a2b].DiskId`
/// captures an id only from the resource the run named.
///
/// Chosen over RFC 6901 pointers because it reads like the docs' own field names; a path that
/// does not parse or does not lead anywhere resolves to `nil`, never a crash.
public struct ValuePath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    enum Component: Sendable, Hashable {
        case member(String)
        case index(Int)
        case filter(String, String)
    }

    let components: [Component]
    public let description: String

    /// Parses `text`; `nil` when it is empty or malformed (`a[`, `a[x]`, `a..b`).
    public init?(_ text: String) {
        var components: [Component] = []
        var name = ""
        var index: String?
        for character in text {
            if var digits = index {
                if character == "]" {
                    if let equals = digits.firstIndex(of: "=") {
                        let key = String(digits[..<equals])
                        guard !key.isEmpty else { return nil }
                        components.append(.filter(key, String(digits[digits.index(after: equals)...])))
                    } else {
                        guard let value = Int(digits), value >= 0 else { return nil }
                        components.append(.index(value))
                    }
                    index = nil
                } else {
                    digits.append(character)
                    index = digits
                }
                continue
            }
            switch character {
            case ".":
                guard !name.isEmpty || components.last.map({ if case .member = $0 { false } else { true } }) == true else { return nil }
                if !name.isEmpty { components.append(.member(name)) }
                name = ""
            case "[":
                if !name.isEmpty { components.append(.member(name)) }
                name = ""
                index = ""
            default:
                name.append(character)
            }
        }
        guard index == nil else { return nil }
        if !name.isEmpty { components.append(.member(name)) }
        guard !components.isEmpty else { return nil }
        self.components = components
        self.description = text
    }

    /// The value the path leads to in `value`, if any.
    public func resolve(in value: JSONValue) -> JSONValue? {
        var current = value
        for component in components {
            switch component {
            case .member(let name):
                guard let next = current[name] else { return nil }
                current = next
            case .index(let position):
                guard let elements = current.arrayValue, position < elements.count else { return nil }
                current = elements[position]
            case .filter(let key, let wanted):
                if let elements = current.arrayValue {
                    guard let match = elements.first(where: { $0[key]?.stringValue == wanted }) else { return nil }
                    current = match
                } else if current[key]?.stringValue != wanted {
                    return nil
                }
            }
        }
        return current
    }

    /// The text of a scalar at the path (strings as they are, numbers as written, booleans as
    /// `true`/`false`); `nil` for objects, arrays, null and missing values.
    public func text(in value: JSONValue) -> String? {
        switch resolve(in: value) {
        case .string(let text): text
        case .number(let literal): literal
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    /// `value` with the member at this path set to `newValue`, creating objects on the way; an
    /// index past the end of an array leaves `value` unchanged.
    public func setting(_ newValue: JSONValue, in value: JSONValue) -> JSONValue {
        Self.set(newValue, at: components[...], in: value)
    }

    private static func set(_ newValue: JSONValue, at path: ArraySlice<Component>, in value: JSONValue) -> JSONValue {
        guard let first = path.first else { return newValue }
        switch first {
        case .member(let name):
            var members = value.objectValue ?? [:]
            members[name] = set(newValue, at: path.dropFirst(), in: members[name] ?? .object([:]))
            return .object(members)
        case .index(let position):
            guard var elements = value.arrayValue, position < elements.count else { return value }
            elements[position] = set(newValue, at: path.dropFirst(), in: elements[position])
            return .array(elements)
        case .filter:
            // Filters select; they do not say where to write.
            return value
        }
    }
}
