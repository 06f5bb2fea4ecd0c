/// Checks one multi-byte UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, nothing
/// past U+10FFFF), for the JSON readers that validate text as they scan it.
public enum UTF8Check {
    /// What `sequence(at:in:)` found.
    public enum Outcome: Equatable {
        /// A valid sequence of this many bytes.
        case valid(length: Int)
        /// Not valid: why, and the offset of the offending byte.
        case invalid(message: String, offset: Int)
    }

    /// The sequence whose lead byte (0x80 or above) is at `position`.
    @inlinable
    public static func sequence(at position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        let lead = bytes[position]
        let length: Int
        var scalar: UInt32
        let minimum: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; scalar = UInt32(lead & 0x1F); minimum = 0x80
        case 0xE0...0xEF: length = 3; scalar = UInt32(lead & 0x0F); minimum = 0x800
        case 0xF0...0xF4: length = 4; scalar = UInt32(lead & 0x07); minimum = 0x10000
        default: return .invalid(message: "invalid UTF-8 byte 0x\(String(lead, radix: 16))", offset: position)
        }
        guard position + length <= bytes.count else { return .invalid(message: "truncated UTF-8 sequence", offset: position) }
        for offset in 1..<length {
            let continuation = bytes[position + offset]
            guard continuation & 0xC0 == 0x80 else {
                return .invalid(message: "invalid UTF-8 continuation byte 0x\(String(continuation, radix: 16))", offset: position + offset)
            }
            scalar = scalar << 6 | UInt32(continuation & 0x3F)
        }
        if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
            return .invalid(message: "invalid UTF-8 sequence", offset: position)
        }
        return .valid(length: length)
    }
}
