import ConformanceModel

/// Strings, numbers and literals against their schema: types, enumerations, bounds, lengths.
extension BodyScanner {
    mutating func string(_ node: Int32, capture: Int32?) throws(JSONSyntaxError) {
        let quote = index
        let start = index + 1
        let token = try lexer.string(at: quote)
        index = token.next
        let (end, escaped, length) = (token.end, token.escaped, token.length)
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
    mutating func checkCount(_ count: Int, minimum: Int?, maximum: Int?, inString: Bool, _ node: Int32, at offset: Int) {
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

    mutating func number(_ node: Int32, capture: Int32?) throws(JSONSyntaxError) {
        let start = index
        let token = try lexer.number(at: start)
        index = token.end
        var integral = token.fractionIsZero
        let hasExponent = token.hasExponent
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
    mutating func literal(_ word: StaticString, _ node: Int32, capture: Int32?) throws(JSONSyntaxError) {
        let start = index
        index = try lexer.literal(word, at: start)
        let end = index
        record(capture, CaptureMark(kind: .boolean, start: Int32(start), end: Int32(end)), at: start)
        guard node >= 0 else { return }
        let kind = nodes[Int(node)].kind
        guard kind != .any, kind != .boolean else { return }
        let name = table.typeName(of: node)
        report(.type, "a boolean where \(article(name)) is documented", expected: name, actual: "boolean \(word)", node, at: start)
    }
}
