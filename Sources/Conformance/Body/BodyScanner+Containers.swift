import ConformanceModel

/// Objects and arrays: the members a schema documents, the ones it does not, item counts.
extension BodyScanner {
    mutating func object(_ node: Int32, capture: Int32?) throws(JSONSyntaxError) {
        let start = index
        depth += 1
        if depth > Self.maximumDepth { throw JSONSyntaxError(message: "nesting deeper than \(Self.maximumDepth) levels", offset: index) }
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
        // 1: the top-level object, 2: its first member's object; 0: not probed.
        let probeLevel = probe == nil ? 0 : depth == 1 ? 1 : depth == 2 && probingFirstMember ? 2 : 0
        if probeLevel == 2 { probe!.firstIsObject = true }
        var members = 0

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
            let (token, valueStart) = try lexer.key(at: index)
            let key: Key = (index + 1, token.end, token.escaped)
            index = valueStart
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
            var probedName: String?
            if probeLevel > 0 { probedName = probeKey(key, level: probeLevel) }
            if probeLevel == 1 { probingFirstMember = members == 0 }
            let probedStart = index
            if optional, index < count, base[index] == UInt8(ascii: "n"), child >= 0, nodes[Int(child)].kind != .any, !nodes[Int(child)].nullable, !nodes[Int(child)].hasReadings {
                try nullForOptional(child, capture: childCapture)
            } else {
                try value(child, capture: childCapture)
            }
            if probeLevel == 1 { probingFirstMember = false }
            if let probedName { probeValue(probedName, from: probedStart, level: probeLevel) }
            members += 1

            skipWhitespace()
            guard index < count else { throw JSONSyntaxError(message: "unexpected end of input inside an object", offset: index) }
            if base[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if base[index] == UInt8(ascii: "}") {
                index += 1
                reportMissing(effective, seen: seen, seenRequired: seenRequired, at: start)
                return
            }
            throw JSONSyntaxError(message: "expected ',' or '}', found '\(JSONLexer.describe(base[index]))'", offset: index)
        }
    }

    mutating func array(_ node: Int32, capture: Int32?) throws(JSONSyntaxError) {
        let start = index
        depth += 1
        if depth > Self.maximumDepth { throw JSONSyntaxError(message: "nesting deeper than \(Self.maximumDepth) levels", offset: index) }
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
                if index < count, base[index] == UInt8(ascii: "]") { throw JSONSyntaxError(message: "trailing comma before ']'", offset: index) }
                try value(items, capture: itemCapture)
                itemCount += 1
                skipWhitespace()
                guard index < count else { throw JSONSyntaxError(message: "unexpected end of input inside an array", offset: index) }
                if base[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                if base[index] == UInt8(ascii: "]") {
                    index += 1
                    break
                }
                throw JSONSyntaxError(message: "expected ',' or ']', found '\(JSONLexer.describe(base[index]))'", offset: index)
            }
        }
        record(capture, CaptureMark(kind: .array, count: Int32(clamping: itemCount)), at: start)
        guard effective >= 0, nodes[Int(effective)].kind == .array, nodes[Int(effective)].limits >= 0 else { return }
        let limits = tables.limits.baseAddress! + Int(nodes[Int(effective)].limits)
        checkCount(itemCount, minimum: limits.pointee.minItems, maximum: limits.pointee.maxItems, inString: false, effective, at: start)
    }
}
