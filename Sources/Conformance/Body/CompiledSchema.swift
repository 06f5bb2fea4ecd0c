import ConformanceModel

/// A `Schema` prepared for the streaming body validator: field names as bytes, required
/// fields as a bit mask, enumerations as bytes, so that checking a body allocates nothing
/// on the happy path.
public final class CompiledSchema: Sendable {
    /// One field of an object schema.
    struct Field: Sendable {
        let name: [UInt8]
        let nameString: String
        let required: Bool
        let schema: CompiledSchema
    }

    let kind: Schema.Kind
    let fields: [Field]
    /// Fields looked up by name when an object has many; `nil` for small objects, which a
    /// linear scan of `fields` serves faster.
    let fieldIndex: [String: Int]?
    let requiredCount: Int
    let items: CompiledSchema?
    let values: CompiledSchema?
    let enumeration: [[UInt8]]?
    let enumerationText: [String]?
    let minimum: Double?
    let maximum: Double?
    let minLength: Int?
    let maxLength: Int?
    let minItems: Int?
    let maxItems: Int?
    let nullable: Bool
    let format: String?
    /// Fields described flat that apply at any depth below this object (Tencent return tables).
    let fieldsAtAnyDepth: Bool
    /// The state table this string takes its values from (`volume`, `snapshot`).
    let stateTable: String?
    let source: DocReference?

    public convenience init(_ schema: Schema) {
        var cache: [Schema: CompiledSchema] = [:]
        self.init(schema, cache: &cache)
    }

    init(_ schema: Schema, cache: inout [Schema: CompiledSchema]) {
        kind = schema.kind
        var fields: [Field] = []
        for property in schema.properties {
            let child: CompiledSchema
            if let cached = cache[property.schema] {
                child = cached
            } else {
                child = CompiledSchema(property.schema, cache: &cache)
                cache[property.schema] = child
            }
            fields.append(Field(name: Array(property.name.utf8), nameString: property.name, required: property.required, schema: child))
        }
        self.fields = fields
        fieldIndex = fields.count > 12 ? Dictionary(fields.enumerated().map { ($1.nameString, $0) }, uniquingKeysWith: { first, _ in first }) : nil
        requiredCount = fields.filter(\.required).count
        items = schema.items.map { CompiledSchema($0, cache: &cache) }
        values = schema.values.map { CompiledSchema($0, cache: &cache) }
        enumeration = schema.enumeration.map { $0.map { Array($0.utf8) } }
        enumerationText = schema.enumeration
        minimum = schema.minimum
        maximum = schema.maximum
        minLength = schema.minLength
        maxLength = schema.maxLength
        minItems = schema.minItems
        maxItems = schema.maxItems
        nullable = schema.nullable
        format = schema.format
        fieldsAtAnyDepth = schema.fieldsAtAnyDepth
        stateTable = schema.stateTable
        source = schema.source
    }

    /// The index of the field whose name is `bytes`.
    @inline(__always)
    func fieldPosition(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if let fieldIndex {
            return fieldIndex[String(decoding: bytes, as: UTF8.self)]
        }
        for index in fields.indices {
            let name = fields[index].name
            if name.count == bytes.count, name.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }) {
                return index
            }
        }
        return nil
    }

    /// The JSON type name of this schema, as findings print it.
    var typeName: String {
        switch kind {
        case .map: "object"
        case .any: "any"
        default: kind.rawValue
        }
    }
}

@inline(__always)
private func memcmp(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    var index = 0
    while index < count {
        if a[index] != b[index] { return 1 }
        index += 1
    }
    return 0
}
