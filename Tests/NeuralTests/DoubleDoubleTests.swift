import Foundation
import Neural
import Testing

/// The tests' reference for eˣ and σ(z) (``ScaledReference``) against
/// mpmath's values in 400-digit arithmetic, printed by
/// reference/exp_values.py: they must agree to 2⁻⁹⁸ relative, far below the
/// 2⁻⁵³ of a unit in the last place that the kernels' tests measure.
@Suite struct DoubleDoubleTests {
    /// (x, hi, lo, exponent): the value is (hi + lo)·2^exponent.
    typealias Value = (x: Double, hi: Double, lo: Double, exponent: Int)

    static let exponentials: [Value] = [
        (0x0.0p+0, 0x1.0000000000000p+0, 0x0.0p+0, 0),
        (0x1.56e1fc2f8f359p-997, 0x1.0000000000000p+0, 0x1.56e1fc2f8f359p-997, 0),
        (-0x1.56e1fc2f8f359p-997, 0x1.0000000000000p+1, -0x1.56e1fc2f8f359p-996, -1),
        (0x1.0000000000000p-60, 0x1.0000000000000p+0, 0x1.0000000000000p-60, 0),
        (-0x1.0000000000000p-30, 0x1.fffffff800000p+0, 0x1.fffffffd55555p-61, -1),
        (0x1.0000000000000p-3, 0x1.2216045b6f5cdp+0, -0x1.8c4a5df1ec7e5p-58, 0),
        (-0x1.0000000000000p-3, 0x1.c3d6a24ed8222p+0, -0x1.e1e0a76cb0685p-54, -1),
        (0x1.62e42fefa39eep-2, 0x1.6a09e667f3bccp+0, 0x1.1906aef34863cp-55, 0),
        (-0x1.62e42fefa39f0p-2, 0x1.6a09e667f3bccp+0, 0x1.23c2594027c9ep-54, -1),
        (0x1.0000000000000p-1, 0x1.a61298e1e069cp+0, -0x1.b4690082a4906p-55, 0),
        (-0x1.0000000000000p-1, 0x1.368b2fc6f960ap+0, -0x1.85314b9559e64p-60, -1),
        (0x1.62e42fefa39efp-1, 0x1.0000000000000p+1, -0x1.abc9e3b39803fp-55, 0),
        (0x1.0000000000000p+0, 0x1.5bf0a8b145769p+0, 0x1.4d57ee2b1013ap-54, 1),
        (-0x1.0000000000000p+0, 0x1.78b56362cef38p+0, -0x1.ca8a4270fadf5p-55, -2),
        (0x1.4000000000000p+1, 0x1.85d6fd931e0bbp+0, 0x1.d4dec34de84a0p-56, 3),
        (-0x1.e000000000000p+1, 0x1.81509354f0d29p+0, 0x1.75db52f890742p-54, -6),
        (0x1.4000000000000p+3, 0x1.5829dcf950560p+0, -0x1.83e055cfea4bbp-54, 14),
        (-0x1.1400000000000p+4, 0x1.14f49dbc5078cp+0, -0x1.2db5313fb7a86p-54, -25),
        (0x1.259999999999ap+5, 0x1.ed8026b267154p+0, 0x1.4e81e8bc6379cp-54, 52),
        (-0x1.4000000000000p+5, 0x1.39792499b1a24p+0, 0x1.4aa50a41ade9fp-55, -58),
        (0x1.9000000000000p+6, 0x1.3494a9b171bf5p+0, -0x1.4cf76bdb3376fp-54, 144),
        (-0x1.f500000000000p+7, 0x1.85576b701d2b1p+0, 0x1.8a09c0c5e6e84p-54, -362),
        (0x1.fffd70a3d70a4p+8, 0x1.90700ce84c46dp+0, 0x1.ba2f0e1c96501p-54, 738),
        (-0x1.fffd70a3d70a4p+8, 0x1.4752637d2e526p+0, -0x1.adb6ecee5fcd3p-54, -739),
        (0x1.61fffffffffffp+9, 0x1.586f6bf260a40p+0, -0x1.449acbf5a1855p-55, 1021),
        (-0x1.61fffffffffffp+9, 0x1.7c8ab2288cca4p+0, 0x1.b751cf66f4879p-54, -1022),
        (0x1.6200000000000p+9, 0x1.586f6bf260cf1p+0, -0x1.26edd2f5049f4p-54, 1021),
        (-0x1.6200000000000p+9, 0x1.7c8ab2288c9abp+0, 0x1.61c08b0160960p-54, -1022),
        (0x1.6280000000000p+9, 0x1.d422d2be5dc9bp+0, -0x1.916aa7a2c8d07p-55, 1022),
        (0x1.62e42fefa39efp+9, 0x1.fffffffffff2ap+0, 0x1.b0e263400d160p-56, 1023),
        (-0x1.6280000000000p+9, 0x1.17fcabbc04671p+0, -0x1.c47b310d134c4p-54, -1023),
        (-0x1.6840000000000p+9, 0x1.73c23ffc03db9p+0, -0x1.80a518ba760f9p-54, -1040),
        (-0x1.7400000000000p+9, 0x1.8d858a043f397p+0, 0x1.c71b03de00b80p-55, -1074),
        (-0x1.7480000000000p+9, 0x1.247ae63a725b9p+0, -0x1.2437acffaa17fp-55, -1075),
        (-0x1.74910d52d3051p+9, 0x1.00000000001bfp+0, -0x1.cf9c6a6b90c7bp-55, -1075),
    ]

    static let logistics: [Value] = [
        (0x0.0p+0, 0x1.0000000000000p+0, 0x0.0p+0, -1),
        (0x1.56e1fc2f8f359p-997, 0x1.0000000000000p+0, 0x1.56e1fc2f8f359p-998, -1),
        (-0x1.56e1fc2f8f359p-997, 0x1.0000000000000p+1, -0x1.56e1fc2f8f359p-997, -2),
        (0x1.0000000000000p-60, 0x1.0000000000000p+0, 0x1.0000000000000p-61, -1),
        (-0x1.0000000000000p-30, 0x1.fffffffc00000p+0, 0x1.5555555555555p-94, -2),
        (0x1.0000000000000p-3, 0x1.0ffaaccbf0187p+0, -0x1.1f4d954dab933p-54, -1),
        (-0x1.0000000000000p-3, 0x1.e00aa6681fcf3p+0, -0x1.c164d564a8d9bp-54, -2),
        (0x1.62e42fefa39eep-2, 0x1.2bec333018867p+0, -0x1.1a8805995ca61p-54, -1),
        (-0x1.62e42fefa39f0p-2, 0x1.a827999fcef32p+0, 0x1.1089c5cf7e651p-56, -2),
        (0x1.0000000000000p-1, 0x1.3eb2fd4d34391p+0, -0x1.0765394713dc7p-54, -1),
        (-0x1.0000000000000p-1, 0x1.829a0565978dfp+0, -0x1.f1358d71d8473p-54, -2),
        (0x1.62e42fefa39efp-1, 0x1.5555555555555p+0, 0x1.25cd1f96b6387p-54, -1),
        (0x1.0000000000000p+0, 0x1.764d4f5d5a2bdp+0, -0x1.35dae23bc734ap-55, -1),
        (-0x1.0000000000000p+0, 0x1.136561454ba86p+0, 0x1.35dae23bc734ap-54, -2),
        (0x1.4000000000000p+1, 0x1.d9291ddb596f7p+0, 0x1.3b6dd4e6b805ap-56, -1),
        (-0x1.e000000000000p+1, 0x1.78761313f225ap+0, 0x1.e15477fb21e12p-58, -6),
        (0x1.4000000000000p+3, 0x1.fffa0cb346f89p+0, -0x1.95ffd239e4d2ap-54, -1),
        (-0x1.1400000000000p+4, 0x1.14f49d26804a2p+0, -0x1.3bdf6692dc0c6p-56, -25),
        (0x1.259999999999ap+5, 0x1.fffffffffffffp+0, -0x1.3316097ba31e5p-57, -1),
        (-0x1.4000000000000p+5, 0x1.39792499b1a24p+0, 0x1.1aa9dba73f8d7p-55, -58),
        (0x1.9000000000000p+6, 0x1.0000000000000p+1, -0x1.a8c1f14e2af5dp-144, -1),
        (-0x1.f500000000000p+7, 0x1.85576b701d2b1p+0, 0x1.8a09c0c5e6e84p-54, -362),
        (0x1.fffd70a3d70a4p+8, 0x1.0000000000000p+1, -0x1.4752637d2e526p-738, -1),
        (-0x1.fffd70a3d70a4p+8, 0x1.4752637d2e526p+0, -0x1.adb6ecee5fcd3p-54, -739),
        (0x1.61fffffffffffp+9, 0x1.0000000000000p+1, -0x1.7c8ab2288cca4p-1021, -1),
        (-0x1.61fffffffffffp+9, 0x1.7c8ab2288cca4p+0, 0x1.b751cf66f4879p-54, -1022),
        (0x1.6200000000000p+9, 0x1.0000000000000p+1, -0x1.7c8ab2288c9abp-1021, -1),
        (-0x1.6200000000000p+9, 0x1.7c8ab2288c9abp+0, 0x1.61c08b0160960p-54, -1022),
        (0x1.6280000000000p+9, 0x1.0000000000000p+1, -0x1.17fcabbc04671p-1022, -1),
        (0x1.62e42fefa39efp+9, 0x1.0000000000000p+1, -0x0.8000000000036p-1022, -1),
        (-0x1.6280000000000p+9, 0x1.17fcabbc04671p+0, -0x1.c47b310d134c4p-54, -1023),
        (-0x1.6840000000000p+9, 0x1.73c23ffc03db9p+0, -0x1.80a518ba760f9p-54, -1040),
        (-0x1.7400000000000p+9, 0x1.8d858a043f397p+0, 0x1.c71b03de00b80p-55, -1074),
        (-0x1.7480000000000p+9, 0x1.247ae63a725b9p+0, -0x1.2437acffaa17fp-55, -1075),
        (-0x1.74910d52d3051p+9, 0x1.00000000001bfp+0, -0x1.cf9c6a6b90c7bp-55, -1075),
    ]

    /// |reference − (hi + lo)·2^exponent| relative to the value.
    static func relativeDifference(_ reference: ScaledReference, _ value: Value) -> Double {
        let shift = reference.exponent - value.exponent
        let ours = reference.mantissa.scaled(by: shift)
        let difference = (ours - DoubleDouble(value.hi, value.lo)).hi
        return difference.magnitude / (value.hi + value.lo)
    }

    @Test func exponentialMatchesMpmath() {
        for value in Self.exponentials {
            let difference = Self.relativeDifference(ScaledReference.exp(value.x), value)
            #expect(difference <= 0x1p-98, "e^\(value.x): \(difference) relative")
        }
    }

    @Test func logisticMatchesMpmath() {
        for value in Self.logistics {
            let difference = Self.relativeDifference(ScaledReference.logistic(value.x), value)
            #expect(difference <= 0x1p-98, "σ(\(value.x)): \(difference) relative")
        }
    }

    /// The reference within 0.52 ulp of the C library's `exp` (glibc's
    /// bound) over a sweep: a second, independent check.
    @Test func exponentialAgreesWithTheCLibrary() {
        var generator = SeededGenerator(seed: 37)
        for _ in 0..<20_000 {
            let x = Double.random(in: -745...709.7, using: &generator)
            let ulps = ScaledReference.exp(x).ulps(of: Foundation.exp(x))
            #expect(ulps <= 0.52, "e^\(x): the C library's \(Foundation.exp(x)) is \(ulps) ulp away")
        }
    }
}
