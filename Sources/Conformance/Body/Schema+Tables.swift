import ConformanceModel

extension Schema {
    /// The schema as the tables and sentences alone document it, for `lint`, which checks the
    /// examples against the tables: without other readings, without a `null` that only the
    /// examples allow (an example of the same object, or the service's examples as a whole),
    /// and without a wrapper key that only the example has (the table as printed instead).
    ///
    /// `validate` accepts any reading (DESIGN.md's severity policy); `lint` keeps reporting
    /// every place where the docs contradict themselves.
    public func documentedByTables() -> Schema {
        var copy = self
        if let wrapper = evidence[.wrapper], wrapper.basis == .example || wrapper.basis == .convention,
           let table = readings.first(where: { $0.basis == .table }) {
            copy = table.schema
        }
        copy.readings = []
        if copy.nullable, let basis = copy.evidence[.nullable]?.basis, basis == .example || basis == .convention {
            copy.nullable = false
        }
        copy.properties = copy.properties.map { Property(name: $0.name, required: $0.required, schema: $0.schema.documentedByTables()) }
        copy.items = copy.items.map { $0.documentedByTables() }
        copy.values = copy.values.map { $0.documentedByTables() }
        return copy
    }
}
