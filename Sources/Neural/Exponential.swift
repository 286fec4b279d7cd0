#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// eˣ, two values at a time: for |x| < 512 at most 1 ulp from the C
/// library's `exp` (measured over 1.2 million arguments in [−745, 710] and
/// of magnitudes 2⁻⁶³…2¹⁰, and asserted by `ExponentialTests`), so within
/// 1.52 ulp of eˣ since glibc's `exp` is within 0.52 ulp; the C library's own
/// `exp` outside that range, for infinities and for NaN.
///
/// The algorithm is glibc's (from Arm's optimized-routines), without fused
/// multiply-adds, which portable x86-64 Swift does not have: x is written as
/// x = k·ln2/128 + r with an integer k and |r| ≤ ln2/256 (a Cody–Waite
/// reduction with ln2/128 split in two parts, the first with 36 significant
/// bits so that k times it is exact), and
///
///     eˣ ≈ scale + scale·tmp,   tmp = T + r + r²(c₂ + r c₃) + r⁴(c₄ + r c₅),
///
/// where scale·(1 + T) ≈ 2^(k/128) comes from ``table`` (scale's exponent
/// gets ⌊k/128⌋ added to its bits) and the polynomial is a minimax
/// approximation of eʳ − 1 with relative error below 2⁻⁶⁶ on |r| ≤ ln2/256.
/// Every rounding before the last addition is relative to a quantity below
/// 2⁻⁸ of the result, so the result is the rounded sum of scale and a slightly
/// perturbed scale·tmp.
///
/// Results differ from the C library's `exp` (which uses fused multiply-adds
/// on x86-64 with FMA) in a few arguments in 100 at most (asserted: under 5),
/// by one unit in the last place. Lanes with |x| ≥ 512 (where 2^(k/128) needs more care near
/// overflow and in the subnormal range) or NaN go to the C library, one at a
/// time; a sigmoid in a training loop almost never sees them.
enum Exponential {
    /// Runs `body` with the base address of ``table``, for the kernels.
    @inline(__always)
    static func withTable<Result>(_ body: (UnsafePointer<UInt64>) -> Result) -> Result {
        table.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// eˣ of both lanes (see ``Exponential``).
    @inline(__always)
    static func exp(_ x: SIMD2<Double>, _ table: UnsafePointer<UInt64>) -> SIMD2<Double> {
        if _fastPath(all(x.magnitude .< 512)) {
            return kernel(x, table)
        }
        return SIMD2(exp(x[0], table), exp(x[1], table))
    }

    /// eˣ of one value, as a lane of ``exp(_:_:)-(SIMD2<Double>,_)`` gives it.
    @inline(__always)
    static func exp(_ x: Double, _ table: UnsafePointer<UInt64>) -> Double {
        x.magnitude < 512 ? kernel(SIMD2(repeating: x), table)[0] : libraryExp(x)
    }

    /// eˣ of one value, as a lane of ``exp(_:_:)-(SIMD2<Double>,_)`` gives it.
    static func exp(_ x: Double) -> Double {
        withTable { exp(x, $0) }
    }

    /// The approximation for |x| < 512 in both lanes: no branch, no call.
    @inline(__always)
    static func kernel(_ x: SIMD2<Double>, _ table: UnsafePointer<UInt64>) -> SIMD2<Double> {
        let shifted = x * invLn2N + shift
        let k = shifted - shift
        let r = (x + k * negLn2HiN) + k * negLn2LoN
        let index = (shifted.bits & 127) &<< 1
        let i0 = Int(truncatingIfNeeded: index[0]), i1 = Int(truncatingIfNeeded: index[1])
        let tail = SIMD2(bits: SIMD2(table[i0], table[i1]))
        let scale = SIMD2(bits: SIMD2(table[i0 + 1], table[i1 + 1]) &+ (shifted.bits &<< 45))
        let r2 = r * r
        let tmp = (tail + r) + r2 * (c2 + r * c3) + (r2 * r2) * (c4 + r * c5)
        return scale + scale * tmp
    }

    /// The C library's `exp`.
    static func libraryExp(_ x: Double) -> Double {
        #if canImport(Glibc)
        Glibc.exp(x)
        #else
        Darwin.exp(x)
        #endif
    }

    private static let invLn2N = Double(bitPattern: 0x4067_1547_652b_82fe)
    private static let negLn2HiN = Double(bitPattern: 0xbf76_2e42_fefa_0000)
    private static let negLn2LoN = Double(bitPattern: 0xbd0c_f79a_bc9e_3b3a)
    private static let shift = Double(bitPattern: 0x4338_0000_0000_0000)
    private static let c2 = Double(bitPattern: 0x3fdf_ffff_ffff_fdbd)
    private static let c3 = Double(bitPattern: 0x3fc5_5555_5555_543c)
    private static let c4 = Double(bitPattern: 0x3fa5_5555_cf17_2b91)
    private static let c5 = Double(bitPattern: 0x3f81_1111_67a4_d017)
}
