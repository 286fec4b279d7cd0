#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// eˣ two values at a time, bit for bit what the C library's `exp` returns on
/// this machine, about twice as fast on x86-64: it works on both values at
/// once and calls nothing.
///
/// glibc's `exp` (2.28 and later, from Arm's optimized-routines) writes
/// x = k·ln2/128 + r with an integer k and |r| ≤ ln2/256, and returns
///
///     scale + scale·tmp,   tmp = T + r + r²(c₂ + r c₃) + r⁴(c₄ + r c₅),
///
/// where scale·(1 + T) ≈ 2^(k/128) comes from ``table``. Compiled for a CPU
/// with FMA (x86-64 since Haswell, every arm64), eight of its operations are
/// fused multiply-adds, rounded once. Portable Swift on x86-64 has no fused
/// multiply-add instruction, so this evaluates the same formula with separate
/// multiplies and adds and keeps a result only where it provably equals the
/// fused one:
///
/// - k is the same: x·(128/ln2) + 1.5·2⁵² rounds the exact product to an
///   integer either way, unless the rounded product is exactly halfway
///   between two integers (checked);
/// - x + k·(−ln2/128)_hi is the same: the product is exact (the constant has
///   36 significant bits and |k| < 2¹⁷ for |x| < 512);
/// - every later difference is below one unit in the last place of r, T + r,
///   and the two partial sums of tmp (all below 2⁻⁸, units of 2⁻⁶¹), so
///   |tmp − tmp_fused| < 2⁻⁵⁹, and the exact value scale·(1 + tmp_fused) lies
///   within scale·2⁻⁵⁸·⁶⁷ of scale + q, q = scale·tmp rounded. That sum is
///   held exactly as y + lo (Fast2Sum), and y is the correctly rounded fused
///   result whenever |lo| is further than y·2⁻⁵⁸·⁵ from half a unit of y
///   (which also covers the rounding of that bound itself).
///
/// A value that fails a check (about 3 in 100), or lies outside
/// 2⁻⁵⁴ ≤ |x| < 512 (where glibc takes other paths), comes back as NaN for
/// the caller to recompute with the C library. If the C library's `exp` is
/// not this algorithm with fused operations (another C library, or a CPU
/// without FMA), ``matchesLibrary`` is false and every value does.
enum Exponential {
    /// Runs `body` with the table for ``expOrNaN(_:_:)``, or with `nil` when
    /// the C library's `exp` is another algorithm (see ``matchesLibrary``).
    @inline(__always)
    static func withTable<Result>(_ body: (UnsafePointer<UInt64>?) -> Result) -> Result {
        guard matchesLibrary else { return body(nil) }
        return table.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// exp of both lanes, or NaN in a lane that the caller must recompute
    /// with ``libraryExp(_:)`` (every lane when `table` is `nil`). Calling
    /// nothing keeps the caller's loop free of spills around a call; lanes
    /// are combined with bit operations, which compile to single
    /// instructions.
    @inline(__always)
    static func expOrNaN(_ x: SIMD2<Double>, _ table: UnsafePointer<UInt64>?) -> SIMD2<Double> {
        guard let table else { return SIMD2(repeating: .nan) }
        let product = x * invLn2N
        let shifted = product + shift
        let k = shifted - shift
        let r = (x + k * negLn2HiN) + k * negLn2LoN
        let index = (shifted.bits & 127) &<< 1
        let i0 = Int(truncatingIfNeeded: index[0]), i1 = Int(truncatingIfNeeded: index[1])
        let tail = SIMD2(bits: SIMD2(table[i0], table[i1]))
        let scale = SIMD2(bits: SIMD2(table[i0 + 1], table[i1 + 1]) &+ (shifted.bits &<< 45))
        let r2 = r * r
        let a = r + tail
        let p23 = r * c3 + c2
        let p45 = r * c5 + c4
        let partial = p23 * r2 + a
        let r4 = r2 * r2
        let tmp = r4 * p45 + partial
        let q = scale * tmp
        let y = scale + q
        let lo = q - (y - scale)
        let binade = SIMD2(bits: y.bits & 0x7ff0_0000_0000_0000)
        // Tiny |x| (below 2⁻⁵⁴, where glibc returns 1 + x) gives y = 1, a
        // power of two: it fails `y != binade` and goes to the library.
        let exact = ((lo.magnitude .< binade * 0x1p-53 - y * twoToMinus58Point5) .& (y .!= binade)
            .& ((product - k).magnitude .!= 0.5) .& (x.magnitude .< 512)).bits
        return SIMD2(bits: (y.bits & exact) | (SIMD2<Double>(repeating: .nan).bits & ~exact))
    }

    /// The C library's `exp`.
    static func libraryExp(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.exp(x)
        #else
        Darwin.exp(x)
        #endif
    }

    /// Whether the C library's `exp` is the fused algorithm above: true when
    /// it returns the fused results on inputs where glibc without FMA
    /// returns others.
    static let matchesLibrary: Bool = probes.allSatisfy { x, fused in
        libraryExp(Double(bitPattern: x)).bitPattern == fused
    }

    /// (x, exp(x)) bit patterns where glibc's fused and unfused `exp` differ.
    static let probes: [(UInt64, UInt64)] = [
        (0xbfe3_8b60_1feb_d430, 0x3fe1_5fbb_91bc_8a35),
        (0xc02d_2426_ce37_b8e8, 0x3e9f_89ed_f739_5a27),
        (0x4042_8565_4440_94f6, 0x4345_b6b1_b8fb_7ce9),
    ]

    private static let invLn2N = Double(bitPattern: 0x4067_1547_652b_82fe)
    private static let negLn2HiN = Double(bitPattern: 0xbf76_2e42_fefa_0000)
    private static let negLn2LoN = Double(bitPattern: 0xbd0c_f79a_bc9e_3b3a)
    private static let shift = Double(bitPattern: 0x4338_0000_0000_0000)
    private static let c2 = Double(bitPattern: 0x3fdf_ffff_ffff_fdbd)
    private static let c3 = Double(bitPattern: 0x3fc5_5555_5555_543c)
    private static let c4 = Double(bitPattern: 0x3fa5_5555_cf17_2b91)
    private static let c5 = Double(bitPattern: 0x3f81_1111_67a4_d017)
    /// 2^−58.5, rounded up.
    private static let twoToMinus58Point5 = Double(bitPattern: 0x3c46_a09e_667f_3bcd)
}
