import ConformanceModel

/// Compares two documents' descriptions of the same operation and reports where they differ.
enum OperationComparison {
    static func conflicts(primary: Operation, twin: Operation) -> [Diagnostic] {
        var messages: [String] = []
        let primaryPath = primary.template.parameterNames
        let twinPath = twin.template.parameterNames
        if primaryPath != twinPath {
            messages.append("path placeholders differ: \(primary.path) vs \(twin.path)")
        }
        if primary.deprecated != twin.deprecated {
            messages.append("deprecated: \(primary.deprecated) vs \(twin.deprecated)")
        }
        compare(primary.requestBody, twin.requestBody, pointer: "request body", into: &messages)
        let primaryStatuses = Set(primary.responses.map(\.status))
        let twinStatuses = Set(twin.responses.map(\.status))
        if !twinStatuses.isSubset(of: primaryStatuses) {
            messages.append("status codes differ: \(primaryStatuses.sorted()) vs \(twinStatuses.sorted())")
        }
        for status in primaryStatuses.intersection(twinStatuses) {
            compare(primary.response(for: status)?.body, twin.response(for: status)?.body, pointer: "response \(status) body", into: &messages)
        }
        return messages.map { message in
            Diagnostic(.warning, code: "document.conflict", message: "\(twin.source.document) describes \(primary.method) \(primary.path)\(primary.action.map { " (\($0))" } ?? "") differently from \(primary.source.document) §\(primary.source.section ?? primary.title): \(message)", source: twin.source)
        }
    }

    private static func compare(_ lhs: Schema?, _ rhs: Schema?, pointer: String, into messages: inout [String]) {
        guard let lhs, let rhs else {
            if (lhs == nil) != (rhs == nil) { messages.append("\(pointer): documented in one document only") }
            return
        }
        if lhs.kind != rhs.kind, lhs.kind != .any, rhs.kind != .any {
            messages.append("\(pointer): type \(lhs.kind.rawValue) vs \(rhs.kind.rawValue)")
            return
        }
        if lhs.enumeration != nil, rhs.enumeration != nil, Set(lhs.enumeration!) != Set(rhs.enumeration!) {
            messages.append("\(pointer): values \(lhs.enumeration!) vs \(rhs.enumeration!)")
        }
        if lhs.minimum != rhs.minimum && lhs.minimum != nil && rhs.minimum != nil || lhs.maximum != rhs.maximum && lhs.maximum != nil && rhs.maximum != nil {
            messages.append("\(pointer): bounds differ")
        }
        if lhs.kind == .object {
            let left = Dictionary(lhs.properties.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let right = Dictionary(rhs.properties.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for name in left.keys.sorted() where right[name] == nil && !right.isEmpty {
                messages.append("\(pointer): field '\(name)' only in the first")
            }
            for name in right.keys.sorted() where left[name] == nil && !left.isEmpty {
                messages.append("\(pointer): field '\(name)' only in the second")
            }
            for name in left.keys.sorted() {
                guard let a = left[name], let b = right[name] else { continue }
                if a.required != b.required {
                    messages.append("\(pointer).\(name): required \(a.required) vs \(b.required)")
                }
                compare(a.schema, b.schema, pointer: "\(pointer).\(name)", into: &messages)
            }
        }
        if lhs.kind == .array { compare(lhs.items, rhs.items, pointer: pointer + "[]", into: &messages) }
        if lhs.kind == .map { compare(lhs.values, rhs.values, pointer: pointer + "{}", into: &messages) }
    }
}
