import ConformanceModel

/// Derives the response envelope a gateway wraps every payload in, from the success
/// examples alone (no table of `003_*.txt` documents it).
///
/// Every `正常返回示例` of the gateway doc is `{"scode": 0, "desc": "", "message":
/// "success", "message_cn": "成功", "stack": null, "data": {...}}`. The rules, each from
/// that pattern and none keyed to those names:
/// - the envelope is the set of top-level keys that most success examples have exactly
///   (more than half of them, at least two examples and two keys); examples with other
///   keys are returned as outliers for the caller to report (the logs/list example at
///   line 673 shows Tencent Cloud's own `{"Response": {...}}` shape instead);
/// - the payload field is the one shared key whose value is an object in every example
///   (`data`); with none or several, there is no envelope;
/// - the status field is the first shared key whose value is the same integer in every
///   example (`scode`: 0), and that integer is the success value;
/// - the message field (for the error envelope) is the first shared string key whose name
///   contains `message` or `msg` (`message`, before `message_cn`).
/// Field types come from the values; a field that is `null` in every example is of any
/// type and nullable (`stack`).
public enum GatewayEnvelope {
    /// What the examples show.
    public struct Derived: Sendable {
        public var envelope: ResponseEnvelope
        public var errorEnvelope: ErrorEnvelope?
        /// The examples that do not have the envelope's fields.
        public var outliers: [DocReference]
    }

    /// `examples`: the parsed success examples with their text (for key order) and source.
    public static func derive(from examples: [(value: JSONValue, text: String, source: DocReference)]) -> Derived? {
        let all = examples.map { example in (example.value.objectValue ?? [:], example.text, example.source) }
        let shapes = Dictionary(grouping: all.indices, by: { Set(all[$0].0.keys) })
        guard let (shape, members) = shapes.max(by: { $0.value.count < $1.value.count || $0.value.count == $1.value.count && $0.value.first! > $1.value.first! }),
              members.count >= 2, members.count * 2 > all.count, shape.count >= 2 else { return nil }
        let objects = members.map { all[$0] }
        let outliers = all.indices.filter { !members.contains($0) }.map { all[$0].2 }
        let shared = JSONKeyOrder.topLevelKeys(in: objects[0].1).filter(shape.contains)
        let payloads = shared.filter { key in objects.allSatisfy { $0.0[key]?.objectValue != nil } }
        guard payloads.count == 1, let payload = payloads.first else { return nil }
        let status = shared.first { key in
            guard let first = objects[0].0[key], first.isIntegerLiteral else { return false }
            return objects.allSatisfy { $0.0[key] == first }
        }
        var successValue: String?
        if let status, case .number(let literal)? = objects[0].0[status] { successValue = literal }

        var properties: [Property] = []
        for key in shared {
            let values = objects.compactMap { $0.0[key] }
            var field = schema(of: values, isPayload: key == payload)
            if field.nullable {
                // The member as the first example that has it null prints it.
                field.evidence[.nullable] = Evidence(.example, phrase: "\"\(key)\": null", source: objects.first { $0.0[key] == .null }?.2)
            }
            properties.append(Property(name: key, required: true, schema: field))
        }
        let source = objects[0].2
        let envelopeSchema = Schema(kind: .object, properties: properties, source: source)
        let note = "Derived from \(objects.count) of the \(all.count) success examples (正常返回示例). These examples all have exactly the top-level fields \(shared.joined(separator: ", ")); '\(payload)' is the one that holds an object in all of them and carries the return table's fields\(status.map { "; '\($0)' is \(successValue ?? "") in all of them and is taken as the success status" } ?? "")."
        let envelope = ResponseEnvelope(schema: envelopeSchema, payloadField: payload, statusField: status, successValue: successValue, note: note, source: source)
        var errorEnvelope: ErrorEnvelope?
        if let status {
            let message = shared.first { key in
                let lower = key.lowercased()
                return (lower.contains("message") || lower.contains("msg")) && objects.allSatisfy { $0.0[key]?.stringValue != nil }
            }
            if let message {
                errorEnvelope = ErrorEnvelope(wrapper: .none, codeField: status, messageField: message, source: source)
            }
        }
        return Derived(envelope: envelope, errorEnvelope: errorEnvelope, outliers: outliers)
    }

    /// The schema of a field from the values the examples give it.
    private static func schema(of values: [JSONValue], isPayload: Bool) -> Schema {
        let nonNull = values.filter { $0 != .null }
        let nullable = nonNull.count < values.count
        guard !nonNull.isEmpty else { return Schema(kind: .any, description: "null in every example", nullable: true) }
        let kinds = Set(nonNull.map(kind(of:)))
        let kind = kinds.count == 1 ? kinds.first! : .any
        var schema = Schema(kind: kind, nullable: nullable)
        if isPayload { schema.description = "the operation's payload: the fields of its return table (返回参数)" }
        if kind == .number, nonNull.allSatisfy(\.isIntegerLiteral) { schema.kind = .integer }
        return schema
    }

    private static func kind(of value: JSONValue) -> Schema.Kind {
        switch value {
        case .null: .any
        case .bool: .boolean
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }
}
