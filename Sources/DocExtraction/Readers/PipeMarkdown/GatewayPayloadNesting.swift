import ConformanceModel

/// Places the fields of a gateway return table (返回参数) where the operation's success
/// examples put them under the envelope's payload field.
///
/// The gateway's return tables list fields flat, one name per row, while the examples nest
/// some of them in lists the tables never name: 磁盘列表 (`/v1/tencent/disk/list`, table at
/// line 269) lists `TotalCount`, `DiskId`, …, `IsModify`, and its example (line 327) answers
/// `{"data": {"TotalCount": 1, "List": [{"DiskId": …}], "Properties": [{"IsModify": …}]}}`.
/// The rules, from that pattern and none keyed to those names:
/// - a table field sits where the success examples show it: the chain of members and array
///   elements from the payload down to the object that has the field as a key. Only members
///   that are not table fields are followed (a table field's own value is its type's business:
///   `Placement` is `struct`); examples are searched in document order, each object's own keys
///   before its members' (so the shallowest place in the first example that shows the field wins);
/// - a field no example shows sits with the table row before it (the tables list each nested
///   object's fields together: `AutoSnapshotPolicyIds` between `ReturnFailCode` and
///   `DeleteWithInstance`, all in `List[]`), or, for leading rows, with the first row after it
///   that an example places;
/// - each member the examples add (`List`) becomes a field of the schema, not required (the
///   return tables have no required column, and a list may be left out when it would be
///   empty), with the example's own line as its `wrapper` evidence;
/// - when no success example has the payload field (`/v1/tencent/disk/logs/list` answers
///   Tencent Cloud's `{"Response": {...}}` instead, line 673), nothing places the fields: they
///   keep the flat reading, applied at any depth under the payload (`fieldsAtAnyDepth`), and
///   the caller reports it.
enum GatewayPayloadNesting {
    /// One step from an object down to the object that holds a field.
    enum Step: Hashable {
        /// Into the member of that name, an object.
        case member(String)
        /// Into the member of that name, an array of objects.
        case items(String)

        var name: String {
            switch self {
            case .member(let name), .items(let name): name
            }
        }

        var rendered: String {
            switch self {
            case .member(let name): name
            case .items(let name): name + "[]"
            }
        }
    }

    /// A success example's payload, with what is needed to cite its members.
    struct PayloadExample {
        var value: [String: JSONValue]
        /// The example's text and first line, to find the line of a member.
        var text: String
        var source: DocReference
    }

    /// The outcome for one return table.
    struct Placement {
        /// The payload schema, nested where the examples place fields.
        var schema: Schema
        /// Each group of fields below the payload's top level: its path and its fields.
        var nested: [(path: [Step], fields: [String])]
        /// Fields no example shows, placed with their neighbours in the table.
        var inferred: [String]
    }

    /// Nests the flat `table` (the payload schema with one property per return-table row) as
    /// `examples` show; `nil` when no example places any field.
    static func place(_ table: Schema, examples: [PayloadExample]) -> Placement? {
        let names = Set(table.properties.map(\.name))
        guard !names.isEmpty else { return nil }
        var found: [String: (path: [Step], example: Int)] = [:]
        for (index, example) in examples.enumerated() {
            locate(names, in: example.value, path: [], example: index, into: &found)
        }
        guard !found.isEmpty else { return nil }

        // Rows no example shows take the path of the row before them (or the first after).
        var paths: [[Step]] = []
        var inferred: [String] = []
        var previous: [Step]?
        for property in table.properties {
            if let place = found[property.name] {
                previous = place.path
            } else {
                inferred.append(property.name)
            }
            paths.append(found[property.name]?.path ?? previous ?? [])
        }
        if let first = table.properties.firstIndex(where: { found[$0.name] != nil }) {
            for index in 0..<first { paths[index] = found[table.properties[first].name]!.path }
        }

        var schema = table
        schema.properties = []
        schema.fieldsAtAnyDepth = false
        var nested: [(path: [Step], fields: [String])] = []
        for (property, path) in zip(table.properties, paths) {
            let cited = path.indices.map { depth in containerEvidence(path[...depth], found: found, examples: examples) }
            insert(property, at: path[...], evidence: cited[...], into: &schema)
            guard !path.isEmpty else { continue }
            if let group = nested.firstIndex(where: { $0.path == path }) {
                nested[group].fields.append(property.name)
            } else {
                nested.append((path, [property.name]))
            }
        }
        return Placement(schema: schema, nested: nested, inferred: inferred)
    }

    /// Records, for every name in `names`, the first path at which an object has it as a key.
    private static func locate(_ names: Set<String>, in object: [String: JSONValue], path: [Step], example: Int, into found: inout [String: (path: [Step], example: Int)]) {
        for key in object.keys.sorted() where names.contains(key) && found[key] == nil {
            found[key] = (path, example)
        }
        for key in object.keys.sorted() where !names.contains(key) {
            switch object[key] {
            case .object(let members)?:
                locate(names, in: members, path: path + [.member(key)], example: example, into: &found)
            case .array(let elements)?:
                for case .object(let members) in elements {
                    locate(names, in: members, path: path + [.items(key)], example: example, into: &found)
                }
            default:
                break
            }
        }
    }

    /// The `wrapper` evidence of the container at the end of `path`: the example line that
    /// opens it, from the example that placed a field there first.
    private static func containerEvidence(_ path: ArraySlice<Step>, found: [String: (path: [Step], example: Int)], examples: [PayloadExample]) -> Evidence {
        let index = found.values.filter { Array($0.path.prefix(path.count)) == Array(path) }.map(\.example).min() ?? 0
        let example = examples[index]
        let last = path[path.endIndex - 1]
        let key = last.name
        let opener: String
        switch last {
        case .member: opener = "\"\(key)\": {"
        case .items: opener = "\"\(key)\": ["
        }
        var source = example.source
        if let range = example.text.range(of: "\"\(key)\"") {
            // The example's text starts on the line after its opening fence.
            source.line = example.source.line.map { $0 + 1 + example.text[..<range.lowerBound].filter { $0 == "\n" }.count }
        }
        return Evidence(.example, phrase: opener + " … (the return table lists the fields inside flat, without '\(key)')", source: source)
    }

    /// Puts `property` into `schema` under `path`, creating the containers it needs.
    private static func insert(_ property: Property, at path: ArraySlice<Step>, evidence: ArraySlice<Evidence>, into schema: inout Schema) {
        guard let step = path.first else {
            schema.properties.append(property)
            return
        }
        let index: Int
        if let existing = schema.properties.firstIndex(where: { $0.name == step.name }) {
            index = existing
        } else {
            let object = Schema(kind: .object, source: evidence.first?.source)
            var container: Schema
            switch step {
            case .member: container = object
            case .items: container = Schema(kind: .array, items: object)
            }
            container.description = "not in the return table: the examples nest the table's fields here"
            container.source = evidence.first?.source
            container.evidence[.wrapper] = evidence.first
            schema.properties.append(Property(name: step.name, required: false, schema: container))
            index = schema.properties.count - 1
        }
        switch step {
        case .member:
            insert(property, at: path.dropFirst(), evidence: evidence.dropFirst(), into: &schema.properties[index].schema)
        case .items:
            var items = schema.properties[index].schema.items ?? Schema(kind: .object)
            insert(property, at: path.dropFirst(), evidence: evidence.dropFirst(), into: &items)
            schema.properties[index].schema.items = items
        }
    }
}
