/// A real number to about 106 bits, as the unevaluated sum hi + lo of two
/// doubles with |lo| ≤ ulp(hi)/2: the arithmetic of the tests' references
/// for eˣ and σ, independent of the library (a Taylor series, no fitted
/// polynomial, no table), held to mpmath's values by `DoubleDoubleTests`.
///
/// The operations are the error-free transformations of Dekker and Knuth
/// (TwoSum, and TwoProd with a fused multiply-add), each result good to a
/// few units of 2⁻¹⁰⁶ relative.
struct DoubleDouble {
    var hi: Double
    var lo: Double

    init(_ hi: Double, _ lo: Double = 0) {
        (self.hi, self.lo) = DoubleDouble.fastTwoSum(hi, lo)
    }

    /// s + e = a + b exactly, s = a + b rounded.
    static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        let bb = s - a
        return (s, (a - (s - bb)) + (b - bb))
    }

    /// s + e = a + b exactly, for |a| ≥ |b| (or a = 0).
    static func fastTwoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        return (s, b - (s - a))
    }

    /// p + e = a·b exactly.
    static func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))
    }

    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        var (s, e) = twoSum(a.hi, b.hi)
        let (t, f) = twoSum(a.lo, b.lo)
        e += t
        (s, e) = fastTwoSum(s, e)
        e += f
        return DoubleDouble(s, e)
    }

    static prefix func - (a: DoubleDouble) -> DoubleDouble {
        DoubleDouble(-a.hi, -a.lo)
    }

    static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        a + -b
    }

    static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        var (p, e) = twoProduct(a.hi, b.hi)
        e += a.hi * b.lo + a.lo * b.hi
        return DoubleDouble(p, e)
    }

    static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let q1 = a.hi / b.hi
        var r = a - b * DoubleDouble(q1)
        let q2 = r.hi / b.hi
        r = r - b * DoubleDouble(q2)
        let q3 = r.hi / b.hi
        return DoubleDouble(q1, q2) + DoubleDouble(q3)
    }

    /// This number times 2ⁿ, exact while the parts stay normal.
    func scaled(by n: Int) -> DoubleDouble {
        DoubleDouble(Double(sign: .plus, exponent: n, significand: 1) * hi,
                     Double(sign: .plus, exponent: n, significand: 1) * lo)
    }

    /// ln 2 as three doubles, about 160 bits.
    static let ln2 = (0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56, 0x1.7b57a079a1934p-111)
}

/// A positive real number m·2ᵉ, m a ``DoubleDouble`` near 1: the form in
/// which the references give eˣ and σ(z), so that values far below the
/// smallest double keep their 106 bits.
struct ScaledReference {
    var mantissa: DoubleDouble
    var exponent: Int

    /// eˣ for −746 ≤ x ≤ 710: x = k·ln2 + r with r computed in double-double
    /// arithmetic from a three-part ln 2, then eʳ = Σ rⁿ/n! to n = 27
    /// (|r| ≤ 0.35, so the first term left out is below 2⁻¹³⁰).
    static func exp(_ x: Double) -> ScaledReference {
        let k = (x / DoubleDouble.ln2.0).rounded()
        let (p0, e0) = DoubleDouble.twoProduct(k, DoubleDouble.ln2.0)
        let (p1, e1) = DoubleDouble.twoProduct(k, DoubleDouble.ln2.1)
        let r = DoubleDouble(x) - DoubleDouble(p0, e0) - DoubleDouble(p1, e1) - DoubleDouble(k * DoubleDouble.ln2.2)
        var sum = DoubleDouble(1), term = DoubleDouble(1)
        for n in 1...27 {
            term = term * r / DoubleDouble(Double(n))
            sum = sum + term
        }
        return ScaledReference(mantissa: sum, exponent: Int(k))
    }

    /// σ(z) = 1 / (1 + e⁻ᶻ) for −746 ≤ z ≤ 746, as eᶻ / (1 + eᶻ) for z < 0
    /// so that nothing overflows.
    static func logistic(_ z: Double) -> ScaledReference {
        let e = exp(-z.magnitude)
        // e⁻|ᶻ| = m·2ᵏ, k ≤ 0; below 2⁻²⁰⁰ it changes 1 + e⁻|ᶻ| by less than 2⁻¹⁰⁶.
        let tail = e.exponent < -200 ? DoubleDouble(0) : e.mantissa.scaled(by: e.exponent)
        let denominator = DoubleDouble(1) + tail
        if z >= 0 {
            return ScaledReference(mantissa: DoubleDouble(1) / denominator, exponent: 0)
        }
        return ScaledReference(mantissa: e.mantissa / denominator, exponent: e.exponent)
    }

    /// The difference y − m·2ᵉ in units of the last place of m·2ᵉ as a
    /// double (2⁻¹⁰⁷⁴ below the normal range): the error of y as an
    /// approximation of this number.
    func ulps(of y: Double) -> Double {
        // y·2⁻ᵉ, exact: a power-of-two rescaling of a number near m.
        let rescaled = y == 0 ? 0 : Double(sign: .plus, exponent: y.exponent - exponent, significand: y.significand)
        let difference = (rescaled - mantissa.hi) - mantissa.lo
        // The exponent of the value itself, one less just below a power of two.
        var valueExponent = exponent + mantissa.hi.exponent
        if mantissa.hi.significand == 1 && mantissa.lo < 0 {
            valueExponent -= 1
        }
        let ulpExponent = max(valueExponent - 52, -1074)
        return difference.magnitude * Double(sign: .plus, exponent: exponent - ulpExponent, significand: 1)
    }
}
