import ConformanceModel

/// Renders one stored resource in the shape one route documents for it.
///
/// The same volume is `{"volume": {...}}` under Huawei's `cloudvolumes`, Cinder v2 and v3 and
/// `os-vendor-volumes`, but each route's table lists its own fields, types and required
/// members (EVS 8.2.1.3 types a snapshot's `size` as String, 6.2.4 as Integer). The shape is
/// read from the route itself: its synthesized body (the golden `response-<status>.json`, which
/// has every documented field) says which members exist, its schema says which are required,
/// nullable and of which type. A member the mock knows is set from the store; a required one it
/// does not model keeps its synthesized value; an optional one it does not model is left out,
/// so that no invented value (a `golden-*` string, a random id) reaches a client that would
/// follow it.
struct MockShape {
    /// The member names and their synthesized values.
    let template: [String: JSONValue]
    /// The object's documented schema, if the route documents one.
    let schema: Schema?

    /// The shape of the object at `path` of `context`'s operation's `status` answer (`["volume"]`;
    /// an array's items are looked through: `["volumes"]` gives the shape of one item).
    init(_ context: MockContext, status: Int, path: [String]) {
        var value = context.synthesized(status)
        var schema = context.operation.responses.first { $0.status == status }?.body
        for key in path {
            value = value?[key]
            schema = schema?.properties.first { $0.name == key }?.schema
            if case .array(let items)? = value { value = items.first }
            if schema?.kind == .array { schema = schema?.items }
        }
        self.template = value?.objectValue ?? [:]
        self.schema = schema
    }

    /// The member names of the answer at `status`, with the kind of each synthesized value:
    /// which key wraps the resource (an object) or the list (an array).
    static func wrapper(_ context: MockContext, status: Int, array: Bool) -> String? {
        guard let members = context.synthesized(status)?.objectValue else { return nil }
        return members.keys.sorted().first { key in
            if case .array = members[key]! { return array }
            if case .object = members[key]! { return !array }
            return false
        }
    }

    /// A list answer in the operation's documented shape: the items under the key its body
    /// holds an array at (`volumes`, `snapshots`), `count` (the number before paging) and the
    /// `*_links` pager only where the route documents them.
    static func list(_ context: MockContext, _ items: [[String: JSONValue]], total: Int) -> MockReply {
        let status = context.successStatus
        let wrapper = wrapper(context, status: status, array: true) ?? "items"
        let shape = MockShape(context, status: status, path: [wrapper])
        let listed = context.synthesized(status)?.objectValue ?? [:]
        var members: [String: JSONValue] = [wrapper: .array(items.map(shape.render))]
        if listed["count"] != nil { members["count"] = .integer(total) }
        for key in listed.keys where key.hasSuffix("_links") { members[key] = .array([]) }
        return .success(status: status, body: .object(members))
    }

    /// The resource as this route shows it, from `values` (the store's members by documented name).
    func render(_ values: [String: JSONValue]) -> JSONValue {
        var body: [String: JSONValue] = [:]
        for (name, synthesized) in template {
            let property = schema?.properties.first { $0.name == name }
            if let value = values[name] {
                if let fitted = Self.fit(value, to: property?.schema) { body[name] = fitted; continue }
            }
            if property?.required == true { body[name] = synthesized }
        }
        return .object(body)
    }

    /// `value` in the documented type of `schema`: a number where a String is documented is
    /// written as its text (EVS 8.2.1.3 snapshot `size` String); `null` only where the field
    /// is nullable (nil: leave the member out).
    static func fit(_ value: JSONValue, to schema: Schema?) -> JSONValue? {
        guard let schema else { return value }
        switch (value, schema.kind) {
        case (.null, _):
            return schema.nullable ? .null : nil
        case (.number(let literal), .string):
            return .string(literal)
        case (.bool(let flag), .string):
            return .string(flag ? "true" : "false")
        default:
            return value
        }
    }
}
