/// The body paths whose values the validator needs besides the schema checks (cross-field
/// rules, resource ids and states), arranged as a trie the scanner walks alongside the JSON.
///
/// Paths are dotted field names; `[]` stands for every item of an array
/// (`volumes.[].status`). For arrays the first item's value is captured, plus the count.
public struct CaptureTrie: Sendable {
    private struct Node: Sendable {
        /// Children by field name, as bytes: a node has few, so they are scanned.
        var children: [(name: [UInt8], node: Int32)] = []
        var items: Int32?
        var slot: Int?
    }

    private var nodes: [Node] = [Node()]
    /// The paths, in slot order.
    public private(set) var paths: [String] = []

    public init(paths: [String]) {
        for path in paths where !self.paths.contains(path) {
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
            nodes[Int(node)].slot = self.paths.count
            self.paths.append(path)
        }
    }

    public var count: Int { paths.count }
    var root: Int32 { 0 }

    func child(of node: Int32, key: UnsafePointer<UInt8>, count: Int) -> Int32? {
        for child in nodes[Int(node)].children where child.name.count == count {
            if child.name.withUnsafeBufferPointer({ CompiledSchema.equal($0.baseAddress!, key, count) }) { return child.node }
        }
        return nil
    }

    func itemChild(of node: Int32) -> Int32? { nodes[Int(node)].items }

    func slot(of node: Int32) -> Int? { nodes[Int(node)].slot }

    /// The slot of `path`.
    public func slot(of path: String) -> Int? { paths.firstIndex(of: path) }
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
