import ConformanceModel
import Foundation

/// Marks the fields whose `null` the docs allow, each with the evidence it was read from.
///
/// Cinder-style APIs send `null` for absent values, and so do the docs' examples (EVS 8.2.1.3
/// 响应示例: `"snapshot_id": null`, `"source_volid": null`), while the tables only say
/// `String`. Two things allow `null` here; a sentence that does ("可以为null", "may be null") is
/// read with the field's description (`DescriptionFacts`, basis `sentence`):
///
/// 1. An example of the same object gives the field `null` (basis `example`, the member as
///    printed): that field, and the field of the same name of the same named object type
///    (`SnapshotDetailV5.name`) wherever the service documents it, in the same direction.
/// 2. The service's response examples as a whole give `null` for absent values: when they show
///    `null` for at least five different fields in the examples of at least three operations,
///    that is the service's convention, not one page's habit, and every response field not
///    marked required accepts `null` (basis `convention`, the counts as the phrase), for the
///    JSON types the examples show as `null`. The convention is recorded in the spec's notes
///    with its counts and first citations.
///
/// Not from examples: a request field the table marks required (`null` there stays an error),
/// and a value whose description forbids `null` ("metadata里面不能有value为null的键值对", EVS
/// 8.2.1.2): an example that breaks such a sentence is wrong, not a reading.
enum NullabilityResolver {
    /// Nulls for at least this many fields ...
    static let conventionFields = 5
    /// ... in the response examples of at least this many operations make a convention.
    static let conventionOperations = 3

    static let forbidding: [NSRegularExpression] = [
        #"(不能|不可|不允许|禁止)[^。；]{0,16}null"#,
        #"(?i)(must not|cannot|can't|may not|shall not) (be|contain) null"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    static func forbidsNull(_ description: String?) -> Bool {
        guard let description else { return false }
        let range = NSRange(description.startIndex..., in: description)
        return forbidding.contains { $0.firstMatch(in: description, range: range) != nil }
    }

    private struct Sighting {
        var member: ExampleMember
        var example: Example
    }

    static func resolve(_ spec: inout ServiceSpec) {
        var sightings: [Sighting] = []
        for bound in ExampleWalk.bound(in: spec) {
            for member in ExampleWalk.members(of: bound, in: spec) where member.value == .null && member.schema.kind != .any && !member.schema.nullable {
                sightings.append(Sighting(member: member, example: bound.example))
            }
        }
        fromExamples(sightings, in: &spec)
        fromConvention(sightings.filter { !$0.member.address.isRequest }, in: &spec)
    }

    private static func fromExamples(_ sightings: [Sighting], in spec: inout ServiceSpec) {
        let places = SchemaWalk.places(in: spec)
        var done: Set<SchemaAddress> = []
        for sighting in sightings {
            let member = sighting.member
            if member.address.isRequest, member.required == true { continue }
            if forbidsNull(member.schema.description) || forbidsNull(member.parentDescription) { continue }
            let evidence = Evidence(.example, phrase: ExampleWalk.phrase(member.name, .null), source: sighting.example.source)
            var targets = [member.address]
            // The same field of the same named object type elsewhere, in the same direction.
            if let parentName = member.parentName, let name = member.name {
                targets += places.filter { place in
                    place.name == name && place.parent?.documentedName == parentName && place.address.isRequest == member.address.isRequest
                        && !(place.address.isRequest && place.required == true) && place.schema.kind == member.schema.kind
                }.map(\.address)
            }
            for address in targets where !done.contains(address) {
                done.insert(address)
                spec.modify(at: address) { schema in
                    guard !schema.nullable else { return }
                    schema.nullable = true
                    schema.evidence[.nullable] = evidence
                }
            }
        }
    }

    private static func fromConvention(_ sightings: [Sighting], in spec: inout ServiceSpec) {
        let fields = Set(sightings.map { "\($0.member.parentKey ?? "#\($0.member.address.operation)")/\($0.member.name ?? "")" })
        let operations = Set(sightings.map(\.member.address.operation))
        let examples = Set(sightings.map { "\($0.example.source.document):\($0.example.source.line ?? 0)" })
        guard fields.count >= conventionFields, operations.count >= conventionOperations, let first = sightings.first else { return }
        let kinds = Set(sightings.map(\.member.schema.kind))
        let kindNames = kinds.map(\.rawValue).sorted().joined(separator: ", ")
        let cited = sightings.reduce(into: [Sighting]()) { list, sighting in
            if list.count < 3, !list.contains(where: { $0.example.source == sighting.example.source }) { list.append(sighting) }
        }.map { "§\($0.example.source.section ?? "?") line \($0.example.source.line.map(String.init) ?? "?") \(ExampleWalk.phrase($0.member.name, .null))" }
        let phrase = "\(sightings.count) null members for \(fields.count) fields in \(examples.count) response examples of \(operations.count) operations"
        let evidence = Evidence(.convention, phrase: phrase, source: first.example.source)
        var marked = 0
        for place in SchemaWalk.places(in: spec) where !place.address.isRequest && place.name != nil {
            guard place.required != true, !place.schema.nullable, kinds.contains(place.schema.kind) else { continue }
            spec.modify(at: place.address) { schema in
                schema.nullable = true
                schema.evidence[.nullable] = evidence
            }
            marked += 1
        }
        spec.notes.append("Null convention: the response examples give null for absent values (\(phrase); e.g. \(cited.joined(separator: "; "))). Every response field the tables do not mark required accepts null where it is of a type the examples show as null (\(kindNames)): \(marked) fields.")
    }
}
