import ConformanceModel

/// The body paths one operation's state machines read, worked out once from the machines and
/// the documented schemas, so that the validator's one scan of each body captures them and the
/// state tracker never parses a body or walks a `Schema` per exchange.
///
/// A side (request, or the response of one status) whose needs cannot be put as fixed paths is
/// left out, and the tracker reads that side's tree as before: a state field under a free-form
/// map (any key), a relation whose fields are nested paths, a response without a documented
/// body. `StateTrackerEvidenceTests` checks that both ways give the same findings.
struct StateCaptures: Sendable {
    /// What one body is read for.
    struct Side: Sendable {
        /// Dotted paths (`volumes.[].status`), every occurrence captured.
        var paths: [String]
        /// For machines found by a status field's name: that name as a quoted JSON key, and the
        /// paths of the status field. The name may appear where the schema does not document it,
        /// and the tracker takes a state from anywhere: when the body holds the key more often
        /// than the paths caught, the capture is incomplete and the tracker reads the tree.
        var needles: [(key: [UInt8], paths: [String])] = []
        /// Per machine (by resource), the fields that hold its state, with their siblings.
        var states: [String: [StatePath]] = [:]
    }

    /// A state field's path and the paths of the id and relation values beside it, as indices
    /// into the side's `paths`: worked out once, so that reading them costs no string work.
    struct StatePath: Sendable {
        var path: String
        var index = -1
        var idPath: String
        var id = -1
        var fields: [(name: String, path: String, index: Int)]

        init(_ path: String, machine: StateMachine) {
            self.path = path
            idPath = StateCaptures.siblings(of: path, named: [machine.idField])[0]
            var fields: [(name: String, path: String, index: Int)] = []
            for relation in machine.relations where !fields.contains(where: { $0.name == relation.field }) {
                fields.append((relation.field, StateCaptures.siblings(of: path, named: [relation.field])[0], -1))
            }
            self.fields = fields
        }

        /// The same in storage of its own (see `StateEvidence.Side.shape`).
        var unshared: StatePath {
            var copy = self
            copy.path = path.unshared
            copy.idPath = idPath.unshared
            copy.fields = fields.map { ($0.name.unshared, $0.path.unshared, $0.index) }
            return copy
        }

        /// Fills in the indices once `paths` is final.
        mutating func resolve(in paths: [String]) {
            index = paths.firstIndex(of: path) ?? -1
            id = paths.firstIndex(of: idPath) ?? -1
            for position in fields.indices { fields[position].index = paths.firstIndex(of: fields[position].path) ?? -1 }
        }
    }

    /// The request's side; `nil` when the tracker must read the request's tree.
    var request: Side?
    /// The response's side per success status; a status missing here is read as a tree.
    var responses: [Int: Side]

    static let none = StateCaptures(request: Side(paths: []), responses: [:])

    init(request: Side?, responses: [Int: Side]) {
        self.request = request
        self.responses = responses
    }

    /// The paths for `operation` of `service` under `machines` (the service's own).
    init(operation: Operation, service: ServiceSpec, machines: [StateMachine]) {
        let id = operation.id
        var request: [String] = []
        var requestComplete = true
        var responseLocators: [String] = []
        for machine in machines {
            let locators = machine.preconditions.filter { $0.operations.contains(id) }.flatMap(\.target)
                + machine.effects.filter { $0.operations.contains(id) }.flatMap(\.target)
            for relation in machine.relations where relation.operations.contains(id) {
                switch relation.subject {
                case .value(let dotted, let of):
                    request.append(dotted)
                    request += of.compactMap { if case .requestBody(let path) = $0 { path } else { nil } }
                case .items(let dotted, let idField, let valueField):
                    // Items are grouped by the object that holds both fields: nested fields
                    // (`a.b`) would sit in another object, so those are read from the tree.
                    guard !idField.contains("."), !valueField.contains(".") else {
                        requestComplete = false
                        continue
                    }
                    let array = Self.itemsPath(dotted)
                    request += [array + ".[]." + idField, array + ".[]." + valueField]
                }
            }
            for locator in locators {
                switch locator {
                case .requestBody(let path): request.append(path)
                case .responseBody(let path): responseLocators.append(path)
                case .path: break
                }
            }
        }
        self.request = requestComplete ? Side(paths: Self.unique(request)) : nil

        var responses: [Int: Side] = [:]
        for response in operation.responses where (200..<300).contains(response.status) {
            guard let body = response.body else { continue }
            var side = Side(paths: responseLocators)
            var complete = true
            for machine in machines {
                let siblings = [machine.idField] + machine.relations.map(\.field)
                if service.stateTable(for: machine.resource) != nil {
                    // The tracker reads the payload's own schema here, not the enveloped one.
                    // As the tree walk does, a map's values link when their schema (or one below) does.
                    guard let found = Self.paths(in: body, where: { _, schema in schema.stateTable == machine.resource },
                                                 open: { StateTracker.links($0, to: machine.resource) }) else {
                        complete = false
                        break
                    }
                    side.paths += found + found.flatMap { Self.siblings(of: $0, named: siblings) }
                    side.states[machine.resource] = found.map { StatePath($0, machine: machine) }
                } else {
                    let enveloped = service.responseEnvelope.map { CompiledOperation.enveloped(body, in: $0) } ?? body
                    // Keys under maps are covered by the needle count, which sends such bodies to the tree.
                    guard let found = Self.paths(in: enveloped, where: { name, _ in name == machine.statusField }, open: { _ in false }) else {
                        complete = false
                        break
                    }
                    side.paths += found + found.flatMap { Self.siblings(of: $0, named: siblings) }
                    side.needles.append((Array("\"\(machine.statusField)\"".utf8), found))
                    side.states[machine.resource] = found.map { StatePath($0, machine: machine) }
                }
            }
            if complete {
                side.paths = Self.unique(side.paths)
                let paths = side.paths
                side.states = side.states.mapValues { $0.map { var resolved = $0; resolved.resolve(in: paths); return resolved } }
                responses[response.status] = side
            }
        }
        self.responses = responses
    }

    /// Every path the validator captures for this operation's bodies.
    var allPaths: (request: [String], responses: [Int: [String]]) {
        (request?.paths ?? [], responses.mapValues(\.paths))
    }

    /// `volumes.[]` and `volumes` both name the array whose items a relation reads.
    static func itemsPath(_ dotted: String) -> String {
        dotted.split(separator: ".").filter { $0 != "[]" }.joined(separator: ".")
    }

    /// The paths of the fields that `matches`, walking properties and array items. `nil` when
    /// a free-form map's values are `open` (could hold such a field): no fixed path reaches it.
    static func paths(in schema: Schema, where matches: (String, Schema) -> Bool, open: (Schema) -> Bool) -> [String]? {
        var found: [String] = []
        var reachesMap = false
        func walk(_ schema: Schema, _ prefix: [String], depth: Int) {
            guard depth < 64 else { return }
            for property in schema.properties {
                let path = prefix + [property.name]
                if matches(property.name, property.schema) { found.append(path.joined(separator: ".")) }
                walk(property.schema, path, depth: depth + 1)
            }
            if let items = schema.items { walk(items, prefix + ["[]"], depth: depth + 1) }
            if let values = schema.values, open(values) { reachesMap = true }
        }
        walk(schema, [], depth: 0)
        return reachesMap ? nil : found
    }

    /// The paths of the fields beside `path` named `names`.
    static func siblings(of path: String, named names: [String]) -> [String] {
        let parent = path.split(separator: ".").dropLast().joined(separator: ".")
        return names.map { parent.isEmpty ? $0 : parent + "." + $0 }
    }

    static func unique(_ paths: [String]) -> [String] {
        var seen: Set<String> = []
        return paths.filter { seen.insert($0).inserted }
    }
}

/// The values the state machines need from one exchange, captured by the validator's scan of
/// its bodies (`Validator(machines:)`): what `StateTracker` reads instead of parsing the bodies.
public struct StateEvidence: Sendable {
    /// One captured value.
    struct Value: Sendable {
        enum Scalar: Sendable {
            case string(String)
            case number(Double)
            case other
        }

        /// The index of its path in the side's `paths`.
        var path: Int
        var scalar: Scalar
        /// Where the value starts in the body, for a pointer when a finding needs one.
        var offset: Int
        /// The start of the object it is a member of: siblings share it.
        var object: Int32
    }

    /// The values of one body.
    struct Side: Sendable {
        var paths: [String]
        var values: [Value]
        /// Per machine (by resource), its state fields.
        var states: [String: [StateCaptures.StatePath]] = [:]

        /// The paths and state paths without the values, copied into storage of their own:
        /// what the state tracker keeps per operation, so that it never retains the lists the
        /// validating thread shares between the exchanges it validates.
        var shape: Side {
            var states: [String: [StateCaptures.StatePath]] = [:]
            for (resource, paths) in self.states { states[resource.unshared] = paths.map(\.unshared) }
            return Side(paths: paths.map(\.unshared), values: [], states: states)
        }

        /// This shape with one exchange's values.
        func with(_ values: [Value]) -> Side {
            var side = self
            side.values = values
            return side
        }

        /// The values at `path`, in body order.
        func values(at path: String) -> [Value] {
            guard let index = paths.firstIndex(of: path) else { return [] }
            return values.filter { $0.path == index }
        }

        /// The value at `path` that is a member of `object`.
        func value(at path: String, in object: Int32) -> Value? {
            guard let index = paths.firstIndex(of: path) else { return nil }
            return value(at: index, in: object)
        }

        /// The value at the path with index `index` that is a member of `object`.
        func value(at index: Int, in object: Int32) -> Value? {
            guard index >= 0 else { return nil }
            return values.first { $0.path == index && $0.object == object }
        }
    }

    /// `nil`: not captured, the tracker reads the body.
    var request: Side?
    var response: Side?
    /// The request path's values for the template's placeholders, as the tracker would split
    /// them from the URL (`RequestTarget.segment`), read on the validator's thread.
    var pathParameters: [(name: String, value: String)] = []
}

extension CapturedBody {
    /// The captured values for the state tracker, when the scan caught all it needs; `nil`
    /// otherwise (see `StateCaptures.Side.needles`). A body that is not JSON yields no values,
    /// as a tree that cannot be parsed does.
    func evidence(paths: [String], side: StateCaptures.Side, slots: [Int], malformed: Bool) -> StateEvidence.Side? {
        guard !malformed else { return StateEvidence.Side(paths: paths, values: [], states: side.states) }
        for needle in side.needles {
            let wanted = needle.paths.compactMap { paths.firstIndex(of: $0) }
            let caught = occurrences.count { wanted.contains(slots.firstIndex(of: Int($0.slot)) ?? -1) }
            if StateCaptures.count(needle.key, in: bytes) != caught { return nil }
        }
        var values: [StateEvidence.Value] = []
        values.reserveCapacity(occurrences.count)
        for occurrence in occurrences {
            guard let path = slots.firstIndex(of: Int(occurrence.slot)) else { continue }
            let scalar: StateEvidence.Value.Scalar
            switch occurrence.mark.kind {
            case .string: scalar = value(of: occurrence.mark)?.text.map { .string($0) } ?? .other
            case .number: scalar = value(of: occurrence.mark)?.text.flatMap(Double.init).map { .number($0) } ?? .other
            default: scalar = .other
            }
            values.append(StateEvidence.Value(path: path, scalar: scalar, offset: Int(occurrence.offset), object: occurrence.object))
        }
        return StateEvidence.Side(paths: paths, values: values, states: side.states)
    }
}

extension StateCaptures {
    /// How often `needle` occurs in `bytes`, counting no further than `limit`.
    static func count(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, limit: Int = .max) -> Int {
        guard let first = needle.first, bytes.count >= needle.count else { return 0 }
        var found = 0
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var offset = 1
                while offset < needle.count, bytes[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count {
                    found += 1
                    if found == limit { return found }
                    index += needle.count
                    continue
                }
            }
            index += 1
        }
        return found
    }
}

extension String {
    /// The same text in storage of its own: a copy that shares no buffer with this string, so
    /// that retaining it touches no memory another thread retains this one's in. (Text of up to
    /// 15 UTF-8 bytes is stored inline and has no buffer to share.)
    var unshared: String {
        var text = self
        return text.withUTF8 { String(decoding: $0, as: UTF8.self) }
    }
}
