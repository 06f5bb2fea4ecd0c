import ConformanceModel

extension FieldRow {
    /// The row as a request parameter (path, query or header), its facts read the way
    /// `SchemaAssembler` reads body fields. Path parameters are required unless the row says
    /// otherwise. Facts stated only under a condition are added to `notes`.
    public func parameter(location: Parameter.Location, source: DocReference, notes: inout [Diagnostic]) -> Parameter {
        let expression = typeText.map(TypeExpression.parse)
        let kind: Schema.Kind
        switch expression {
        case .primitive(let primitive)?: kind = primitive
        case .unsignedInteger?: kind = .integer
        case .array?: kind = .array
        default: kind = .string
        }
        let rowSource = source.line(line)
        var schema = Schema(kind: kind, docType: typeText, description: description.isEmpty ? nil : description, source: rowSource)
        if case .unsignedInteger? = expression { Self.unsignedMinimum(&schema, typeText: typeText, source: rowSource) }
        notes += applyFacts(to: &schema, source: rowSource)
        return Parameter(name: name, location: location, required: required ?? (location == .path), schema: schema)
    }
}
