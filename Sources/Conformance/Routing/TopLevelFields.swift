import ConformanceModel

/// The top-level keys of a JSON object body and their scalar values, read without
/// validating the rest: what the router needs to tell action operations apart.
enum TopLevelFields {
    /// The keys of a top-level object, with the text of string, number and boolean values;
    /// `nil` when the body does not start as an object. Reading stops quietly at the first
    /// syntax problem: the body scanner reports it.
    static func read(_ body: [UInt8]) -> [(key: String, value: String?)]? {
        body.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return fields(JSONLexer(base: base, count: buffer.count))
        }
    }

    /// Walks the top-level object with the shared lexer's unchecked skips.
    private static func fields(_ lexer: JSONLexer) -> [(key: String, value: String?)]? {
        var index = lexer.skipWhitespace(from: 0)
        guard lexer.has(UInt8(ascii: "{"), at: index) else { return nil }
        index += 1
        var fields: [(key: String, value: String?)] = []
        while true {
            index = lexer.skipWhitespace(from: index)
            guard lexer.has(UInt8(ascii: "\""), at: index), let key = lexer.skipStringUnchecked(at: index) else { return fields }
            let name = text(lexer, from: index + 1, key)
            index = lexer.skipWhitespace(from: key.end + 1)
            guard lexer.has(UInt8(ascii: ":"), at: index) else { return fields }
            index = lexer.skipWhitespace(from: index + 1)
            guard index < lexer.count else { return fields }
            let value: String?
            switch lexer[index] {
            case UInt8(ascii: "\""):
                guard let string = lexer.skipStringUnchecked(at: index) else { return fields }
                value = text(lexer, from: index + 1, string)
                index = string.end + 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard let end = lexer.skipValueUnchecked(at: index) else { return fields }
                value = nil
                index = end
            default:
                let end = lexer.skipScalarUnchecked(at: index)
                value = String(decoding: UnsafeBufferPointer(start: lexer.base + index, count: end - index), as: UTF8.self)
                index = end
            }
            fields.append((name, value))
            index = lexer.skipWhitespace(from: index)
            guard lexer.has(UInt8(ascii: ","), at: index) else { return fields }
            index += 1
        }
    }

    /// A string's content, escapes decoded.
    private static func text(_ lexer: JSONLexer, from start: Int, _ string: (end: Int, escaped: Bool)) -> String {
        JSONLexer.decode(UnsafeBufferPointer(start: lexer.base + start, count: string.end - start), escaped: string.escaped)
    }
}
