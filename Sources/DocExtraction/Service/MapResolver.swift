import ConformanceModel
import Foundation

/// Makes the objects the docs describe as open into maps: any key is accepted, the listed
/// keys keep their documented types, and the other keys' values have one documented type.
///
/// Three things say that an object is open, each recorded as the evidence of `Schema.Fact.map`:
/// - a sentence of its description (basis `sentence`): EVS 8.2.1.2 metadata "“metadata”字段信息中
///   列举了部分字段，您还可以根据创建云硬盘的要求输入其他字段" (other fields may be given), EVS 6.1.3
///   "调用方可以添加或删除metadata信息" (callers add and remove metadata), English "key-value pairs";
/// - another table of the same service that types a field of the same name, in the same
///   direction, as `Map<…>` (basis `table`): EVS 表 6-24 types the volume's `metadata`
///   `Map<String,Object>` where 表 8-74 lists three of its keys as `VolumeMetadata object`;
/// - nothing else: a bare "键值对" is not enough, since EVS uses it for closed objects too
///   ("键值对，包含：reserved（预留）、limit（最大）和in_use（已使用）").
/// The other keys' value type comes from that other table's `Map<String,X>`; if none, from the
/// doc's examples of the object (one JSON type for all their other keys); else any value.
///
/// And `Map<String,Object>` (EVS 表 6-24 `volume_image_metadata`) is Java's notation: `Object` is
/// any value, not a JSON object, and the examples give strings; its values are `any`.
///
/// Each change is a `schema.open-object` or `schema.map-values` note.
enum MapResolver {
    static func resolve(_ spec: inout ServiceSpec) {
        anyValuedMaps(&spec)
        openObjects(&spec)
    }

    /// The description sentences that say an object takes keys of the caller's choosing.
    static let openPhrases: [NSRegularExpression] = [
        #"可以[^。；]{0,24}(输入|添加|增加|传入)[^。；]{0,6}其他字段"#,
        #"(添加|增加)或删除[^。；]{0,6}(metadata|元数据)"#,
        #"(?i)key[- ](and[- ])?value pairs?"#,
        #"(?i)(any|arbitrary|additional|custom) (keys|fields|properties)"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// The words of `description` that say the object is open, if any.
    static func openPhrase(in description: String?) -> String? {
        guard let description else { return nil }
        let range = NSRange(description.startIndex..., in: description)
        for pattern in openPhrases {
            if let match = pattern.firstMatch(in: description, range: range), let found = Range(match.range, in: description) {
                return String(description[found])
            }
        }
        return nil
    }

    private static func anyValuedMaps(_ spec: inout ServiceSpec) {
        for place in SchemaWalk.places(in: spec) where place.schema.kind == .map {
            guard let values = place.schema.values, values.kind == .object, values.properties.isEmpty, place.schema.evidence[.map] == nil else { continue }
            let written = place.schema.docType ?? "Map<String,Object>"
            spec.modify(at: place.address) { schema in
                var any = Schema(kind: .any, docType: values.docType, description: values.description, source: values.source)
                any.evidence[.map] = Evidence(.table, phrase: written, source: schema.source)
                schema.values = any
                schema.evidence[.map] = Evidence(.table, phrase: written, source: schema.source)
            }
            spec.diagnostics.append(Diagnostic(.note, code: "schema.map-values", message: "\(place.name ?? "a map") is \(written): Object there is Java's top type, so its values are any JSON value", source: place.schema.source ?? spec.operations[place.address.operation].source))
        }
    }

    private static func openObjects(_ spec: inout ServiceSpec) {
        let places = SchemaWalk.places(in: spec)
        // Fields typed Map<…> by a table, by direction and name, first in document order.
        var maps: [Bool: [String: SchemaPlace]] = [:]
        for place in places where place.schema.kind == .map {
            guard let name = place.name, place.schema.docType?.range(of: "map", options: .caseInsensitive) != nil else { continue }
            if maps[place.address.isRequest]?[name] == nil { maps[place.address.isRequest, default: [:]][name] = place }
        }
        let examples = undocumentedValues(spec)
        for place in places where place.schema.kind == .object && !place.schema.properties.isEmpty {
            let evidence: Evidence
            let other = place.name.flatMap { maps[place.address.isRequest]?[$0] }
            if let phrase = openPhrase(in: place.schema.description) {
                evidence = Evidence(.sentence, phrase: phrase, source: place.schema.source)
            } else if let name = place.name, let other {
                evidence = Evidence(.table, phrase: "\(name) \(other.schema.docType ?? "Map")", source: other.schema.source)
            } else {
                continue
            }
            var valueSchema = other?.schema.values
            if valueSchema == nil || valueSchema?.kind == .any {
                valueSchema = exampleValueSchema(examples[place.address] ?? [])
            }
            let values = valueSchema ?? Schema(kind: .any)
            spec.modify(at: place.address) { schema in
                schema.kind = .map
                schema.values = values
                schema.evidence[.map] = evidence
            }
            spec.diagnostics.append(Diagnostic(.note, code: "schema.open-object",
                message: "\(place.name ?? "an object") accepts keys besides its \(place.schema.properties.count) listed ones (\(evidence.basis == .sentence ? "“\(evidence.phrase)”" : "\(evidence.phrase) in \(evidence.source?.table ?? "another table")")); their values: \(values.kind.rawValue)",
                source: place.schema.source ?? spec.operations[place.address.operation].source))
        }
    }

    /// The values the doc's examples give to keys an object does not list, by the object's address.
    private static func undocumentedValues(_ spec: ServiceSpec) -> [SchemaAddress: [JSONValue]] {
        var result: [SchemaAddress: [JSONValue]] = [:]
        for bound in ExampleWalk.bound(in: spec) {
            for member in ExampleWalk.members(of: bound, in: spec) where member.schema.kind == .object {
                guard let object = member.value.objectValue else { continue }
                let listed = Set(member.schema.properties.map(\.name))
                result[member.address, default: []] += object.filter { !listed.contains($0.key) }.map(\.value)
            }
        }
        return result
    }

    /// One type for all the example values, with the examples as its evidence; `nil` when they
    /// disagree or there are none.
    private static func exampleValueSchema(_ values: [JSONValue]) -> Schema? {
        let kinds = Set(values.compactMap(\.schemaKind).map { $0 == .integer ? Schema.Kind.number : $0 })
        guard kinds.count == 1, let kind = kinds.first, kind != .object, kind != .array else { return nil }
        var schema = Schema(kind: values.allSatisfy { $0.schemaKind == .integer } ? .integer : kind)
        schema.evidence[.map] = Evidence(.example, phrase: "\(values.count) value\(values.count == 1 ? "" : "s") of other keys in the examples, all \(schema.kind.rawValue)")
        return schema
    }
}
