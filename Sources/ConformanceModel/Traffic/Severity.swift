/// How much a finding, a lint finding or an extraction diagnostic matters: one scale for all.
///
/// `error` fails a run (`validate` and `verify` exit 1; `lint --strict` too); `warning` and
/// `info` are reported and counted. DESIGN.md's severity policy decides which a validator
/// finding gets: an `error` only where the exchange breaks every reading of the documentation.
/// SARIF 2.1.0 has no `info` level; the SARIF writer maps it to `note`, and decoding accepts
/// `note` (the extraction's and lint's earlier name) as `info`.
public enum Severity: String, Codable, Sendable, Hashable, Comparable, CaseIterable {
    case info, warning, error

    /// The name lint and extraction used before the scales were one; the same level as `info`.
    public static var note: Severity { .info }

    /// The SARIF 2.1.0 `level` value.
    public var sarifLevel: String {
        switch self {
        case .info: "note"
        case .warning: "warning"
        case .error: "error"
        }
    }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let severity = text == "note" ? .info : Severity(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown severity '\(text)'; expected info, warning or error"))
        }
        self = severity
    }
}
