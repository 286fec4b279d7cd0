/// A seeded pseudo-random number generator, so that every random weight in
/// a lecture is the same on every run and every machine.
///
/// The algorithm is xoshiro256** 1.0 by David Blackman and Sebastiano Vigna
/// (2018, <https://prng.di.unimi.it/xoshiro256starstar.c>): 256 bits of state,
/// period 2²⁵⁶ − 1, each output `rotl(s₁ · 5, 7) · 9`. As its authors advise,
/// the state is filled from the 64-bit seed by the first four outputs of
/// SplitMix64 (<https://prng.di.unimi.it/splitmix64.c>), which never yields
/// the forbidden all-zero state.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// The generator whose state SplitMix64 derives from `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    /// The next 64 uniformly distributed bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
