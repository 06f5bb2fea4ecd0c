import ConformanceModel

/// A place in a JSON body: member names and array positions, as the generator walks a body
/// alongside its schema. Printed as an RFC 6901 pointer (`/volume/size`).
struct BodyPath: Hashable, CustomStringConvertible {
    enum Step: Hashable {
        case member(String)
        case index(Int)
    }

    var steps: [Step] = []

    func appending(_ step: Step) -> BodyPath { BodyPath(steps: steps + [step]) }

    var description: String {
        steps.isEmpty ? "/" : steps.map { step -> String in
            switch step {
            case .member(let name): "/" + name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            case .index(let position): "/\(position)"
            }
        }.joined()
    }

    /// The last member name on the path (`size` for `/volume/size`, `tags` for `/tags/0`).
    var lastMember: String? {
        for step in steps.reversed() { if case .member(let name) = step { return name } }
        return nil
    }

    /// `value` with the node at this path replaced by `newValue` (nil: removed); a member that is
    /// missing at the path's end is added, and a path that leads nowhere else leaves `value` as it is.
    func replacing(in value: JSONValue, with newValue: JSONValue?) -> JSONValue {
        Self.replace(steps[...], in: value, with: newValue) ?? value
    }

    private static func replace(_ steps: ArraySlice<Step>, in value: JSONValue, with newValue: JSONValue?) -> JSONValue? {
        guard let first = steps.first else { return newValue }
        switch (first, value) {
        case (.member(let name), .object(var members)):
            guard let child = members[name] else {
                guard steps.count == 1, let newValue else { return value }
                members[name] = newValue
                return .object(members)
            }
            members[name] = replace(steps.dropFirst(), in: child, with: newValue)
            return .object(members)
        case (.index(let position), .array(var elements)):
            guard position < elements.count else { return value }
            if let replaced = replace(steps.dropFirst(), in: elements[position], with: newValue) {
                elements[position] = replaced
            } else {
                elements.remove(at: position)
            }
            return .array(elements)
        default:
            return value
        }
    }
}

/// One node of a body walked alongside its schema.
struct SchemaNode {
    var path: BodyPath
    var schema: Schema
    var value: JSONValue
}

extension SchemaNode {
    /// Every node of `value` that `schema` documents, parents before children, members in name
    /// order (so that the walk, and the cases made from it, are the same on every run).
    static func walk(_ schema: Schema, _ value: JSONValue, at path: BodyPath = BodyPath()) -> [SchemaNode] {
        var nodes = [SchemaNode(path: path, schema: schema, value: value)]
        switch value {
        case .object(let members):
            for property in schema.properties.sorted(by: { $0.name < $1.name }) {
                guard let child = members[property.name] else { continue }
                nodes += walk(property.schema, child, at: path.appending(.member(property.name)))
            }
        case .array(let elements):
            if let items = schema.items, let first = elements.first {
                nodes += walk(items, first, at: path.appending(.index(0)))
            }
        default:
            break
        }
        return nodes
    }
}

extension BodyPath {
    /// The path of a rule's dotted field (`volume.iops`).
    init(dotted: String) {
        self.init(steps: dotted.split(separator: ".").map { .member(String($0)) })
    }
}
