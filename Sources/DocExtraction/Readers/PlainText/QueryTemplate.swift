/// The query string of a request line, item by item: `{action}&clientToken={clientToken}`.
///
/// An item that is only a placeholder (`{action}`) is a key whose presence alone is the
/// value: BCC selects the operation by a bare query key (`?purchaseReserved`).
struct QueryTemplate {
    /// One `key=value` or bare `key` item; `value` is `nil` for a bare key.
    struct Item: Hashable {
        var key: String
        var value: String?

        /// `{action}` → `action`.
        var placeholderKey: String? { Self.placeholder(key) }
        var placeholderValue: String? { value.flatMap(Self.placeholder) }

        static func placeholder(_ text: String) -> String? {
            guard text.hasPrefix("{"), text.hasSuffix("}"), text.count > 2 else { return nil }
            return String(text.dropFirst().dropLast())
        }
    }

    var items: [Item]

    init(_ query: String) {
        items = query.split(separator: "&").map { part in
            if let equals = part.firstIndex(of: "=") {
                return Item(key: String(part[..<equals]), value: String(part[part.index(after: equals)...]))
            }
            return Item(key: String(part), value: nil)
        }
    }

    /// The bare keys of an instance query that the template does not name literally: the
    /// values a bare-key placeholder took (`purchaseReserved`).
    func bareKeys(notIn template: QueryTemplate) -> [String] {
        let literal = Set(template.items.filter { $0.placeholderKey == nil }.map(\.key))
        return items.filter { $0.value == nil && !literal.contains($0.key) }.map(\.key)
    }
}
