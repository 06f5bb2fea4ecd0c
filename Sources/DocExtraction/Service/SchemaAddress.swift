import ConformanceModel

/// Where a schema sits in a `ServiceSpec`: an operation's request body or one of its response
/// bodies, and the steps from that body's root down to the schema.
///
/// The service-wide passes (`WrapperResolver`, `MapResolver`, `NullabilityResolver`,
/// `ReadingCollector`) first look at the whole spec and decide, then change schemas by address:
/// schemas are values, so a decision about one place is written back through its address.
struct SchemaAddress: Hashable {
    /// One step down a schema tree.
    enum Step: Hashable {
        case property(Int)
        case items
        case values
    }

    var operation: Int
    /// The index into the operation's `responses`, or `nil` for the request body.
    var response: Int?
    var steps: [Step] = []

    var isRequest: Bool { response == nil }

    func appending(_ step: Step) -> SchemaAddress {
        var copy = self
        copy.steps.append(step)
        return copy
    }
}

extension ServiceSpec {
    /// The body schema an address starts from.
    func body(at address: SchemaAddress) -> Schema? {
        let operation = operations[address.operation]
        guard let index = address.response else { return operation.requestBody }
        return operation.responses[index].body
    }

    /// The schema at `address`.
    func schema(at address: SchemaAddress) -> Schema? {
        body(at: address)?.schema(at: address.steps[...])
    }

    /// Changes the schema at `address` in place.
    mutating func modify(at address: SchemaAddress, _ change: (inout Schema) -> Void) {
        if let index = address.response {
            guard var body = operations[address.operation].responses[index].body else { return }
            body.modify(at: address.steps[...], change)
            operations[address.operation].responses[index].body = body
        } else {
            guard var body = operations[address.operation].requestBody else { return }
            body.modify(at: address.steps[...], change)
            operations[address.operation].requestBody = body
        }
    }

    /// Every body of every operation: the request body, then each response body.
    var bodyAddresses: [SchemaAddress] {
        operations.indices.flatMap { index in
            [SchemaAddress(operation: index, response: nil)] + operations[index].responses.indices.map { SchemaAddress(operation: index, response: $0) }
        }.filter { body(at: $0) != nil }
    }
}

extension Schema {
    func schema(at steps: ArraySlice<SchemaAddress.Step>) -> Schema? {
        guard let step = steps.first else { return self }
        switch step {
        case .property(let index): return properties.indices.contains(index) ? properties[index].schema.schema(at: steps.dropFirst()) : nil
        case .items: return items?.schema(at: steps.dropFirst())
        case .values: return values?.schema(at: steps.dropFirst())
        }
    }

    mutating func modify(at steps: ArraySlice<SchemaAddress.Step>, _ change: (inout Schema) -> Void) {
        guard let step = steps.first else { return change(&self) }
        switch step {
        case .property(let index):
            guard properties.indices.contains(index) else { return }
            properties[index].schema.modify(at: steps.dropFirst(), change)
        case .items:
            guard var child = items else { return }
            child.modify(at: steps.dropFirst(), change)
            items = child
        case .values:
            guard var child = values else { return }
            child.modify(at: steps.dropFirst(), change)
            values = child
        }
    }
}

/// One place a schema tree documents a value, as the passes visit it.
struct SchemaPlace {
    var address: SchemaAddress
    var schema: Schema
    /// The field name, when the place is a field of an object.
    var name: String?
    /// Whether the field is required, when it is a field.
    var required: Bool?
    /// The object the field belongs to, when it is a field.
    var parent: Schema?
    /// The name of the field (or array) that holds the parent object, e.g. `snapshot` for the
    /// fields of `{"snapshot": {...}}` and `snapshots` for those of `{"snapshots": [{...}]}`.
    var parentKey: String?
}

enum SchemaWalk {
    /// Visits every schema of every body of `spec`, depth first in document order.
    static func places(in spec: ServiceSpec) -> [SchemaPlace] {
        var places: [SchemaPlace] = []
        for address in spec.bodyAddresses {
            guard let body = spec.body(at: address) else { continue }
            visit(SchemaPlace(address: address, schema: body), key: nil, depth: 0, into: &places)
        }
        return places
    }

    /// `key`: the name of the field that holds `place.schema` (for array items and map values,
    /// the array's or map's field), which becomes the parent key of its fields.
    private static func visit(_ place: SchemaPlace, key: String?, depth: Int, into places: inout [SchemaPlace]) {
        places.append(place)
        guard depth < 32 else { return }
        let schema = place.schema
        for (index, property) in schema.properties.enumerated() {
            let child = SchemaPlace(address: place.address.appending(.property(index)), schema: property.schema, name: property.name,
                                    required: property.required, parent: schema, parentKey: key)
            visit(child, key: property.name, depth: depth + 1, into: &places)
        }
        if let items = schema.items {
            visit(SchemaPlace(address: place.address.appending(.items), schema: items, parentKey: key), key: key, depth: depth + 1, into: &places)
        }
        if let values = schema.values {
            visit(SchemaPlace(address: place.address.appending(.values), schema: values, parentKey: key), key: key, depth: depth + 1, into: &places)
        }
    }
}
