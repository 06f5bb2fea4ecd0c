import ConformanceModel

/// Records where other places of the docs read a value differently from the table it is
/// documented in (`Schema.readings`), so that the validator can tell traffic that breaks the
/// docs from traffic that follows one of two contradicting places (DESIGN.md's severity policy).
///
/// The places it compares, each reading citing its own:
/// - **other tables of the same value** (basis `table`): the fields of one name in the objects
///   one name holds in responses (`{"snapshot": {...}}`, `{"snapshots": [{...}]}`: the
///   snapshot's `size`), typed differently: EVS documents the snapshot's `size` as
///   `String` in 表 7-18, 表 8-526 and 表 8-543 and as `Integer` in 表 6-129 and 表 8-520, and each
///   gets the other as a reading;
/// - **the doc's examples** (basis `example`, the member as printed): a value of another JSON
///   type than its table (`"size": 1` in 7.1.3 响应示例), outside the table's values or bounds,
///   and an example object that leaves out a required field or sends a near-miss of a
///   documented key (the gateway's `"DiskId"` for `DiskIds`): the object as the example shows
///   it. A type reading applies to the same value wherever the service documents it; the others
///   to the example's own place;
/// - **a per-API page and the reference** (basis `table`): the twin a merge dropped, where its
///   fields differ in JSON type from the kept operation's (differing value lists and bounds are
///   attached by `TwinReadings` during the merge).
/// `null` is not a reading: `NullabilityResolver` decides where the docs allow it. Each reading
/// is also a `schema.reading` note, so that a reviewer of `spec.json` sees it.
enum ReadingCollector {
    static func collect(_ spec: inout ServiceSpec, twins: [(primary: Int, twin: Operation)] = []) {
        var found: [SchemaAddress: [Reading]] = [:]
        let places = SchemaWalk.places(in: spec)
        let groups = Dictionary(grouping: places.filter { $0.name != nil && $0.schema.kind != .any }, by: groupKey)
        fromTables(groups, spec: spec, into: &found)
        fromExamples(spec, groups: groups, into: &found)
        fromTwins(twins, spec: spec, into: &found)
        var applied: [Reading: [SchemaAddress]] = [:]
        var order: [Reading] = []
        for address in found.keys.sorted(by: { "\($0)" < "\($1)" }) {
            spec.modify(at: address) { schema in
                for reading in found[address]! where !schema.readings.contains(where: { signature($0.schema) == signature(reading.schema) }) {
                    schema.readings.append(reading)
                    if applied[reading] == nil { order.append(reading) }
                    applied[reading, default: []].append(address)
                }
            }
        }
        for reading in order {
            let addresses = applied[reading]!
            let first = spec.operations[addresses[0].operation]
            let places = addresses.count == 1 ? "\(first.id)" : "\(addresses.count) places (\(first.id) first)"
            spec.diagnostics.append(Diagnostic(.note, code: "schema.reading",
                message: "\(places): another reading of the value, from \(reading.basis == .example ? "an example" : "another table"): “\(reading.phrase)” (\(reading.source.table ?? "§" + (reading.source.section ?? "?")), line \(reading.source.line.map(String.init) ?? "?")); traffic that follows it gets a warning",
                source: reading.source))
        }
    }

    /// What makes a value "the same" across tables: requests or responses, the object's holder
    /// (singular: `snapshots` → `snapshot`; a body's root fields are their operation's own), and
    /// the field's name.
    struct GroupKey: Hashable {
        var isRequest: Bool
        var owner: String
        var name: String
    }

    static func groupKey(_ place: SchemaPlace) -> GroupKey {
        let owner = place.parentKey.map(singular) ?? "#\(place.address.operation)/\(place.address.response.map(String.init) ?? "request")"
        return GroupKey(isRequest: place.address.isRequest, owner: owner, name: place.name ?? "")
    }

    static func singular(_ key: String) -> String {
        if key.hasSuffix("ies"), key.count > 4 { return String(key.dropLast(3)) + "y" }
        if key.hasSuffix("s"), !key.hasSuffix("ss"), key.count > 3 { return String(key.dropLast()) }
        return key
    }

    // MARK: - Tables

    private static func fromTables(_ groups: [GroupKey: [SchemaPlace]], spec: ServiceSpec, into found: inout [SchemaAddress: [Reading]]) {
        // Only responses: two operations may well take a field of one name in different types
        // (EVS's v3 create documents `multiattach` as String, the v2.1 create as Boolean), while a
        // resource's representation in answers is one value however many tables print it.
        for (key, members) in groups where !key.isRequest {
            var firstOfKind: [Schema.Kind: SchemaPlace] = [:]
            var order: [Schema.Kind] = []
            for member in members where firstOfKind[member.schema.kind] == nil {
                firstOfKind[member.schema.kind] = member
                order.append(member.schema.kind)
            }
            guard order.count > 1 else { continue }
            for member in members {
                for kind in order where !accepts(member.schema.kind, kind) {
                    let other = firstOfKind[kind]!
                    let source = other.schema.source ?? spec.operations[other.address.operation].source
                    found[member.address, default: []].append(Reading(schema: bare(other.schema), basis: .table, phrase: "\(key.name) \(other.schema.docType ?? kind.rawValue)", source: source))
                }
            }
        }
    }

    // MARK: - Examples

    private static func fromExamples(_ spec: ServiceSpec, groups: [GroupKey: [SchemaPlace]], into found: inout [SchemaAddress: [Reading]]) {
        let placesByAddress = Dictionary(groups.values.flatMap { $0 }.map { ($0.address, $0) }, uniquingKeysWith: { first, _ in first })
        for bound in ExampleWalk.bound(in: spec) {
            for member in ExampleWalk.members(of: bound, in: spec) where member.value != .null && member.schema.kind != .any {
                let phrase = ExampleWalk.phrase(member.name, member.value)
                let source = bound.example.source
                guard let kind = member.value.schemaKind else { continue }
                var group: [SchemaPlace] = []
                if let place = placesByAddress[member.address] { group = groups[groupKey(place)] ?? [] }
                if !accepts(member.schema.kind, kind) {
                    // Another JSON type: the same value wherever it is documented.
                    let reading = Reading(schema: Schema(kind: kind, items: kind == .array ? Schema(kind: .any) : nil), basis: .example, phrase: phrase, source: source)
                    found[member.address, default: []].append(reading)
                    for place in group where place.address != member.address && !accepts(place.schema.kind, kind) {
                        found[place.address, default: []].append(reading)
                    }
                    continue
                }
                // An example's value outside the table's list or bounds is one more documented
                // value: the reading is the table's, widened just enough to take it (the value
                // joins the list, a bound moves to it), never the table without its facts, which
                // would let any value through.
                if let enumeration = member.schema.enumeration, let text = member.value.scalarText, !enumeration.contains(text) {
                    var widened = bare(member.schema)
                    widened.enumeration = enumeration + [text]
                    widened.evidence[.enumeration] = Evidence(.example, phrase: phrase, source: source)
                    found[member.address, default: []].append(Reading(schema: widened, basis: .example, phrase: phrase, source: source))
                }
                if outOfBounds(member.value, member.schema) {
                    var widened = bare(member.schema)
                    widen(&widened, toTake: member.value, phrase: phrase, source: source)
                    found[member.address, default: []].append(Reading(schema: widened, basis: .example, phrase: phrase, source: source))
                }
                if let reading = objectAsExampled(member, source: source) {
                    found[member.address, default: []].append(reading)
                }
            }
        }
    }

    /// The object as an example shows it, when the example leaves out a field the table marks
    /// required or sends a near-miss of a documented key: the required field optional, the
    /// documented key under the example's spelling with the example's type. Only for an example
    /// object that shares at least one key with the table (else it is another object altogether).
    private static func objectAsExampled(_ member: ExampleMember, source: DocReference) -> Reading? {
        guard let object = member.value.objectValue, member.schema.kind == .object || member.schema.kind == .map, !member.schema.properties.isEmpty else { return nil }
        let documented = member.schema.properties.map(\.name)
        guard object.keys.contains(where: documented.contains) else { return nil }
        let absent = documented.filter { object[$0] == nil }
        var changes: [String] = []
        var reading = bare(member.schema)
        for key in object.keys.sorted() where !documented.contains(key) && member.schema.kind == .object {
            guard let intended = ExampleKeyCheck.closest(to: key, in: absent), let index = reading.properties.firstIndex(where: { $0.name == intended }),
                  let kind = object[key]?.schemaKind else { continue }
            reading.properties[index].name = key
            reading.properties[index].schema = Schema(kind: kind, items: kind == .array ? Schema(kind: .any) : nil)
            changes.append("\"\(key)\" for \(intended)")
        }
        for (index, property) in reading.properties.enumerated() where property.required && object[property.name] == nil {
            reading.properties[index].required = false
            changes.append("no \(property.name)")
        }
        guard !changes.isEmpty else { return nil }
        return Reading(schema: reading, basis: .example, phrase: "the example sends " + changes.joined(separator: ", "), source: source)
    }

    /// Moves the bounds of `schema` that `value` breaks to the value itself, citing the example.
    private static func widen(_ schema: inout Schema, toTake value: JSONValue, phrase: String, source: DocReference) {
        let evidence = Evidence(.example, phrase: phrase, source: source)
        func lower<T: Comparable>(_ bound: inout T?, _ actual: T, _ fact: Schema.Fact) {
            if let current = bound, actual < current { bound = actual; schema.evidence[fact] = evidence }
        }
        func raise<T: Comparable>(_ bound: inout T?, _ actual: T, _ fact: Schema.Fact) {
            if let current = bound, actual > current { bound = actual; schema.evidence[fact] = evidence }
        }
        switch value {
        case .number(let literal):
            guard let number = Double(literal) else { return }
            lower(&schema.minimum, number, .minimum)
            raise(&schema.maximum, number, .maximum)
        case .string(let text):
            lower(&schema.minLength, text.count, .minLength)
            raise(&schema.maxLength, text.count, .maxLength)
        case .array(let elements):
            lower(&schema.minItems, elements.count, .minItems)
            raise(&schema.maxItems, elements.count, .maxItems)
        default:
            break
        }
    }

    private static func outOfBounds(_ value: JSONValue, _ schema: Schema) -> Bool {
        switch value {
        case .number(let literal):
            guard let number = Double(literal) else { return false }
            return schema.minimum.map { number < $0 } ?? false || schema.maximum.map { number > $0 } ?? false
        case .string(let text):
            return schema.minLength.map { text.count < $0 } ?? false || schema.maxLength.map { text.count > $0 } ?? false
        case .array(let elements):
            return schema.minItems.map { elements.count < $0 } ?? false || schema.maxItems.map { elements.count > $0 } ?? false
        default:
            return false
        }
    }

    // MARK: - Twins

    private static func fromTwins(_ twins: [(primary: Int, twin: Operation)], spec: ServiceSpec, into found: inout [SchemaAddress: [Reading]]) {
        for (index, twin) in twins {
            let operation = spec.operations[index]
            if let primary = operation.requestBody, let other = twin.requestBody {
                compare(primary, other, at: SchemaAddress(operation: index, response: nil), name: nil, twin: twin, into: &found)
            }
            for (responseIndex, response) in operation.responses.enumerated() {
                guard let primary = response.body, let other = twin.response(for: response.status)?.body else { continue }
                compare(primary, other, at: SchemaAddress(operation: index, response: responseIndex), name: nil, twin: twin, into: &found)
            }
        }
    }

    private static func compare(_ primary: Schema, _ other: Schema, at address: SchemaAddress, name: String?, twin: Operation, into found: inout [SchemaAddress: [Reading]]) {
        // Value lists and bounds that differ got their reading when the twin was merged
        // (`TwinReadings`, citing the twin's own words); here only the JSON type is compared.
        if !accepts(primary.kind, other.kind) {
            let phrase = "\(name ?? "the body") \(other.docType ?? other.kind.rawValue)\(other.enumeration.map { " (\($0.joined(separator: ", ")))" } ?? "")"
            found[address, default: []].append(Reading(schema: bare(other), basis: .table, phrase: phrase, source: other.source ?? twin.source))
            return
        }
        for (index, property) in primary.properties.enumerated() {
            guard let counterpart = other.property(named: property.name) else { continue }
            compare(property.schema, counterpart.schema, at: address.appending(.property(index)), name: property.name, twin: twin, into: &found)
        }
        if let items = primary.items, let otherItems = other.items { compare(items, otherItems, at: address.appending(.items), name: name, twin: twin, into: &found) }
        if let values = primary.values, let otherValues = other.values { compare(values, otherValues, at: address.appending(.values), name: name, twin: twin, into: &found) }
    }

    // MARK: - Helpers

    /// Whether a value of JSON type `actual` fits a schema of kind `documented`.
    static func accepts(_ documented: Schema.Kind, _ actual: Schema.Kind) -> Bool {
        switch (documented, actual) {
        case (.any, _), (_, .any): true
        case (.number, .integer): true
        case (.object, .map), (.map, .object): true
        default: documented == actual
        }
    }

    /// A reading's schema: the other place's, without readings of its own.
    static func bare(_ schema: Schema) -> Schema {
        var copy = schema
        copy.readings = []
        return copy
    }

    /// What tells two readings apart.
    static func signature(_ schema: Schema) -> String {
        "\(schema.kind.rawValue)|\(schema.enumeration ?? [])|\(schema.minimum ?? .nan)|\(schema.maximum ?? .nan)|\(schema.minLength ?? -1)|\(schema.maxLength ?? -1)|"
            + schema.properties.map { "\($0.name)\($0.required ? "!" : "")\($0.schema.kind.rawValue)" }.joined(separator: ",")
    }
}

extension JSONValue {
    /// A string's or number's text, as enumerations are written.
    var scalarText: String? {
        switch self {
        case .string(let text): text
        case .number(let literal): literal
        case .bool(let value): value ? "true" : "false"
        default: nil
        }
    }
}
