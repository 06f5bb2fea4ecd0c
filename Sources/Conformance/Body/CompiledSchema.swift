import ConformanceModel

/// A `Schema` laid out flat for the streaming body validator.
///
/// Every node of the schema tree is a plain struct in one buffer and refers to its fields, items
/// and enumeration values by index; field names and enumeration values are bytes in one shared
/// buffer. The scanner walks it through unsafe pointers, so checking a body neither allocates
/// nor retains anything on the happy path. What only findings need (doc references, names as
/// text) sits beside it in ordinary arrays, indexed the same way.
public final class CompiledSchema: @unchecked Sendable {
    /// One schema node. `-1` stands for "none" in the index fields.
    struct Node {
        var kind: Schema.Kind
        var nullable: Bool
        /// Fields described flat that apply at any depth below this object (Tencent return tables).
        var fieldsAtAnyDepth: Bool
        var isUUID: Bool
        var hasEnumeration: Bool
        /// False when the doc lists a field name twice: the lookup then skips its guess, so that
        /// the first of the two is always the one found, as with a scan.
        var namesAreUnique: Bool
        /// Other places of the docs document this value differently (`CompiledSchema.readings`).
        var hasReadings: Bool
        var fieldStart: Int32
        var fieldCount: Int32
        /// The field a body usually lists first (learned from the doc's examples), for the lookup's first guess.
        var firstField: Int32
        var requiredCount: Int32
        /// Items of an array, values of a map.
        var child: Int32
        /// Enumeration values: `enumCount` ranges of `names` from `enumStart` in `values`.
        var enumStart: Int32
        var enumCount: Int32
        /// The field hash table of a large object: `slotMask + 1` slots from `slotStart`.
        var slotStart: Int32
        var slotMask: Int32
        /// Bounds in `limits`, or -1: few nodes have any, and the node stays small to copy.
        var limits: Int32
    }

    /// Numeric bounds, string lengths and item counts of a node.
    struct Limits {
        var minimum: Double?
        var maximum: Double?
        var minLength: Int?
        var maxLength: Int?
        var minItems: Int?
        var maxItems: Int?
    }

    /// One field of an object node.
    struct Field {
        /// The name: `nameCount` bytes of `names` from `nameStart`.
        var nameStart: Int32
        var nameCount: Int32
        var required: Bool
        var schema: Int32
        /// The field a body usually lists after this one: the next in the table, or the one the
        /// doc's examples put next. Only a guess for the lookup to try first.
        var next: Int32
    }

    /// A byte range of `names`.
    struct Bytes {
        var start: Int32
        var count: Int32
    }

    /// Objects with more fields than this get a hash table; smaller ones are scanned, which is faster.
    static let hashThreshold = 8

    /// The flat buffers, as the scanner holds them: plain pointers, nothing to retain.
    struct Tables {
        let nodes: UnsafeMutableBufferPointer<Node>
        let fields: UnsafeMutableBufferPointer<Field>
        let values: UnsafeMutableBufferPointer<Bytes>
        let names: UnsafeMutableBufferPointer<UInt8>
        let slots: UnsafeMutableBufferPointer<Int32>
        let limits: UnsafeMutableBufferPointer<Limits>

        /// The index (into `fields`) of the field of object `node` named by `count` bytes at `key`;
        /// `hint` is the field expected next, tried first: bodies mostly list fields in doc order.
        @inline(__always)
        func field(of node: Int32, key: UnsafePointer<UInt8>, count: Int, hint: Int32) -> Int32? {
            let entry = nodes[Int(node)]
            let end = entry.fieldStart + entry.fieldCount
            if entry.namesAreUnique, hint >= entry.fieldStart, hint < end, matches(fields[Int(hint)], key, count) { return hint }
            if entry.slotStart >= 0 {
                var slot = Int(CompiledSchema.hash(key, count) & UInt32(entry.slotMask))
                while true {
                    let candidate = slots[Int(entry.slotStart) + slot]
                    if candidate < 0 { return nil }
                    if matches(fields[Int(candidate)], key, count) { return candidate }
                    slot = (slot + 1) & Int(entry.slotMask)
                }
            }
            var index = entry.fieldStart
            while index < end {
                if matches(fields[Int(index)], key, count) { return index }
                index += 1
            }
            return nil
        }

        /// Whether one of the enumeration values of `node` is the `count` bytes at `text`.
        @inline(__always)
        func enumerationContains(_ node: Int32, _ text: UnsafePointer<UInt8>, _ count: Int) -> Bool {
            let entry = nodes[Int(node)]
            for index in Int(entry.enumStart)..<Int(entry.enumStart + entry.enumCount) {
                let value = values[index]
                if Int(value.count) == count, CompiledSchema.equal(names.baseAddress! + Int(value.start), text, count) { return true }
            }
            return false
        }

        @inline(__always)
        private func matches(_ field: Field, _ key: UnsafePointer<UInt8>, _ count: Int) -> Bool {
            Int(field.nameCount) == count && CompiledSchema.equal(names.baseAddress! + Int(field.nameStart), key, count)
        }
    }

    let tables: Tables
    var nodes: UnsafeMutableBufferPointer<Node> { tables.nodes }
    /// Per node: the doc reference findings cite.
    let sources: [DocReference?]
    /// Per node: the enumeration as the doc writes it.
    let enumerationTexts: [[String]?]
    /// Per field: its name.
    let fieldNames: [String]
    /// The root node.
    let root: Int32
    /// Per node with `hasReadings`: the other readings of its value, each compiled as an extra
    /// root in the same tables (their own readings left out).
    let readings: [Int32: [CompiledReading]]

    /// Another reading of a node's value: the root of its compiled schema, and what says so.
    struct CompiledReading {
        var root: Int32
        var reading: Reading
    }

    /// Compiles `schema`; `examples` (bodies of the doc) teach the field lookup which order
    /// bodies list fields in, which often differs from the order of the tables. With
    /// `readings` false the schema's other readings are left out (lint: the tables alone).
    public init(_ schema: Schema, examples: [String] = [], readings: Bool = true) {
        var builder = Builder()
        builder.withReadings = readings
        root = builder.add(schema)
        builder.addReadings()
        builder.buildSlots()
        tables = Tables(nodes: .copy(builder.nodes), fields: .copy(builder.fields), values: .copy(builder.values),
                        names: .copy(builder.names), slots: .copy(builder.slots), limits: .copy(builder.limits))
        sources = builder.sources
        self.readings = builder.readings
        enumerationTexts = builder.enumerationTexts
        fieldNames = builder.fieldNames
        for example in examples {
            BodyScanner.learnFieldOrder(from: Array(example.utf8), in: self)
        }
    }

    deinit {
        tables.nodes.deallocate()
        tables.fields.deallocate()
        tables.values.deallocate()
        tables.names.deallocate()
        tables.slots.deallocate()
        tables.limits.deallocate()
    }

    // MARK: - What findings and checks outside the scanner ask of the root

    /// The number of required fields of the root object.
    var requiredCount: Int { Int(nodes[Int(root)].requiredCount) }

    /// The JSON type name of the root, as findings print it.
    var typeName: String { typeName(of: root) }

    /// The doc reference of the root.
    var source: DocReference? { sources[Int(root)] }

    /// The field names of the root object, in document order.
    var rootFieldNames: ArraySlice<String> { fieldNames(of: root) }

    func typeName(of node: Int32) -> String {
        switch nodes[Int(node)].kind {
        case .map: "object"
        case .any: "any"
        case let kind: kind.rawValue
        }
    }

    func fieldNames(of node: Int32) -> ArraySlice<String> {
        let entry = nodes[Int(node)]
        return fieldNames[Int(entry.fieldStart)..<Int(entry.fieldStart + entry.fieldCount)]
    }

    // MARK: - Byte helpers

    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var offset = 0
        while offset + 8 <= count {
            if UnsafeRawPointer(a + offset).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + offset).loadUnaligned(as: UInt64.self) { return false }
            offset += 8
        }
        while offset < count {
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
    }

    /// A cheap hash of a field name: its length and its first and last eight bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt32 {
        var first: UInt64 = 0
        var last: UInt64 = 0
        if count >= 8 {
            first = UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self)
            last = UnsafeRawPointer(bytes + count - 8).loadUnaligned(as: UInt64.self)
        } else {
            for offset in 0..<count { first = first << 8 | UInt64(bytes[offset]) }
        }
        let mixed = (first &* 0x9E37_79B9_7F4A_7C15) ^ (last &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
        return UInt32(truncatingIfNeeded: mixed >> 29)
    }

    // MARK: - Building

    /// Lays a schema tree out flat, depth first.
    private struct Builder {
        var nodes: [Node] = []
        var fields: [Field] = []
        var values: [Bytes] = []
        var names: [UInt8] = []
        var slots: [Int32] = []
        var limits: [Limits] = []
        var sources: [DocReference?] = []
        var enumerationTexts: [[String]?] = []
        var fieldNames: [String] = []
        var withReadings = true
        var readings: [Int32: [CompiledReading]] = [:]
        /// Readings met while adding the primary tree, compiled after it (`addReadings`).
        private var waiting: [(node: Int32, reading: Reading)] = []

        mutating func add(_ schema: Schema) -> Int32 {
            let index = Int32(nodes.count)
            let hasReadings = withReadings && !schema.readings.isEmpty
            if hasReadings { waiting += schema.readings.map { (index, $0) } }
            nodes.append(Node(kind: schema.kind, nullable: schema.nullable, fieldsAtAnyDepth: schema.fieldsAtAnyDepth, isUUID: schema.format == "uuid", hasEnumeration: schema.enumeration != nil,
                              namesAreUnique: Set(schema.properties.map(\.name)).count == schema.properties.count, hasReadings: hasReadings,
                              fieldStart: 0, fieldCount: 0, firstField: 0, requiredCount: 0, child: -1, enumStart: 0, enumCount: 0, slotStart: -1, slotMask: 0, limits: -1))
            let bounds = Limits(minimum: schema.minimum, maximum: schema.maximum, minLength: schema.minLength, maxLength: schema.maxLength,
                                minItems: schema.minItems, maxItems: schema.maxItems)
            if bounds.minimum != nil || bounds.maximum != nil || bounds.minLength != nil || bounds.maxLength != nil || bounds.minItems != nil || bounds.maxItems != nil {
                nodes[Int(index)].limits = Int32(limits.count)
                limits.append(bounds)
            }
            sources.append(schema.source)
            enumerationTexts.append(schema.enumeration)
            if let enumeration = schema.enumeration {
                nodes[Int(index)].enumStart = Int32(values.count)
                nodes[Int(index)].enumCount = Int32(enumeration.count)
                for value in enumeration { values.append(store(value)) }
            }
            // The node's fields are contiguous; their schemas follow after all of them.
            let fieldStart = fields.count
            nodes[Int(index)].fieldStart = Int32(fieldStart)
            nodes[Int(index)].firstField = Int32(fieldStart)
            nodes[Int(index)].fieldCount = Int32(schema.properties.count)
            nodes[Int(index)].requiredCount = Int32(schema.properties.filter(\.required).count)
            for property in schema.properties {
                let name = store(property.name)
                fields.append(Field(nameStart: name.start, nameCount: name.count, required: property.required, schema: -1, next: Int32(fields.count + 1)))
                fieldNames.append(property.name)
            }
            for (offset, property) in schema.properties.enumerated() {
                fields[fieldStart + offset].schema = add(property.schema)
            }
            // Items for an array, values for a map (a map's `items`, if any, are not used).
            if let child = schema.kind == .map ? schema.values : schema.items {
                nodes[Int(index)].child = add(child)
            }
            return index
        }

        /// Compiles every waiting reading as a root of its own, without readings of its own:
        /// a reading is one whole other way to read the value.
        mutating func addReadings() {
            let list = waiting
            waiting = []
            withReadings = false
            for (node, reading) in list {
                let root = add(reading.schema)
                readings[node, default: []].append(CompiledReading(root: root, reading: reading))
            }
        }

        mutating func store(_ text: String) -> Bytes {
            let start = Int32(names.count)
            names.append(contentsOf: text.utf8)
            return Bytes(start: start, count: Int32(names.count) - start)
        }

        /// Open-addressing tables, at most half full, for objects with many fields.
        mutating func buildSlots() {
            for index in nodes.indices where nodes[index].fieldCount > CompiledSchema.hashThreshold {
                let node = nodes[index]
                var size = 16
                while size < Int(node.fieldCount) * 2 { size *= 2 }
                let start = slots.count
                slots.append(contentsOf: repeatElement(-1, count: size))
                for field in node.fieldStart..<(node.fieldStart + node.fieldCount) {
                    let entry = fields[Int(field)]
                    let hash = names.withUnsafeBufferPointer { CompiledSchema.hash($0.baseAddress! + Int(entry.nameStart), Int(entry.nameCount)) }
                    var slot = Int(hash) & (size - 1)
                    while slots[start + slot] >= 0 { slot = (slot + 1) & (size - 1) }
                    slots[start + slot] = field
                }
                nodes[index].slotStart = Int32(start)
                nodes[index].slotMask = Int32(size - 1)
            }
        }
    }
}

private extension UnsafeMutableBufferPointer {
    /// A new buffer holding `array` (one byte when it is empty, so the base address exists).
    static func copy(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: Swift.max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
    }
}
