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
/// The bytes are read through the shared `JSONLexer` (whitespace, strings with their escapes
/// and UTF-8, numbers, literals); this type adds the schema. It is split by concern:
/// containers, scalars, fields, readings, and the issues it reports each have their own file.
///
/// The helpers that only read are `mutating` all the same: called from the mutating scan,
/// a non-mutating method gets a copy of the whole scanner (the profile showed it as memcpy
/// and reference counting on every field lookup), a mutating one gets the scanner itself.
public struct BodyScanner {
    /// An issue whose pointer is still the offset of its value (plus a suffix for missing fields).
    struct Pending {
        var offset: Int
        var suffix: String
        var issue: BodyIssue
    }

    typealias Key = (start: Int, end: Int, escaped: Bool)

    /// The body's bytes, read token by token (a syntax error stops the scan).
    let lexer: JSONLexer
    unowned(unsafe) let table: CompiledSchema
    let tables: CompiledSchema.Tables
    let nodes: UnsafeMutableBufferPointer<CompiledSchema.Node>
    let fields: UnsafeMutableBufferPointer<CompiledSchema.Field>
    var index = 0
    var depth = 0
    var pending: [Pending] = []
    let captures: CaptureTrie.View?
    /// Where each capture slot's value is in the body; empty without captures.
    let marks: UnsafeMutableBufferPointer<CaptureMark>
    /// The values at every-occurrence capture paths, in body order.
    var occurrences: [CaptureOccurrence] = []
    /// Where the object whose member is being scanned starts; -1 outside any object.
    var memberOf: Int32 = -1
    /// The object node whose fields apply at any depth below it, or -1.
    var anyDepthContext: Int32 = -1
    /// Set while a compiled schema learns the field order of the doc's examples.
    var learning = false
    /// Set to note an error body's shape as it is read (`ErrorBodyShape`).
    var probe: ShapeProbe?
    /// Whether the value being read is the top-level object's first member's.
    var probingFirstMember = false
    static let maximumDepth = JSONLexer.maximumDepth

    /// The first byte of the body and its length (the lexer's).
    var base: UnsafePointer<UInt8> {
        @inline(__always) get { lexer.base }
    }

    var count: Int {
        @inline(__always) get { lexer.count }
    }

    @inline(__always)
    mutating func skipWhitespace() { index = lexer.skipWhitespace(from: index) }

    /// Stands in for "no schema" so that the scanner always has a table to hold.
    static let noSchema = CompiledSchema(Schema(kind: .any))

    init(base: UnsafePointer<UInt8>, count: Int, table: CompiledSchema, captures: CaptureTrie?, marks: UnsafeMutableBufferPointer<CaptureMark> = .init(start: nil, count: 0)) {
        self.lexer = JSONLexer(base: base, count: count)
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
    /// With `shapeNames`, the scan also notes the body's `ErrorBodyShape` keeping those members
    /// (`captured.shape`; `nil` for a malformed body or a repeated key at the envelope's levels).
    static func scan<Result>(_ body: [UInt8], schema: CompiledSchema?, captures: CaptureTrie?, shapeNames: Set<String>? = nil, _ use: (_ issues: [BodyIssue], _ captured: CapturedBody) -> Result) -> Result {
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
                    scanner.probe = shapeNames.map(ShapeProbe.init)
                    let issues = scanner.run(root: schema == nil ? -1 : table.root)
                    var captured = CapturedBody(bytes: buffer, marks: UnsafeBufferPointer(marks), occurrences: scanner.occurrences)
                    if let probe = scanner.probe, !issues.contains(where: { $0.kind == .malformed }) {
                        captured.shape = probe.shape(first: base[scanner.lexer.skipWhitespace(from: 0)])
                    }
                    return use(issues, captured)
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

    mutating func run(root: Int32) -> [BodyIssue] {
        do throws(JSONSyntaxError) {
            skipWhitespace()
            guard index < count else { throw JSONSyntaxError(message: "the body is empty", offset: 0) }
            try value(root, capture: captures == nil ? nil : 0)
            skipWhitespace()
            if index < count {
                throw JSONSyntaxError(message: "unexpected '\(JSONLexer.describe(base[index]))' after the JSON value", offset: index)
            }
        } catch {
            let (line, column) = lexer.position(of: error.offset)
            let source = root >= 0 ? table.sources[Int(root)] : nil
            return [BodyIssue(kind: .malformed, pointer: "", message: "not valid JSON at line \(line), column \(column): \(error.message)", expected: "JSON", actual: nil, source: source)]
        }
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
    mutating func value(_ node: Int32, capture: Int32?) throws(JSONSyntaxError) {
        if node >= 0, nodes[Int(node)].hasReadings {
            try valueWithReadings(node, capture: capture)
        } else {
            try plainValue(node, capture: capture)
        }
    }

    mutating func plainValue(_ node: Int32, capture: Int32?) throws(JSONSyntaxError) {
        guard index < count else { throw JSONSyntaxError(message: "unexpected end of input, expected a value", offset: index) }
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
            index = try lexer.literal("null", at: index)
            if node >= 0, nodes[Int(node)].kind != .any, !nodes[Int(node)].nullable {
                let name = table.typeName(of: node)
                report(.type, "null where \(article(name)) is documented", expected: name, actual: "null", node, at: start)
            }
            record(capture, CaptureMark(kind: .null), at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number(node, capture: capture)
        default:
            throw JSONSyntaxError(message: "unexpected '\(JSONLexer.describe(byte))', expected a value", offset: index)
        }
    }
}
