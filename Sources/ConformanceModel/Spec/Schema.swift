/// The documented shape of a JSON value: a request or response body, a field, a parameter.
///
/// Schemas are plain values built from the vendor's tables. An object keeps its fields in
/// document order; arrays and maps hold the schema of their elements. Constraints the
/// description states in words (enumerations, bounds, lengths, defaults) are kept only
/// when a reader is sure of them; the words themselves always stay in `description`.
public struct Schema: Sendable, Hashable {
    /// The JSON type a schema describes.
    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        case object, array, map, string, integer, number, boolean
        /// Any JSON value: the doc names no type, or a type the reader cannot pin down.
        case any
    }

    public var kind: Kind
    /// The doc's own name for an object type, e.g. `CreateVolumeOption`.
    public var name: String?
    /// The type as the document writes it, e.g. `Array of Link objects`, `struct array`.
    public var docType: String?
    public var description: String?
    /// The fields of an object, in document order.
    public var properties: [Property]
    /// Enumerated values, as the document writes them (compared by the value's JSON type).
    public var enumeration: [String]?
    public var minimum: Double?
    public var maximum: Double?
    public var minLength: Int?
    public var maxLength: Int?
    public var minItems: Int?
    public var maxItems: Int?
    /// The documented default, as text.
    public var defaultValue: String?
    /// A well-known string format: `uuid`, `date-time`, `uri`.
    public var format: String?
    /// `true` when the document shows `null` as a value of this field.
    public var nullable: Bool
    /// The resource state table whose values this field takes (`请参见 云硬盘状态`).
    public var stateTable: String?
    /// `true` when `properties` describe fields wherever they occur below this object, not
    /// only at its top level: Tencent's return tables list fields flat although the
    /// examples nest them (`data.List[].Count`).
    public var fieldsAtAnyDepth: Bool
    public var source: DocReference?
    /// The doc's words behind each fact above (an enumeration, a bound, a default, `nullable`).
    public var evidence: [Fact: Evidence]
    /// Other readings of this value that other places of the docs give (see `Reading`).
    public var readings: [Reading]

    private var itemsStorage: Indirect?
    private var valuesStorage: Indirect?

    public init(
        kind: Kind,
        name: String? = nil,
        docType: String? = nil,
        description: String? = nil,
        properties: [Property] = [],
        items: Schema? = nil,
        values: Schema? = nil,
        enumeration: [String]? = nil,
        minimum: Double? = nil,
        maximum: Double? = nil,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        minItems: Int? = nil,
        maxItems: Int? = nil,
        defaultValue: String? = nil,
        format: String? = nil,
        nullable: Bool = false,
        stateTable: String? = nil,
        fieldsAtAnyDepth: Bool = false,
        source: DocReference? = nil,
        evidence: [Fact: Evidence] = [:],
        readings: [Reading] = []
    ) {
        self.kind = kind
        self.name = name
        self.docType = docType
        self.description = description
        self.properties = properties
        self.itemsStorage = items.map(Indirect.schema)
        self.valuesStorage = values.map(Indirect.schema)
        self.enumeration = enumeration
        self.minimum = minimum
        self.maximum = maximum
        self.minLength = minLength
        self.maxLength = maxLength
        self.minItems = minItems
        self.maxItems = maxItems
        self.defaultValue = defaultValue
        self.format = format
        self.nullable = nullable
        self.stateTable = stateTable
        self.fieldsAtAnyDepth = fieldsAtAnyDepth
        self.source = source
        self.evidence = evidence
        self.readings = readings
    }

    /// The schema of an array's elements.
    public var items: Schema? {
        get { itemsStorage?.schema }
        set { itemsStorage = newValue.map(Indirect.schema) }
    }

    /// The schema of a map's values (`Map<String,String>`: a string).
    public var values: Schema? {
        get { valuesStorage?.schema }
        set { valuesStorage = newValue.map(Indirect.schema) }
    }

    /// The field named `name`, if this is an object that has one.
    public func property(named name: String) -> Property? {
        properties.first { $0.name == name }
    }

    /// The names of the required fields, in document order.
    public var requiredNames: [String] {
        properties.filter(\.required).map(\.name)
    }

    /// Heap storage that lets a schema hold schemas of its own type.
    private indirect enum Indirect: Sendable, Hashable {
        case schema(Schema)

        var schema: Schema {
            switch self {
            case .schema(let schema): schema
            }
        }
    }
}

/// A named field of an object schema.
public struct Property: Codable, Sendable, Hashable {
    public var name: String
    public var required: Bool
    public var schema: Schema

    public init(name: String, required: Bool, schema: Schema) {
        self.name = name
        self.required = required
        self.schema = schema
    }
}

extension Schema: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, name, docType, description, properties, items, values, enumeration
        case minimum, maximum, minLength, maxLength, minItems, maxItems
        case defaultValue = "default", format, nullable, stateTable, fieldsAtAnyDepth, source, evidence, readings
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            kind: try container.decode(Kind.self, forKey: .kind),
            name: try container.decodeIfPresent(String.self, forKey: .name),
            docType: try container.decodeIfPresent(String.self, forKey: .docType),
            description: try container.decodeIfPresent(String.self, forKey: .description),
            properties: try container.decodeIfPresent([Property].self, forKey: .properties) ?? [],
            items: try container.decodeIfPresent(Schema.self, forKey: .items),
            values: try container.decodeIfPresent(Schema.self, forKey: .values),
            enumeration: try container.decodeIfPresent([String].self, forKey: .enumeration),
            minimum: try container.decodeIfPresent(Double.self, forKey: .minimum),
            maximum: try container.decodeIfPresent(Double.self, forKey: .maximum),
            minLength: try container.decodeIfPresent(Int.self, forKey: .minLength),
            maxLength: try container.decodeIfPresent(Int.self, forKey: .maxLength),
            minItems: try container.decodeIfPresent(Int.self, forKey: .minItems),
            maxItems: try container.decodeIfPresent(Int.self, forKey: .maxItems),
            defaultValue: try container.decodeIfPresent(String.self, forKey: .defaultValue),
            format: try container.decodeIfPresent(String.self, forKey: .format),
            nullable: try container.decodeIfPresent(Bool.self, forKey: .nullable) ?? false,
            stateTable: try container.decodeIfPresent(String.self, forKey: .stateTable),
            fieldsAtAnyDepth: try container.decodeIfPresent(Bool.self, forKey: .fieldsAtAnyDepth) ?? false,
            source: try container.decodeIfPresent(DocReference.self, forKey: .source),
            evidence: try Self.decodeEvidence(container.decodeIfPresent([String: Evidence].self, forKey: .evidence) ?? [:], at: container.codingPath),
            readings: try container.decodeIfPresent([Reading].self, forKey: .readings) ?? []
        )
    }

    private static func decodeEvidence(_ raw: [String: Evidence], at path: [any CodingKey]) throws -> [Fact: Evidence] {
        var result: [Fact: Evidence] = [:]
        for (key, value) in raw {
            guard let fact = Fact(rawValue: key) else {
                throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "unknown fact '\(key)' in evidence"))
            }
            result[fact] = value
        }
        return result
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(docType, forKey: .docType)
        try container.encodeIfPresent(description, forKey: .description)
        if !properties.isEmpty || kind == .object { try container.encode(properties, forKey: .properties) }
        try container.encodeIfPresent(items, forKey: .items)
        try container.encodeIfPresent(values, forKey: .values)
        try container.encodeIfPresent(enumeration, forKey: .enumeration)
        try container.encodeIfPresent(minimum, forKey: .minimum)
        try container.encodeIfPresent(maximum, forKey: .maximum)
        try container.encodeIfPresent(minLength, forKey: .minLength)
        try container.encodeIfPresent(maxLength, forKey: .maxLength)
        try container.encodeIfPresent(minItems, forKey: .minItems)
        try container.encodeIfPresent(maxItems, forKey: .maxItems)
        try container.encodeIfPresent(defaultValue, forKey: .defaultValue)
        try container.encodeIfPresent(format, forKey: .format)
        if nullable { try container.encode(nullable, forKey: .nullable) }
        try container.encodeIfPresent(stateTable, forKey: .stateTable)
        if fieldsAtAnyDepth { try container.encode(fieldsAtAnyDepth, forKey: .fieldsAtAnyDepth) }
        try container.encodeIfPresent(source, forKey: .source)
        if !evidence.isEmpty {
            try container.encode(Dictionary(uniqueKeysWithValues: evidence.map { ($0.key.rawValue, $0.value) }), forKey: .evidence)
        }
        if !readings.isEmpty { try container.encode(readings, forKey: .readings) }
    }
}
