/// SplitMix64 (Steele, Lea, Flood 2014): a small seeded random generator, so that a seed names a
/// run. `verify` draws its cases with it, the mock its faults, the tests their mutations: the same
/// seed gives the same sequence on every platform (unlike `SystemRandomNumberGenerator`).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The generator's output function on its own: a well-spread hash of one 64-bit value
    /// (`SplitMix64(seed: x).next() == mix(x &+ 0x9E37_79B9_7F4A_7C15)`).
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
