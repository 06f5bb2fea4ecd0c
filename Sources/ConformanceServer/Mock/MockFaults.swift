/// Deliberate misbehaviour of the mock, so that users can watch the validator catch it.
///
/// Grammar (`--faults`): a comma-separated list of fault names and settings,
/// `fault[,fault...][,rate=R][,seed=N]`, where a fault is one of
/// - `wrong-types`: a success body gets one field of the wrong JSON type (`response.body.type`);
/// - `missing-fields`: a success body loses one required field (`response.body.missing-field`);
/// - `undocumented-codes`: an error is answered with a code the error table does not list
///   (`response.error.code-undocumented`), a success with an undocumented status;
/// - `illegal-transitions`: mutations are accepted in states the docs forbid (`state.precondition`)
///   and resources jump to undocumented states (`state.transition`);
/// - `all`: every fault above.
/// `rate` (0...1, default 1) is the share of eligible responses that misbehave; `seed` makes the
/// choice reproducible (default 1). `none` or an empty string means no faults.
public struct MockFaults: Sendable, Hashable {
    /// One kind of deliberate misbehaviour.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case wrongTypes = "wrong-types"
        case missingFields = "missing-fields"
        case undocumentedCodes = "undocumented-codes"
        case illegalTransitions = "illegal-transitions"
    }

    /// The kinds asked for.
    public var kinds: Set<Kind>
    /// Share of eligible responses that misbehave, 0...1.
    public var rate: Double
    /// Seed of the deterministic choice.
    public var seed: UInt64

    /// No faults: the mock serves only conforming exchanges.
    public static let none = MockFaults(kinds: [], rate: 1, seed: 1)

    /// Faults of the given kinds.
    public init(kinds: Set<Kind>, rate: Double = 1, seed: UInt64 = 1) {
        self.kinds = kinds
        self.rate = min(max(rate, 0), 1)
        self.seed = seed
    }

    /// Whether any fault is asked for.
    public var isEmpty: Bool { kinds.isEmpty || rate == 0 }
}
