import ConformanceModel

/// Issues and captured values as the scan finds them, and the wording of their messages.
extension BodyScanner {
    /// Keeps an issue about the value at `offset`; its pointer is resolved when the scan ends.
    mutating func report(_ kind: BodyIssue.Kind, _ message: String, expected: String, actual: String, _ node: Int32, at offset: Int) {
        pending.append(Pending(offset: offset, suffix: "", issue: BodyIssue(kind: kind, pointer: "", message: message, expected: expected, actual: actual, source: table.sources[Int(node)])))
    }

    /// Keeps `mark` for trie node `capture` when the node has a slot: the first value at a path
    /// is the one the slot keeps (for arrays, the first item's); an every-occurrence slot also
    /// lists each value, with its offset and the object it is a member of.
    @inline(__always)
    mutating func record(_ capture: Int32?, _ mark: @autoclosure () -> CaptureMark, at offset: Int) {
        guard let capture, let captures, let slot = captures.slot(of: capture) else { return }
        if marks[slot].kind == .absent { marks[slot] = mark() }
        if captures.repeating[slot] {
            // Room for a few at once: grown from empty one by one, the list took two
            // allocations per response body with repeating captures.
            if occurrences.capacity == 0 { occurrences.reserveCapacity(8) }
            occurrences.append(CaptureOccurrence(slot: Int32(slot), mark: mark(), offset: Int32(offset), object: memberOf))
        }
    }

    /// The bytes from `start` to `end` as text (a number's literal, say).
    mutating func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self)
    }

    /// The value of a number literal without an exponent; integers of up to 15 digits
    /// are read without going through text.
    mutating func fastDouble(_ start: Int, _ end: Int) -> Double {
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
                guard JSONLexer.isDigit(byte) else {
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

    mutating func quoted(start: Int, end: Int, escaped: Bool) -> String {
        let value = decodeString(start: start, end: end, escaped: escaped)
        let shown = value.count > 80 ? String(value.prefix(80)) + "…" : value
        return "\"\(shown)\""
    }

    mutating func isUUID(start: Int, end: Int) -> Bool {
        guard end - start == 36 else { return false }
        for offset in 0..<36 {
            let byte = base[start + offset]
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                if byte != UInt8(ascii: "-") { return false }
            } else if !(JSONLexer.isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))) {
                return false
            }
        }
        return true
    }

    func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    func article(_ word: String) -> String {
        ["a", "e", "i", "o", "u"].contains(word.prefix(1)) ? "an \(word)" : "a \(word)"
    }
}
