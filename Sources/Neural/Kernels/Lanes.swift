/// Eight doubles, the width every kernel computes with.
///
/// LLVM lowers a `SIMD8<Double>` operation to the target's registers: one
/// AVX-512 register, two AVX2 registers, or four SSE2 or NEON registers. The
/// kernels fix the width at eight in their code, so every lane goes through
/// the same operations, and every sum adds its terms in the same order, on
/// every CPU: how many lanes the hardware holds changes the speed, never the
/// bits.
typealias Lanes = SIMD8<Double>

extension SIMD8 where Scalar == Double {
    /// The eight values at `p[0..<8]`.
    @inline(__always)
    init(loading p: UnsafePointer<Double>) {
        self = UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
    }

    /// The `count` values at `p[0..<count]`, count ≤ 8, in the first lanes;
    /// the other lanes hold 0.
    @inline(__always)
    init(loading p: UnsafePointer<Double>, count: Int) {
        if count == 8 {
            self.init(loading: p)
        } else {
            self.init()
            for lane in 0..<count {
                self[lane] = p[lane]
            }
        }
    }

    /// Writes the eight lanes to `p[0..<8]`.
    @inline(__always)
    func store(to p: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(p).storeBytes(of: self, as: Lanes.self)
    }

    /// Writes the first `count` lanes, count ≤ 8, to `p[0..<count]`.
    @inline(__always)
    func store(to p: UnsafeMutablePointer<Double>, count: Int) {
        if count == 8 {
            store(to: p)
        } else {
            for lane in 0..<count {
                p[lane] = self[lane]
            }
        }
    }

    /// The lanes' bit patterns.
    @inline(__always)
    var bits: SIMD8<UInt64> { unsafeBitCast(self, to: SIMD8<UInt64>.self) }

    /// The lanes with the given bit patterns.
    @inline(__always)
    init(bits: SIMD8<UInt64>) { self = unsafeBitCast(bits, to: Lanes.self) }

    /// |x| in each lane (the sign bit cleared).
    @inline(__always)
    var magnitude: Lanes { Lanes(bits: bits & 0x7fff_ffff_ffff_ffff) }

    /// ((x₀ + x₄) + (x₁ + x₅)) + ((x₂ + x₆) + (x₃ + x₇)): the lanes added in
    /// a fixed order, halves first (the standard library's `sum()` leaves
    /// the order unspecified).
    @inline(__always)
    var pairwiseSum: Double {
        let quads = lowHalf + highHalf
        let pairs = SIMD2(quads[0], quads[2]) + SIMD2(quads[1], quads[3])
        return pairs[0] + pairs[1]
    }
}

extension SIMDMask where Storage == SIMD8<Int64> {
    /// Whether every lane is true: the standard library's `all(_:)`, which
    /// calls a reduction that is not inlined, where this compiles to a test
    /// of the mask register (`kortestb` with AVX-512).
    @inline(__always)
    var isAllTrue: Bool {
        let lanes = unsafeBitCast(self, to: SIMD8<Int64>.self)
        let quads = lanes.lowHalf & lanes.highHalf
        let pairs = quads.lowHalf & quads.highHalf
        return pairs[0] & pairs[1] < 0
    }
}

/// a·b + c in each lane, rounded once (IEEE 754's fusedMultiplyAdd): one
/// FMA instruction where the target has it, the C library's `fma` per lane
/// where it has not, the same bits either way. Written lane by lane rather
/// than through the standard library's `addingProduct`, whose loop over the
/// lanes compiles to the same instruction when optimized but runs about
/// twice as slowly in a debug build.
@inline(__always)
func fusedMultiplyAdd(_ a: Lanes, _ b: Lanes, _ c: Lanes) -> Lanes {
    Lanes(c[0].addingProduct(a[0], b[0]), c[1].addingProduct(a[1], b[1]),
          c[2].addingProduct(a[2], b[2]), c[3].addingProduct(a[3], b[3]),
          c[4].addingProduct(a[4], b[4]), c[5].addingProduct(a[5], b[5]),
          c[6].addingProduct(a[6], b[6]), c[7].addingProduct(a[7], b[7]))
}
