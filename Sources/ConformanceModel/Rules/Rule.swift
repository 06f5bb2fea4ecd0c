/// The catalog of every rule id the tool can emit (DESIGN.md: stable; add more, never rename).
///
/// One constant per rule, each with a doc comment, in one file per emitter: `Rule+Validator`,
/// `Rule+State`, `Rule+Lint`, `Rule+Verify`; the spec diff's checks are `ChangeCheck` values (`Rules/Diff/`),
/// each with its level, location and detail, and enter the catalog through `ChangeCheck.rule`.
/// Adding a rule is adding a constant to the emitter's file and to its list; the catalog test
/// fails when a constant is missing from `all`. `conformance rules` prints the catalog, and the README's
/// rule list is checked against it.
public enum Rule {
    /// Every rule, validator first, then state, lint, diff and verify, each in the order of its file.
    public static let all: [RuleID] = validator + state + lint + diff + verify

    /// The spec diff's checks (`conformance diff`), in report order.
    static let diff: [RuleID] = ChangeCheck.all.map(\.rule)

    /// The rules one part of the tool emits.
    public static func emitted(by emitter: RuleID.Emitter) -> [RuleID] {
        all.filter { $0.emitter == emitter }
    }

    /// The rule with the id `text`.
    public static func named(_ text: String) -> RuleID? {
        index[text]
    }

    private static let index: [String: RuleID] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
}
