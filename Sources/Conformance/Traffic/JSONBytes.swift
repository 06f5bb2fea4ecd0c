import Foundation

/// Writes JSON text straight into a byte buffer: what the recorders use to render an entry per
/// exchange without building a value tree first.
struct JSONBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// Raw JSON text (punctuation, a number, a literal).
    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func integer(_ value: Int) {
        raw(String(value))
    }

    /// A milliseconds figure with three decimals, as HAR writes times.
    mutating func milliseconds(_ seconds: TimeInterval) {
        let micros = Int((max(seconds, 0) * 1_000_000).rounded())
        let fraction = micros % 1000
        raw(String(micros / 1000))
        raw(".")
        if fraction < 100 { raw(fraction < 10 ? "00" : "0") }
        raw(String(fraction))
    }

    /// A quoted, escaped string.
    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { string(utf8: $0) }
    }

    /// A quoted, escaped string from bytes known to be UTF-8.
    mutating func string<Bytes: Collection>(utf8: Bytes) where Bytes.Element == UInt8 {
        if utf8.withContiguousStorageIfAvailable({ escaped($0) }) == nil {
            Array(utf8).withUnsafeBufferPointer { escaped($0) }
        }
    }

    /// `text` quoted and escaped: the runs that need no escape are copied whole.
    private mutating func escaped(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        for index in 0..<text.count {
            let byte = text[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            default:
                raw("\\u00")
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0x0F)])
            }
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"name":` — a member name and its colon.
    mutating func key(_ name: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        raw("\":")
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// An ISO 8601 UTC timestamp with milliseconds (`"2024-01-02T03:04:05.678Z"`), quoted,
    /// digit by digit: no formatter and no `String(format:)`, which cost more than the rest
    /// of a recorded entry's fixed fields together.
    mutating func timestamp(_ date: Date) {
        // To the nearest millisecond: 0.999 s is held as 0.998999..., which must print .999.
        let exact = (date.timeIntervalSince1970 * 1000).rounded()
        let total = exact.magnitude < 1e15 ? Int64(exact) : 0
        let millis = (total % 1000 + 1000) % 1000
        var seconds = time_t((total - millis) / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        bytes.append(UInt8(ascii: "\""))
        digits(Int(parts.tm_year) + 1900, 4); bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2); bytes.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2); bytes.append(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), 2); bytes.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2); bytes.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2); bytes.append(UInt8(ascii: "."))
        digits(Int(millis), 3)
        raw("Z\"")
    }

    /// `value` in decimal, zero-padded to `width` digits (wider values keep their digits).
    private mutating func digits(_ value: Int, _ width: Int) {
        let value = max(value, 0)
        var divisor = 1
        for _ in 1..<max(width, 1) { divisor *= 10 }
        while divisor <= value / 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// Whether `bytes` are UTF-8 (a body is stored as text, or else base64): ASCII eight bytes
    /// at a time, anything else by the standard library's validation.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        let ascii = bytes.withUnsafeBytes { raw -> Bool in
            var index = 0
            while index + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
            while index < raw.count {
                if raw[index] >= 0x80 { return false }
                index += 1
            }
            return true
        }
        return ascii || String(validating: bytes, as: UTF8.self) != nil
    }
}
