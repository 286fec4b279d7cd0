"""An independent implementation of SeededGenerator: xoshiro256** 1.0 seeded
by SplitMix64, and the Box-Muller normal sampler, transcribed from the
reference C code at https://prng.di.unimi.it/. Prints the values pinned in
SeededGeneratorTests.
"""
import math

MASK = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, seed):
        self.s = []
        state = seed
        for _ in range(4):
            state, value = splitmix64(state)
            self.s.append(value)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result

    def normal(self):
        u1 = 1 - (self.next() >> 11) * 2.0 ** -53
        u2 = (self.next() >> 11) * 2.0 ** -53
        return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)


# The first SplitMix64 output from state 0, a value published with the algorithm.
assert splitmix64(0)[1] == 0xE220A8397B1DCDAF

for seed in (0, 42):
    g = Xoshiro256StarStar(seed)
    print(f"seed {seed}: " + ", ".join(f"0x{g.next():016X}" for _ in range(4)))
g = Xoshiro256StarStar(42)
print("normal, seed 42:", [f"{g.normal():.17g}" for _ in range(4)])
