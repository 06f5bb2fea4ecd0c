import ConformanceModel

extension FieldRow {
    /// Sets the facts the row states on `schema`, each with its evidence: the default column
    /// (a table fact), then the description's phrasings (`DescriptionFacts`). Facts the
    /// description states only under a condition are returned as notes, not applied.
    func applyFacts(to schema: inout Schema, source: DocReference) -> [Diagnostic] {
        if let defaultText {
            schema.defaultValue = defaultText
            schema.evidence[.defaultValue] = Evidence(.table, phrase: defaultText, source: source)
        }
        let facts = DescriptionFacts.analyze(description, kind: schema.kind)
        facts.apply(to: &schema, source: source)
        return facts.conditionalNotes(field: name, source: source)
    }

    /// The minimum an unsigned type word (`uint64`) states, with the word as evidence.
    static func unsignedMinimum(_ schema: inout Schema, typeText: String?, source: DocReference?) {
        schema.minimum = 0
        schema.evidence[.minimum] = Evidence(.table, phrase: typeText ?? "", source: source)
    }
}
