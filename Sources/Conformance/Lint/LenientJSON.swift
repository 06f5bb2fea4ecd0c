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
        var output: [UInt8] = []
        let bytes = Array(text.utf8)
        var inString = false
        var escaped = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                output.append(byte)
            } else if byte == UInt8(ascii: "\"") {
                inString = true
                output.append(byte)
            } else if byte == UInt8(ascii: ",") {
                var next = index + 1
                while next < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[next]) { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: "}") || bytes[next] == UInt8(ascii: "]") {
                    index += 1
                    continue
                }
                output.append(byte)
            } else {
                output.append(byte)
            }
            index += 1
        }
        return try? JSONValue.parse(bytes: output)
    }
}
