import ConformanceModel

/// Request bodies as the validator and the mock read them: `null` for an optional field is the
/// field left out.
///
/// The decision is the validator's (issue 22): `BodyScanner.nullForOptional`
/// (`Sources/Conformance/Body/BodyScanner.swift`) reads `null` for an optional field whose type
/// does not allow it as absent, and `FindingContext.add(_:inRequest:)`
/// (`Sources/Conformance/Validation/Validator.swift`) makes it a warning in a request
/// (`request.body.null-optional`, the convention of the Cinder clients, which send
/// `"snapshot_id": null` for "no snapshot") and an error in a response. The mock validates
/// with the same code, so it accepts such a request. The export says the same, in request
/// schemas only: every optional field the scanner reads that way (not `any`, not already
/// nullable, without other readings) is nullable, `type: [T, "null"]`, or `anyOf: [$ref,
/// {type: null}]` for a named object. A named object whose fields change that way becomes a
/// component of its own (the registry numbers it), so that responses keep the shape the docs
/// give them.
enum RequestNulls {
    /// `body` with each optional field, at any depth, accepting `null`.
    static func optionalFieldsNullable(_ body: Schema) -> Schema {
        var result = body
        for index in result.properties.indices {
            var field = optionalFieldsNullable(result.properties[index].schema)
            // The scanner's condition, field by field (BodyScanner, `optional, … !nullable, !hasReadings`).
            if !result.properties[index].required, field.kind != .any, field.readings.isEmpty {
                field.nullable = true
            }
            result.properties[index].schema = field
        }
        result.items = result.items.map(optionalFieldsNullable)
        result.values = result.values.map(optionalFieldsNullable)
        return result
    }
}
