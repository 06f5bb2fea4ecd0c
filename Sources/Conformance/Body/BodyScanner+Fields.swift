import ConformanceModel

/// Which documented field a key names; required fields missing, undocumented ones present.
extension BodyScanner {
    /// The text of a string's content, escapes decoded.
    mutating func decodeString(start: Int, end: Int, escaped: Bool) -> String {
        JSONLexer.decode(UnsafeBufferPointer(start: base + start, count: end - start), escaped: escaped)
    }

    /// The field (an index into the table's fields) that `key` names in object `node`.
    @inline(__always)
    mutating func field(of node: Int32, _ key: Key, hint: Int32) -> Int32? {
        guard key.escaped else { return tables.field(of: node, key: base + key.start, count: key.end - key.start, hint: hint) }
        let name = decodeString(start: key.start, end: key.end, escaped: true)
        // Slice indices are indices into all the fields.
        return table.fieldNames(of: node).firstIndex(of: name).map { Int32($0) }
    }

    mutating func anyDepthField(_ key: Key) -> Int32? {
        guard anyDepthContext >= 0, let field = field(of: anyDepthContext, key, hint: -1) else { return nil }
        return fields[Int(field)].schema
    }

    mutating func reportMissing(_ node: Int32, seen: SeenFields, seenRequired: Int32, at offset: Int) {
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

    mutating func reportUnknown(_ node: Int32, key: Key, at offset: Int) {
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
    mutating func nullForOptional(_ node: Int32, capture: Int32?) throws(JSONSyntaxError) {
        let start = index
        index = try lexer.literal("null", at: start)
        let name = table.typeName(of: node)
        report(.nullOptional, "null for an optional field where \(article(name)) is documented", expected: name, actual: "null", node, at: start)
        record(capture, CaptureMark(kind: .null), at: start)
    }
}
