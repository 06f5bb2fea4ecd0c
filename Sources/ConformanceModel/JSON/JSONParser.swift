/// Why a text is not JSON, with the 1-based line and column of the first problem.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    /// The 0-based byte offset of the problem.
    public var offset: Int

    public var description: String { "line \(line), column \(column): \(message)" }
}

extension JSONValue {
    /// Parses RFC 8259 JSON: UTF-8 checked, escapes decoded, numbers kept as their literal,
    /// duplicate keys rejected (they make an example ambiguous).
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        var parser = JSONTreeParser(bytes: Array(text.utf8))
        return try parser.parseDocument()
    }

    /// Parses JSON from raw bytes.
    public static func parse(bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        var parser = JSONTreeParser(bytes: bytes)
        return try parser.parseDocument()
    }

    /// Parses JSON from raw bytes, building only the first `levels` levels of the tree (the
    /// top-level value is level 0): a container at `levels` or deeper is checked as fully as
    /// `parse` checks it (syntax, UTF-8, repeated keys, depth) and stands in the result as an
    /// empty object or array. For readers that look at a body's first levels only.
    public static func parse(bytes: [UInt8], keepingLevels levels: Int) throws(JSONParseError) -> JSONValue {
        var parser = JSONTreeParser(bytes: bytes)
        parser.keptLevels = levels
        return try parser.parseDocument()
    }
}

/// A recursive-descent JSON parser that builds a `JSONValue` tree over the shared
/// `JSONLexer`'s tokens.
struct JSONTreeParser {
    let bytes: [UInt8]
    var index = 0
    var depth = 0
    /// Containers this deep or deeper are checked, not built (`parse(bytes:keepingLevels:)`).
    var keptLevels = Int.max
    static let maximumDepth = 512

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        let bytes = self.bytes
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) -> JSONValue in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { throw failure("empty document", at: 0) }
            let lexer = JSONLexer(base: base, count: buffer.count)
            do throws(JSONSyntaxError) {
                index = lexer.skipWhitespace(from: 0)
                if index == lexer.count { throw JSONSyntaxError(message: "empty document", offset: index) }
                let value = try parseValue(lexer)
                index = lexer.skipWhitespace(from: index)
                if index < lexer.count { throw JSONSyntaxError(message: "unexpected '\(JSONLexer.describe(lexer[index]))' after the value", offset: index) }
                return value
            } catch {
                throw failure(error.message, at: error.offset)
            }
        }
    }

    private mutating func parseValue(_ lexer: JSONLexer) throws(JSONSyntaxError) -> JSONValue {
        guard index < lexer.count else { throw JSONSyntaxError(message: "unexpected end of input, expected a value", offset: index) }
        switch lexer[index] {
        case UInt8(ascii: "{") where depth >= keptLevels:
            try check(lexer)
            return .object([:])
        case UInt8(ascii: "[") where depth >= keptLevels:
            try check(lexer)
            return .array([])
        case UInt8(ascii: "{"): return try parseObject(lexer)
        case UInt8(ascii: "["): return try parseArray(lexer)
        case UInt8(ascii: "\""): return .string(try parseString(lexer))
        case UInt8(ascii: "t"): index = try lexer.literal("true", at: index); return .bool(true)
        case UInt8(ascii: "f"): index = try lexer.literal("false", at: index); return .bool(false)
        case UInt8(ascii: "n"): index = try lexer.literal("null", at: index); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            index = try lexer.number(at: index).end
            return .number(String(decoding: UnsafeBufferPointer(start: lexer.base + start, count: index - start), as: UTF8.self))
        default: throw JSONSyntaxError(message: "unexpected '\(JSONLexer.describe(lexer[index]))', expected a value", offset: index)
        }
    }

    private mutating func parseObject(_ lexer: JSONLexer) throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1
        var members: [String: JSONValue] = [:]
        index = lexer.skipWhitespace(from: index)
        if lexer.has(UInt8(ascii: "}"), at: index) {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            index = lexer.skipWhitespace(from: index)
            let keyStart = index
            let (_, valueStart) = try lexer.key(at: index)
            let key = try parseString(lexer)
            index = lexer.skipWhitespace(from: valueStart)
            let value = try parseValue(lexer)
            if members.updateValue(value, forKey: key) != nil {
                throw JSONSyntaxError(message: "duplicate key \"\(key)\"", offset: keyStart)
            }
            index = lexer.skipWhitespace(from: index)
            guard index < lexer.count else { throw JSONSyntaxError(message: "unexpected end of input inside an object", offset: index) }
            if lexer[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if lexer[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return .object(members)
            }
            throw JSONSyntaxError(message: "expected ',' or '}', found '\(JSONLexer.describe(lexer[index]))'", offset: index)
        }
    }

    private mutating func parseArray(_ lexer: JSONLexer) throws(JSONSyntaxError) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        index = lexer.skipWhitespace(from: index)
        if lexer.has(UInt8(ascii: "]"), at: index) {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            index = lexer.skipWhitespace(from: index)
            if lexer.has(UInt8(ascii: "]"), at: index) { throw JSONSyntaxError(message: "trailing comma before ']'", offset: index) }
            elements.append(try parseValue(lexer))
            index = lexer.skipWhitespace(from: index)
            guard index < lexer.count else { throw JSONSyntaxError(message: "unexpected end of input inside an array", offset: index) }
            if lexer[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if lexer[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(elements)
            }
            throw JSONSyntaxError(message: "expected ',' or ']', found '\(JSONLexer.describe(lexer[index]))'", offset: index)
        }
    }

    /// Checks the value at `index` as `parseValue` would, building nothing but the keys of each
    /// object (a repeated key is an error here too).
    private mutating func check(_ lexer: JSONLexer) throws(JSONSyntaxError) {
        guard index < lexer.count else { throw JSONSyntaxError(message: "unexpected end of input, expected a value", offset: index) }
        let isObject = lexer[index] == UInt8(ascii: "{")
        guard isObject || lexer[index] == UInt8(ascii: "[") else {
            index = try lexer.skipValue(at: index, depth: 0)
            return
        }
        try enter()
        index = lexer.skipWhitespace(from: index + 1)
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        if lexer.has(close, at: index) {
            index += 1
            depth -= 1
            return
        }
        var keys: Set<String> = []
        while true {
            index = lexer.skipWhitespace(from: index)
            if isObject {
                let keyStart = index
                let (_, valueStart) = try lexer.key(at: index)
                let key = try parseString(lexer)
                index = lexer.skipWhitespace(from: valueStart)
                try check(lexer)
                if !keys.insert(key).inserted { throw JSONSyntaxError(message: "duplicate key \"\(key)\"", offset: keyStart) }
            } else {
                if lexer.has(close, at: index) { throw JSONSyntaxError(message: "trailing comma before ']'", offset: index) }
                try check(lexer)
            }
            index = lexer.skipWhitespace(from: index)
            guard index < lexer.count else { throw JSONSyntaxError(message: "unexpected end of input inside \(isObject ? "an object" : "an array")", offset: index) }
            if lexer[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if lexer[index] == close {
                index += 1
                depth -= 1
                return
            }
            throw JSONSyntaxError(message: "expected ',' or '\(isObject ? "}" : "]")', found '\(JSONLexer.describe(lexer[index]))'", offset: index)
        }
    }

    /// The string whose quote is at `index`, checked by the lexer, then decoded.
    private mutating func parseString(_ lexer: JSONLexer) throws(JSONSyntaxError) -> String {
        let token = try lexer.string(at: index)
        let content = UnsafeBufferPointer(start: lexer.base + index + 1, count: token.end - index - 1)
        index = token.next
        return JSONLexer.decode(content, escaped: token.escaped)
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONTreeParser.maximumDepth { throw JSONSyntaxError(message: "nesting deeper than \(JSONTreeParser.maximumDepth) levels", offset: index) }
    }

    private func failure(_ message: String, at offset: Int) -> JSONParseError {
        let (line, column) = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { JSONLexer(base: $0, count: buffer.count).position(of: offset) } ?? (1, 1)
        }
        return JSONParseError(message: message, line: line, column: column, offset: offset)
    }
}
