/// The logistic function σ(z) = 1 / (1 + e⁻ᶻ) for eight arguments at a
/// time, computed by that formula with e⁻ᶻ from ``Exponential``: within
/// 2.6 ulp of σ(z) (``LogisticTests`` measure at most 2.52 over the whole
/// range against an independent double-double computation), with the same
/// bits on every CPU. Most of the error is the formula's own: where σ is
/// just below a power of two, the rounding of 1 + e⁻ᶻ alone is a whole unit
/// of σ, so that even an exact e⁻ᶻ can leave 2.3 ulp. It is NumPy's
/// `1/(1+np.exp(-z))`, which takes e⁻ᶻ from the C library instead, so the
/// two can differ in the last bits.
///
/// The formula alone gives 0 for z < −709.78, where e⁻ᶻ overflows, but σ(z)
/// is then a subnormal number ≈ eᶻ (1 + eᶻ rounds to 1 once z < −37): below
/// z = −708 the result is eᶻ, which keeps full accuracy down to the smallest
/// subnormal, σ(−745.13) ≈ 4.9e−324. NaN stays NaN. A lane's result never
/// depends on the other lanes.
enum Logistic {
    /// σ of every lane.
    @inline(__always)
    static func sigmoid(_ z: Lanes) -> Lanes {
        if _fastPath((z.magnitude .< 708).isAllTrue) {
            return 1 / (1 + Exponential.expInNormalRange(-z))
        }
        return sigmoidOutsideNormalRange(z)
    }

    /// σ of the lanes of two vectors, computed side by side: one test of
    /// their range, then two independent chains of operations, which the
    /// processor overlaps where one chain alone would leave it waiting for
    /// each result.
    @inline(__always)
    static func sigmoid(_ a: Lanes, _ b: Lanes) -> (Lanes, Lanes) {
        if _fastPath(((a.magnitude .< 708) .& (b.magnitude .< 708)).isAllTrue) {
            return (1 / (1 + Exponential.expInNormalRange(-a)), 1 / (1 + Exponential.expInNormalRange(-b)))
        }
        return (sigmoidOutsideNormalRange(a), sigmoidOutsideNormalRange(b))
    }

    /// σ of one value: a lane of ``sigmoid(_:)-(Lanes)``.
    static func sigmoid(_ z: Double) -> Double {
        sigmoid(Lanes(repeating: z))[0]
    }

    /// s[i] = σ(z[i]) for i < count; `s` may be `z`.
    static func sigmoid(_ z: UnsafePointer<Double>, into s: UnsafeMutablePointer<Double>, count: Int) {
        forEachLanes(count) { i, lanes in
            sigmoid(Lanes(loading: z + i, count: lanes)).store(to: s + i, count: lanes)
        }
    }

    /// σ when some lane has |z| ≥ 708 or is NaN.
    @inline(never)
    static func sigmoidOutsideNormalRange(_ z: Lanes) -> Lanes {
        let below = z .< -708
        let e = Exponential.exp((-z).replacing(with: z, where: below))
        return (1 / (1 + e)).replacing(with: e, where: below)
    }
}
