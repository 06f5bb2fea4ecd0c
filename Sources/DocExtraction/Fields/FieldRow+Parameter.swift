import ConformanceModel

extension FieldRow {
    /// The row as a request parameter (path, query or header), its constraints read from the
    /// description the way `SchemaAssembler` reads body fields. Path parameters are required
    /// unless the row says otherwise.
    public func parameter(location: Parameter.Location, source: DocReference) -> Parameter {
        let kind: Schema.Kind
        switch typeText.map(TypeExpression.parse) {
        case .primitive(let primitive)?: kind = primitive
        case .unsignedInteger?: kind = .integer
        case .array?: kind = .array
        default: kind = .string
        }
        var schema = Schema(kind: kind, docType: typeText, description: description.isEmpty ? nil : description, source: source.line(line))
        let facts = DescriptionFacts.analyze(description, kind: kind)
        schema.enumeration = facts.enumeration
        schema.minimum = facts.minimum
        schema.maximum = facts.maximum
        schema.maxLength = facts.maxLength
        schema.minLength = facts.minLength
        schema.maxItems = facts.maxItems
        schema.defaultValue = defaultText ?? facts.defaultValue
        schema.format = facts.format
        return Parameter(name: name, location: location, required: required ?? (location == .path), schema: schema)
    }
}
