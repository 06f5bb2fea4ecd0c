import ConformanceModel
import Foundation
import OpenAPIKit

/// Turns spec schemas into OpenAPI schemas, collecting named objects as components.
///
/// A named object (`CreateVolumeOption`) becomes `#/components/schemas/CreateVolumeOption`
/// and a reference where it is used. The same name with a different shape (the same doc
/// name can mean different fields in different operations) gets the next free suffix
/// (`Link2`); shapes are compared without their sources, so that identical tables repeated
/// in every operation share one component.
struct ComponentRegistry {
    private(set) var schemas: OrderedDictionary<OpenAPI.ComponentKey, JSONSchema> = [:]
    private var shapes: [String: [(shape: Schema, key: String)]] = [:]
    /// Other spellings of component names: the type word a field is typed with
    /// (`UpdateSnapshotsOption object`) where the table's caption names the schema otherwise.
    private var aliases: [(alias: String, key: String)] = []

    /// `typeWord`: the type cell that names an array's elements (`Array of Link objects`).
    mutating func jsonSchema(_ schema: Schema, required: Bool, typeWord: String? = nil) -> JSONSchema {
        if schema.kind == .object, let name = schema.name, !schema.properties.isEmpty {
            var shared = schema
            shared.nullable = false
            shared.evidence[.nullable] = nil
            let key = register(shared, name: name)
            noteAlias(typeWord ?? schema.docType, name: name, key: key)
            // A reference cannot say `type: [object, "null"]`: a nullable use is "the component or null".
            if schema.nullable {
                return .any(of: [.reference(.component(named: key), required: true), .null()], core: .init(required: required, description: schema.description))
            }
            return .reference(.component(named: key), required: required, description: schema.description)
        }
        return inline(schema, required: required)
    }

    /// Records the object name a type cell spells, when it differs from the schema's name by
    /// more than a line break or a disambiguating counter.
    private mutating func noteAlias(_ typeText: String?, name: String, key: String) {
        guard var word = typeText?.trimmingCharacters(in: .whitespaces) else { return }
        for prefix in ["Array of ", "List<", "Array<"] where word.hasPrefix(prefix) { word = String(word.dropFirst(prefix.count)) }
        for suffix in [" objects", " object", ">"] where word.hasSuffix(suffix) { word = String(word.dropLast(suffix.count)) }
        word = word.filter { !$0.isWhitespace }
        guard let first = word.first, first.isUppercase, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }),
              word != name, !(name.hasPrefix(word) && name.dropFirst(word.count).allSatisfy(\.isNumber)) else { return }
        let alias = OpenAPIExporter.componentName(word)
        if alias != key, !aliases.contains(where: { $0.alias == alias }) { aliases.append((alias, key)) }
    }

    /// Adds each alias whose name no component holds as a schema that `$ref`s its component.
    mutating func addAliases() {
        for (alias, key) in aliases {
            guard let aliasKey = OpenAPI.ComponentKey(rawValue: alias), schemas[aliasKey] == nil else { continue }
            schemas[aliasKey] = JSONSchema.reference(.component(named: key)).with(vendorExtensions: ["x-alias-of": AnyCodable(key)])
        }
    }

    private mutating func register(_ schema: Schema, name: String) -> String {
        let shape = Self.shape(of: schema)
        let base = OpenAPIExporter.componentName(name)
        if let existing = shapes[base]?.first(where: { $0.shape == shape }) { return existing.key }
        // The next free suffix: a doc name can itself end in a counter (`CinderVolumeDetail2`).
        var count = shapes[base]?.count ?? 0
        var key = count == 0 ? base : "\(base)\(count + 1)"
        while schemas[OpenAPI.ComponentKey(rawValue: key)!] != nil {
            count += 1
            key = "\(base)\(count + 1)"
        }
        shapes[base, default: []].append((shape, key))
        // Reserve the key before building, so that a recursive reference finds it.
        let componentKey = OpenAPI.ComponentKey(rawValue: key)!
        schemas[componentKey] = .object
        var body = schema
        body.name = nil
        schemas[componentKey] = inline(body, required: true, title: name)
        return key
    }

    /// The schema without sources, descriptions and the evidence of its facts: what makes two
    /// tables "the same shape".
    static func shape(of schema: Schema) -> Schema {
        var copy = schema
        copy.source = nil
        copy.description = nil
        // Where a fact was read and what other places say do not change the shape.
        copy.evidence = [:]
        copy.readings = []
        copy.properties = schema.properties.map { Property(name: $0.name, required: $0.required, schema: shape(of: $0.schema)) }
        copy.items = schema.items.map(shape(of:))
        copy.values = schema.values.map(shape(of:))
        return copy
    }

    private mutating func inline(_ schema: Schema, required: Bool, title: String? = nil) -> JSONSchema {
        let description = schema.description
        var result: JSONSchema
        switch schema.kind {
        case .object:
            var properties: OrderedDictionary<String, JSONSchema> = [:]
            for property in schema.properties {
                properties[property.name] = jsonSchema(property.schema, required: property.required)
            }
            result = .object(required: required, nullable: schema.nullable, title: title, description: description, properties: properties)
        case .map:
            // An open object: its listed keys as properties, any other key valued as `values`.
            var properties: OrderedDictionary<String, JSONSchema> = [:]
            for property in schema.properties {
                properties[property.name] = jsonSchema(property.schema, required: property.required)
            }
            let values = schema.values.map { jsonSchema($0, required: true) } ?? .fragment
            result = .object(required: required, nullable: schema.nullable, title: title, description: description, properties: properties, additionalProperties: .b(values))
        case .array:
            result = .array(required: required, nullable: schema.nullable, title: title, description: description, minItems: schema.minItems, maxItems: schema.maxItems, items: schema.items.map { jsonSchema($0, required: true, typeWord: schema.docType) })
        case .string:
            result = .string(
                format: schema.format.map { JSONTypeFormat.StringFormat(rawValue: $0) } ?? .generic,
                required: required, nullable: schema.nullable, title: title, description: description,
                minLength: schema.minLength, maxLength: schema.maxLength,
                allowedValues: Self.allowedValues(schema) { AnyCodable($0) },
                defaultValue: schema.defaultValue.map { AnyCodable($0) }
            )
        case .integer:
            result = .integer(
                required: required, nullable: schema.nullable, title: title, description: description,
                maximum: schema.maximum.map { (Int($0), exclusive: false) },
                minimum: schema.minimum.map { (Int($0), exclusive: false) },
                allowedValues: Self.allowedValues(schema) { Int($0).map { AnyCodable($0) } },
                defaultValue: schema.defaultValue.flatMap { Int($0) }.map { AnyCodable($0) }
            )
        case .number:
            result = .number(
                required: required, nullable: schema.nullable, title: title, description: description,
                maximum: schema.maximum.map { ($0, exclusive: false) },
                minimum: schema.minimum.map { ($0, exclusive: false) },
                defaultValue: schema.defaultValue.flatMap { Double($0) }.map { AnyCodable($0) }
            )
        case .boolean:
            result = .boolean(required: required, nullable: schema.nullable, title: title, description: description,
                              defaultValue: schema.defaultValue.flatMap { Bool($0.lowercased()) }.map { AnyCodable($0) })
        case .any:
            result = .fragment(required: required, nullable: schema.nullable, title: title, description: description)
        }
        var extensions: [String: AnyCodable] = [:]
        if let docType = schema.docType { extensions["x-doc-type"] = AnyCodable(docType) }
        if let state = schema.stateTable { extensions["x-state-table"] = AnyCodable(state) }
        if schema.fieldsAtAnyDepth { extensions["x-fields-at-any-depth"] = AnyCodable(true) }
        if schema.kind == .integer || schema.kind == .number, let enumeration = schema.enumeration, schema.kind == .number {
            extensions["x-enumeration"] = AnyCodable(enumeration)
        }
        if let source = schema.source { extensions["x-source"] = OpenAPIExporter.anyCodable(source) }
        let widerLists = EnumerationReadings.widerLists(of: schema)
        if !widerLists.isEmpty {
            // The enum is the union (allowedValues); both tables are cited.
            let listings = [(schema.enumeration ?? [], schema.source)] + widerLists.map { ($0.schema.enumeration ?? [], Optional($0.source)) }
            extensions["x-enum-readings"] = AnyCodable(listings.map { values, source -> [String: AnyCodable] in
                var listing: [String: AnyCodable] = ["values": AnyCodable(values)]
                if let source { listing["source"] = OpenAPIExporter.anyCodable(source) }
                return listing
            })
        }
        let otherReadings = schema.readings.filter { reading in !widerLists.contains(reading) }
        if !otherReadings.isEmpty {
            // Other places of the docs read the value differently; validate accepts them with a warning.
            extensions["x-readings"] = AnyCodable(otherReadings.map { reading -> [String: AnyCodable] in
                ["type": AnyCodable(reading.schema.kind.rawValue), "basis": AnyCodable(reading.basis.rawValue), "phrase": AnyCodable(reading.phrase),
                 "source": OpenAPIExporter.anyCodable(reading.source)]
            })
        }
        let described = extensions.isEmpty ? result : result.with(vendorExtensions: extensions)
        // A value another place of the docs types otherwise (a table's `String` where an example
        // prints `true`, 表 6-34 `is_auto_pay`) is accepted by `validate` with a warning citing
        // both places, and so by the mock: the export accepts it too, as `anyOf` the documented
        // type and each other scalar type. Readings of a whole object (an example that names a
        // field otherwise, or leaves a wrapper out) describe another body, not another value;
        // they stay in `x-readings`, so that generated bodies follow the tables.
        let scalarKinds: Set<Schema.Kind> = [.string, .integer, .number, .boolean]
        let otherTypes = otherReadings.filter { scalarKinds.contains($0.schema.kind) && scalarKinds.contains(schema.kind) && $0.schema.kind != schema.kind }
        guard !otherTypes.isEmpty else { return described }
        let branches = [described] + otherTypes.map { jsonSchema($0.schema, required: true) }
        return .any(of: OpenAPIExporter.unique(branches), core: .init(required: required))
    }
}

extension ComponentRegistry {
    /// The `enum` of a string or integer: the documented values, then those only a wider list
    /// of another table gives (`EnumerationReadings`, the reading `validate` accepts with a
    /// warning citing both tables), then `null` when the field is nullable (JSON Schema: `enum`
    /// constrains every value, so `type: [string, "null"]` with an enum of strings refuses null).
    static func allowedValues(_ schema: Schema, _ value: (String) -> AnyCodable?) -> [AnyCodable]? {
        guard let own = schema.enumeration else { return nil }
        var values = own
        for reading in EnumerationReadings.widerLists(of: schema) {
            for other in reading.schema.enumeration ?? [] where !values.contains(other) { values.append(other) }
        }
        var result = values.compactMap(value)
        if schema.nullable { result.append(AnyCodable(nil as String?)) }
        return result
    }
}

/// Reason phrases for responses the doc gives no words for (RFC 9110 §15).
enum HTTPStatusNames {
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}
