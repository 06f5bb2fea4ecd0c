extension Rule {
    /// The doc lint's rules, in report order.
    static let lint: [RuleID] = [
        exampleInvalidJSON, exampleMissingField, exampleUnknownField, exampleMisspelledKey, exampleType, exampleEnum,
        exampleRange, exampleStatus, tableMissing, typeNoTable, documentConflict, errorCodeStatusConflict, statusSummaryMismatch,
    ]

    /// A doc example is not valid JSON (a trailing comma, a comment, an unclosed brace).
    public static let exampleInvalidJSON = RuleID("example.invalid-json", .error, .lint, "A doc example is not valid JSON.")

    /// A doc example leaves out a field its table marks required.
    public static let exampleMissingField = RuleID("example.missing-field", .error, .lint, "A doc example leaves out a field its table marks required.")

    /// A doc example has a field its table does not document.
    public static let exampleUnknownField = RuleID("example.unknown-field", .warning, .lint, "A doc example has a field its table does not document.")

    /// A doc example's key is within one or two edits of a documented key it does not equal
    /// (`scheduler_hints` against `schedule_r_hints`).
    public static let exampleMisspelledKey = RuleID("example.misspelled-key", .error, .lint, "A doc example's key is a near-miss (small edit distance) of a documented key it does not equal.")

    /// A doc example's value has another JSON type than its table documents (`null` included:
    /// lint checks examples against the tables alone, whatever the examples establish).
    public static let exampleType = RuleID("example.type", .error, .lint, "A doc example's value has another JSON type than its table documents.")

    /// A doc example's value is outside the table's documented values.
    public static let exampleEnum = RuleID("example.enum", .warning, .lint, "A doc example's value is outside the table's documented values.")

    /// A doc example's value is outside the table's documented bounds.
    public static let exampleRange = RuleID("example.range", .warning, .lint, "A doc example's value is outside the table's documented bounds.")

    /// A doc response example is given under a status its operation does not document.
    public static let exampleStatus = RuleID("example.status", .warning, .lint, "A doc response example is given under a status its operation does not document.")

    /// A caption or description references a table that does not exist.
    public static let tableMissing = RuleID("table.missing", .warning, .lint, "A caption or description references a table that does not exist.")

    /// An object type has no table that describes its fields.
    public static let typeNoTable = RuleID("type.no-table", .warning, .lint, "An object type has no table that describes its fields.")

    /// Two documents describe the same operation differently (the EVS extend page and its twin).
    public static let documentConflict = RuleID("document.conflict", .error, .lint, "Two documents describe the same operation differently.")

    /// An error code is listed twice with different HTTP statuses.
    public static let errorCodeStatusConflict = RuleID("error-code.status-conflict", .error, .lint, "An error code is listed twice with different HTTP statuses.")

    /// An operation's status-code summary disagrees with its response sections.
    public static let statusSummaryMismatch = RuleID("status.summary-mismatch", .warning, .lint, "An operation's status-code summary disagrees with its response sections.")
}
