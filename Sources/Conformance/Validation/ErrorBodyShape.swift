import ConformanceModel

/// What the error check reads of a body: the top level and, when the top level is an object
/// with one member, that member's object. An error envelope spans no more (a wrapper key, then
/// the code and the message). Made from a parsed tree (`init(_:names:)`), or noted by the body
/// scan as it reads the body (`BodyScanner.ShapeProbe`, in `Body/`), so that a scanned body is read once.
struct ErrorBodyShape: Equatable {
    /// A member's value as the envelope check reads it: the code is a string or a number.
    enum Field: Equatable {
        case string(String)
        case number(String)
        case other
    }

    /// The top level's JSON type name (`object`, `array`, `string`, ...).
    var typeName: String
    /// The top-level keys, sorted; empty unless the top level is an object.
    var keys: [String]
    /// The top-level members the envelopes name (code and message fields).
    var fields: [String: Field]
    /// The one member's value, when the top level has exactly one member and it is an object:
    /// its members the envelopes name.
    var onlyMemberFields: [String: Field]?

    /// The shape of a parsed body, keeping the members named `names`.
    init(_ value: JSONValue, names: Set<String>) {
        typeName = value.typeName
        let members = value.objectValue ?? [:]
        keys = members.keys.sorted()
        fields = Self.named(members, names)
        if members.count == 1, let inner = members.values.first?.objectValue {
            onlyMemberFields = Self.named(inner, names)
        } else {
            onlyMemberFields = nil
        }
    }

    init(typeName: String, keys: [String], fields: [String: Field], onlyMemberFields: [String: Field]?) {
        self.typeName = typeName
        self.keys = keys
        self.fields = fields
        self.onlyMemberFields = onlyMemberFields
    }

    private static func named(_ members: [String: JSONValue], _ names: Set<String>) -> [String: Field] {
        var fields: [String: Field] = [:]
        for (key, value) in members where names.contains(key) {
            switch value {
            case .string(let text): fields[key] = .string(text)
            case .number(let literal): fields[key] = .number(literal)
            default: fields[key] = .other
            }
        }
        return fields
    }

    /// The names the check reads: every envelope's code and message fields.
    static func names(of envelopes: [ErrorEnvelope]) -> Set<String> {
        Set(envelopes.flatMap { [$0.codeField, $0.messageField] })
    }
}
