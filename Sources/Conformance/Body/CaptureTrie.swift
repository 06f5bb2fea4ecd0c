import ConformanceModel

/// The body paths whose values the validator needs besides the schema checks (cross-field
/// rules, resource ids and states), arranged as a trie the scanner walks alongside the JSON.
///
/// Paths are dotted field names; `[]` stands for every item of an array
/// (`volumes.[].status`). For arrays the first item's value is captured, plus the count.
/// Paths listed in `everyOccurrence` (what the state tracker reads: every volume of a list)
/// also yield each value the path reaches, in body order, with the object it belongs to.
public struct CaptureTrie: Sendable {
    private struct Node: Sendable {
        /// Children by field name, as bytes: a node has few, so they are scanned.
        var children: [(name: [UInt8], node: Int32)] = []
        var items: Int32?
        var slot: Int?
    }

    /// The paths, in slot order.
    public let paths: [String]
    private let storage: Storage

    public init(paths: [String], everyOccurrence: Set<String> = []) {
        var nodes: [Node] = [Node()]
        var slotted: [String] = []
        for path in paths where !slotted.contains(path) {
            var node: Int32 = 0
            for step in path.split(separator: ".") {
                if step == "[]" {
                    if let next = nodes[Int(node)].items {
                        node = next
                    } else {
                        nodes.append(Node())
                        let next = Int32(nodes.count - 1)
                        nodes[Int(node)].items = next
                        node = next
                    }
                } else {
                    let key = Array(step.utf8)
                    if let next = nodes[Int(node)].children.first(where: { $0.name == key })?.node {
                        node = next
                    } else {
                        nodes.append(Node())
                        let next = Int32(nodes.count - 1)
                        nodes[Int(node)].children.append((key, next))
                        node = next
                    }
                }
            }
            nodes[Int(node)].slot = slotted.count
            slotted.append(path)
        }
        self.paths = slotted
        storage = Storage(nodes: nodes, repeating: slotted.map { everyOccurrence.contains($0) })
    }

    public var count: Int { paths.count }
    var root: Int32 { 0 }

    /// The slot of `path`.
    public func slot(of path: String) -> Int? { paths.firstIndex(of: path) }

    /// The trie laid out flat for the scanner, built once.
    var view: View { storage.view }

    /// The trie as the scanner walks it: plain pointers into buffers that `Storage` owns.
    struct View {
        /// Per node: its slot (or -1), its item child (or -1), and its children in `children`.
        let slots: UnsafeMutableBufferPointer<Int32>
        let items: UnsafeMutableBufferPointer<Int32>
        let childStart: UnsafeMutableBufferPointer<Int32>
        let childCount: UnsafeMutableBufferPointer<Int32>
        /// Children: a name (a range of `names`) and the node it leads to.
        let children: UnsafeMutableBufferPointer<(start: Int32, count: Int32, node: Int32)>
        let names: UnsafeMutableBufferPointer<UInt8>
        /// Per slot: whether every occurrence is wanted, not only the first.
        let repeating: UnsafeMutableBufferPointer<Bool>

        @inline(__always)
        func child(of node: Int32, key: UnsafePointer<UInt8>, count: Int) -> Int32? {
            let start = Int(childStart[Int(node)])
            for index in start..<(start + Int(childCount[Int(node)])) {
                let child = children[index]
                if Int(child.count) == count, CompiledSchema.equal(names.baseAddress! + Int(child.start), key, count) { return child.node }
            }
            return nil
        }

        @inline(__always)
        func itemChild(of node: Int32) -> Int32? {
            let item = items[Int(node)]
            return item >= 0 ? item : nil
        }

        @inline(__always)
        func slot(of node: Int32) -> Int? {
            let slot = slots[Int(node)]
            return slot >= 0 ? Int(slot) : nil
        }
    }

    /// Owns the flat buffers.
    private final class Storage: @unchecked Sendable {
        let view: View

        init(nodes: [Node], repeating: [Bool]) {
            var names: [UInt8] = []
            var children: [(start: Int32, count: Int32, node: Int32)] = []
            var childStart: [Int32] = []
            var childCount: [Int32] = []
            for node in nodes {
                childStart.append(Int32(children.count))
                childCount.append(Int32(node.children.count))
                for child in node.children {
                    children.append((Int32(names.count), Int32(child.name.count), child.node))
                    names.append(contentsOf: child.name)
                }
            }
            func buffer<Element>(_ array: [Element]) -> UnsafeMutableBufferPointer<Element> {
                let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(array.count, 1))
                _ = buffer.initialize(from: array)
                return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
            }
            view = View(slots: buffer(nodes.map { Int32($0.slot ?? -1) }), items: buffer(nodes.map { $0.items ?? -1 }),
                        childStart: buffer(childStart), childCount: buffer(childCount), children: buffer(children), names: buffer(names),
                        repeating: buffer(repeating))
        }

        deinit {
            view.slots.deallocate()
            view.items.deallocate()
            view.childStart.deallocate()
            view.childCount.deallocate()
            view.children.deallocate()
            view.names.deallocate()
            view.repeating.deallocate()
        }
    }
}

/// A value captured at a body path: scalars as text, containers by kind (and item count).
public struct CapturedValue: Sendable, Hashable {
    /// The scalar's text: a string's decoded content, a number's literal, `true`/`false`; `nil` for null and containers.
    public var text: String?
    /// `string`, `number`, `boolean`, `null`, `object` or `array`.
    public var kind: String
    /// The number of items, for arrays.
    public var count: Int?

    public init(text: String?, kind: String, count: Int? = nil) {
        self.text = text
        self.kind = kind
        self.count = count
    }
}

/// Where a captured value lies in the body, as the scanner leaves it: no text yet.
struct CaptureMark {
    enum Kind: UInt8 {
        case absent, string, number, boolean, null, object, array
    }

    var kind: Kind = .absent
    /// A string with escapes, which needs decoding to be compared.
    var escaped = false
    /// The content's bytes (a string's without its quotes); empty for containers and null.
    var start: Int32 = 0
    var end: Int32 = 0
    /// The item count of an array.
    var count: Int32 = 0
}

/// One value at an every-occurrence path, as the scanner found it.
struct CaptureOccurrence {
    var slot: Int32
    var mark: CaptureMark
    /// Where the value itself starts (a string's opening quote).
    var offset: Int32
    /// Where the object that holds it as a member starts (-1 at the top): values with the same
    /// `object` are siblings (a volume's `id`, `status` and `size`).
    var object: Int32
}

/// The captured values of one scanned body, read in place: what the cross-field rules test,
/// without making text of values they do not compare.
struct CapturedBody {
    let bytes: UnsafeBufferPointer<UInt8>
    let marks: UnsafeBufferPointer<CaptureMark>
    /// The values at every-occurrence paths, in body order.
    var occurrences: [CaptureOccurrence] = []
    /// The body's error shape, when the scan was asked to note it and the body is well-formed.
    var shape: ErrorBodyShape?

    /// Whether the value at `slot` is there and not null.
    func isPresent(_ slot: Int) -> Bool {
        marks[slot].kind != .absent && marks[slot].kind != .null
    }

    /// The item count of the array at `slot`.
    func count(_ slot: Int) -> Int? {
        marks[slot].kind == .array ? Int(marks[slot].count) : nil
    }

    /// Whether the scalar at `slot` reads as one of `values` (UTF-8 bytes; strings decoded).
    func isOne(_ slot: Int, of values: [[UInt8]]) -> Bool {
        let mark = marks[slot]
        guard mark.kind == .string || mark.kind == .number || mark.kind == .boolean else { return false }
        if mark.escaped {
            let text = Array(JSONLexer.decode(UnsafeBufferPointer(rebasing: bytes[Int(mark.start)..<Int(mark.end)]), escaped: true).utf8)
            return values.contains(text)
        }
        let length = Int(mark.end - mark.start)
        return values.contains { value in
            value.count == length && value.withUnsafeBufferPointer { CompiledSchema.equal($0.baseAddress!, bytes.baseAddress! + Int(mark.start), length) }
        }
    }

    /// The values as `CapturedValue`s, for messages and for the public `scan`.
    var values: [CapturedValue?] {
        marks.map(value(of:))
    }

    /// The value `mark` points at.
    func value(of mark: CaptureMark) -> CapturedValue? {
            let range = Int(mark.start)..<Int(mark.end)
            switch mark.kind {
            case .absent: return nil
            case .string: return CapturedValue(text: JSONLexer.decode(UnsafeBufferPointer(rebasing: bytes[range]), escaped: mark.escaped), kind: "string")
            case .number, .boolean: return CapturedValue(text: String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self), kind: mark.kind == .number ? "number" : "boolean")
            case .null: return CapturedValue(text: nil, kind: "null")
            case .object: return CapturedValue(text: nil, kind: "object")
            case .array: return CapturedValue(text: nil, kind: "array", count: Int(mark.count))
            }
    }
}
