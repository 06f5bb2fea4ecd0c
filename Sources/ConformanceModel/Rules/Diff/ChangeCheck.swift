/// One kind of change `conformance diff` reports between two versions of a vendor's documentation.
///
/// Checks are values (the catalog is `ChangeCheck.all`): a stable id, a one-line summary, the
/// level a client of the API should give it, the part of the spec it looks at, and a `detail`
/// that says what it detects and why it has its level. Ids follow oasdiff's where the meaning is
/// the same (`request-property-became-required`), so users who know oasdiff feel at home; the
/// ones oasdiff cannot have (error-code and state tables, doc examples) are named in its style.
/// Ids are never renamed.
public struct ChangeCheck: Sendable, Hashable {
    /// How a change matters to a client of the API, as the issue classifies them.
    public enum Level: String, Codable, Sendable, Hashable, Comparable, CaseIterable {
        /// Additions and description-only changes: nothing a working client does stops working.
        case info
        /// Changes that may break a client, which the tool cannot decide: deprecation, a changed
        /// default, a changed unit, a new constraint sentence.
        case warning
        /// Changes that break a client written against OLD: a field became required, a request
        /// value lost, a type changed, an operation or response field removed, an error code or
        /// a state removed.
        case breaking

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .breaking: 2
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }

        /// The catalog's severity for the level.
        public var severity: Severity {
            switch self {
            case .info: .info
            case .warning: .warning
            case .breaking: .error
            }
        }
    }

    /// The part of the spec a change is in; the JSON report's `location`.
    public enum Location: String, Codable, Sendable, Hashable, CaseIterable {
        /// The operation as a whole: added, removed, moved, deprecated, renamed, its constraint sentences.
        case operation
        /// Path, query and header parameters; `pointer` is `/<in>/<name>`.
        case parameters
        /// The request body; `pointer` is an RFC 6901 pointer into it.
        case request
        /// Response statuses, bodies and headers.
        case response
        /// The service's error-code table; `pointer` is the code.
        case errorCodes
        /// The service's HTTP status table; `pointer` is the status.
        case statusCodes
        /// The resource state tables and the documented transitions between states.
        case states
        /// The documented ways to authenticate.
        case authentication
    }

    /// Stable, kebab-case; the JSON report's `id` and SARIF's `ruleId`.
    public var id: String
    public var level: Level
    public var location: Location
    /// One line: what the change is.
    public var summary: String
    /// What the check detects and why it has its level (the doc comment of the check).
    public var detail: String

    public init(_ id: String, _ level: Level, _ location: Location, _ summary: String, detail: String) {
        self.id = id
        self.level = level
        self.location = location
        self.summary = summary
        self.detail = detail
    }

    /// The module that emits these checks.
    public static let emittingModule = "SpecDiff"

    /// The check as an entry of the central rule catalog (`Rule.all`, `conformance rules`):
    /// breaking is `error`, warning `warning`, info `info`. Only this catalog makes diff rules.
    public var rule: RuleID {
        RuleID(id, level.severity, .diff, summary)
    }

    /// `true` when oasdiff has a check with the same id (`oasdiffIDs`).
    public var sharedWithOasdiff: Bool { Self.oasdiffIDs.contains(id) }

    /// The check with `id`.
    public static func check(_ id: String) -> ChangeCheck? {
        all.first { $0.id == id }
    }
}
