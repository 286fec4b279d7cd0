import CLookup

/// eˣ for eight arguments at a time: within 0.66 ulp of the exact value for
/// normal results, and within 1.16 of the smallest subnormal for subnormal
/// ones (``ExponentialTests`` measure at most 0.641 and 0.792 over dense
/// sweeps of the whole range against an independent double-double
/// computation; a search of a million arguments with j = 15 and |r| near
/// ln2/32, against 140-bit mpmath, found 0.656 at x = 311.89229986173996),
/// with the same bits on every CPU.
///
/// The algorithm, for |x| < 708:
///
///     k = round(x·16/ln2)          by adding 1.5·2⁵² inside a fused multiply-add;
///                                  k = 16m + j, 0 ≤ j < 16
///     r = (x − k·L₁) − k·L₂        L₁ = ln2/16 rounded, L₂ = ln2/16 − L₁; |r| ≤ ln2/32
///     eʳ − 1 ≈ s = r + r²·q(r)     q of degree 4 (a minimax fit: relative error of eʳ
///                                  below 2⁻⁵⁶, see
///                                  Tests/NeuralTests/reference/exp_coefficients.py)
///     eˣ = 2ᵐ·(T + (T·s + t))      T + t = 2^(j/16) to twice double precision, from
///                                  a table of sixteen pairs; m added to the exponent
///                                  field
///
/// The product k·L₁ is exact inside its fused multiply-add and so is the
/// difference x − k·L₁. T·s + t is below 2⁻⁵ of T, so its own rounding, and
/// that of r, are below 0.02 of a unit of the result; the last addition
/// rounds once, by up to half a unit. Per lane: 10 fused multiply-adds or
/// multiplications, 2 additions, and the table lookup (``lookup_table16``:
/// one permutation of two registers with AVX-512, so that the table is read
/// from registers, not memory). With the table the polynomial has degree 6
/// where a reduction to |r| ≤ ln2/2 needs 12: the library's exponential of
/// that kind (16 fused multiply-adds and 9 additions, within 0.654 ulp) took
/// the two-layer benchmark's forward pass 800 µs per step against 661, and
/// the Iris fit 0.073 s against 0.052 (per-step minima and times of
/// interleaved runs on one core). Built for AVX2 alone (`-target-cpu
/// haswell`, run on the same Zen 4), where the lookup is two gathers per
/// part, the Iris fit takes the same time as with that exponential and the
/// two-layer run about 5 % more.
///
/// Outside |x| < 708 (a lane of the eight is enough) the result is built as
/// 2^(j/16)eʳ · 2^⌊m/2⌋ · 2^(m − ⌊m/2⌋), two multiplications that are exact
/// for a normal result and round a subnormal one once; above x = 709.78 the
/// result is +∞, below −745.14 it is 0, and NaN stays NaN. A lane's result
/// never depends on the other lanes.
///
/// **The same bits everywhere.** The kernel's fused multiply-adds are
/// written out (``fusedMultiplyAdd(_:_:_:)``), and IEEE 754 defines their
/// result exactly; the compiler fuses nothing else. Built for a CPU with FMA
/// (x86-64 with `-target-cpu` naming it, every arm64) each is one
/// instruction; built for plain x86-64, each lane of each one is a call to
/// the C library's `fma`, with the same result, several times slower. The
/// table lookup reads the same entries however it is compiled (a
/// permutation with AVX-512, gathers with AVX2, one lane at a time
/// otherwise). The eight-lane width is fixed in the code (``Lanes``). So
/// neither the CPU nor the build flags change a result
/// (``DeterminismTests``).
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
        // 2ᵐ·y: m, bits 4 and up of k (the low bits of `shifted`), added to
        // the exponent field, modulo 2⁶⁴ when m < 0.
        return Lanes(bits: y.bits &+ ((shifted.bits &<< 48) & 0xfff0_0000_0000_0000))
    }

    /// eˣ of one value: a lane of ``exp(_:)-(Lanes)``.
    static func exp(_ x: Double) -> Double {
        exp(Lanes(repeating: x))[0]
    }

    /// 2^(j/16)·eʳ ∈ [0.97, 1.98] for x = (16m + j)·ln2/16 + r, and
    /// x·16/ln2 + 1.5·2⁵² rounded, whose low bits hold the integer 16m + j.
    @inline(__always)
    static func reduced(_ x: Lanes) -> (y: Lanes, shifted: Lanes) {
        let shifted = fusedMultiplyAdd(x, Lanes(repeating: sixteenLog2e), Lanes(repeating: shift))
        let k = shifted - shift
        // r₁ = x − k·L₁ exactly; r = r₁ − k·L₂ rounded.
        let r1 = fusedMultiplyAdd(k, Lanes(repeating: -ln2Hi / 16), x)
        let r = fusedMultiplyAdd(k, Lanes(repeating: -ln2Lo / 16), r1)
        // Horner's rule, one fused multiply-add per coefficient.
        var q = fusedMultiplyAdd(Lanes(repeating: c4), r, Lanes(repeating: c3))
        q = fusedMultiplyAdd(q, r, Lanes(repeating: c2))
        q = fusedMultiplyAdd(q, r, Lanes(repeating: c1))
        q = fusedMultiplyAdd(q, r, Lanes(repeating: c0))
        let s = fusedMultiplyAdd(r * r, q, r)
        // j, the low four bits of k, picks the table's entry.
        let j = SIMD8<Int64>(truncatingIfNeeded: shifted.bits)
        let high = lookup_table16(Lanes(h0, h1, h2, h3, h4, h5, h6, h7), Lanes(h8, h9, h10, h11, h12, h13, h14, h15), j)
        let low = lookup_table16(Lanes(l0, l1, l2, l3, l4, l5, l6, l7), Lanes(l8, l9, l10, l11, l12, l13, l14, l15), j)
        return (high + fusedMultiplyAdd(high, s, low), shifted)
    }

    /// eˣ when some lane has |x| ≥ 708 or is NaN (see ``Exponential``).
    @inline(never)
    static func expOutsideNormalRange(_ x: Lanes) -> Lanes {
        // Clamped, e^x is 0 or +∞ in double precision beyond both bounds,
        // and m stays within the range of two normal powers of two.
        let clamped = x.replacing(with: -746, where: x .< -746).replacing(with: 710, where: x .> 710)
        let (y, shifted) = reduced(clamped)
        let m = SIMD8<Int64>(truncatingIfNeeded: shifted.bits &- Lanes(repeating: shift).bits) &>> 4
        let half = m &>> 1
        let scaled = y * power(half) * power(m &- half)
        return scaled.replacing(with: x, where: x .!= x)
    }

    /// 2ⁿ for integers −1022 ≤ n ≤ 1023, built from its bits.
    @inline(__always)
    private static func power(_ n: SIMD8<Int64>) -> Lanes {
        Lanes(bits: SIMD8<UInt64>(truncatingIfNeeded: n &+ 1023) &<< 52)
    }

    private static let shift = 0x1.8p52
    private static let sixteenLog2e = 0x1.71547652b82fep4
    private static let ln2Hi = 0x1.62e42fefa39efp-1
    private static let ln2Lo = 0x1.abc9e3b39803fp-56
    // q(r) = c₀ + c₁r + … + c₄r⁴ ≈ (eʳ − 1 − r)/r², and 2^(j/16) = hⱼ + lⱼ,
    // as printed by Tests/NeuralTests/reference/exp_coefficients.py.
    private static let c0 = 0x1.0000000000000p-1, c1 = 0x1.555555548d065p-3, c2 = 0x1.55555553608dap-5
    private static let c3 = 0x1.11123c8f68e52p-7, c4 = 0x1.6c1a43ed9f0e1p-10
    private static let h0 = 0x1.0000000000000p+0, h1 = 0x1.0b5586cf9890fp+0, h2 = 0x1.172b83c7d517bp+0
    private static let h3 = 0x1.2387a6e756238p+0, h4 = 0x1.306fe0a31b715p+0, h5 = 0x1.3dea64c123422p+0
    private static let h6 = 0x1.4bfdad5362a27p+0, h7 = 0x1.5ab07dd485429p+0, h8 = 0x1.6a09e667f3bcdp+0
    private static let h9 = 0x1.7a11473eb0187p+0, h10 = 0x1.8ace5422aa0dbp+0, h11 = 0x1.9c49182a3f090p+0
    private static let h12 = 0x1.ae89f995ad3adp+0, h13 = 0x1.c199bdd85529cp+0, h14 = 0x1.d5818dcfba487p+0
    private static let h15 = 0x1.ea4afa2a490dap+0
    private static let l0 = 0x0.0p+0, l1 = 0x1.8a62e4adc610bp-54, l2 = -0x1.19041b9d78a76p-55
    private static let l3 = 0x1.9b07eb6c70573p-54, l4 = 0x1.6f46ad23182e4p-55, l5 = 0x1.ada0911f09ebcp-55
    private static let l6 = 0x1.d4397afec42e2p-56, l7 = 0x1.6324c054647adp-54, l8 = -0x1.bdd3413b26456p-54
    private static let l9 = -0x1.41577ee04992fp-55, l10 = 0x1.6e9f156864b27p-54, l11 = 0x1.c7c46b071f2bep-56
    private static let l12 = 0x1.7a1cd345dcc81p-54, l13 = 0x1.11065895048ddp-55, l14 = 0x1.2ed02d75b3707p-55
    private static let l15 = -0x1.e9c23179c2893p-54
}
