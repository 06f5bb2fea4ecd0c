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
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20, 0x7F:
                raw("\\u00")
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"name":` — a member name and its colon.
    mutating func key(_ name: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        raw("\":")
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// An ISO 8601 UTC timestamp with milliseconds (`2024-01-02T03:04:05.678Z`), without a
    /// formatter object per call.
    static func timestamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        var seconds = time_t(interval.rounded(.down))
        let millis = Int(((interval - Double(seconds)) * 1000).rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                      Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), min(max(millis, 0), 999))
    }
}
