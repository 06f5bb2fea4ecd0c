/// Deterministic UUIDs for golden payloads, derived from where the value sits.
///
/// DESIGN.md "Golden payloads" asks for byte-identical files on every run and machine, so no
/// random generator and no clock is used: the 128 bits are two 64-bit FNV-1a hashes of
/// `service/operation/pointer` (with different offset bases), formatted as an RFC 4122
/// version-5-style UUID (version nibble 5, variant bits 10). The same place always gets
/// the same id; different places get different ids.
public enum GoldenUUID {
    /// The UUID for `key`, lower-case, 36 characters.
    public static func make(_ key: String) -> String {
        var high = fnv1a(key, basis: 0xcbf2_9ce4_8422_2325)
        var low = fnv1a(key, basis: 0x6c62_272e_07bb_0142)
        high = (high & ~0x0000_0000_0000_F000) | 0x0000_0000_0000_5000
        low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let hex = hex16(high) + hex16(low)
        let characters = Array(hex)
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(characters[$0]) }
        return groups.joined(separator: "-")
    }

    /// 64-bit FNV-1a over the UTF-8 bytes of `text`.
    static func fnv1a(_ text: String, basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func hex16(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
