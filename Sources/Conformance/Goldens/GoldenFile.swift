import ConformanceModel

/// One file of `golden/<service>/` that `conformance golden` writes: its path below `golden/`,
/// its text, and what it stands for.
public struct GoldenFile: Sendable, Hashable {
    /// What a golden file holds.
    public enum Role: Sendable, Hashable {
        /// A synthesized or example request body.
        case request
        /// A synthesized or example response body under `status`.
        case response(status: Int)
        /// Not a payload: the doc examples as exchanges (`examples.jsonl`).
        case exchanges
    }

    /// The path below `golden/`, e.g. `huawei-evs/CreateVolume/request.full.json`.
    public var path: String
    public var text: String
    /// The operation a payload belongs to; `nil` for `examples.jsonl`.
    public var operation: String?
    public var role: Role
    /// `true` for a doc example (`example-*`), `false` for a synthesized payload.
    public var isExample: Bool
    /// The validator's error findings for the payload (`GoldenCheck`): empty when it validates
    /// clean. Whether a rejection is the doc's fault is for a person to say, in `KNOWN-BAD.md`.
    public var errors: [Finding]

    public init(path: String, text: String, operation: String?, role: Role, isExample: Bool, errors: [Finding] = []) {
        self.path = path
        self.text = text
        self.operation = operation
        self.role = role
        self.isExample = isExample
        self.errors = errors
    }
}
