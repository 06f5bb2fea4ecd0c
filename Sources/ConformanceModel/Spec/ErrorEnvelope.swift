/// The documented shape of an error body.
///
/// Huawei wraps `{"code", "message"}` in one top-level key that names the error class
/// (`{"badRequest": {...}}`, "其中error是泛指的错误"); its API gateway answers flat
/// `{"error_code", "error_msg"}`; Tencent's gateway uses its `scode` envelope.
public struct ErrorEnvelope: Codable, Sendable, Hashable {
    /// How the code and message sit in the body.
    public enum Wrapper: Codable, Sendable, Hashable {
        /// The fields are at the top level.
        case none
        /// The fields sit inside the single top-level key; `examples` are the keys the doc names.
        case anyKey(examples: [String])
        /// The fields sit inside one of exactly these keys.
        case keys([String])

        private enum CodingKeys: String, CodingKey { case kind, keys }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let keys = try container.decodeIfPresent([String].self, forKey: .keys) ?? []
            switch try container.decode(String.self, forKey: .kind) {
            case "none": self = .none
            case "anyKey": self = .anyKey(examples: keys)
            case "keys": self = .keys(keys)
            case let other:
                throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown wrapper '\(other)'")
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .none: try container.encode("none", forKey: .kind)
            case .anyKey(let examples):
                try container.encode("anyKey", forKey: .kind)
                try container.encode(examples, forKey: .keys)
            case .keys(let keys):
                try container.encode("keys", forKey: .kind)
                try container.encode(keys, forKey: .keys)
            }
        }
    }

    public var wrapper: Wrapper
    /// The field that holds the error code.
    public var codeField: String
    /// The field that holds the message.
    public var messageField: String
    public var source: DocReference?

    public init(wrapper: Wrapper, codeField: String, messageField: String, source: DocReference? = nil) {
        self.wrapper = wrapper
        self.codeField = codeField
        self.messageField = messageField
        self.source = source
    }
}
