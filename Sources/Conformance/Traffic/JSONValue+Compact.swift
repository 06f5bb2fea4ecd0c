import ConformanceModel

extension JSONValue {
    /// The value as one line of JSON (sorted keys, no spaces): how a body given as a JSON value
    /// in a JSONL file, or a redacted body, is turned back into bytes.
    public var compactText: String {
        var out = ""
        writeCompact(into: &out)
        return out
    }

    private func writeCompact(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let literal): out += literal
        case .string(let text): JSONValue.writeString(text, into: &out)
        case .array(let elements):
            out += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { out += "," }
                element.writeCompact(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (offset, key) in members.keys.sorted().enumerated() {
                if offset > 0 { out += "," }
                JSONValue.writeString(key, into: &out)
                out += ":"
                members[key]?.writeCompact(into: &out)
            }
            out += "}"
        }
    }
}
