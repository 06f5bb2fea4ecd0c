import ConformanceModel

/// What a generated case tries (`--include`/`--exclude`).
public enum CaseKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A request the docs call valid: their own example, `request.min`, `request.full`.
    case positive
    /// A valid request with one documented bound, length, item count or enumeration at its edge.
    case boundary
    /// A request with one documented constraint broken; the documented error is expected.
    case negative
}

/// The error a negative case expects, and the constraint it breaks.
public struct ExpectedRejection: Sendable, Hashable, Codable {
    /// The documented error statuses of the operation (`400`); empty when the operation documents
    /// none and the service answers errors inside its envelope (Tencent: HTTP 200, `scode` 400).
    public var statuses: [Int]
    /// The documented codes whose message names the broken field (``FieldErrorCodes``), best
    /// first; the service's generic bad-request code is also accepted.
    public var preferredCodes: [String]
    /// The broken constraint in words, as the validator states it about the request
    /// (`/volume/size: 40000 is above the documented maximum 32768`).
    public var constraint: String
    /// Where the docs state it.
    public var citation: DocReference?

    public init(statuses: [Int], preferredCodes: [String], constraint: String, citation: DocReference?) {
        self.statuses = statuses
        self.preferredCodes = preferredCodes
        self.constraint = constraint
        self.citation = citation
    }
}
