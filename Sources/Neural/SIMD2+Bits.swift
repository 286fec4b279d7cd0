/// Bit-level views of two-lane vectors, for the branch-free kernel of
/// ``Exponential``: each compiles to a single SSE2 or NEON instruction (or to
/// none), where the standard library's lane-by-lane `replacing(with:where:)`
/// may not.
extension SIMD2 where Scalar == Double {
    /// The lanes' bit patterns.
    @inline(__always)
    var bits: SIMD2<UInt64> { unsafeBitCast(self, to: SIMD2<UInt64>.self) }

    /// The vector with the given lane bit patterns.
    @inline(__always)
    init(bits: SIMD2<UInt64>) { self = unsafeBitCast(bits, to: SIMD2<Double>.self) }

    /// |x| in each lane (the sign bit cleared).
    @inline(__always)
    var magnitude: SIMD2<Double> { SIMD2(bits: bits & 0x7fff_ffff_ffff_ffff) }
}

extension SIMDMask where Storage == SIMD2<Int64> {
    /// All ones in a true lane, all zeros in a false one.
    @inline(__always)
    var bits: SIMD2<UInt64> { unsafeBitCast(self, to: SIMD2<UInt64>.self) }
}
