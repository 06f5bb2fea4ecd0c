/// Finds the values of secret-named keys (``SecretNames``) in raw bytes, whatever the bytes
/// are: strict JSON, JSON a parser refuses (duplicate keys, trailing commas, a byte-order mark,
/// nesting past any depth limit, bytes that are not UTF-8), form and query text
/// (`password=...&api_key=...`), JavaScript- or YAML-like `key: value` and header-like lines
/// (`Authorization: Bearer ...`).
///
/// It is one pass over the bytes with no parser state beyond the current token, so it cannot
/// be made to give up: where a strict parser would stop, it goes on looking.
///
/// - `"key": value` and `'key': value` (quoted key, `\uXXXX` escapes decoded): a string value's
///   inside, a bare scalar, or every string and number inside an object or array value.
/// - `key=value` (percent-decoded name; `user[password]` counts as `password`): up to `&`,
///   `;`, white space, a quote, `#`, `<` or `>`. Also inside string values, so a URL stored in
///   a JSON field loses its `access_token` too.
/// - `key: value` with a bare key: to the end of the line, or to `,`, `}` or `]`.
enum SecretScanner {
    /// One secret value found: the bytes to replace, and how.
    struct Span: Sendable, Hashable {
        var range: Range<Int>
        var style: Style
    }

    /// How a span is replaced so that the text around it stays well-formed.
    enum Style: Sendable, Hashable {
        /// The inside of a quoted string, or a form value: the placeholder as it is.
        case inline
        /// A bare JSON scalar (a number): the placeholder as a JSON string.
        case jsonScalar
    }

    /// The secret values in `bytes`, in order, not overlapping.
    static func spans(in bytes: [UInt8]) -> [Span] {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = Walk(bytes: buffer)
            scanner.scan(0..<buffer.count, strings: true)
            return scanner.spans
        }
    }

    /// The scan over one buffer.
    struct Walk {
        let bytes: UnsafeBufferPointer<UInt8>
        var spans: [Span] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        /// Scans `range`; `strings` is false inside a string's content, where quotes are only
        /// text (a value there ends at one).
        mutating func scan(_ range: Range<Int>, strings: Bool) {
            var index = range.lowerBound
            let end = range.upperBound
            while index < end {
                let byte = bytes[index]
                if strings, byte == Byte.quote || (byte == Byte.apostrophe && opensString(at: index, from: range.lowerBound)) {
                    index = quoted(at: index, end: end)
                } else if Self.isNameByte(byte), index == range.lowerBound || !Self.isNameByte(bytes[index - 1]) {
                    index = bare(at: index, end: end)
                } else {
                    index += 1
                }
            }
        }

        /// A quoted string at `start`: a key (then its value is looked at) or a value (its
        /// content is scanned for `key=value`). Returns where scanning goes on.
        mutating func quoted(at start: Int, end: Int) -> Int {
            let close = stringEnd(from: start, end: end)
            var next = skipSpaces(from: close + 1, end: end)
            if next < end, bytes[next] == Byte.colon {
                if Self.isSecretJSONKey(bytes[(start + 1)..<close]) {
                    next = skipSpaces(from: next + 1, end: end)
                    return value(at: next, end: end, line: false)
                }
                return next + 1
            }
            if close > start + 1 { scan((start + 1)..<close, strings: false) }
            return min(close + 1, end)
        }

        /// A bare name at `start`: `name=value`, `name: value`, or `name": value` (a key whose
        /// opening quote was lost to broken quoting). Returns where scanning goes on.
        mutating func bare(at start: Int, end: Int) -> Int {
            var stop = start
            while stop < end, Self.isNameByte(bytes[stop]) { stop += 1 }
            guard stop < end else { return stop }
            if bytes[stop] == Byte.equals, stop + 1 >= end || bytes[stop + 1] != Byte.equals {
                guard Self.isSecretFormName(bytes[start..<stop]) else { return stop + 1 }
                let valueEnd = formValueEnd(from: stop + 1, end: end)
                if valueEnd > stop + 1 { spans.append(Span(range: (stop + 1)..<valueEnd, style: .inline)) }
                return valueEnd
            }
            var next = stop
            if bytes[next] == Byte.quote || bytes[next] == Byte.apostrophe { next += 1 }
            next = skipSpaces(from: next, end: end)
            guard next < end, bytes[next] == Byte.colon, Self.isSecretFormName(bytes[start..<stop]) else { return stop }
            next = skipBlanks(from: next + 1, end: end)
            return value(at: next, end: end, line: true)
        }

        /// The value of a secret key at `start`; returns the index after it.
        mutating func value(at start: Int, end: Int, line: Bool) -> Int {
            guard start < end else { return end }
            let byte = bytes[start]
            if byte == Byte.quote || byte == Byte.apostrophe {
                let close = stringEnd(from: start, end: end)
                if close > start + 1 { spans.append(Span(range: (start + 1)..<close, style: .inline)) }
                return min(close + 1, end)
            }
            if byte == Byte.openBrace || byte == Byte.openBracket {
                return composite(at: start, end: end)
            }
            var stop = start
            while stop < end, !(line ? Self.endsLineValue(bytes[stop]) : Self.endsScalar(bytes[stop])) { stop += 1 }
            if stop > start {
                let literal = bytes[start..<stop]
                if !line, Self.isJSONLiteral(literal) { return stop }
                spans.append(Span(range: start..<stop, style: line ? .inline : .jsonScalar))
            }
            return stop
        }

        /// An object or array under a secret key: every string and number inside is secret;
        /// keys, `true`, `false` and `null` stay. Returns the index after its closing bracket.
        mutating func composite(at start: Int, end: Int) -> Int {
            var depth = 0
            var index = start
            while index < end {
                let byte = bytes[index]
                switch byte {
                case Byte.openBrace, Byte.openBracket:
                    depth += 1
                    index += 1
                case Byte.closeBrace, Byte.closeBracket:
                    depth -= 1
                    index += 1
                    if depth == 0 { return index }
                case Byte.quote, Byte.apostrophe:
                    let close = stringEnd(from: index, end: end)
                    let after = skipSpaces(from: close + 1, end: end)
                    let isKey = after < end && bytes[after] == Byte.colon
                    if !isKey, close > index + 1 { spans.append(Span(range: (index + 1)..<close, style: .inline)) }
                    index = min(close + 1, end)
                default:
                    if Self.endsScalar(byte) {
                        index += 1
                        continue
                    }
                    var stop = index
                    while stop < end, !Self.endsScalar(bytes[stop]), bytes[stop] != Byte.quote { stop += 1 }
                    if !Self.isJSONLiteral(bytes[index..<stop]) { spans.append(Span(range: index..<stop, style: .jsonScalar)) }
                    index = max(stop, index + 1)
                }
            }
            return end
        }

        /// The index of the quote that closes the string opened at `start`, or `end`.
        func stringEnd(from start: Int, end: Int) -> Int {
            let quote = bytes[start]
            var index = start + 1
            while index < end {
                let byte = bytes[index]
                if byte == Byte.backslash {
                    index += 2
                } else if byte == quote {
                    return index
                } else {
                    index += 1
                }
            }
            return end
        }

        /// An apostrophe opens a string only where a quote could (`'key': 'value'`), not inside
        /// a word (`it's`).
        func opensString(at index: Int, from lower: Int) -> Bool {
            guard index > lower else { return true }
            return !Self.isNameByte(bytes[index - 1])
        }

        func skipSpaces(from start: Int, end: Int) -> Int {
            var index = start
            while index < end, Self.isSpace(bytes[index]) { index += 1 }
            return index
        }

        /// Spaces and tabs, not line breaks (a header-like value starts on its own line).
        func skipBlanks(from start: Int, end: Int) -> Int {
            var index = start
            while index < end, bytes[index] == Byte.space || bytes[index] == Byte.tab { index += 1 }
            return index
        }

        func formValueEnd(from start: Int, end: Int) -> Int {
            var index = start
            while index < end {
                switch bytes[index] {
                case Byte.ampersand, Byte.semicolon, Byte.quote, Byte.apostrophe, Byte.hash, Byte.less, Byte.greater:
                    return index
                case let byte where Self.isSpace(byte):
                    return index
                default:
                    index += 1
                }
            }
            return end
        }

        // MARK: Bytes

        static func isNameByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "%"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "+"):
                return true
            default:
                return false
            }
        }

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == Byte.space || byte == Byte.tab || byte == Byte.newline || byte == Byte.carriageReturn
        }

        /// Ends a bare JSON scalar.
        static func endsScalar(_ byte: UInt8) -> Bool {
            isSpace(byte) || byte == Byte.comma || byte == Byte.closeBrace || byte == Byte.closeBracket
                || byte == Byte.openBrace || byte == Byte.openBracket || byte == Byte.colon
        }

        /// Ends a header-like or JavaScript-like bare value.
        static func endsLineValue(_ byte: UInt8) -> Bool {
            byte == Byte.newline || byte == Byte.carriageReturn || byte == Byte.comma || byte == Byte.closeBrace || byte == Byte.closeBracket
        }

        static func isJSONLiteral(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            bytes.elementsEqual("true".utf8) || bytes.elementsEqual("false".utf8) || bytes.elementsEqual("null".utf8)
        }

        /// Whether a quoted key's inside, JSON escapes decoded, names a secret.
        static func isSecretJSONKey(_ raw: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            guard raw.count <= SecretNames.longestName * 6 else { return false }
            guard raw.contains(Byte.backslash) else { return SecretNames.isSecret(bytes: raw) }
            var decoded: [UInt8] = []
            var index = raw.startIndex
            while index < raw.endIndex {
                let byte = raw[index]
                guard byte == Byte.backslash, index + 1 < raw.endIndex else {
                    decoded.append(byte)
                    index += 1
                    continue
                }
                let escape = raw[index + 1]
                if escape == UInt8(ascii: "u"), index + 6 <= raw.endIndex, let scalar = hexNumber(raw[(index + 2)..<(index + 6)]) {
                    decoded.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
                    index += 6
                } else {
                    decoded.append(escape)
                    index += 2
                }
            }
            return SecretNames.isSecret(bytes: decoded)
        }

        /// Whether a bare or form name, percent-decoded (`+` as space), names a secret; of a
        /// bracketed name, the last `[...]` part.
        static func isSecretFormName(_ raw: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            guard raw.count <= SecretNames.longestName * 3 else { return false }
            var decoded: [UInt8] = []
            var index = raw.startIndex
            while index < raw.endIndex {
                let byte = raw[index]
                if byte == UInt8(ascii: "%"), index + 3 <= raw.endIndex, let value = hexNumber(raw[(index + 1)..<(index + 3)]) {
                    decoded.append(UInt8(value))
                    index += 3
                } else {
                    decoded.append(byte == UInt8(ascii: "+") ? Byte.space : byte)
                    index += 1
                }
            }
            if decoded.last == Byte.closeBracket, let open = decoded.lastIndex(of: Byte.openBracket) {
                return SecretNames.isSecret(bytes: decoded[(open + 1)..<(decoded.count - 1)])
            }
            return SecretNames.isSecret(bytes: decoded)
        }

        static func hexNumber(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt32? {
            var value: UInt32 = 0
            for digit in digits {
                let nibble: UInt32
                switch digit {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = UInt32(digit - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = UInt32(digit - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = UInt32(digit - UInt8(ascii: "A") + 10)
                default: return nil
                }
                value = value << 4 | nibble
            }
            return value
        }
    }

    /// The bytes the scanner cares about.
    enum Byte {
        static let quote = UInt8(ascii: "\"")
        static let apostrophe = UInt8(ascii: "'")
        static let backslash = UInt8(ascii: "\\")
        static let colon = UInt8(ascii: ":")
        static let equals = UInt8(ascii: "=")
        static let comma = UInt8(ascii: ",")
        static let ampersand = UInt8(ascii: "&")
        static let semicolon = UInt8(ascii: ";")
        static let hash = UInt8(ascii: "#")
        static let less = UInt8(ascii: "<")
        static let greater = UInt8(ascii: ">")
        static let openBrace = UInt8(ascii: "{")
        static let closeBrace = UInt8(ascii: "}")
        static let openBracket = UInt8(ascii: "[")
        static let closeBracket = UInt8(ascii: "]")
        static let space = UInt8(ascii: " ")
        static let tab = UInt8(ascii: "\t")
        static let newline = UInt8(ascii: "\n")
        static let carriageReturn = UInt8(ascii: "\r")
    }
}
