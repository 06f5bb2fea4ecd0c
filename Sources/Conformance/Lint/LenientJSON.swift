import ConformanceModel

/// A second, forgiving read of an example that is not JSON, so that lint can still check
/// the rest of it against the tables.
///
/// Only the slip the vendors' examples actually make is repaired: a trailing comma before
/// `}` or `]` (EVS 6.1.1's second create example, which also sends `"multiattach": 1` and
/// `"isAutoPay": true`). Anything else stays unreadable; the example is still reported as
/// `example.invalid-json` either way.
enum LenientJSON {
    static func parse(_ text: String) -> JSONValue? {
        let bytes = Array(text.utf8)
        let repaired: [UInt8] = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            let lexer = JSONLexer(base: base, count: buffer.count)
            var output: [UInt8] = []
            output.reserveCapacity(buffer.count)
            var index = 0
            while index < lexer.count {
                let byte = lexer[index]
                if byte == UInt8(ascii: "\"") {
                    // A string is copied whole (a comma inside it is text).
                    let end = lexer.skipStringUnchecked(at: index).map { $0.end + 1 } ?? lexer.count
                    output.append(contentsOf: buffer[index..<end])
                    index = end
                    continue
                }
                if byte == UInt8(ascii: ","), lexer.has(UInt8(ascii: "}"), at: lexer.skipWhitespace(from: index + 1)) || lexer.has(UInt8(ascii: "]"), at: lexer.skipWhitespace(from: index + 1)) {
                    index += 1
                    continue
                }
                output.append(byte)
                index += 1
            }
            return output
        }
        return try? JSONValue.parse(bytes: repaired)
    }
}
