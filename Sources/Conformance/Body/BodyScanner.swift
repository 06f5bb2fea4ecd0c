import ConformanceModel

/// Validates a JSON body against a `CompiledSchema` in one pass over its bytes.
///
/// RFC 8259 syntax, UTF-8 and escapes are checked while the schema is applied: types,
/// required and unknown fields, enumerations, numeric bounds, string lengths and item
/// counts. No tree is built and no path is kept: an issue remembers the offset of the value
/// it is about, and only when a body has issues does a second, lenient pass turn those
/// offsets into JSON pointers (`PointerResolver`). A conforming body costs no allocation and
/// no reference counting. The issues and pointers are the ones a tree walk gives (the
/// oracle tests hold it to that).
///
/// The helpers that only read are `mutating` all the same: called from the mutating scan,
/// a non-mutating method gets a copy of the whole scanner (the profile showed it as memcpy
/// and reference counting on every field lookup), a mutating one gets the scanner itself.
public struct BodyScanner {
    /// Thrown when the body is not JSON; the scan stops there.
    struct Malformed: Error {
        var message: String
        var offset: Int
    }

    /// An issue whose pointer is still the offset of its value (plus a suffix for missing fields).
    private struct Pending {
        var offset: Int
        var suffix: String
        var issue: BodyIssue
    }

    private typealias Key = (start: Int, end: Int, escaped: Bool)

    private let base: UnsafePointer<UInt8>
    private let count: Int
    private unowned(unsafe) let table: CompiledSchema
    private let tables: CompiledSchema.Tables
    private let nodes: UnsafeMutableBufferPointer<CompiledSchema.Node>
    private let fields: UnsafeMutableBufferPointer<CompiledSchema.Field>
    private var index = 0
    private var depth = 0
    private var pending: [Pending] = []
    private let captures: CaptureTrie.View?
    /// Where each capture slot's value is in the body; empty without captures.
    private let marks: UnsafeMutableBufferPointer<CaptureMark>
    /// The values at every-occurrence capture paths, in body order.
    private var occurrences: [CaptureOccurrence] = []
    /// Where the object whose member is being scanned starts; -1 outside any object.
    private var memberOf: Int32 = -1
    /// The object node whose fields apply at any depth below it, or -1.
    private var anyDepthContext: Int32 = -1
    /// Set while a compiled schema learns the field order of the doc's examples.
    private var learning = false
    static let maximumDepth = 256

    /// Stands in for "no schema" so that the scanner always has a table to hold.
    private static let noSchema = CompiledSchema(Schema(kind: .any))

    private init(base: UnsafePointer<UInt8>, count: Int, table: CompiledSchema, captures: CaptureTrie?, marks: UnsafeMutableBufferPointer<CaptureMark> = .init(start: nil, count: 0)) {
        self.base = base
        self.count = count
        self.table = table
        self.tables = table.tables
        self.nodes = table.tables.nodes
        self.fields = table.tables.fields
        self.captures = captures?.view
        self.marks = marks
    }

    /// Scans `body` against `schema` (`nil`: syntax only) and returns the issues, plus the
    /// values at the paths of `captures`.
    public static func scan(_ body: [UInt8], schema: CompiledSchema?, captures: CaptureTrie? = nil) -> (issues: [BodyIssue], captured: [CapturedValue?]) {
        scan(body, schema: schema, captures: captures) { issues, captured in (issues, captured.values) }
    }

    /// Scans `body` and hands `use` the issues and the captured values where they lie in the
    /// body, before any of them is made into text: the marks live on the stack for the call.
    static func scan<Result>(_ body: [UInt8], schema: CompiledSchema?, captures: CaptureTrie?, _ use: (_ issues: [BodyIssue], _ captured: CapturedBody) -> Result) -> Result {
        let table = schema ?? noSchema
        let slots = captures?.count ?? 0
        return withExtendedLifetime(table) {
            body.withUnsafeBufferPointer { buffer in
                withUnsafeTemporaryAllocation(of: CaptureMark.self, capacity: max(slots, 1)) { storage in
                    let marks = UnsafeMutableBufferPointer(rebasing: storage[0..<slots])
                    _ = marks.initialize(from: repeatElement(CaptureMark(), count: slots))
                    guard let base = buffer.baseAddress, !buffer.isEmpty else {
                        return use([BodyIssue(kind: .malformed, pointer: "", message: "not valid JSON at line 1, column 1: the body is empty", expected: "JSON", actual: nil, source: schema?.source)],
                                   CapturedBody(bytes: buffer, marks: UnsafeBufferPointer(marks)))
                    }
                    var scanner = BodyScanner(base: base, count: buffer.count, table: table, captures: captures, marks: marks)
                    let issues = scanner.run(root: schema == nil ? -1 : table.root)
                    return use(issues, CapturedBody(bytes: buffer, marks: UnsafeBufferPointer(marks), occurrences: scanner.occurrences))
                }
            }
        }
    }

    /// Records, in `schema`'s tables, the order in which `example` lists the fields of each
    /// object: the lookup's first guess. Called while the schema is compiled, before it is shared.
    static func learnFieldOrder(from example: [UInt8], in schema: CompiledSchema) {
        withExtendedLifetime(schema) {
            example.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
                var scanner = BodyScanner(base: base, count: buffer.count, table: schema, captures: nil)
                scanner.learning = true
                _ = scanner.run(root: schema.root)
            }
        }
    }

    /// Whether `bytes` is one valid JSON text (RFC 8259, UTF-8 checked).
    static func isValidJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        var scanner = BodyScanner(base: base, count: bytes.count, table: noSchema, captures: nil)
        return !scanner.run(root: -1).contains { $0.kind == .malformed }
    }

    private mutating func run(root: Int32) -> [BodyIssue] {
        do {
            skipWhitespace()
            guard index < count else { throw Malformed(message: "the body is empty", offset: 0) }
            try value(root, capture: captures == nil ? nil : 0)
            skipWhitespace()
            if index < count {
                throw Malformed(message: "unexpected '\(describe(base[index]))' after the JSON value", offset: index)
            }
        } catch let error as Malformed {
            let (line, column) = position(of: error.offset)
            let source = root >= 0 ? table.sources[Int(root)] : nil
            return [BodyIssue(kind: .malformed, pointer: "", message: "not valid JSON at line \(line), column \(column): \(error.message)", expected: "JSON", actual: nil, source: source)]
        } catch {}
        guard !pending.isEmpty else { return [] }
        let pointers = PointerResolver.pointers(at: pending.map(\.offset), in: UnsafeBufferPointer(start: base, count: count))
        let issues = pending.map { item in
            var issue = item.issue
            issue.pointer = (pointers[item.offset] ?? "") + item.suffix
            return issue
        }
        return issues
    }

    // MARK: - Values

    @inline(__always)
    private mutating func value(_ node: Int32, capture: Int32?) throws {
        if node >= 0, nodes[Int(node)].hasReadings {
            try valueWithReadings(node, capture: capture)
        } else {
            try plainValue(node, capture: capture)
        }
    }

    private mutating func plainValue(_ node: Int32, capture: Int32?) throws {
        guard index < count else { throw Malformed(message: "unexpected end of input, expected a value", offset: index) }
        let byte = base[index]
        switch byte {
        case UInt8(ascii: "{"): try object(node, capture: capture)
        case UInt8(ascii: "["): try array(node, capture: capture)
        case UInt8(ascii: "\""): try string(node, capture: capture)
        case UInt8(ascii: "t"):
            try literal("true", node, capture: capture)
        case UInt8(ascii: "f"):
            try literal("false", node, capture: capture)
        case UInt8(ascii: "n"):
            let start = index
            try word("null")
            if node >= 0, nodes[Int(node)].kind != .any, !nodes[Int(node)].nullable {
                let name = table.typeName(of: node)
                report(.type, "null where \(article(name)) is documented", expected: name, actual: "null", node, at: start)
            }
            record(capture, CaptureMark(kind: .null), at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number(node, capture: capture)
        default:
            throw Malformed(message: "unexpected '\(describe(byte))', expected a value", offset: index)
        }
    }

    // MARK: - Readings

    /// A value whose node has other readings (`Schema.readings`: another place of the docs
    /// documents it differently). Scanned against the primary schema as usual; only when that
    /// gives issues is the value's byte range scanned again against each reading. An issue the
    /// primary reports and a reading does not is the docs disagreeing, not the traffic breaking
    /// them: those issues become one warning that cites both places (DESIGN.md's severity
    /// policy). Issues every reading reports stay as they are.
    private mutating func valueWithReadings(_ node: Int32, capture: Int32?) throws {
        let start = index
        let mark = pending.count
        try plainValue(node, capture: capture)
        guard pending[mark...].contains(where: { !$0.issue.disputed }), let readings = table.readings[node] else { return }
        let end = index
        for reading in readings {
            var rescan = BodyScanner(base: base, count: end, table: table, captures: nil)
            rescan.index = start
            rescan.depth = depth
            rescan.anyDepthContext = anyDepthContext
            guard (try? rescan.plainValue(reading.root, capture: nil)) != nil else { continue }
            let remaining = Set(rescan.pending.map { PendingKey($0) })
            let objected = Set(rescan.pending.filter { $0.issue.kind.isAboutTheValue }.map { PendingKey(placeOf: $0) })
            var explained: [Pending] = []
            var kept: [Pending] = []
            for item in pending[mark...] {
                let unexplained = remaining.contains(PendingKey(item)) || item.issue.kind.isAboutTheValue && objected.contains(PendingKey(placeOf: item))
                if !item.issue.disputed, !unexplained { explained.append(item) } else { kept.append(item) }
            }
            guard !explained.isEmpty else { continue }
            pending.removeSubrange(mark...)
            pending.append(disputed(explained, node: node, reading: reading, at: start))
            pending.append(contentsOf: kept)
            guard pending[(mark + 1)...].contains(where: { !$0.issue.disputed }) else { return }
        }
    }

    /// What identifies an issue across two scans of the same bytes. A reading explains an
    /// issue it does not have; but a value a reading objects to as well, for another reason
    /// (`"AAA"` for 表 6-34's `is_auto_pay`, String true/false, which the 6.1.4 example prints
    /// as a boolean: not in the enum, and not a boolean either), follows no reading: its issue
    /// about the value (type, enum, range) is matched by place alone (`placeOf:`).
    private struct PendingKey: Hashable {
        var offset: Int
        var suffix: String
        var kind: BodyIssue.Kind?

        init(_ pending: Pending) {
            offset = pending.offset
            suffix = pending.suffix
            kind = pending.issue.kind
        }

        /// The place alone.
        init(placeOf pending: Pending) {
            offset = pending.offset
            suffix = pending.suffix
            kind = nil
        }
    }

    /// One warning for the issues a reading explains, citing the primary's place and the reading's.
    private func disputed(_ explained: [Pending], node: Int32, reading: CompiledSchema.CompiledReading, at offset: Int) -> Pending {
        // The warning takes the weightiest issue's rule (a type before a missing field, ...).
        let lead = explained.indices.max { explained[$0].issue.kind.weight < explained[$1].issue.kind.weight || explained[$0].issue.kind.weight == explained[$1].issue.kind.weight && $0 > $1 }!
        let first = explained[lead].issue
        let primary = table.sources[Int(node)] ?? first.source
        let others = explained.indices.filter { $0 != lead }.map { explained[$0].issue.kind.rawValue }
        let more = others.isEmpty ? "" : " (and \(others.count) more: \(Set(others).sorted().joined(separator: ", ")))"
        let place = primary.map { " by \($0.shortLabel)" } ?? ""
        let other = reading.reading
        let says: String
        switch other.basis {
        case .table: says = "\(other.source.shortLabel) documents it as \(table.typeName(of: reading.root)) (“\(other.phrase)”)"
        case .example: says = "the example at \(other.source.shortLabel) gives “\(other.phrase)”"
        case .sentence, .convention: says = "\(other.source.shortLabel) says “\(other.phrase)”"
        }
        let message = "\(first.message)\(more)\(place); the docs disagree: \(says), which the value follows"
        var issue = BodyIssue(kind: first.kind, pointer: "", message: message, expected: [first.expected, "\(table.typeName(of: reading.root)) per \(reading.reading.source.shortLabel)"].compactMap { $0 }.joined(separator: ", or "),
                              actual: first.actual, source: primary)
        issue.disputed = true
        issue.sources = (primary.map { [$0] } ?? []) + [reading.reading.source]
        return explained.count == 1 ? Pending(offset: explained[0].offset, suffix: explained[0].suffix, issue: issue) : Pending(offset: offset, suffix: "", issue: issue)
    }

    // MARK: - Containers

    private mutating func object(_ node: Int32, capture: Int32?) throws {
        let start = index
        depth += 1
        if depth > Self.maximumDepth { throw Malformed(message: "nesting deeper than \(Self.maximumDepth) levels", offset: index) }
        defer { depth -= 1 }
        var effective = node
        if node >= 0 {
            let kind = nodes[Int(node)].kind
            if kind != .object, kind != .map, kind != .any {
                let name = table.typeName(of: node)
                report(.type, "an object where \(article(name)) is documented", expected: name, actual: "object", node, at: start)
                effective = -1
            }
        }
        let savedContext = anyDepthContext
        if effective >= 0, nodes[Int(effective)].fieldsAtAnyDepth { anyDepthContext = effective }
        defer { anyDepthContext = savedContext }
        record(capture, CaptureMark(kind: .object), at: start)
        let outer = memberOf
        defer { memberOf = outer }

        let entry: UnsafeMutablePointer<CompiledSchema.Node>? = effective >= 0 ? nodes.baseAddress! + Int(effective) : nil
        var seenRequired: Int32 = 0
        var seen = SeenFields()
        // The field expected next: bodies mostly list fields in the documented order.
        var hint: Int32 = entry?.pointee.firstField ?? 0
        var previous: Int32 = -1
        index += 1
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "}") {
            index += 1
            reportMissing(effective, seen: seen, seenRequired: seenRequired, at: start)
            return
        }
        while true {
            skipWhitespace()
            guard index < count, base[index] == UInt8(ascii: "\"") else {
                if index < count, base[index] == UInt8(ascii: "}") { throw Malformed(message: "trailing comma before '}'", offset: index) }
                throw Malformed(message: index < count ? "expected a quoted key, found '\(describe(base[index]))'" : "unexpected end of input inside an object", offset: index)
            }
            let key = try keyRange()
            skipWhitespace()
            guard index < count, base[index] == UInt8(ascii: ":") else { throw Malformed(message: "expected ':' after a key", offset: index) }
            index += 1
            skipWhitespace()

            // Which schema applies to the member. A map may name some of its keys (an open
            // object: the table's fields plus any other key, valued as `values`).
            var child: Int32 = -1
            var optional = false
            if let entry {
                switch entry.pointee.kind {
                case .object, .map:
                    if entry.pointee.fieldCount > 0, let field = field(of: effective, key, hint: hint) {
                        if learning {
                            if previous < 0 { nodes[Int(effective)].firstField = field } else { fields[Int(previous)].next = field }
                            previous = field
                        }
                        hint = fields[Int(field)].next
                        let found = fields[Int(field)]
                        child = found.schema
                        optional = !found.required
                        if !seen.insert(Int(field - entry.pointee.fieldStart)), found.required { seenRequired += 1 }
                    } else if entry.pointee.kind == .map {
                        child = entry.pointee.child
                    } else if let contextual = anyDepthField(key) {
                        child = contextual
                    } else if entry.pointee.fieldCount > 0 && anyDepthContext < 0 {
                        reportUnknown(effective, key: key, at: index)
                    }
                default:
                    break
                }
            } else if let contextual = anyDepthField(key) {
                child = contextual
            }
            var childCapture: Int32?
            if let capture, let captures {
                childCapture = captures.child(of: capture, key: base + key.start, count: key.end - key.start)
                memberOf = Int32(start)
            }
            if optional, index < count, base[index] == UInt8(ascii: "n"), child >= 0, nodes[Int(child)].kind != .any, !nodes[Int(child)].nullable, !nodes[Int(child)].hasReadings {
                try nullForOptional(child, capture: childCapture)
            } else {
                try value(child, capture: childCapture)
            }

            skipWhitespace()
            guard index < count else { throw Malformed(message: "unexpected end of input inside an object", offset: index) }
            if base[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if base[index] == UInt8(ascii: "}") {
                index += 1
                reportMissing(effective, seen: seen, seenRequired: seenRequired, at: start)
                return
            }
            throw Malformed(message: "expected ',' or '}', found '\(describe(base[index]))'", offset: index)
        }
    }

    private mutating func array(_ node: Int32, capture: Int32?) throws {
        let start = index
        depth += 1
        if depth > Self.maximumDepth { throw Malformed(message: "nesting deeper than \(Self.maximumDepth) levels", offset: index) }
        defer { depth -= 1 }
        var items: Int32 = -1
        var effective = node
        if node >= 0 {
            let kind = nodes[Int(node)].kind
            if kind == .array {
                items = nodes[Int(node)].child
            } else if kind != .any {
                let name = table.typeName(of: node)
                report(.type, "an array where \(article(name)) is documented", expected: name, actual: "array", node, at: start)
                effective = -1
            }
        }
        index += 1
        var itemCount = 0
        let itemCapture = capture.flatMap { captures?.itemChild(of: $0) }
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "]") {
            index += 1
        } else {
            while true {
                skipWhitespace()
                if index < count, base[index] == UInt8(ascii: "]") { throw Malformed(message: "trailing comma before ']'", offset: index) }
                try value(items, capture: itemCapture)
                itemCount += 1
                skipWhitespace()
                guard index < count else { throw Malformed(message: "unexpected end of input inside an array", offset: index) }
                if base[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if base[index] == UInt8(ascii: "]") {
                    index += 1
                    break
                }
                throw Malformed(message: "expected ',' or ']', found '\(describe(base[index]))'", offset: index)
            }
        }
        record(capture, CaptureMark(kind: .array, count: Int32(clamping: itemCount)), at: start)
        guard effective >= 0, nodes[Int(effective)].kind == .array, nodes[Int(effective)].limits >= 0 else { return }
        let limits = tables.limits.baseAddress! + Int(nodes[Int(effective)].limits)
        checkCount(itemCount, minimum: limits.pointee.minItems, maximum: limits.pointee.maxItems, inString: false, effective, at: start)
    }

    private mutating func string(_ node: Int32, capture: Int32?) throws {
        let quote = index
        let start = index + 1
        let (end, escaped, length) = try stringBody()
        record(capture, CaptureMark(kind: .string, escaped: escaped, start: Int32(start), end: Int32(end)), at: quote)
        guard node >= 0 else { return }
        let entry = nodes.baseAddress! + Int(node)
        switch entry.pointee.kind {
        case .string:
            break
        case .any:
            return
        default:
            let name = table.typeName(of: node)
            report(.type, "a string where \(article(name)) is documented", expected: name, actual: "string \(quoted(start: start, end: end, escaped: escaped))", node, at: quote)
            return
        }
        if entry.pointee.hasEnumeration {
            let matches = escaped
                ? (table.enumerationTexts[Int(node)] ?? []).contains(decodeString(start: start, end: end, escaped: true))
                : tables.enumerationContains(node, base + start, end - start)
            if !matches {
                let texts = table.enumerationTexts[Int(node)] ?? []
                report(.enum, "\(quoted(start: start, end: end, escaped: escaped)) is not a documented value", expected: "one of \(texts.joined(separator: ", "))", actual: quoted(start: start, end: end, escaped: escaped), node, at: quote)
            }
        }
        if entry.pointee.limits >= 0 {
            let limits = tables.limits.baseAddress! + Int(entry.pointee.limits)
            checkCount(length, minimum: limits.pointee.minLength, maximum: limits.pointee.maxLength, inString: true, node, at: quote)
        }
        if entry.pointee.isUUID, !isUUID(start: start, end: end) {
            report(.type, "\(quoted(start: start, end: end, escaped: escaped)) is not a UUID", expected: "a UUID string", actual: quoted(start: start, end: end, escaped: escaped), node, at: quote)
        }
    }

    /// Reports an array's item count or a string's length outside the documented bounds.
    private mutating func checkCount(_ count: Int, minimum: Int?, maximum: Int?, inString: Bool, _ node: Int32, at offset: Int) {
        guard maximum.map({ count > $0 }) ?? false || minimum.map({ count < $0 }) ?? false else { return }
        let noun = inString ? "characters" : "items"
        let subject = inString ? "a string of \(count) characters" : "\(count) items"
        if let maximum, count > maximum {
            report(.range, "\(subject) where at most \(maximum) are documented", expected: "at most \(maximum) \(noun)", actual: "\(count) \(noun)", node, at: offset)
        }
        if let minimum, count < minimum {
            report(.range, "\(subject) where at least \(minimum) are documented", expected: "at least \(minimum) \(noun)", actual: "\(count) \(noun)", node, at: offset)
        }
    }

    private mutating func number(_ node: Int32, capture: Int32?) throws {
        let start = index
        var integral = true
        if base[index] == UInt8(ascii: "-") { index += 1 }
        guard index < count, isDigit(base[index]) else { throw Malformed(message: "expected a digit", offset: index) }
        if base[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, isDigit(base[index]) { throw Malformed(message: "leading zero in a number", offset: index) }
        } else {
            while index < count, isDigit(base[index]) { index += 1 }
        }
        var fractionIsZero = true
        if index < count, base[index] == UInt8(ascii: ".") {
            index += 1
            guard index < count, isDigit(base[index]) else { throw Malformed(message: "expected a digit after '.'", offset: index) }
            while index < count, isDigit(base[index]) {
                if base[index] != UInt8(ascii: "0") { fractionIsZero = false }
                index += 1
            }
            integral = fractionIsZero
        }
        var hasExponent = false
        if index < count, base[index] | 0x20 == UInt8(ascii: "e") {
            hasExponent = true
            index += 1
            if index < count, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") { index += 1 }
            guard index < count, isDigit(base[index]) else { throw Malformed(message: "expected a digit in the exponent", offset: index) }
            while index < count, isDigit(base[index]) { index += 1 }
        }
        let end = index
        record(capture, CaptureMark(kind: .number, start: Int32(start), end: Int32(end)), at: start)
        guard node >= 0 else { return }
        let entry = nodes.baseAddress! + Int(node)
        switch entry.pointee.kind {
        case .number, .integer:
            break
        case .any:
            return
        default:
            let name = table.typeName(of: node)
            report(.type, "a number where \(article(name)) is documented", expected: name, actual: "number \(text(start, end))", node, at: start)
            return
        }
        var value: Double?
        if hasExponent {
            value = Double(text(start, end))
            integral = value.map { $0.rounded() == $0 } ?? false
        }
        if entry.pointee.kind == .integer, !integral {
            report(.type, "\(text(start, end)) is not an integer", expected: "integer", actual: "number \(text(start, end))", node, at: start)
            return
        }
        // A number matches an enumeration value written the same way.
        if entry.pointee.hasEnumeration, !tables.enumerationContains(node, base + start, end - start) {
            let texts = table.enumerationTexts[Int(node)] ?? []
            report(.enum, "\(text(start, end)) is not a documented value", expected: "one of \(texts.joined(separator: ", "))", actual: text(start, end), node, at: start)
        }
        guard entry.pointee.limits >= 0 else { return }
        let limits = tables.limits.baseAddress! + Int(entry.pointee.limits)
        guard limits.pointee.minimum != nil || limits.pointee.maximum != nil else { return }
        let number = value ?? fastDouble(start, end)
        if let maximum = limits.pointee.maximum, number > maximum {
            report(.range, "\(text(start, end)) is above the documented maximum \(format(maximum))", expected: "at most \(format(maximum))", actual: text(start, end), node, at: start)
        }
        if let minimum = limits.pointee.minimum, number < minimum {
            report(.range, "\(text(start, end)) is below the documented minimum \(format(minimum))", expected: "at least \(format(minimum))", actual: text(start, end), node, at: start)
        }
    }

    /// `true` or `false`.
    private mutating func literal(_ word: StaticString, _ node: Int32, capture: Int32?) throws {
        let start = index
        try self.word(word)
        let end = index
        record(capture, CaptureMark(kind: .boolean, start: Int32(start), end: Int32(end)), at: start)
        guard node >= 0 else { return }
        let kind = nodes[Int(node)].kind
        guard kind != .any, kind != .boolean else { return }
        let name = table.typeName(of: node)
        report(.type, "a boolean where \(article(name)) is documented", expected: name, actual: "boolean \(word)", node, at: start)
    }

    // MARK: - Strings

    /// Scans a string starting at the quote under `index`; returns the end of its content
    /// (before the closing quote), whether it has escapes, and its length in characters.
    private mutating func stringBody() throws -> (end: Int, escaped: Bool, length: Int) {
        // The position is kept in a local: `index` lives in memory, and the compiler would
        // store it on every step.
        var position = index + 1
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
                return (position, escaped, length)
            }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index = position
                try escape()
                position = index
                length += 1
                continue
            }
            if byte < 0x20 { throw Malformed(message: "control character in a string", offset: position) }
            if byte < 0x80 {
                position += 1
                length += 1
                continue
            }
            position += try utf8Sequence(at: position)
            length += 1
        }
        index = position
        throw Malformed(message: "unterminated string", offset: position)
    }

    /// The high bit set in each byte of `word` that is a quote, a backslash, a control
    /// character or non-ASCII (the "has a zero byte" bit trick, per byte value). Borrows can
    /// mark bytes after the first such byte too, so only the lowest mark is exact: the
    /// caller uses just that one (bytes are little-endian in the word).
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word) | word
        return special & high
    }

    /// An escape sequence at the backslash under `index`.
    private mutating func escape() throws {
        index += 1
        guard index < count else { throw Malformed(message: "unterminated string", offset: index) }
        switch base[index] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 1
        case UInt8(ascii: "u"):
            let high = try hex4(at: index + 1)
            index += 5
            if (0xD800...0xDBFF).contains(high) {
                guard index + 1 < count, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u") else {
                    throw Malformed(message: "unpaired surrogate in a \\u escape", offset: index)
                }
                let low = try hex4(at: index + 2)
                guard (0xDC00...0xDFFF).contains(low) else { throw Malformed(message: "invalid low surrogate in a \\u escape", offset: index) }
                index += 6
            } else if (0xDC00...0xDFFF).contains(high) {
                throw Malformed(message: "unpaired surrogate in a \\u escape", offset: index - 5)
            }
        default:
            throw Malformed(message: "invalid escape '\\\(describe(base[index]))'", offset: index)
        }
    }

    /// The length of a valid multi-byte UTF-8 sequence at `position`.
    @inline(__always)
    private mutating func utf8Sequence(at position: Int) throws -> Int {
        switch UTF8Check.sequence(at: position, in: UnsafeBufferPointer(start: base, count: count)) {
        case .valid(let length): return length
        case .invalid(let message, let offset): throw Malformed(message: message, offset: offset)
        }
    }

    private mutating func hex4(at position: Int) throws -> UInt32 {
        guard position + 4 <= count else { throw Malformed(message: "truncated \\u escape", offset: position) }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = base[position + offset]
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

    private mutating func keyRange() throws -> Key {
        let start = index + 1
        let (end, escaped, _) = try stringBody()
        return (start, end, escaped)
    }

    /// The text of a string's content, escapes decoded.
    private mutating func decodeString(start: Int, end: Int, escaped: Bool) -> String {
        BodyScanner.decodeString(UnsafeBufferPointer(start: base + start, count: end - start), escaped: escaped)
    }

    /// The text of a string's content (between its quotes), escapes decoded.
    static func decodeString(_ raw: UnsafeBufferPointer<UInt8>, escaped: Bool) -> String {
        guard escaped else { return String(decoding: raw, as: UTF8.self) }
        var quotedBytes: [UInt8] = [UInt8(ascii: "\"")]
        quotedBytes.append(contentsOf: raw)
        quotedBytes.append(UInt8(ascii: "\""))
        if case .string(let decoded)? = try? JSONValue.parse(bytes: quotedBytes) { return decoded }
        return String(decoding: raw, as: UTF8.self)
    }

    // MARK: - Fields

    /// The field (an index into the table's fields) that `key` names in object `node`.
    @inline(__always)
    private mutating func field(of node: Int32, _ key: Key, hint: Int32) -> Int32? {
        guard key.escaped else { return tables.field(of: node, key: base + key.start, count: key.end - key.start, hint: hint) }
        let name = decodeString(start: key.start, end: key.end, escaped: true)
        // Slice indices are indices into all the fields.
        return table.fieldNames(of: node).firstIndex(of: name).map { Int32($0) }
    }

    private mutating func anyDepthField(_ key: Key) -> Int32? {
        guard anyDepthContext >= 0, let field = field(of: anyDepthContext, key, hint: -1) else { return nil }
        return fields[Int(field)].schema
    }

    private mutating func reportMissing(_ node: Int32, seen: SeenFields, seenRequired: Int32, at offset: Int) {
        // Fields listed flat for any depth cannot be required at one place (see fieldsAtAnyDepth).
        guard node >= 0 else { return }
        let entry = nodes.baseAddress! + Int(node)
        guard entry.pointee.kind == .object || entry.pointee.kind == .map, seenRequired < entry.pointee.requiredCount, !entry.pointee.fieldsAtAnyDepth else { return }
        for position in 0..<Int(entry.pointee.fieldCount) where !seen.contains(position) {
            let index = Int(entry.pointee.fieldStart) + position
            let field = fields[index]
            guard field.required else { continue }
            let name = table.fieldNames[index]
            let issue = BodyIssue(kind: .missingField, pointer: "", message: "required field '\(name)' is missing", expected: "\(name) (\(table.typeName(of: field.schema)))",
                                  actual: "absent", source: table.sources[Int(field.schema)] ?? table.sources[Int(node)])
            pending.append(Pending(offset: offset, suffix: "/" + PointerResolver.escape(name), issue: issue))
        }
    }

    private mutating func reportUnknown(_ node: Int32, key: Key, at offset: Int) {
        let name = decodeString(start: key.start, end: key.end, escaped: key.escaped)
        let known = table.fieldNames(of: node)
        let issue = BodyIssue(kind: .unknownField, pointer: "", message: "field '\(name)' is not documented",
                              expected: "one of \(known.prefix(12).joined(separator: ", "))\(known.count > 12 ? ", …" : "")", actual: name, source: table.sources[Int(node)])
        pending.append(Pending(offset: offset, suffix: "", issue: issue))
    }

    /// `null` for an optional field whose type does not allow it: the value is taken as
    /// absent (captured as null, so no cross-field rule counts it) and reported as its own
    /// kind, which the request checks make a warning (`request.body.null-optional`) and the
    /// response checks keep an error of type.
    private mutating func nullForOptional(_ node: Int32, capture: Int32?) throws {
        let start = index
        try word("null")
        let name = table.typeName(of: node)
        report(.nullOptional, "null for an optional field where \(article(name)) is documented", expected: name, actual: "null", node, at: start)
        record(capture, CaptureMark(kind: .null), at: start)
    }

    // MARK: - Reporting

    private mutating func report(_ kind: BodyIssue.Kind, _ message: String, expected: String, actual: String, _ node: Int32, at offset: Int) {
        pending.append(Pending(offset: offset, suffix: "", issue: BodyIssue(kind: kind, pointer: "", message: message, expected: expected, actual: actual, source: table.sources[Int(node)])))
    }

    /// Keeps `mark` for trie node `capture` when the node has a slot: the first value at a path
    /// is the one the slot keeps (for arrays, the first item's); an every-occurrence slot also
    /// lists each value, with its offset and the object it is a member of.
    @inline(__always)
    private mutating func record(_ capture: Int32?, _ mark: @autoclosure () -> CaptureMark, at offset: Int) {
        guard let capture, let captures, let slot = captures.slot(of: capture) else { return }
        if marks[slot].kind == .absent { marks[slot] = mark() }
        if captures.repeating[slot] { occurrences.append(CaptureOccurrence(slot: Int32(slot), mark: mark(), offset: Int32(offset), object: memberOf)) }
    }

    // MARK: - Small helpers

    private mutating func word(_ word: StaticString) throws {
        let length = word.utf8CodeUnitCount
        guard index + length <= count else { throw Malformed(message: "invalid literal, expected '\(word)'", offset: index) }
        let expected = word.utf8Start
        for offset in 0..<length where base[index + offset] != expected[offset] {
            throw Malformed(message: "invalid literal, expected '\(word)'", offset: index)
        }
        index += length
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while index < count {
            let byte = base[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    @inline(__always)
    private mutating func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private mutating func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
    }

    /// The value of a number literal without an exponent; integers of up to 15 digits
    /// are read without going through text.
    private mutating func fastDouble(_ start: Int, _ end: Int) -> Double {
        var position = start
        var negative = false
        if base[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        if end - position <= 15 {
            var value: Int64 = 0
            var isInteger = true
            while position < end {
                let byte = base[position]
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

    private mutating func quoted(start: Int, end: Int, escaped: Bool) -> String {
        let value = decodeString(start: start, end: end, escaped: escaped)
        let shown = value.count > 80 ? String(value.prefix(80)) + "…" : value
        return "\"\(shown)\""
    }

    private mutating func isUUID(start: Int, end: Int) -> Bool {
        guard end - start == 36 else { return false }
        for offset in 0..<36 {
            let byte = base[start + offset]
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
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

/// Which fields of an object were seen: bit masks, inline for up to 128 fields.
struct SeenFields {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    /// Words for fields past 128; `nil` (no allocation, no reference counting) for most objects.
    private var rest: [UInt64]?

    /// Marks `position` as seen; returns `true` when it had been seen before.
    @inline(__always)
    mutating func insert(_ position: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(position & 63)
        switch position >> 6 {
        case 0:
            defer { low |= bit }
            return low & bit != 0
        case 1:
            defer { high |= bit }
            return high & bit != 0
        default:
            let word = (position >> 6) - 2
            var words = rest ?? []
            while words.count <= word { words.append(0) }
            defer { words[word] |= bit; rest = words }
            return words[word] & bit != 0
        }
    }

    @inline(__always)
    func contains(_ position: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(position & 63)
        switch position >> 6 {
        case 0: return low & bit != 0
        case 1: return high & bit != 0
        default:
            let word = (position >> 6) - 2
            guard let rest, word < rest.count else { return false }
            return rest[word] & bit != 0
        }
    }
}
