import ConformanceModel

/// A doc example and the body it documents.
struct BoundExample {
    var example: Example
    /// What is walked against the body: the example itself, or, for a service whose responses
    /// sit in an envelope, the envelope's payload field.
    var value: JSONValue
    /// The body's root.
    var address: SchemaAddress
}

/// One member of an example where it meets a documented schema.
struct ExampleMember {
    var value: JSONValue
    var schema: Schema
    var address: SchemaAddress
    /// The member's key, when it is a member of an object.
    var name: String?
    var required: Bool?
    /// The name of the field that holds the member's object (see `SchemaPlace.parentKey`).
    var parentKey: String?
    /// The doc's name of the object type the member belongs to (`SnapshotDetailV5`; see `Schema.documentedName`).
    var parentName: String?
    /// The description of the object or map the member belongs to.
    var parentDescription: String?
    /// RFC 6901 pointer into the example.
    var pointer: String
}

/// Walks the doc's JSON examples alongside the schemas they document.
enum ExampleWalk {
    /// Every JSON example of every operation with the body it documents: a request example
    /// with the request body, a response example with the response of its status (or the
    /// status `Operation.assumedStatus` gives one without). Examples that are not JSON, and
    /// enveloped response examples without the envelope's payload field, are left out.
    static func bound(in spec: ServiceSpec) -> [BoundExample] {
        var result: [BoundExample] = []
        for (index, operation) in spec.operations.enumerated() {
            for example in operation.examples {
                guard var value = example.value else { continue }
                switch example.kind {
                case .request:
                    guard operation.requestBody != nil else { continue }
                    result.append(BoundExample(example: example, value: value, address: SchemaAddress(operation: index, response: nil)))
                case .response:
                    let status = operation.status(of: example)
                    guard let response = operation.responses.firstIndex(where: { $0.status == status }), operation.responses[response].body != nil else { continue }
                    if let envelope = spec.responseEnvelope {
                        guard let payload = value[envelope.payloadField] else { continue }
                        value = payload
                    }
                    result.append(BoundExample(example: example, value: value, address: SchemaAddress(operation: index, response: response)))
                }
            }
        }
        return result
    }

    /// Every member of `example` that a documented schema describes, the root first. A key
    /// the object does not document is not visited (a map's keys are, with its values' schema).
    static func members(of example: BoundExample, in spec: ServiceSpec) -> [ExampleMember] {
        guard let body = spec.body(at: example.address) else { return [] }
        var members: [ExampleMember] = []
        visit(example.value, ExampleMember(value: example.value, schema: body, address: example.address, pointer: ""), key: nil, depth: 0, into: &members)
        return members
    }

    private static func visit(_ value: JSONValue, _ member: ExampleMember, key: String?, depth: Int, into members: inout [ExampleMember]) {
        members.append(member)
        guard depth < 32 else { return }
        let schema = member.schema
        switch value {
        case .object(let object) where schema.kind == .object || schema.kind == .map:
            for name in object.keys.sorted() {
                let child = object[name]!
                let pointer = member.pointer + "/" + ExampleKeyCheck.escape(name)
                if let index = schema.properties.firstIndex(where: { $0.name == name }) {
                    let property = schema.properties[index]
                    visit(child, ExampleMember(value: child, schema: property.schema, address: member.address.appending(.property(index)), name: name,
                                               required: property.required, parentKey: key, parentName: schema.documentedName, parentDescription: schema.description, pointer: pointer),
                          key: name, depth: depth + 1, into: &members)
                } else if schema.kind == .map, let values = schema.values {
                    visit(child, ExampleMember(value: child, schema: values, address: member.address.appending(.values), name: name, parentKey: key,
                                               parentName: schema.documentedName, parentDescription: schema.description, pointer: pointer),
                          key: key, depth: depth + 1, into: &members)
                }
            }
        case .array(let elements) where schema.kind == .array:
            guard let items = schema.items else { return }
            for (offset, element) in elements.enumerated() {
                visit(element, ExampleMember(value: element, schema: items, address: member.address.appending(.items), parentKey: key, pointer: member.pointer + "/\(offset)"),
                      key: key, depth: depth + 1, into: &members)
            }
        default:
            return
        }
    }

    /// `"key": value` as the example prints it (compact, at most 60 characters of the value).
    static func phrase(_ name: String?, _ value: JSONValue) -> String {
        var text = value.printed
        if text.count > 60 { text = String(text.prefix(59)) + "…" }
        return name.map { "\"\($0)\": \(text)" } ?? text
    }
}

extension JSONValue {
    /// One line of JSON (keys sorted), for phrases that quote an example's value.
    var printed: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let literal): literal
        case .string(let text): "\"\(text)\""
        case .array(let elements): "[" + elements.map(\.printed).joined(separator: ", ") + "]"
        case .object(let members): "{" + members.keys.sorted().map { "\"\($0)\": \(members[$0]!.printed)" }.joined(separator: ", ") + "}"
        }
    }

    /// The schema kind a value has: an integral number is an integer.
    var schemaKind: Schema.Kind? {
        switch self {
        case .null: nil
        case .bool: .boolean
        case .number: isIntegerLiteral ? .integer : .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }
}

extension Schema {
    /// The object type's name as the document writes it: the type column's `… object` (two
    /// tables the reader told apart as `CinderCreateVolumeOption` and `CinderCreateVolumeOption2`
    /// are both `CinderCreateVolumeOption object` in the docs), else the schema's name.
    var documentedName: String? {
        if let docType, docType.hasSuffix(" object") { return String(docType.dropLast(" object".count)) }
        return name
    }
}
