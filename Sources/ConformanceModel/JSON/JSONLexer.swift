/// The JSON byte grammar (RFC 8259) that every reader of the suite shares: whitespace, string
/// extents with their escapes and UTF-8 (RFC 3629), the number grammar, the three literals,
/// whole values skipped with or without checking, and escapes decoded.
///
/// Each reader walks the structure for its own purpose — the tree parser builds `JSONValue`s,
/// the body scanner applies a compiled schema, the JSONL reader picks an exchange's fields, the
/// pointer resolver keeps a path, the router reads top-level keys — and asks the lexer for the
/// tokens. The lexer holds no position: every call takes the offset of a token's first byte and
/// returns where the token ends, so a reader keeps its index in a local or in its own state.
///
/// The hot calls are `@inlinable`, so that the readers in other modules get them specialised
/// and inlined into their loops; a syntax error is a `JSONSyntaxError` with the offset of the
/// offending byte, which each reader words with its line and column (`position(of:)`).
@frozen
public struct JSONLexer {
    /// The first byte.
    public let base: UnsafePointer<UInt8>
    /// How many bytes there are.
    public let count: Int

    @inlinable
    public init(base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    /// Deepest nesting the checking skip accepts, as the body scanner does.
    public static let maximumDepth = 256

    @inlinable
    public subscript(position: Int) -> UInt8 { base[position] }

    // MARK: - Whitespace and punctuation

    /// Whether `byte` is JSON whitespace (space, tab, line feed, carriage return).
    @inlinable @inline(__always)
    public static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The first position at or after `position` that is not whitespace (`count` at the end).
    @inlinable @inline(__always)
    public func skipWhitespace(from position: Int) -> Int {
        var position = position
        while position < count, Self.isWhitespace(base[position]) { position += 1 }
        return position
    }

    /// Whether the byte at `position` is `byte` (`false` past the end).
    @inlinable @inline(__always)
    public func has(_ byte: UInt8, at position: Int) -> Bool {
        position < count && base[position] == byte
    }

    /// Whether `byte` ends a scalar token (a delimiter or whitespace).
    @inlinable @inline(__always)
    public static func endsScalar(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || isWhitespace(byte)
    }

    @inlinable @inline(__always)
    public static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    // MARK: - Strings

    /// A string token: where its content ends (the closing quote; the content starts after the
    /// opening quote), whether it has escapes, and its length in characters (Unicode scalars).
    @frozen
    public struct StringToken {
        public var end: Int
        public var escaped: Bool
        public var length: Int

        @inlinable
        public init(end: Int, escaped: Bool, length: Int) {
            self.end = end
            self.escaped = escaped
            self.length = length
        }

        /// The position after the closing quote.
        @inlinable public var next: Int { end + 1 }
    }

    /// The string whose opening quote is at `quote`, checked: escapes, control characters and
    /// UTF-8.
    @inlinable
    public func string(at quote: Int) throws(JSONSyntaxError) -> StringToken {
        var position = quote + 1
        var escaped = false
        var length = 0
        while true {
            // Eight bytes at a time: past plain ASCII characters straight to the first byte
            // that needs a look (a quote, a backslash, a control character, non-ASCII).
            var byte: UInt8 = 0
            var found = false
            while position + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                let special = Self.specialBytes(word)
                if special == 0 {
                    position += 8
                    length += 8
                    continue
                }
                let plain = special.trailingZeroBitCount >> 3
                position += plain
                length += plain
                byte = UInt8(truncatingIfNeeded: word >> UInt64(plain << 3))
                found = true
                break
            }
            if !found {
                guard position < count else { break }
                byte = base[position]
            }
            if byte == UInt8(ascii: "\"") { return StringToken(end: position, escaped: escaped, length: length) }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position = try escape(at: position)
                length += 1
                continue
            }
            if byte < 0x20 {
                throw JSONSyntaxError(message: "control character U+\(String(byte, radix: 16, uppercase: true)) in a string", offset: position)
            }
            if byte < 0x80 {
                position += 1
                length += 1
                continue
            }
            position += try utf8Sequence(at: position)
            length += 1
        }
        throw JSONSyntaxError(message: "unterminated string", offset: position)
    }

    /// The string whose opening quote is at `quote`, found without checking its content (for
    /// readers of bytes already checked, or that stop quietly): `nil` when the bytes end first.
    @inlinable
    public func skipStringUnchecked(at quote: Int) -> (end: Int, escaped: Bool)? {
        var position = quote + 1
        var escaped = false
        while position < count {
            while position + 8 <= count {
                let special = Self.specialBytes(UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)))
                if special == 0 {
                    position += 8
                    continue
                }
                position += special.trailingZeroBitCount >> 3
                break
            }
            guard position < count else { return nil }
            switch base[position] {
            case UInt8(ascii: "\\"):
                escaped = true
                position += 2
            case UInt8(ascii: "\""):
                return (position, escaped)
            default:
                position += 1
            }
        }
        return nil
    }

    /// The high bit set in each byte of `word` that is a quote, a backslash, a control
    /// character or non-ASCII (the "has a zero byte" bit trick, per byte value). Borrows can
    /// mark bytes after the first such byte too, so only the lowest mark is exact: callers use
    /// just that one (bytes are little-endian in the word).
    @inlinable @inline(__always)
    public static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word) | word
        return special & high
    }

    /// Checks the escape sequence whose backslash is at `backslash`; returns the position after it.
    @inlinable
    public func escape(at backslash: Int) throws(JSONSyntaxError) -> Int {
        let position = backslash + 1
        guard position < count else { throw JSONSyntaxError(message: "unterminated escape", offset: position) }
        switch base[position] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return position + 1
        case UInt8(ascii: "u"):
            return try unicodeEscape(at: position + 1).next
        default:
            throw JSONSyntaxError(message: "invalid escape '\\\(Self.describe(base[position]))'", offset: position)
        }
    }

    /// The scalar of the `\u` escape whose four hex digits start at `digits` (a surrogate pair
    /// taken whole), and the position after it.
    @inlinable
    public func unicodeEscape(at digits: Int) throws(JSONSyntaxError) -> (scalar: Unicode.Scalar, next: Int) {
        let high = try hex4(at: digits)
        var next = digits + 4
        if (0xD800...0xDBFF).contains(high) {
            guard next + 1 < count, base[next] == UInt8(ascii: "\\"), base[next + 1] == UInt8(ascii: "u") else {
                throw JSONSyntaxError(message: "unpaired surrogate \\u\(String(high, radix: 16))", offset: next)
            }
            let low = try hex4(at: next + 2)
            guard (0xDC00...0xDFFF).contains(low) else { throw JSONSyntaxError(message: "invalid low surrogate \\u\(String(low, radix: 16))", offset: next + 6) }
            next += 6
            return (Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!, next)
        }
        guard let scalar = Unicode.Scalar(high) else { throw JSONSyntaxError(message: "unpaired surrogate \\u\(String(high, radix: 16))", offset: next) }
        return (scalar, next)
    }

    @inlinable
    public func hex4(at position: Int) throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= count else { throw JSONSyntaxError(message: "truncated \\u escape", offset: position) }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = base[position + offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw JSONSyntaxError(message: "invalid hex digit '\(Self.describe(byte))' in \\u escape", offset: position + offset)
            }
            value = value << 4 | digit
        }
        return value
    }

    /// The length of the valid multi-byte UTF-8 sequence whose lead byte (0x80 or above) is at
    /// `position` (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
    @inlinable
    public func utf8Sequence(at position: Int) throws(JSONSyntaxError) -> Int {
        let lead = base[position]
        let length: Int
        var scalar: UInt32
        let minimum: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; scalar = UInt32(lead & 0x1F); minimum = 0x80
        case 0xE0...0xEF: length = 3; scalar = UInt32(lead & 0x0F); minimum = 0x800
        case 0xF0...0xF4: length = 4; scalar = UInt32(lead & 0x07); minimum = 0x10000
        default: throw JSONSyntaxError(message: "invalid UTF-8 byte 0x\(String(lead, radix: 16))", offset: position)
        }
        guard position + length <= count else { throw JSONSyntaxError(message: "truncated UTF-8 sequence", offset: position) }
        for offset in 1..<length {
            let continuation = base[position + offset]
            guard continuation & 0xC0 == 0x80 else {
                throw JSONSyntaxError(message: "invalid UTF-8 continuation byte 0x\(String(continuation, radix: 16))", offset: position + offset)
            }
            scalar = scalar << 6 | UInt32(continuation & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
            throw JSONSyntaxError(message: "invalid UTF-8 sequence", offset: position)
        }
        return length
    }

    // MARK: - Numbers and literals

    /// A number token: where it ends, whether its fraction is all zeros (or absent), and
    /// whether it has an exponent.
    @frozen
    public struct NumberToken {
        public var end: Int
        public var fractionIsZero: Bool
        public var hasExponent: Bool

        @inlinable
        public init(end: Int, fractionIsZero: Bool, hasExponent: Bool) {
            self.end = end
            self.fractionIsZero = fractionIsZero
            self.hasExponent = hasExponent
        }
    }

    /// The number starting at `start` (a `-` or a digit), checked against RFC 8259's grammar.
    @inlinable
    public func number(at start: Int) throws(JSONSyntaxError) -> NumberToken {
        var position = start
        if base[position] == UInt8(ascii: "-") { position += 1 }
        guard position < count, Self.isDigit(base[position]) else { throw JSONSyntaxError(message: "expected a digit", offset: position) }
        if base[position] == UInt8(ascii: "0") {
            position += 1
            if position < count, Self.isDigit(base[position]) { throw JSONSyntaxError(message: "leading zero in a number", offset: position) }
        } else {
            while position < count, Self.isDigit(base[position]) { position += 1 }
        }
        var fractionIsZero = true
        if position < count, base[position] == UInt8(ascii: ".") {
            position += 1
            guard position < count, Self.isDigit(base[position]) else { throw JSONSyntaxError(message: "expected a digit after '.'", offset: position) }
            while position < count, Self.isDigit(base[position]) {
                if base[position] != UInt8(ascii: "0") { fractionIsZero = false }
                position += 1
            }
        }
        var hasExponent = false
        if position < count, base[position] | 0x20 == UInt8(ascii: "e") {
            hasExponent = true
            position += 1
            if position < count, base[position] == UInt8(ascii: "+") || base[position] == UInt8(ascii: "-") { position += 1 }
            guard position < count, Self.isDigit(base[position]) else { throw JSONSyntaxError(message: "expected a digit in the exponent", offset: position) }
            while position < count, Self.isDigit(base[position]) { position += 1 }
        }
        return NumberToken(end: position, fractionIsZero: fractionIsZero, hasExponent: hasExponent)
    }

    /// Whether `word` is spelled at `position`.
    @inlinable
    public func matches(_ word: StaticString, at position: Int) -> Bool {
        let length = word.utf8CodeUnitCount
        guard position + length <= count else { return false }
        let expected = word.utf8Start
        for offset in 0..<length where base[position + offset] != expected[offset] { return false }
        return true
    }

    /// The literal `word` (`true`, `false`, `null`) at `position`; returns the position after it.
    @inlinable
    public func literal(_ word: StaticString, at position: Int) throws(JSONSyntaxError) -> Int {
        guard matches(word, at: position) else { throw JSONSyntaxError(message: "invalid literal, expected '\(word)'", offset: position) }
        return position + word.utf8CodeUnitCount
    }

    /// The end of the scalar (number or literal) at `position`, found without checking it: the
    /// next delimiter or whitespace.
    @inlinable
    public func skipScalarUnchecked(at position: Int) -> Int {
        var position = position
        while position < count, !Self.endsScalar(base[position]) { position += 1 }
        return position
    }

    // MARK: - Whole values

    /// The end of the value at `position`, found without checking it (strings skipped whole,
    /// brackets counted): `nil` when the bytes end first.
    @inlinable
    public func skipValueUnchecked(at position: Int) -> Int? {
        guard position < count else { return nil }
        switch base[position] {
        case UInt8(ascii: "\""):
            return skipStringUnchecked(at: position).map { $0.end + 1 }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var position = position
            while position < count {
                switch base[position] {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    position += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    position += 1
                    if depth == 0 { return position }
                case UInt8(ascii: "\""):
                    guard let string = skipStringUnchecked(at: position) else { return nil }
                    position = string.end + 1
                default:
                    position += 1
                }
            }
            return nil
        default:
            return skipScalarUnchecked(at: position)
        }
    }

    /// The end of the value at `position` (whitespace before it skipped), checked as JSON all
    /// through: for readers that need a value's validity but not its content.
    @inlinable
    public func skipValue(at position: Int, depth: Int = 0) throws(JSONSyntaxError) -> Int {
        let position = skipWhitespace(from: position)
        guard position < count else { throw JSONSyntaxError(message: "unexpected end of input, expected a value", offset: position) }
        switch base[position] {
        case UInt8(ascii: "\""): return try string(at: position).next
        case UInt8(ascii: "{"), UInt8(ascii: "["): return try skipContainer(at: position, depth: depth + 1)
        case UInt8(ascii: "t"): return try literal("true", at: position)
        case UInt8(ascii: "f"): return try literal("false", at: position)
        case UInt8(ascii: "n"): return try literal("null", at: position)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number(at: position).end
        default: throw JSONSyntaxError(message: "unexpected '\(Self.describe(base[position]))', expected a value", offset: position)
        }
    }

    /// An object or array at `position`, checked; returns the position after it.
    @usableFromInline
    func skipContainer(at start: Int, depth: Int) throws(JSONSyntaxError) -> Int {
        if depth > Self.maximumDepth { throw JSONSyntaxError(message: "nesting deeper than \(Self.maximumDepth) levels", offset: start) }
        let isObject = base[start] == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        var position = skipWhitespace(from: start + 1)
        if has(close, at: position) { return position + 1 }
        while true {
            position = skipWhitespace(from: position)
            if isObject {
                position = try key(at: position).value
            } else if has(close, at: position) {
                throw JSONSyntaxError(message: "trailing comma before ']'", offset: position)
            }
            position = skipWhitespace(from: try skipValue(at: position, depth: depth))
            guard position < count else { throw JSONSyntaxError(message: "unexpected end of input inside \(isObject ? "an object" : "an array")", offset: position) }
            if base[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if base[position] == close { return position + 1 }
            throw JSONSyntaxError(message: "expected ',' or '\(isObject ? "}" : "]")', found '\(Self.describe(base[position]))'", offset: position)
        }
    }

    /// An object's key at `position` and the colon after it: the key's string token and the
    /// position after the colon. The messages are the ones for a member that does not start right.
    @inlinable
    public func key(at position: Int) throws(JSONSyntaxError) -> (token: StringToken, value: Int) {
        guard has(UInt8(ascii: "\""), at: position) else {
            if has(UInt8(ascii: "}"), at: position) { throw JSONSyntaxError(message: "trailing comma before '}'", offset: position) }
            throw JSONSyntaxError(message: position < count ? "expected a quoted key, found '\(Self.describe(base[position]))'" : "unexpected end of input inside an object", offset: position)
        }
        let token = try string(at: position)
        let colon = skipWhitespace(from: token.next)
        guard has(UInt8(ascii: ":"), at: colon) else {
            let name = Self.decode(UnsafeBufferPointer(start: base + position + 1, count: token.end - position - 1), escaped: token.escaped)
            throw JSONSyntaxError(message: "expected ':' after key \"\(name)\"", offset: colon)
        }
        return (token, colon + 1)
    }

    /// Checks that the bytes are one JSON text, whitespace around it allowed.
    public func validateDocument() throws(JSONSyntaxError) {
        let start = skipWhitespace(from: 0)
        guard start < count else { throw JSONSyntaxError(message: "the body is empty", offset: 0) }
        let end = skipWhitespace(from: try skipValue(at: start))
        if end < count { throw JSONSyntaxError(message: "unexpected '\(Self.describe(base[end]))' after the JSON value", offset: end) }
    }

    // MARK: - Decoding and wording

    /// The text of a string's content (between its quotes), escapes decoded. The content has
    /// been checked (`string(at:)`); an escape it cannot decode is kept as written.
    public static func decode(_ raw: UnsafeBufferPointer<UInt8>, escaped: Bool) -> String {
        guard escaped, let base = raw.baseAddress else { return String(decoding: raw, as: UTF8.self) }
        let lexer = JSONLexer(base: base, count: raw.count)
        var output = ""
        var runStart = 0
        var position = 0
        while position < raw.count {
            guard raw[position] == UInt8(ascii: "\\"), position + 1 < raw.count else {
                position += 1
                continue
            }
            output += String(decoding: UnsafeBufferPointer(rebasing: raw[runStart..<position]), as: UTF8.self)
            let code = raw[position + 1]
            position += 2
            switch code {
            case UInt8(ascii: "b"): output += "\u{08}"
            case UInt8(ascii: "f"): output += "\u{0C}"
            case UInt8(ascii: "n"): output += "\n"
            case UInt8(ascii: "r"): output += "\r"
            case UInt8(ascii: "t"): output += "\t"
            case UInt8(ascii: "u"):
                if let (scalar, next) = try? lexer.unicodeEscape(at: position) {
                    output.unicodeScalars.append(scalar)
                    position = next
                } else {
                    output += String(decoding: UnsafeBufferPointer(rebasing: raw[(position - 2)..<position]), as: UTF8.self)
                }
            default: output.unicodeScalars.append(Unicode.Scalar(code))
            }
            runStart = position
        }
        output += String(decoding: UnsafeBufferPointer(rebasing: raw[runStart..<raw.count]), as: UTF8.self)
        return output
    }

    /// The 1-based line and column (in characters) of `offset`.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var position = 0
        while position < min(offset, count) {
            if base[position] == 0x0A {
                line += 1
                column = 1
            } else if base[position] & 0xC0 != 0x80 {
                column += 1
            }
            position += 1
        }
        return (line, column)
    }

    /// A byte as a message shows it: the character when printable ASCII, else its hex value.
    public static func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "0x" + String(byte, radix: 16)
    }
}

/// Why bytes are not JSON: a message and the 0-based offset of the offending byte.
@frozen
public struct JSONSyntaxError: Error, Sendable, Hashable {
    public var message: String
    public var offset: Int

    @inlinable
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
}
