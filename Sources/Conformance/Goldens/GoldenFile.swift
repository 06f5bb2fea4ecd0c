import ConformanceModel

/// One file of `golden/<service>/`: its path below `golden/`, its text, and what it stands for.
public struct GoldenFile: Sendable, Hashable {
    /// What a golden file holds.
    public enum Role: Sendable, Hashable {
        /// A synthesized or example request body.
        case request
        /// A synthesized or example response body under `status`.
        case response(status: Int)
        /// A listing (`KNOWN-BAD.md`), not a payload.
        case listing
    }

    /// The path below `golden/`, e.g. `huawei-evs/CreateVolume/request.full.json`.
    public var path: String
    public var text: String
    /// The operation a payload belongs to; `nil` for a listing.
    public var operation: String?
    public var role: Role
    /// `true` for a doc example (`example-*`), `false` for a synthesized payload.
    public var isExample: Bool
    /// For a doc example that breaks the doc's own tables: the error findings (rule, pointer,
    /// message). Empty for clean examples and for synthesized payloads.
    public var knownBad: [Finding]

    public init(path: String, text: String, operation: String?, role: Role, isExample: Bool, knownBad: [Finding] = []) {
        self.path = path
        self.text = text
        self.operation = operation
        self.role = role
        self.isExample = isExample
        self.knownBad = knownBad
    }
}
