/// Which fields of an object were seen: bit masks, inline for up to 128 fields.
struct SeenFields {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    /// Words for fields past 128; `nil` (no allocation, no reference counting) for most objects.
    private var rest: [UInt64]?

    /// Marks `position` as seen; returns `true` when it had been seen before.
    @inline(__always)
    mutating func insert(_ position: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(position & 63)
        switch position >> 6 {
        case 0:
            defer { low |= bit }
            return low & bit != 0
        case 1:
            defer { high |= bit }
            return high & bit != 0
        default:
            let word = (position >> 6) - 2
            var words = rest ?? []
            while words.count <= word { words.append(0) }
            defer { words[word] |= bit; rest = words }
            return words[word] & bit != 0
        }
    }

    @inline(__always)
    func contains(_ position: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(position & 63)
        switch position >> 6 {
        case 0: return low & bit != 0
        case 1: return high & bit != 0
        default:
            let word = (position >> 6) - 2
            guard let rest, word < rest.count else { return false }
            return rest[word] & bit != 0
        }
    }
}
