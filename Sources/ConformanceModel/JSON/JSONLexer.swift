/// Why bytes are not JSON: what was expected or found, at which byte.
public struct JSONSyntaxError: Error, Sendable, Hashable {
    public var message: String
    /// The 0-based byte offset of the problem.
    public var offset: Int

    @inlinable
    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }
}

/// A string token: where its content lies (between the quotes), whether it has escapes, and
/// its length in characters (Unicode scalars; an escape counts as one).
public struct JSONStringToken: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var escaped: Bool
    public var length: Int

    @inlinable
    public init(start: Int, end: Int, escaped: Bool, length: Int) {
        self.start = start
        self.end = end
        self.escaped = escaped
        self.length = length
    }
}

/// A number token: its literal's bytes and what the grammar saw of it.
public struct JSONNumberToken: Sendable, Hashable {
    public var start: Int
    public var end: Int
    /// No fraction digit other than 0 (`12`, `12.0`) and no exponent.
    public var integralLiteral: Bool
    public var hasExponent: Bool

    @inlinable
    public init(start: Int, end: Int, integralLiteral: Bool, hasExponent: Bool) {
        self.start = start
        self.end = end
        self.integralLiteral = integralLiteral
        self.hasExponent = hasExponent
    }
}

/// The JSON grammar at the byte level (RFC 8259), the one core every JSON reader of the suite
/// builds on: the body scanner that validates against a schema, the tree parser, the JSONL
/// line reader, the pointer resolver and the router's top-level field reader each walk values
/// their own way, and all of them find token boundaries, skip and check strings (escapes,
/// UTF-8, control characters), read the number grammar and literals here.
///
/// It reads in place through a pointer and allocates nothing. Everything is `@inlinable` so
/// that the readers in other modules get it inlined into their loops; strings are skipped
/// eight bytes at a time to the first byte that needs a look.
public struct JSONLexer {
    public let base: UnsafePointer<UInt8>
    public let count: Int
    /// The next byte to read.
    public var index: Int

    @inlinable
    public init(base: UnsafePointer<UInt8>, count: Int, index: Int = 0) {
        self.base = base
        self.count = count
        self.index = index
    }

    /// `true` when every byte is read.
    @inlinable
    public var atEnd: Bool { index >= count }

    /// Whether the next byte is `byte`.
    @inlinable
    public func peek(_ byte: UInt8) -> Bool { index < count && base[index] == byte }

    @inlinable
    public mutating func skipWhitespace() {
        while index < count {
            let byte = base[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    // MARK: - Strings

    /// Reads the string whose opening quote is under `index`, checking escapes, UTF-8 and
    /// control characters; `index` ends past the closing quote.
    @inlinable
    public mutating func string() throws(JSONSyntaxError) -> JSONStringToken {
        // The position is kept in a local: `index` lives in memory, and the compiler would
        // store it on every step.
        let start = index + 1
        var position = start
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
            if byte == UInt8(ascii: "\"") {
                index = position + 1
                return JSONStringToken(start: start, end: position, escaped: escaped, length: length)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                position = try escape(at: position)
                length += 1
                continue
            }
            if byte < 0x20 { throw JSONSyntaxError("control character U+\(Self.hex(byte)) in a string", at: position) }
            if byte < 0x80 {
                position += 1
                length += 1
                continue
            }
            position += try utf8Sequence(at: position)
            length += 1
        }
        index = position
        throw JSONSyntaxError("unterminated string", at: position)
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

    /// Checks the escape sequence whose backslash is at `position`; returns the position after it.
    @inlinable
    mutating func escape(at position: Int) throws(JSONSyntaxError) -> Int {
        let next = position + 1
        guard next < count else { throw JSONSyntaxError("unterminated string", at: next) }
        switch base[next] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return next + 1
        case UInt8(ascii: "u"):
            let high = try hex4(at: next + 1)
            let after = next + 5
            if (0xD800...0xDBFF).contains(high) {
                guard after + 1 < count, base[after] == UInt8(ascii: "\\"), base[after + 1] == UInt8(ascii: "u") else {
                    throw JSONSyntaxError("unpaired surrogate \\u\(String(high, radix: 16)) in a \\u escape", at: after)
                }
                let low = try hex4(at: after + 2)
                guard (0xDC00...0xDFFF).contains(low) else { throw JSONSyntaxError("invalid low surrogate \\u\(String(low, radix: 16)) in a \\u escape", at: after) }
                return after + 6
            }
            if (0xDC00...0xDFFF).contains(high) {
                throw JSONSyntaxError("unpaired surrogate \\u\(String(high, radix: 16)) in a \\u escape", at: position)
            }
            return after
        default:
            throw JSONSyntaxError("invalid escape '\\\(Self.describe(base[next]))'", at: next)
        }
    }

    @inlinable
    func hex4(at position: Int) throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= count else { throw JSONSyntaxError("truncated \\u escape", at: position) }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = Self.hexDigit(base[position + offset]) else {
                throw JSONSyntaxError("invalid hex digit '\(Self.describe(base[position + offset]))' in a \\u escape", at: position + offset)
            }
            value = value << 4 | digit
        }
        return value
    }

    @inlinable
    static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// The length of the valid multi-byte UTF-8 sequence at `position`.
    @inlinable @inline(__always)
    func utf8Sequence(at position: Int) throws(JSONSyntaxError) -> Int {
        switch UTF8Check.sequence(at: position, in: UnsafeBufferPointer(start: base, count: count)) {
        case .valid(let length): return length
        case .invalid(let message, let offset): throw JSONSyntaxError(message, at: offset)
        }
    }

    // MARK: - Numbers and literals

    /// Reads the number whose first byte (`-` or a digit) is under `index`.
    @inlinable
    public mutating func number() throws(JSONSyntaxError) -> JSONNumberToken {
        let start = index
        if base[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count, Self.isDigit(base[index]) else { throw JSONSyntaxError("expected a digit", at: index) }
        if base[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, Self.isDigit(base[index]) { throw JSONSyntaxError("leading zero in a number", at: index) }
        } else {
            while index < count, Self.isDigit(base[index]) { index += 1 }
        }
        var integral = true
        if index < count, base[index] == UInt8(ascii: ".") {
            index += 1
            guard index < count, Self.isDigit(base[index]) else { throw JSONSyntaxError("expected a digit after '.'", at: index) }
            while index < count, Self.isDigit(base[index]) {
                if base[index] != UInt8(ascii: "0") { integral = false }
                index += 1
            }
        }
        var hasExponent = false
        if index < count, base[index] | 0x20 == UInt8(ascii: "e") {
            hasExponent = true
            integral = false
            index += 1
            if index < count, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") { index += 1 }
            guard index < count, Self.isDigit(base[index]) else { throw JSONSyntaxError("expected a digit in the exponent", at: index) }
            while index < count, Self.isDigit(base[index]) { index += 1 }
        }
        return JSONNumberToken(start: start, end: index, integralLiteral: integral, hasExponent: hasExponent)
    }

    /// Reads `word` (`true`, `false`, `null`) at `index`.
    @inlinable
    public mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let length = word.utf8CodeUnitCount
        guard index + length <= count else { throw JSONSyntaxError("invalid literal, expected '\(word)'", at: index) }
        let expected = word.utf8Start
        for offset in 0..<length where base[index + offset] != expected[offset] {
            throw JSONSyntaxError("invalid literal, expected '\(word)'", at: index)
        }
        index += length
    }

    @inlinable @inline(__always)
    public static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    // MARK: - Whole values

    /// Skips the value at `index`, checking its syntax; containers nest at most `depth` more
    /// levels.
    public mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
        guard index < count else { throw JSONSyntaxError("unexpected end of input, expected a value", at: index) }
        switch base[index] {
        case UInt8(ascii: "{"):
            guard depth > 0 else { throw JSONSyntaxError("nesting too deep", at: index) }
            index += 1
            skipWhitespace()
            if peek(UInt8(ascii: "}")) {
                index += 1
                return
            }
            while true {
                skipWhitespace()
                guard peek(UInt8(ascii: "\"")) else { throw expectedKey() }
                _ = try string()
                try colon()
                try skipValue(depth: depth - 1)
                guard try separator(closing: UInt8(ascii: "}")) else { return }
            }
        case UInt8(ascii: "["):
            guard depth > 0 else { throw JSONSyntaxError("nesting too deep", at: index) }
            index += 1
            skipWhitespace()
            if peek(UInt8(ascii: "]")) {
                index += 1
                return
            }
            while true {
                skipWhitespace()
                if peek(UInt8(ascii: "]")) { throw JSONSyntaxError("trailing comma before ']'", at: index) }
                try skipValue(depth: depth - 1)
                guard try separator(closing: UInt8(ascii: "]")) else { return }
            }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try number()
        default: throw JSONSyntaxError("unexpected '\(Self.describe(base[index]))', expected a value", at: index)
        }
    }

    /// After a key: whitespace, `:`, whitespace.
    @inlinable
    public mutating func colon() throws(JSONSyntaxError) {
        skipWhitespace()
        guard peek(UInt8(ascii: ":")) else { throw JSONSyntaxError("expected ':' after a key", at: index) }
        index += 1
        skipWhitespace()
    }

    /// After a member or an element: `,` (`true`: another follows) or `closing` (`false`: the
    /// container ends, and `index` is past it).
    @inlinable
    public mutating func separator(closing: UInt8) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard index < count else {
            throw JSONSyntaxError(closing == UInt8(ascii: "}") ? "unexpected end of input inside an object" : "unexpected end of input inside an array", at: index)
        }
        if base[index] == UInt8(ascii: ",") {
            index += 1
            return true
        }
        if base[index] == closing {
            index += 1
            return false
        }
        throw JSONSyntaxError("expected ',' or '\(Self.describe(closing))', found '\(Self.describe(base[index]))'", at: index)
    }

    /// The error for a member that does not start with a quoted key.
    @inlinable
    public func expectedKey() -> JSONSyntaxError {
        if peek(UInt8(ascii: "}")) { return JSONSyntaxError("trailing comma before '}'", at: index) }
        return JSONSyntaxError(index < count ? "expected a quoted key, found '\(Self.describe(base[index]))'" : "unexpected end of input inside an object", at: index)
    }

    // MARK: - Lenient steps over bytes already checked

    /// Steps over the string at `index` without checking it: for walks over bytes a checking
    /// read has already accepted. `nil` when the bytes end first.
    @inlinable
    public mutating func skipStringUnchecked() -> (end: Int, escaped: Bool)? {
        index += 1
        var escaped = false
        while index < count {
            switch base[index] {
            case UInt8(ascii: "\\"):
                escaped = true
                index += 2
            case UInt8(ascii: "\""):
                index += 1
                return (index - 1, escaped)
            default:
                index += 1
            }
        }
        return nil
    }

    /// Steps over a number or literal without checking it.
    @inlinable
    public mutating func skipScalarUnchecked() {
        while index < count {
            switch base[index] {
            case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return
            default: index += 1
            }
        }
    }

    // MARK: - Text

    /// Appends the UTF-8 of a checked string's content (between its quotes) with its escapes
    /// decoded.
    public static func appendDecoded(_ raw: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = raw.baseAddress else { return }
        var position = 0
        var runStart = 0
        let count = raw.count
        while position < count {
            guard base[position] == UInt8(ascii: "\\"), position + 1 < count else {
                position += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: position - runStart))
            let escape = base[position + 1]
            position += 2
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4Unchecked(base, position, count)
                position += 4
                if (0xD800...0xDBFF).contains(scalar), position + 6 <= count, base[position] == UInt8(ascii: "\\"), base[position + 1] == UInt8(ascii: "u") {
                    let low = hex4Unchecked(base, position + 2, count)
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        position += 6
                    }
                }
                appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &output)
            default: output.append(escape)
            }
            runStart = position
        }
        output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart))
    }

    /// A checked string's content (between its quotes) as text, escapes decoded.
    public static func decode(_ raw: UnsafeBufferPointer<UInt8>, escaped: Bool) -> String {
        guard escaped else { return String(decoding: raw, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        appendDecoded(raw, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hex4Unchecked(_ base: UnsafePointer<UInt8>, _ position: Int, _ count: Int) -> UInt32 {
        guard position + 4 <= count else { return 0xFFFD }
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 4 | (hexDigit(base[position + offset]) ?? 0) }
        return value
    }

    static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        if let encoded = UTF8.encode(scalar) { output.append(contentsOf: encoded) }
    }

    /// A byte as an error message shows it: itself when printable, else in hex.
    @inlinable
    public static func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "0x" + String(byte, radix: 16)
    }

    @inlinable
    static func hex(_ byte: UInt8) -> String {
        let text = String(byte, radix: 16, uppercase: true)
        return text.count == 1 ? "000" + text : "00" + text
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
}
