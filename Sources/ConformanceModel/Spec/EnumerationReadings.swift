/// Gives a field whose table lists fewer values than another table of the same service lists
/// for a field of the same name the wider list as another reading, so that a value only the
/// wider table documents is a disagreement of the docs (a warning citing both tables), not an
/// error (DESIGN.md's severity policy).
///
/// EVS: 表 6-104 DiskDetail (§6.1.13, and 表 6-95 on §6.1.12, the os-vendor volume pages)
/// lists `volume_type` as SATA, SAS, GPSSD, SSD; 表 6-5 CreateVolumeOption (§6.1.1) lists those and GPSSD2, ESSD, ESSD2. A
/// volume created as GPSSD2 and then listed through the older page shows GPSSD2, which the
/// older table does not know.
///
/// Decision: only a strict subset counts (every value of the narrower list is in the wider
/// one). Fields that merely share a name but list different sets (a volume's `status` and a
/// job's `status`) describe different things, and their values stay errors.
///
/// The validator (`CompiledService`) and the OpenAPI export (`OpenAPIExporter`, which writes
/// the union as the field's `enum` with `x-enum-readings`) both read the docs through this.
public enum EnumerationReadings {
    /// A documented value list with where it is documented.
    private struct Listing {
        var values: Set<String>
        var ordered: [String]
        var source: DocReference?
    }

    /// The readings of `schema` that this pass gave it: a wider value list of the same kind.
    public static func widerLists(of schema: Schema) -> [Reading] {
        guard let own = schema.enumeration.map(Set.init) else { return [] }
        return schema.readings.filter { reading in
            guard reading.schema.kind == schema.kind, let values = reading.schema.enumeration else { return false }
            return own.isStrictSubset(of: Set(values))
        }
    }

    /// `spec` with the readings added to every narrower enumeration of its bodies.
    public static func widened(_ spec: ServiceSpec) -> ServiceSpec {
        var listings: [String: [Listing]] = [:]
        func collect(_ schema: Schema, name: String?, depth: Int) {
            guard depth < 64 else { return }
            if let name, let values = schema.enumeration, values.count > 1 {
                listings[name, default: []].append(Listing(values: Set(values), ordered: values, source: schema.source))
            }
            for property in schema.properties { collect(property.schema, name: property.name, depth: depth + 1) }
            if let items = schema.items { collect(items, name: name, depth: depth + 1) }
            if let values = schema.values { collect(values, name: nil, depth: depth + 1) }
        }
        for operation in spec.operations {
            if let body = operation.requestBody { collect(body, name: nil, depth: 0) }
            for response in operation.responses { if let body = response.body { collect(body, name: nil, depth: 0) } }
        }
        guard listings.values.contains(where: { $0.count > 1 }) else { return spec }

        func widen(_ schema: inout Schema, name: String?, depth: Int) {
            guard depth < 64 else { return }
            if let name, let values = schema.enumeration, let others = listings[name] {
                let own = Set(values)
                let wider = others.filter { own.isStrictSubset(of: $0.values) }.max { $0.values.count < $1.values.count }
                if let wider, let source = wider.source, !schema.readings.contains(where: { $0.source == source }) {
                    var reading = schema
                    reading.readings = []
                    reading.enumeration = wider.ordered
                    schema.readings.append(Reading(schema: reading, basis: .table, phrase: "\(name): \(wider.ordered.joined(separator: ", "))", source: source))
                }
            }
            for index in schema.properties.indices { widen(&schema.properties[index].schema, name: schema.properties[index].name, depth: depth + 1) }
            if var items = schema.items {
                widen(&items, name: name, depth: depth + 1)
                schema.items = items
            }
        }
        var result = spec
        for index in result.operations.indices {
            if var body = result.operations[index].requestBody {
                widen(&body, name: nil, depth: 0)
                result.operations[index].requestBody = body
            }
            for position in result.operations[index].responses.indices {
                if var body = result.operations[index].responses[position].body {
                    widen(&body, name: nil, depth: 0)
                    result.operations[index].responses[position].body = body
                }
            }
        }
        return result
    }
}
