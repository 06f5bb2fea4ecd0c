import ConformanceModel

/// Validates a JSON body against a `CompiledSchema` in one pass over its bytes.
///
/// RFC 8259 syntax, UTF-8 and escapes are checked while the schema is applied: types,
/// required and unknown fields, enumerations, numeric bounds, string lengths and item
/// counts. No tree is built; the JSON pointer of the current position is kept as a stack
/// of byte ranges and turned into text only when an issue is reported, so a conforming body
/// costs no allocation beyond the scanner itself. The issues and pointers are the same a
/// tree walk would give (the tests hold it to that).
public struct BodyScanner {
    /// Thrown when the body is not JSON; the scan stops there.
    struct Malformed: Error {
        var message: String
        var offset: Int
    }

    private enum PathStep {
        case key(start: Int, end: Int, escaped: Bool)
        case index(Int)
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    private var path: [PathStep] = []
    private(set) var issues: [BodyIssue] = []
    private let captures: CaptureTrie?
    private(set) var captured: [CapturedValue?]
    /// Fields that apply at any depth below the object that declared them.
    private var anyDepthContext: CompiledSchema?
    static let maximumDepth = 256

    private init(bytes: UnsafeBufferPointer<UInt8>, captures: CaptureTrie?) {
        self.bytes = bytes
        self.captures = captures
        self.captured = Array(repeating: nil, count: captures?.count ?? 0)
    }

    /// Scans `body` against `schema` (`nil`: syntax only) and returns the issues, plus the
    /// values at the paths of `captures`.
    public static func scan(_ body: [UInt8], schema: CompiledSchema?, captures: CaptureTrie? = nil) -> (issues: [BodyIssue], captured: [CapturedValue?]) {
        body.withUnsafeBufferPointer { buffer in
            var scanner = BodyScanner(bytes: buffer, captures: captures)
            do {
                scanner.skipWhitespace()
                guard scanner.index < buffer.count else {
                    throw Malformed(message: "the body is empty", offset: 0)
                }
                try scanner.value(schema, capture: captures?.root)
                scanner.skipWhitespace()
                if scanner.index < buffer.count {
                    throw Malformed(message: "unexpected '\(scanner.describe(buffer[scanner.index]))' after the JSON value", offset: scanner.index)
                }
            } catch let error as Malformed {
                let (line, column) = scanner.position(of: error.offset)
                scanner.issues = [BodyIssue(kind: .malformed, pointer: "", message: "not valid JSON at line \(line), column \(column): \(error.message)", expected: "JSON", actual: nil, source: schema?.source)]
            } catch {}
            return (scanner.issues, scanner.captured)
        }
    }

    // MARK: - Values

    private mutating func value(_ schema: CompiledSchema?, capture: Int32?) throws {
        guard index < bytes.count else { throw Malformed(message: "unexpected end of input, expected a value", offset: index) }
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "{"): try object(schema, capture: capture)
        case UInt8(ascii: "["): try array(schema, capture: capture)
        case UInt8(ascii: "\""): try string(schema, capture: capture)
        case UInt8(ascii: "t"):
            try literal("true")
            scalar("boolean", schema, capture: capture, text: "true")
        case UInt8(ascii: "f"):
            try literal("false")
            scalar("boolean", schema, capture: capture, text: "false")
        case UInt8(ascii: "n"):
            try literal("null")
            if let schema, schema.kind != .any, !schema.nullable {
                report(.type, "null where \(article(schema.typeName)) is documented", expected: schema.typeName, actual: "null", schema)
            }
            if let capture { record(capture, CapturedValue(text: nil, kind: "null")) }
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number(schema, capture: capture)
        default:
            throw Malformed(message: "unexpected '\(describe(byte))', expected a value", offset: index)
        }
    }

    private mutating func object(_ schema: CompiledSchema?, capture: Int32?) throws {
        depth += 1
        if depth > Self.maximumDepth { throw Malformed(message: "nesting deeper than \(Self.maximumDepth) levels", offset: index) }
        defer { depth -= 1 }
        var effective = schema
        if let schema, schema.kind != .object, schema.kind != .map, schema.kind != .any {
            report(.type, "an object where \(article(schema.typeName)) is documented", expected: schema.typeName, actual: "object", schema)
            effective = nil
        }
        let savedContext = anyDepthContext
        if let effective, effective.fieldsAtAnyDepth { anyDepthContext = effective }
        defer { anyDepthContext = savedContext }
        if let capture { record(capture, CapturedValue(text: nil, kind: "object")) }

        index += 1
        var seenRequired = 0
        var seen = SeenFields(count: effective?.fields.count ?? 0)
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            reportMissing(effective, seen: seen, seenRequired: seenRequired)
            return
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { throw Malformed(message: "trailing comma before '}'", offset: index) }
                throw Malformed(message: index < bytes.count ? "expected a quoted key, found '\(describe(bytes[index]))'" : "unexpected end of input inside an object", offset: index)
            }
            let key = try keyRange()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw Malformed(message: "expected ':' after a key", offset: index) }
            index += 1
            skipWhitespace()

            // Which schema applies to the member.
            var child: CompiledSchema?
            var childCapture: Int32?
            path.append(.key(start: key.start, end: key.end, escaped: key.escaped))
            if let effective {
                switch effective.kind {
                case .object:
                    if let position = fieldPosition(effective, key) {
                        child = effective.fields[position].schema
                        if !seen.insert(position), effective.fields[position].required { seenRequired += 1 }
                    } else if let contextual = anyDepthField(key) {
                        child = contextual
                    } else if !effective.fields.isEmpty && anyDepthContext == nil {
                        reportUnknown(effective)
                    }
                case .map:
                    child = effective.values
                default:
                    break
                }
            } else if let contextual = anyDepthField(key) {
                child = contextual
            }
            if let capture, let captures {
                childCapture = captures.child(of: capture, key: UnsafeBufferPointer(rebasing: bytes[key.start..<key.end]))
            }
            try value(child, capture: childCapture)
            path.removeLast()

            skipWhitespace()
            guard index < bytes.count else { throw Malformed(message: "unexpected end of input inside an object", offset: index) }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                reportMissing(effective, seen: seen, seenRequired: seenRequired)
                return
            }
            throw Malformed(message: "expected ',' or '}', found '\(describe(bytes[index]))'", offset: index)
        }
    }

    private mutating func array(_ schema: CompiledSchema?, capture: Int32?) throws {
        depth += 1
        if depth > Self.maximumDepth { throw Malformed(message: "nesting deeper than \(Self.maximumDepth) levels", offset: index) }
        defer { depth -= 1 }
        var items: CompiledSchema?
        var effective = schema
        if let schema {
            if schema.kind == .array {
                items = schema.items
            } else if schema.kind != .any {
                report(.type, "an array where \(article(schema.typeName)) is documented", expected: schema.typeName, actual: "array", schema)
                effective = nil
            }
        }
        index += 1
        var count = 0
        let itemCapture = capture.flatMap { captures?.itemChild(of: $0) }
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { throw Malformed(message: "trailing comma before ']'", offset: index) }
                path.append(.index(count))
                try value(items, capture: itemCapture)
                path.removeLast()
                count += 1
                skipWhitespace()
                guard index < bytes.count else { throw Malformed(message: "unexpected end of input inside an array", offset: index) }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    break
                }
                throw Malformed(message: "expected ',' or ']', found '\(describe(bytes[index]))'", offset: index)
            }
        }
        if let capture { record(capture, CapturedValue(text: nil, kind: "array", count: count)) }
        if let effective, effective.kind == .array {
            if let maximum = effective.maxItems, count > maximum {
                report(.range, "\(count) items where at most \(maximum) are documented", expected: "at most \(maximum) items", actual: "\(count) items", effective)
            }
            if let minimum = effective.minItems, count < minimum {
                report(.range, "\(count) items where at least \(minimum) are documented", expected: "at least \(minimum) items", actual: "\(count) items", effective)
            }
        }
    }

    private mutating func string(_ schema: CompiledSchema?, capture: Int32?) throws {
        let start = index + 1
        let (end, escaped, length) = try stringBody()
        if let capture {
            record(capture, CapturedValue(text: decodeString(start: start, end: end, escaped: escaped), kind: "string"))
        }
        guard let schema else { return }
        switch schema.kind {
        case .string:
            break
        case .any:
            return
        default:
            report(.type, "a string where \(article(schema.typeName)) is documented", expected: schema.typeName, actual: "string \(quoted(start: start, end: end, escaped: escaped))", schema)
            return
        }
        if let enumeration = schema.enumeration {
            let matches = !escaped && enumeration.contains { candidate in
                candidate.count == end - start && candidate.withUnsafeBufferPointer { pointer in
                    var offset = 0
                    while offset < candidate.count {
                        if pointer[offset] != bytes[start + offset] { return false }
                        offset += 1
                    }
                    return true
                }
            } || escaped && schema.enumerationText!.contains(decodeString(start: start, end: end, escaped: true))
            if !matches {
                report(.enum, "\(quoted(start: start, end: end, escaped: escaped)) is not a documented value", expected: "one of \(schema.enumerationText!.joined(separator: ", "))", actual: quoted(start: start, end: end, escaped: escaped), schema)
            }
        }
        if let maximum = schema.maxLength, length > maximum {
            report(.range, "a string of \(length) characters where at most \(maximum) are documented", expected: "at most \(maximum) characters", actual: "\(length) characters", schema)
        }
        if let minimum = schema.minLength, length < minimum {
            report(.range, "a string of \(length) characters where at least \(minimum) are documented", expected: "at least \(minimum) characters", actual: "\(length) characters", schema)
        }
        if schema.format == "uuid", !isUUID(start: start, end: end) {
            report(.type, "\(quoted(start: start, end: end, escaped: escaped)) is not a UUID", expected: "a UUID string", actual: quoted(start: start, end: end, escaped: escaped), schema)
        }
    }

    private mutating func number(_ schema: CompiledSchema?, capture: Int32?) throws {
        let start = index
        var integral = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw Malformed(message: "expected a digit", offset: index) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw Malformed(message: "leading zero in a number", offset: index) }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        var fractionIsZero = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw Malformed(message: "expected a digit after '.'", offset: index) }
            while index < bytes.count, isDigit(bytes[index]) {
                if bytes[index] != UInt8(ascii: "0") { fractionIsZero = false }
                index += 1
            }
            integral = fractionIsZero
        }
        var hasExponent = false
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            hasExponent = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw Malformed(message: "expected a digit in the exponent", offset: index) }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let end = index
        if let capture { record(capture, CapturedValue(text: text(start, end), kind: "number")) }
        guard let schema else { return }
        switch schema.kind {
        case .number, .integer:
            break
        case .any:
            return
        default:
            report(.type, "a number where \(article(schema.typeName)) is documented", expected: schema.typeName, actual: "number \(text(start, end))", schema)
            return
        }
        var value: Double?
        if hasExponent {
            value = Double(text(start, end))
            integral = value.map { $0.rounded() == $0 } ?? false
        }
        if schema.kind == .integer, !integral {
            report(.type, "\(text(start, end)) is not an integer", expected: "integer", actual: "number \(text(start, end))", schema)
            return
        }
        if let enumeration = schema.enumerationText, !enumeration.contains(text(start, end)) {
            report(.enum, "\(text(start, end)) is not a documented value", expected: "one of \(enumeration.joined(separator: ", "))", actual: text(start, end), schema)
        }
        guard schema.minimum != nil || schema.maximum != nil else { return }
        let number = value ?? fastDouble(start, end)
        if let maximum = schema.maximum, number > maximum {
            report(.range, "\(text(start, end)) is above the documented maximum \(format(maximum))", expected: "at most \(format(maximum))", actual: text(start, end), schema)
        }
        if let minimum = schema.minimum, number < minimum {
            report(.range, "\(text(start, end)) is below the documented minimum \(format(minimum))", expected: "at least \(format(minimum))", actual: text(start, end), schema)
        }
    }

    private mutating func scalar(_ type: String, _ schema: CompiledSchema?, capture: Int32?, text: String) {
        if let capture { record(capture, CapturedValue(text: text, kind: type)) }
        guard let schema, schema.kind != .any, schema.kind.rawValue != type else { return }
        report(.type, "\(article(type)) where \(article(schema.typeName)) is documented", expected: schema.typeName, actual: "\(type) \(text)", schema)
    }

    // MARK: - Strings

    /// Scans a string starting at the quote under `index`; returns the end of its content
    /// (before the closing quote), whether it has escapes, and its length in characters.
    private mutating func stringBody() throws -> (end: Int, escaped: Bool, length: Int) {
        index += 1
        var escaped = false
        var length = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let end = index
                index += 1
                return (end, escaped, length)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 1
                guard index < bytes.count else { break }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                    length += 1
                case UInt8(ascii: "u"):
                    let high = try hex4(at: index + 1)
                    index += 5
                    if (0xD800...0xDBFF).contains(high) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw Malformed(message: "unpaired surrogate in a \\u escape", offset: index)
                        }
                        let low = try hex4(at: index + 2)
                        guard (0xDC00...0xDFFF).contains(low) else { throw Malformed(message: "invalid low surrogate in a \\u escape", offset: index) }
                        index += 6
                    } else if (0xDC00...0xDFFF).contains(high) {
                        throw Malformed(message: "unpaired surrogate in a \\u escape", offset: index - 5)
                    }
                    length += 1
                default:
                    throw Malformed(message: "invalid escape '\\\(describe(bytes[index]))'", offset: index)
                }
                continue
            }
            if byte < 0x20 { throw Malformed(message: "control character in a string", offset: index) }
            if byte < 0x80 {
                index += 1
                length += 1
                continue
            }
            index += try utf8Sequence(at: index)
            length += 1
        }
        throw Malformed(message: "unterminated string", offset: index)
    }

    /// The length of a valid multi-byte UTF-8 sequence at `position`.
    @inline(__always)
    private func utf8Sequence(at position: Int) throws -> Int {
        let lead = bytes[position]
        let length: Int
        var scalar: UInt32
        let minimum: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; scalar = UInt32(lead & 0x1F); minimum = 0x80
        case 0xE0...0xEF: length = 3; scalar = UInt32(lead & 0x0F); minimum = 0x800
        case 0xF0...0xF4: length = 4; scalar = UInt32(lead & 0x07); minimum = 0x10000
        default: throw Malformed(message: "invalid UTF-8 byte 0x\(String(lead, radix: 16))", offset: position)
        }
        guard position + length <= bytes.count else { throw Malformed(message: "truncated UTF-8 sequence", offset: position) }
        for offset in 1..<length {
            let continuation = bytes[position + offset]
            guard continuation & 0xC0 == 0x80 else { throw Malformed(message: "invalid UTF-8 continuation byte", offset: position + offset) }
            scalar = scalar << 6 | UInt32(continuation & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
            throw Malformed(message: "invalid UTF-8 sequence", offset: position)
        }
        return length
    }

    private func hex4(at position: Int) throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw Malformed(message: "truncated \\u escape", offset: position) }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[position + offset]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw Malformed(message: "invalid hex digit in a \\u escape", offset: position + offset)
            }
            value = value << 4 | digit
        }
        return value
    }

    private mutating func keyRange() throws -> (start: Int, end: Int, escaped: Bool) {
        let start = index + 1
        let (end, escaped, _) = try stringBody()
        return (start, end, escaped)
    }

    /// The text of a string's content, escapes decoded.
    private func decodeString(start: Int, end: Int, escaped: Bool) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard escaped else { return String(decoding: raw, as: UTF8.self) }
        var quotedBytes: [UInt8] = [UInt8(ascii: "\"")]
        quotedBytes.append(contentsOf: raw)
        quotedBytes.append(UInt8(ascii: "\""))
        if case .string(let decoded)? = try? JSONValue.parse(bytes: quotedBytes) { return decoded }
        return String(decoding: raw, as: UTF8.self)
    }

    // MARK: - Fields

    private func fieldPosition(_ schema: CompiledSchema, _ key: (start: Int, end: Int, escaped: Bool)) -> Int? {
        if key.escaped {
            let name = decodeString(start: key.start, end: key.end, escaped: true)
            return schema.fields.firstIndex { $0.nameString == name }
        }
        return schema.fieldPosition(UnsafeBufferPointer(rebasing: bytes[key.start..<key.end]))
    }

    private func anyDepthField(_ key: (start: Int, end: Int, escaped: Bool)) -> CompiledSchema? {
        guard let context = anyDepthContext, let position = fieldPosition(context, key) else { return nil }
        return context.fields[position].schema
    }

    private mutating func reportMissing(_ schema: CompiledSchema?, seen: SeenFields, seenRequired: Int) {
        // Fields listed flat for any depth cannot be required at one place (see fieldsAtAnyDepth).
        guard let schema, schema.kind == .object, seenRequired < schema.requiredCount, !schema.fieldsAtAnyDepth else { return }
        for (position, field) in schema.fields.enumerated() where field.required && !seen.contains(position) {
            let pointer = pointerText() + "/" + escapePointer(field.nameString)
            issues.append(BodyIssue(kind: .missingField, pointer: pointer, message: "required field '\(field.nameString)' is missing", expected: "\(field.nameString) (\(field.schema.typeName))", actual: "absent", source: field.schema.source ?? schema.source))
        }
    }

    private mutating func reportUnknown(_ schema: CompiledSchema) {
        let pointer = pointerText()
        let name = pointer.split(separator: "/").last.map { String($0).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") } ?? ""
        let known = schema.fields.map(\.nameString)
        issues.append(BodyIssue(kind: .unknownField, pointer: pointer, message: "field '\(name)' is not documented", expected: "one of \(known.prefix(12).joined(separator: ", "))\(known.count > 12 ? ", …" : "")", actual: name, source: schema.source))
    }

    // MARK: - Reporting

    private mutating func report(_ kind: BodyIssue.Kind, _ message: String, expected: String, actual: String, _ schema: CompiledSchema) {
        issues.append(BodyIssue(kind: kind, pointer: pointerText(), message: message, expected: expected, actual: actual, source: schema.source))
    }

    private mutating func record(_ capture: Int32, _ value: CapturedValue) {
        if let slot = captures?.slot(of: capture), captured[slot] == nil { captured[slot] = value }
    }

    /// The RFC 6901 pointer of the current position.
    private func pointerText() -> String {
        var text = ""
        for step in path {
            switch step {
            case .key(let start, let end, let escaped):
                text += "/" + escapePointer(decodeString(start: start, end: end, escaped: escaped))
            case .index(let position):
                text += "/\(position)"
            }
        }
        return text
    }

    private func escapePointer(_ name: String) -> String {
        guard name.contains("~") || name.contains("/") else { return name }
        return name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    // MARK: - Small helpers

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw Malformed(message: "invalid literal, expected '\(word)'", offset: index) }
        let expected = word.utf8Start
        for offset in 0..<count where bytes[index + offset] != expected[offset] {
            throw Malformed(message: "invalid literal, expected '\(word)'", offset: index)
        }
        index += count
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The value of a number literal without an exponent; integers of up to 15 digits
    /// are read without going through text.
    private func fastDouble(_ start: Int, _ end: Int) -> Double {
        var position = start
        var negative = false
        if bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        if end - position <= 15 {
            var value: Int64 = 0
            var isInteger = true
            while position < end {
                let byte = bytes[position]
                guard isDigit(byte) else {
                    isInteger = false
                    break
                }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
                position += 1
            }
            if isInteger { return Double(negative ? -value : value) }
        }
        return Double(text(start, end)) ?? .nan
    }

    private func quoted(start: Int, end: Int, escaped: Bool) -> String {
        let value = decodeString(start: start, end: end, escaped: escaped)
        let shown = value.count > 80 ? String(value.prefix(80)) + "…" : value
        return "\"\(shown)\""
    }

    private func isUUID(start: Int, end: Int) -> Bool {
        guard end - start == 36 else { return false }
        for offset in 0..<36 {
            let byte = bytes[start + offset]
            if [8, 13, 18, 23].contains(offset) {
                if byte != UInt8(ascii: "-") { return false }
            } else if !(isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))) {
                return false
            }
        }
        return true
    }

    private func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    private func article(_ word: String) -> String {
        ["a", "e", "i", "o", "u"].contains(word.prefix(1)) ? "an \(word)" : "a \(word)"
    }

    func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "0x" + String(byte, radix: 16)
    }

    func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var position = 0
        while position < min(offset, bytes.count) {
            if bytes[position] == 0x0A {
                line += 1
                column = 1
            } else if bytes[position] & 0xC0 != 0x80 {
                column += 1
            }
            position += 1
        }
        return (line, column)
    }
}

/// Which fields of an object were seen; a bit mask for up to 64 fields, a set beyond.
struct SeenFields {
    private var mask: UInt64 = 0
    private var overflow: Set<Int> = []

    init(count: Int) {}

    /// Marks `position` as seen; returns `true` when it had been seen before.
    @inline(__always)
    mutating func insert(_ position: Int) -> Bool {
        if position < 64 {
            let bit: UInt64 = 1 << UInt64(position)
            defer { mask |= bit }
            return mask & bit != 0
        }
        return !overflow.insert(position).inserted
    }

    @inline(__always)
    func contains(_ position: Int) -> Bool {
        position < 64 ? mask & (1 << UInt64(position)) != 0 : overflow.contains(position)
    }
}
