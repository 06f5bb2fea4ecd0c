import ConformanceModel

/// Reconciles a field's default column with its description and its type.
///
/// The gateway doc (`003_*.txt`) fills its 默认值 column with placeholders: `Filters
/// |struct array|否|0` (line 78) gives an array a default of 0, and `Limit |uint64|否|0
/// |返回数量，默认为20，最大值为100` (line 80) contradicts its own description. The rules:
/// - a default that does not fit the field's type (0 for an array or object, `abc` for an
///   integer) is dropped with a `default.mismatch` warning;
/// - when the column and the description both state a default and disagree, the
///   description wins (it is written for the field; the column is filled mechanically)
///   with a `default.conflict` warning;
/// - boolean defaults are written `false`/`true` as JSON spells them (`默认为False`).
public enum DefaultValueCheck {
    /// The default to keep for a field of `kind`, the words it was read from (the column's
    /// cell, or the description's phrase), and the problems met.
    public static func reconcile(column: String?, description: String, kind: Schema.Kind) -> (value: String?, evidence: Evidence?, problems: [(code: String, message: String)]) {
        var problems: [(String, String)] = []
        let facts = DescriptionFacts.analyze(description, kind: kind)
        let stated = facts.defaultValue
        var value = column
        var evidence = column.map { Evidence(.table, phrase: $0) }
        if let column, !fits(column, kind: kind) {
            problems.append(("default.mismatch", "the default column gives '\(column)', which is not a \(kind.rawValue); it is dropped"))
            value = nil
            evidence = nil
        }
        if let stated, let current = value, normalized(stated, kind) != normalized(current, kind) {
            problems.append(("default.conflict", "the default column says '\(current)' but the description says '\(stated)'; the description's value is kept"))
            value = stated
            evidence = facts.evidence[.defaultValue]
        } else if value == nil, let stated, fits(stated, kind: kind) {
            value = stated
            evidence = facts.evidence[.defaultValue]
        }
        return (value.map { normalized($0, kind) }, value == nil ? nil : evidence, problems)
    }

    static func fits(_ text: String, kind: Schema.Kind) -> Bool {
        switch kind {
        case .integer: Int(text) != nil
        case .number: Double(text) != nil
        case .boolean: ["true", "false"].contains(text.lowercased())
        case .array: text.hasPrefix("[")
        case .object, .map: text.hasPrefix("{")
        case .string, .any: true
        }
    }

    private static func normalized(_ text: String, _ kind: Schema.Kind) -> String {
        kind == .boolean ? text.lowercased() : text
    }
}
