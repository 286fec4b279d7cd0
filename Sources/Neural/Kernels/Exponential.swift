/// eˣ for eight arguments at a time: within 0.66 ulp of the exact value for
/// normal results, and within 1.16 of the smallest subnormal for subnormal
/// ones (``ExponentialTests`` measure at most 0.654 and 0.774 over dense
/// sweeps of the whole range against an independent double-double
/// computation), with the same bits on every CPU.
///
/// The algorithm, for |x| < 708:
///
///     k = round(x·log₂e)           by adding 1.5·2⁵² inside a fused multiply-add
///     r = (x − k·L₁) − k·L₂        L₁ = ln 2 rounded, L₂ = ln 2 − L₁; |r| ≤ ln2/2,
///                                  with r's rounding error r_lo kept
///     eʳ ≈ 1 + r + r²·q(r)         q of degree 10 (a minimax fit: relative error
///                                  below 2⁻⁶⁰, see
///                                  Tests/NeuralTests/reference/exp_coefficients.py)
///     eˣ = 2ᵏ·eʳ                   k added to the exponent field of eʳ
///
/// The product k·L₁ is exact inside its fused multiply-add and so is the
/// difference x − k·L₁; 1 + r is split exactly into hi + lo (Fast2Sum), and
/// lo carries r_lo, so that the last addition, hi + (lo + r²q), is the only
/// rounding of the size of half a unit. No table is read: every lane is
/// plain arithmetic, 15 fused multiply-adds or multiplications and 9
/// additions.
///
/// Outside |x| < 708 (a lane of the eight is enough) the result is built as
/// eʳ · 2^⌊k/2⌋ · 2^(k − ⌊k/2⌋), two multiplications that are exact for a
/// normal result and round a subnormal one once; above x = 709.78 the result
/// is +∞, below −745.14 it is 0, and NaN stays NaN. A lane's result never
/// depends on the other lanes.
///
/// **The same bits everywhere.** The kernel's fused multiply-adds are
/// written out (``fusedMultiplyAdd(_:_:_:)``), and IEEE 754 defines their
/// result exactly; the compiler fuses nothing else. Built for a CPU with FMA
/// (x86-64 with `-target-cpu` naming it, every arm64) each is one
/// instruction; built for plain x86-64, each lane of each one is a call to
/// the C library's `fma`, with the same result, several times slower. The
/// eight-lane width is fixed in the code (``Lanes``). So neither the CPU nor
/// the build flags change a result (``DeterminismTests``).
enum Exponential {
    /// eˣ of every lane (see ``Exponential``).
    @inline(__always)
    static func exp(_ x: Lanes) -> Lanes {
        if _fastPath((x.magnitude .< 708).isAllTrue) {
            return expInNormalRange(x)
        }
        return expOutsideNormalRange(x)
    }

    /// eˣ of every lane, for lanes with |x| < 708 only: the result is then
    /// a normal number (see ``Exponential``).
    @inline(__always)
    static func expInNormalRange(_ x: Lanes) -> Lanes {
        let (y, shifted) = reduced(x)
        // 2ᵏ·y: k (the low bits of `shifted`) added to the exponent field,
        // modulo 2⁶⁴ when k < 0.
        return Lanes(bits: y.bits &+ (shifted.bits &<< 52))
    }

    /// eˣ of one value: a lane of ``exp(_:)-(Lanes)``.
    static func exp(_ x: Double) -> Double {
        exp(Lanes(repeating: x))[0]
    }

    /// eʳ ∈ [0.70, 1.42] for x = k·ln2 + r, and x·log₂e + 1.5·2⁵² rounded,
    /// whose low bits hold the integer k.
    @inline(__always)
    static func reduced(_ x: Lanes) -> (y: Lanes, shifted: Lanes) {
        let shifted = fusedMultiplyAdd(x, Lanes(repeating: log2e), Lanes(repeating: shift))
        let k = shifted - shift
        // r₁ = x − k·L₁ exactly; r = r₁ − k·L₂ rounded, and its rounding error.
        let r1 = fusedMultiplyAdd(k, Lanes(repeating: -ln2Hi), x)
        let r = fusedMultiplyAdd(k, Lanes(repeating: -ln2Lo), r1)
        let rLow = fusedMultiplyAdd(k, Lanes(repeating: -ln2Lo), r1 - r)
        // Horner's rule, one fused multiply-add per coefficient.
        var q = fusedMultiplyAdd(Lanes(repeating: c10), r, Lanes(repeating: c9))
        q = fusedMultiplyAdd(q, r, Lanes(repeating: c8))
        q = fusedMultiplyAdd(q, r, Lanes(repeating: c7))
        q = fusedMultiplyAdd(q, r, Lanes(repeating: c6))
        q = fusedMultiplyAdd(q, r, Lanes(repeating: c5))
        q = fusedMultiplyAdd(q, r, Lanes(repeating: c4))
        q = fusedMultiplyAdd(q, r, Lanes(repeating: c3))
        q = fusedMultiplyAdd(q, r, Lanes(repeating: c2))
        q = fusedMultiplyAdd(q, r, Lanes(repeating: c1))
        q = fusedMultiplyAdd(q, r, Lanes(repeating: c0))
        let hi = 1 + r
        let lo = ((1 - hi) + r) + rLow
        return (hi + fusedMultiplyAdd(r * r, q, lo), shifted)
    }

    /// eˣ when some lane has |x| ≥ 708 or is NaN (see ``Exponential``).
    @inline(never)
    static func expOutsideNormalRange(_ x: Lanes) -> Lanes {
        // Clamped, e^x is 0 or +∞ in double precision beyond both bounds,
        // and k stays within the range of two normal powers of two.
        let clamped = x.replacing(with: -746, where: x .< -746).replacing(with: 710, where: x .> 710)
        let (y, shifted) = reduced(clamped)
        let k = SIMD8<Int64>(truncatingIfNeeded: shifted.bits &- Lanes(repeating: shift).bits)
        let half = k &>> 1
        let scaled = y * power(half) * power(k &- half)
        return scaled.replacing(with: x, where: x .!= x)
    }

    /// 2ⁿ for integers −1022 ≤ n ≤ 1023, built from its bits.
    @inline(__always)
    private static func power(_ n: SIMD8<Int64>) -> Lanes {
        Lanes(bits: SIMD8<UInt64>(truncatingIfNeeded: n &+ 1023) &<< 52)
    }

    private static let shift = 0x1.8p52
    private static let log2e = 0x1.71547652b82fep0
    private static let ln2Hi = 0x1.62e42fefa39efp-1
    private static let ln2Lo = 0x1.abc9e3b39803fp-56
    // q(r) = c₀ + c₁r + … + c₁₀r¹⁰ ≈ (eʳ − 1 − r)/r², as printed by
    // Tests/NeuralTests/reference/exp_coefficients.py.
    private static let c0 = 0x1.0000000000000p-1, c1 = 0x1.555555555555dp-3, c2 = 0x1.555555555556fp-5
    private static let c3 = 0x1.111111110e338p-7, c4 = 0x1.6c16c16c07ec4p-10, c5 = 0x1.a01a01b6f3e3ep-13
    private static let c6 = 0x1.a01a01fc7dacfp-16, c7 = 0x1.71dde7b3c0aacp-19, c8 = 0x1.27e40bf8b22c8p-22
    private static let c9 = 0x1.af7a33e933323p-26, c10 = 0x1.20d15eb136babp-29
}
