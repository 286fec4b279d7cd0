#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The normal distribution N(μ, σ²), sampled by the Box–Muller transform.
///
/// A sample takes two outputs of the generator and makes them uniforms with
/// 53 random bits, u₁ = 1 − b₁/2⁵³ ∈ (0, 1] and u₂ = b₂/2⁵³ ∈ [0, 1), where bᵢ
/// is the output shifted right by 11; then z = √(−2 ln u₁) · cos(2π u₂) is
/// standard normal (G. E. P. Box and M. E. Muller, "A Note on the Generation
/// of Random Normal Deviates", Ann. Math. Statist. 29, 1958), and the sample
/// is μ + σz. The partner √(−2 ln u₁) · sin(2π u₂) is not kept, so a sample
/// depends on nothing but the generator's state. The standard library's
/// `Double.random(in:)` is avoided: its algorithm may change between releases.
public struct NormalDistribution: Sendable, Equatable {
    /// The mean μ.
    public var mean: Double
    /// The standard deviation σ.
    public var standardDeviation: Double

    public init(mean: Double = 0, standardDeviation: Double = 1) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// N(0, 1), as NumPy's `np.random.normal` with its defaults.
    public static let standard = NormalDistribution()

    /// One sample μ + σz.
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        let u1 = 1 - Double(generator.next() >> 11) * 0x1p-53
        let u2 = Double(generator.next() >> 11) * 0x1p-53
        return mean + standardDeviation * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

extension Matrix {
    /// An m×n matrix of independent samples of `distribution`, drawn row by row.
    public init(
        rows: Int, columns: Int,
        sampling distribution: NormalDistribution,
        using generator: inout some RandomNumberGenerator
    ) {
        self.init(rows: rows, columns: columns) { _, _ in distribution.sample(using: &generator) }
    }
}
