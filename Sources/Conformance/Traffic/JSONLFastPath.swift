import ConformanceModel

/// Reads the common JSONL line — string fields, string bodies, ASCII strings — straight from
/// its bytes into an `Exchange`, without building a tree: the reader's hot path.
///
/// It accepts a line only when it is sure to give the same exchange the tree path gives. The
/// line is read once: the fields it needs are read with the shared `JSONLexer`'s checked
/// tokens and every other value is skipped with the lexer's checked skip, so a line it accepts
/// is valid JSON all through (no separate validity pass). Anything it does not handle (a
/// syntax error, non-ASCII or escaped-unicode strings, `bodyBase64`, bodies that are not
/// strings, headers that are not strings, repeated keys) returns `nil`, and the line takes the
/// tree path, which also writes the error messages.
///
/// Keys are byte ranges of the line (no allocation), and an escaped string is unescaped into a
/// scratch buffer, then copied into an array of its exact length.
enum JSONLFastPath {
    static func exchange(_ line: ArraySlice<UInt8>, index: Int, file: String) -> Exchange? {
        line.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var reader = Reader(lexer: JSONLexer(base: base, count: bytes.count))
            defer { reader.scratch?.deallocate() }
            guard let exchange = reader.exchange(index: index, file: file), reader.atEnd else { return nil }
            return exchange
        }
    }

    /// The member names it looks for, as bytes, built once.
    private enum Key {
        static let request = Array("request".utf8)
        static let response = Array("response".utf8)
        static let method = Array("method".utf8)
        static let url = Array("url".utf8)
        static let status = Array("status".utf8)
        static let headers = Array("headers".utf8)
        static let body = Array("body".utf8)
        static let bodyBase64 = Array("bodyBase64".utf8)
    }

    /// What comes next in an object.
    private enum Next {
        case key(Range<Int>)
        case end
        case giveUp
    }

    private struct Reader {
        let lexer: JSONLexer
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// The keys of the objects being read, innermost last: a stack, so that a line's
        /// objects share one array instead of allocating one each.
        var keys: [Range<Int>] = []
        /// Where escaped strings are unescaped: as long as the line (no string is longer),
        /// allocated at the line's first escape, freed by `exchange(_:index:file:)`.
        var scratch: UnsafeMutablePointer<UInt8>?

        init(lexer: JSONLexer) {
            self.lexer = lexer
            self.bytes = UnsafeBufferPointer(start: lexer.base, count: lexer.count)
            keys.reserveCapacity(16)
        }

        /// Whether only whitespace is left.
        var atEnd: Bool { lexer.skipWhitespace(from: index) == lexer.count }

        /// Whether the key at `range` is `name`.
        private func key(_ range: Range<Int>, is name: [UInt8]) -> Bool {
            range.count == name.count && name.withUnsafeBufferPointer { CompiledSchema.equal($0.baseAddress!, bytes.baseAddress! + range.lowerBound, range.count) }
        }

        /// The text at `range`.
        private func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// Which top-level members to expect.
        mutating func exchange(index exchangeIndex: Int, file: String) -> Exchange? {
            guard open("{") else { return nil }
            var request: Exchange.Request?
            var response: Exchange.Response?
            let base = keys.count
            defer { keys.removeLast(keys.count - base) }
            members: while true {
                let next = nextKey(since: base)
                guard case .key(let key) = next else {
                    if case .giveUp = next { return nil }
                    break members
                }
                if self.key(key, is: Key.request) {
                    guard let parsed = message(isRequest: true) else { return nil }
                    request = parsed.request
                } else if self.key(key, is: Key.response) {
                    if literal("null") { continue }
                    guard let parsed = message(isRequest: false) else { return nil }
                    response = parsed.response
                } else {
                    guard skipValue(depth: 1) else { return nil }
                }
            }
            guard let request else { return nil }
            return Exchange(request: request, response: response, index: exchangeIndex, file: file)
        }

        private mutating func message(isRequest: Bool) -> (request: Exchange.Request?, response: Exchange.Response?)? {
            guard open("{") else { return nil }
            var method: String?
            var url: String?
            var status: Int?
            var headers: [Exchange.Header] = []
            var body: [UInt8]?
            let base = keys.count
            defer { keys.removeLast(keys.count - base) }
            members: while true {
                let next = nextKey(since: base)
                guard case .key(let key) = next else {
                    if case .giveUp = next { return nil }
                    break members
                }
                if isRequest && self.key(key, is: Key.method) {
                    guard let value = string() else { return nil }
                    method = value.text
                } else if isRequest && self.key(key, is: Key.url) {
                    guard let value = string() else { return nil }
                    url = value.text
                } else if !isRequest && self.key(key, is: Key.status) {
                    guard let number = integer() else { return nil }
                    status = number
                } else if self.key(key, is: Key.headers) {
                    guard let parsed = headerObject() else { return nil }
                    headers = parsed
                } else if self.key(key, is: Key.body) {
                    if literal("null") { continue }
                    guard let value = string() else { return nil }
                    let bytes = value.bytes
                    body = bytes.isEmpty ? nil : bytes
                } else if self.key(key, is: Key.bodyBase64) {
                    return nil
                } else {
                    guard skipValue(depth: 2) else { return nil }
                }
            }
            if isRequest {
                guard let method, !method.isEmpty, let url, !url.isEmpty else { return nil }
                return (Exchange.Request(method: method, url: url, headers: headers, body: body), nil)
            }
            guard let status, (0..<1000).contains(status) else { return nil }
            return (nil, status == 0 ? nil : Exchange.Response(status: status, headers: headers, body: body))
        }

        /// `{"Name": "value" | ["v1", "v2"]}`, in name order like the tree path.
        private mutating func headerObject() -> [Exchange.Header]? {
            guard open("{") else { return nil }
            let base = keys.count
            defer { keys.removeLast(keys.count - base) }
            // Room for a typical message's headers: grown from empty one by one, two headers
            // took two allocations and ten took four.
            var headers: [Exchange.Header] = []
            headers.reserveCapacity(8)
            members: while true {
                let next = nextKey(since: base)
                guard case .key(let key) = next else {
                    if case .giveUp = next { return nil }
                    break members
                }
                let name = text(key)
                if peek("[") {
                    index += 1
                    skipWhitespace()
                    if peek("]") { index += 1 } else {
                        while true {
                            guard let value = string() else { return nil }
                            headers.append(Exchange.Header(name: name, value: value.text))
                            skipWhitespace()
                            if peek(",") { index += 1; continue }
                            guard peek("]") else { return nil }
                            index += 1
                            break
                        }
                    }
                } else {
                    guard let value = string() else { return nil }
                    headers.append(Exchange.Header(name: name, value: value.text))
                }
            }
            // In name order, a name's values in the order given: names are unique here (a
            // repeated key gives up) and `sort` is stable.
            headers.removeAll { $0.name.isEmpty }
            if zip(headers, headers.dropFirst()).contains(where: { $0.name > $1.name }) { headers.sort { $0.name < $1.name } }
            return headers
        }

        // MARK: - Tokens (each checked: a line that is not JSON gives up)

        /// The next key of the current object (whose keys are `keys[base...]`), or `.end` at
        /// its end; a repeated key, or bytes that are not an object's members, give up. Keys
        /// are compared as bytes: the fast path takes no escaped keys.
        private mutating func nextKey(since base: Int) -> Next {
            skipWhitespace()
            if keys.count > base {
                if peek("}") {
                    index += 1
                    return .end
                }
                guard peek(",") else { return .giveUp }
                index += 1
                skipWhitespace()
            } else if peek("}") {
                index += 1
                return .end
            }
            guard peek("\""), let value = string(), let key = value.range else { return .giveUp }
            skipWhitespace()
            guard peek(":") else { return .giveUp }
            index += 1
            skipWhitespace()
            if keys[base...].contains(where: { $0.count == key.count && CompiledSchema.equal(bytes.baseAddress! + $0.lowerBound, bytes.baseAddress! + key.lowerBound, key.count) }) {
                return .giveUp
            }
            keys.append(key)
            return .key(key)
        }

        /// A string's content: its range in the line when it has no escapes, else its
        /// unescaped bytes. Non-ASCII bytes and `\u` escapes give up (the tree path decodes them).
        private struct StringValue {
            var range: Range<Int>?
            var unescaped: [UInt8]?
            let line: UnsafeBufferPointer<UInt8>

            var bytes: [UInt8] { unescaped ?? Array(line[range!]) }
            var text: String { unescaped.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: UnsafeBufferPointer(rebasing: line[range!]), as: UTF8.self) }
        }

        /// Reads a string in one pass, eight bytes at a time to the next byte that needs a
        /// look. A string with escapes is unescaped run by run into the line's scratch buffer
        /// and copied out at its end into an array of its exact length.
        private mutating func string() -> StringValue? {
            skipWhitespace()
            guard peek("\"") else { return nil }
            let start = index + 1
            var position = start
            var runStart = start
            var written = 0
            var escaped = false
            while true {
                // Eight bytes at a time to the next quote, backslash, control or non-ASCII byte.
                while position + 8 <= bytes.count {
                    let special = JSONLexer.specialBytes(UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self)))
                    if special == 0 {
                        position += 8
                        continue
                    }
                    position += special.trailingZeroBitCount >> 3
                    break
                }
                guard position < bytes.count else { return nil }
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    index = position + 1
                    guard escaped else { return StringValue(range: start..<position, unescaped: nil, line: bytes) }
                    copyRun(runStart..<position, at: &written)
                    return StringValue(range: nil, unescaped: Array(UnsafeBufferPointer(start: scratch, count: written)), line: bytes)
                }
                if byte == UInt8(ascii: "\\") {
                    // `\u` escapes take the tree path.
                    guard position + 1 < bytes.count, let character = Self.unescaped(bytes[position + 1]) else { return nil }
                    if !escaped {
                        escaped = true
                        if scratch == nil { scratch = .allocate(capacity: bytes.count) }
                    }
                    copyRun(runStart..<position, at: &written)
                    scratch![written] = character
                    written += 1
                    position += 2
                    runStart = position
                    continue
                }
                // A control character is not JSON; non-ASCII takes the tree path. Any other
                // byte is plain text (the tail shorter than eight bytes comes here byte by byte).
                if byte >= 0x80 || byte < 0x20 { return nil }
                position += 1
            }
        }

        /// Appends the line's bytes in `run` to the scratch buffer.
        private func copyRun(_ run: Range<Int>, at written: inout Int) {
            guard !run.isEmpty else { return }
            (scratch! + written).update(from: bytes.baseAddress! + run.lowerBound, count: run.count)
            written += run.count
        }

        /// The byte a one-character escape stands for (`n` after a backslash is a line feed);
        /// `nil` for `u` and anything that is not an escape.
        private static func unescaped(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "t"): 0x09
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte
            default: nil
            }
        }

        /// An integer checked against the number grammar; a fraction or an exponent gives up.
        private mutating func integer() -> Int? {
            skipWhitespace()
            let start = index
            guard index < bytes.count, bytes[index] == UInt8(ascii: "-") || JSONLexer.isDigit(bytes[index]),
                  let number = try? lexer.number(at: start) else { return nil }
            index = number.end
            guard !number.hasExponent, !bytes[start..<number.end].contains(UInt8(ascii: ".")) else { return nil }
            return Int(text(start..<index))
        }

        private mutating func literal(_ word: StaticString) -> Bool {
            skipWhitespace()
            guard lexer.matches(word, at: index) else { return false }
            index += word.utf8CodeUnitCount
            return true
        }

        private mutating func open(_ character: Unicode.Scalar) -> Bool {
            skipWhitespace()
            guard peek(character) else { return false }
            index += 1
            return true
        }

        private func peek(_ character: Unicode.Scalar) -> Bool {
            index < bytes.count && bytes[index] == UInt8(character.value)
        }

        private mutating func skipWhitespace() {
            index = lexer.skipWhitespace(from: index)
        }

        /// Skips a value at nesting `depth`, checked as JSON all through.
        private mutating func skipValue(depth: Int) -> Bool {
            guard let end = try? lexer.skipValue(at: index, depth: depth) else { return false }
            index = end
            return true
        }
    }
}
