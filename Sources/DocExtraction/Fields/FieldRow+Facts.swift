import ConformanceModel

extension FieldRow {
    func applyFacts(to schema: inout Schema, source: DocReference) -> [Diagnostic] {
        let facts = DescriptionFacts.analyze(description, kind: schema.kind)
        schema.enumeration = schema.enumeration ?? facts.enumeration
        if let minimum = facts.minimum { schema.minimum = max(schema.minimum ?? minimum, minimum) }
        schema.maximum = facts.maximum ?? schema.maximum
        schema.minLength = facts.minLength
        schema.maxLength = facts.maxLength
        schema.maxItems = facts.maxItems
        schema.format = facts.format
        schema.defaultValue = defaultText ?? facts.defaultValue
        return []
    }

    static func unsignedMinimum(_ schema: inout Schema, typeText: String?, source: DocReference?) {
        schema.minimum = 0
    }
}
