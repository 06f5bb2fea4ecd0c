import ConformanceModel

/// Keeps what a second document says about an operation's values reachable when it differs
/// from the document the operation was kept from.
///
/// Two documents of a service describe one operation (the PDF reference and a per-API page;
/// two pages): the kept operation is the reference's, and where the other gives a field other
/// facts (a narrower or wider value list, other bounds), that field's schema gets a `Reading`
/// with the other document's schema of the field. DESIGN.md's severity policy: a value that
/// follows any reading is a warning citing both places, never an error; so a per-API page that
/// says "目前支持…三种" for `volume_type` cannot make the reference's seven values errors, nor
/// the other way round. `OperationComparison` reports the difference as `document.conflict`.
enum TwinReadings {
    /// The facts whose difference makes a reading.
    static let facts: [Schema.Fact] = [.enumeration, .minimum, .maximum, .minLength, .maxLength, .minItems, .maxItems]

    static func attach(from twin: Operation, to primary: inout Operation) {
        if var body = primary.requestBody, let other = twin.requestBody {
            visit(&body, other)
            primary.requestBody = body
        }
        for index in primary.responses.indices {
            guard var body = primary.responses[index].body, let other = twin.response(for: primary.responses[index].status)?.body else { continue }
            visit(&body, other)
            primary.responses[index].body = body
        }
        for index in primary.parameters.indices {
            let parameter = primary.parameters[index]
            guard let other = twin.parameters.first(where: { $0.name == parameter.name && $0.location == parameter.location }) else { continue }
            visit(&primary.parameters[index].schema, other.schema)
        }
    }

    private static func visit(_ schema: inout Schema, _ other: Schema) {
        guard schema.kind == other.kind || other.kind == .any || schema.kind == .any else { return }
        if differs(schema, other), !schema.readings.contains(where: { $0.schema == leaf(other) }) {
            // The words the other document states its facts in, the value list's first.
            let stated = facts.compactMap { other.evidence[$0] }.first
            let source = stated?.source ?? other.source ?? DocReference(document: "?")
            schema.readings.append(Reading(schema: leaf(other), basis: stated?.basis ?? .table, phrase: stated?.phrase ?? other.docType ?? other.kind.rawValue, source: source))
        }
        for index in schema.properties.indices {
            guard let match = other.property(named: schema.properties[index].name) else { continue }
            visit(&schema.properties[index].schema, match.schema)
        }
        if var items = schema.items, let otherItems = other.items {
            visit(&items, otherItems)
            schema.items = items
        }
        if var values = schema.values, let otherValues = other.values {
            visit(&values, otherValues)
            schema.values = values
        }
    }

    /// `true` when both documents state a fact of the value and they state it differently.
    private static func differs(_ schema: Schema, _ other: Schema) -> Bool {
        if let left = schema.enumeration, let right = other.enumeration, Set(left) != Set(right) { return true }
        func bound(_ left: Double?, _ right: Double?) -> Bool { left != nil && right != nil && left != right }
        func count(_ left: Int?, _ right: Int?) -> Bool { left != nil && right != nil && left != right }
        return bound(schema.minimum, other.minimum) || bound(schema.maximum, other.maximum)
            || count(schema.minLength, other.minLength) || count(schema.maxLength, other.maxLength)
            || count(schema.minItems, other.minItems) || count(schema.maxItems, other.maxItems)
    }

    /// The other schema of a scalar as it is, of an object or array without its members
    /// (their own readings are attached where they differ).
    private static func leaf(_ schema: Schema) -> Schema {
        var copy = schema
        copy.properties = []
        copy.items = nil
        copy.values = nil
        copy.readings = []
        return copy
    }
}
