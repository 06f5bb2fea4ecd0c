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
            visit(&body, other, fallback: twin.source)
            primary.requestBody = body
        }
        for index in primary.responses.indices {
            guard var body = primary.responses[index].body, let other = twin.response(for: primary.responses[index].status)?.body else { continue }
            visit(&body, other, fallback: twin.source)
            primary.responses[index].body = body
        }
        for index in primary.parameters.indices {
            let parameter = primary.parameters[index]
            guard let other = twin.parameters.first(where: { $0.name == parameter.name && $0.location == parameter.location }) else { continue }
            visit(&primary.parameters[index].schema, other.schema, fallback: twin.source)
        }
    }

    private static func visit(_ schema: inout Schema, _ other: Schema, fallback: DocReference) {
        guard schema.kind == other.kind || other.kind == .any || schema.kind == .any else { return }
        let differing = differences(schema, other)
        if !differing.isEmpty, !schema.readings.contains(where: { $0.schema == leaf(other) }) {
            // The words the other document states the first differing fact in.
            let stated = differing.compactMap { other.evidence[$0] }.first
            let source = stated?.source ?? other.source ?? fallback
            schema.readings.append(Reading(schema: leaf(other), basis: stated?.basis ?? .table, phrase: stated?.phrase ?? other.docType ?? other.kind.rawValue, source: source))
        }
        for index in schema.properties.indices {
            guard let match = other.property(named: schema.properties[index].name) else { continue }
            visit(&schema.properties[index].schema, match.schema, fallback: fallback)
        }
        if var items = schema.items, let otherItems = other.items {
            visit(&items, otherItems, fallback: fallback)
            schema.items = items
        }
        if var values = schema.values, let otherValues = other.values {
            visit(&values, otherValues, fallback: fallback)
            schema.values = values
        }
    }

    /// The facts both documents state for the value, and state differently.
    private static func differences(_ schema: Schema, _ other: Schema) -> [Schema.Fact] {
        facts.filter { fact in
            switch fact {
            case .enumeration:
                guard let left = schema.enumeration, let right = other.enumeration else { return false }
                return Set(left) != Set(right)
            case .minimum: return differ(schema.minimum, other.minimum)
            case .maximum: return differ(schema.maximum, other.maximum)
            case .minLength: return differ(schema.minLength, other.minLength)
            case .maxLength: return differ(schema.maxLength, other.maxLength)
            case .minItems: return differ(schema.minItems, other.minItems)
            case .maxItems: return differ(schema.maxItems, other.maxItems)
            default: return false
            }
        }
    }

    private static func differ<Value: Equatable>(_ left: Value?, _ right: Value?) -> Bool {
        left != nil && right != nil && left != right
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
