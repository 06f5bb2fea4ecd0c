import ConformanceModel

/// The top-level keys of a JSON object body and their scalar values, read without
/// validating the rest: what the router needs to tell action operations apart.
enum TopLevelFields {
    /// The keys of a top-level object, with the text of string, number and boolean values;
    /// `nil` when the body does not start as an object. Reading stops quietly at the first
    /// syntax problem: the body scanner reports it.
    static func read(_ body: [UInt8]) -> [(key: String, value: String?)]? {
        var reader = Reader(bytes: body)
        return reader.fields()
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func fields() -> [(key: String, value: String?)]? {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
            index += 1
            var fields: [(key: String, value: String?)] = []
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let key = string() else { return fields }
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return fields }
                index += 1
                skipWhitespace()
                guard let value = skipValue() else { return fields }
                fields.append((key, value))
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return fields }
                index += 1
            }
        }

        mutating func skipWhitespace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
        }

        /// A string at `index` (on its quote), escapes decoded.
        mutating func string() -> String? {
            index += 1
            let start = index
            var escaped = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    let end = index
                    index += 1
                    guard escaped else { return String(decoding: bytes[start..<end], as: UTF8.self) }
                    let quoted = [UInt8(ascii: "\"")] + bytes[start..<end] + [UInt8(ascii: "\"")]
                    return (try? JSONValue.parse(bytes: quoted))?.stringValue
                }
                index += 1
            }
            return nil
        }

        /// Skips a value; `.some(text)` for scalars, `.some(nil)` for containers, `nil` on a syntax problem.
        mutating func skipValue() -> String?? {
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                guard let text = string() else { return nil }
                return .some(text)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while index < bytes.count {
                    switch bytes[index] {
                    case UInt8(ascii: "{"), UInt8(ascii: "["):
                        depth += 1
                        index += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        index += 1
                        if depth == 0 { return .some(nil) }
                    case UInt8(ascii: "\""):
                        guard string() != nil else { return nil }
                    default:
                        index += 1
                    }
                }
                return nil
            default:
                let start = index
                while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
                return .some(String(decoding: bytes[start..<index], as: UTF8.self))
            }
        }
    }
}
