import ConformanceModel

/// Compares the doc's examples of one operation on two sides.
///
/// Examples are paired by kind (request or response), status, and their order among examples
/// of that kind and status. JSON examples are compared as values (member order and white space
/// do not count) and the message names the first places that differ; other examples as text
/// with white space folded.
enum ExampleChanges {
    private struct Key: Hashable {
        var kind: Example.Kind
        var status: Int?
    }

    static func compare(old: Operation, new: Operation, into log: inout ChangeLog) {
        let oldGroups = Dictionary(grouping: old.examples, by: { Key(kind: $0.kind, status: $0.status) })
        let newGroups = Dictionary(grouping: new.examples, by: { Key(kind: $0.kind, status: $0.status) })
        var keys: [Key] = []
        for example in new.examples + old.examples {
            let key = Key(kind: example.kind, status: example.status)
            if !keys.contains(key) { keys.append(key) }
        }
        for key in keys {
            let before = oldGroups[key] ?? []
            let after = newGroups[key] ?? []
            for index in 0..<max(before.count, after.count) {
                let name = "\(key.kind.rawValue) example \(index + 1)" + (key.status.map { " (\($0))" } ?? "")
                let pointer = "/examples/\(key.kind.rawValue)\(key.status.map { "-\($0)" } ?? "")/\(index + 1)"
                switch (index < before.count ? before[index] : nil, index < after.count ? after[index] : nil) {
                case (let oldExample?, let newExample?):
                    compare(oldExample, newExample, name: name, pointer: pointer, into: &log)
                case (let oldExample?, nil):
                    log.add(.exampleRemoved, location: location(key.kind), pointer: pointer, status: key.status, old: value(oldExample),
                            oldSource: source(oldExample), newSource: ChangeSource(new.source, absent: true),
                            message: "the \(name) is gone")
                case (nil, let newExample?):
                    log.add(.exampleAdded, location: location(key.kind), pointer: pointer, status: key.status, new: value(newExample),
                            oldSource: ChangeSource(old.source, absent: true), newSource: source(newExample),
                            message: "a new \(name)")
                case (nil, nil):
                    break
                }
            }
        }
    }

    private static func compare(_ old: Example, _ new: Example, name: String, pointer: String, into log: inout ChangeLog) {
        if let oldValue = old.value, let newValue = new.value {
            guard oldValue != newValue else { return }
            var places: [(String, JSONValue?, JSONValue?)] = []
            differences(oldValue, newValue, at: "", into: &places, limit: 3)
            let first = places.first
            let named = places.map { $0.0.isEmpty ? "the whole value" : $0.0 }.joined(separator: ", ")
            log.add(.exampleChanged, location: location(old.kind), pointer: pointer + (first?.0 ?? ""), status: old.status, old: first?.1, new: first?.2,
                    oldSource: source(old), newSource: source(new),
                    message: "the \(name) changed at \(named)\(places.count >= 3 ? " and more" : "")")
            return
        }
        guard DocWords.folded(old.text) != DocWords.folded(new.text) else { return }
        log.add(.exampleChanged, location: location(old.kind), pointer: pointer, status: old.status, old: value(old), new: value(new),
                oldSource: source(old), newSource: source(new),
                message: "the \(name) changed (\(old.value == nil ? "not JSON" : "JSON") → \(new.value == nil ? "not JSON" : "JSON"))")
    }

    /// The places where two JSON values differ, depth first, at most `limit`.
    static func differences(_ old: JSONValue?, _ new: JSONValue?, at pointer: String, into places: inout [(String, JSONValue?, JSONValue?)], limit: Int) {
        guard places.count < limit, old != new else { return }
        switch (old, new) {
        case (.object(let before)?, .object(let after)?):
            for key in Set(before.keys).union(after.keys).sorted() {
                differences(before[key], after[key], at: Pointer.appending(pointer, key), into: &places, limit: limit)
            }
        case (.array(let before)?, .array(let after)?) where before.count == after.count:
            for index in before.indices {
                differences(before[index], after[index], at: pointer + "/\(index)", into: &places, limit: limit)
            }
        default:
            places.append((pointer, old, new))
        }
    }

    private static func location(_ kind: Example.Kind) -> ChangeCheck.Location {
        kind == .request ? .request : .response
    }

    private static func value(_ example: Example) -> JSONValue {
        example.value ?? .string(example.text)
    }

    private static func source(_ example: Example) -> ChangeSource {
        ChangeSource(example.source, quote: example.title)
    }
}
