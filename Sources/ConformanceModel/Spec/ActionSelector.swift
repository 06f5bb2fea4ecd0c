/// How requests to one shared route are told apart when several operations use it.
///
/// Cinder-style APIs put many operations on `POST .../action` and tell them apart by the
/// body's single top-level key (`os-extend`, `os-attach`); tag APIs by the value of an
/// `action` field; Baidu by a query key whose presence alone is the action
/// (`?purchaseReserved`).
public enum ActionSelector: Codable, Sendable, Hashable {
    /// The body has a top-level key with the operation's `action` as its name.
    case bodyKey
    /// The body field `field` has the operation's `action` as its value.
    case bodyField(String)
    /// The query string has a key named after the operation's `action`.
    case queryKey

    private enum CodingKeys: String, CodingKey { case kind, field }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .kind) {
        case "bodyKey": self = .bodyKey
        case "queryKey": self = .queryKey
        case "bodyField": self = .bodyField(try container.decode(String.self, forKey: .field))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown action selector '\(other)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .bodyKey: try container.encode("bodyKey", forKey: .kind)
        case .queryKey: try container.encode("queryKey", forKey: .kind)
        case .bodyField(let field):
            try container.encode("bodyField", forKey: .kind)
            try container.encode(field, forKey: .field)
        }
    }
}
