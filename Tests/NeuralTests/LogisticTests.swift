@testable import Neural
import Testing

/// ``Logistic``'s σ(z) = 1 / (1 + e⁻ᶻ) against the double-double reference,
/// at the edges, and over buffers against its scalar values.
@Suite struct LogisticTests {
    /// σ by the eight-lane kernel over a buffer.
    static func sigmoid(_ z: [Double]) -> [Double] {
        var s = z
        s.withUnsafeMutableBufferPointer { s in
            Logistic.sigmoid(s.baseAddress!, into: s.baseAddress!, count: s.count)
        }
        return s
    }

    /// Within 2.6 ulp of σ(z) (measured: 2.52). Most of it is the formula's:
    /// just below σ = 2⁻⁵³ (z ≈ −36.7) the rounding of 1 + e⁻ᶻ alone is
    /// 2⁻⁵³ relative, a whole unit there, so that even an exact e⁻ᶻ leaves
    /// 2.3 ulp; below z = −708 the result is eᶻ, as accurate as
    /// ``Exponential``.
    @Test(arguments: [(-745.13, 745.13), (-40.0, 40.0), (-38.0, -35.0), (-1.0, 1.0), (-745.13, -700.0)])
    func withinTheStatedBound(lower: Double, upper: Double) {
        let z = ExponentialTests.sweep(lower...upper, count: 50_000, seed: UInt64(bitPattern: Int64(upper * 100)))
        let worst = ExponentialTests.worst(z, Self.sigmoid(z), reference: ScaledReference.logistic)
        #expect(worst.ulps <= 2.6, "\(worst.ulps) ulp at z = \(worst.at)")
    }

    @Test func edges() {
        let z: [Double] = [0, -0, 1e-300, -1e-300, 36, 40, 709, 710, 745, 1000, -709, -710, -745.13, -745.14, -1000,
                           .infinity, -.infinity, .nan]
        let s = Self.sigmoid(z)
        #expect(s[0] == 0.5 && s[1] == 0.5 && s[2] == 0.5 && s[3] == 0.5)
        #expect(s[4] < 1 && s[5] == 1 && s[6] == 1 && s[7] == 1 && s[8] == 1 && s[9] == 1)
        // Below −708 σ(z) is eᶻ: subnormal, not 0, down to e⁻⁷⁴⁵·¹³.
        for index in 10...12 {
            #expect(s[index] > 0 && ScaledReference.logistic(z[index]).ulps(of: s[index]) <= 1.16, "σ(\(z[index])) = \(s[index])")
        }
        #expect(s[12] == .leastNonzeroMagnitude && s[13] == 0 && s[14] == 0)
        #expect(s[15] == 1 && s[16] == 0 && s[17].isNaN)
    }

    /// The buffer's entries, padded lanes and all, are the scalar σ to the
    /// last bit (`count` not a multiple of eight, lanes on both paths).
    @Test func bufferIsTheScalarFunctionEntryByEntry() {
        var generator = SeededGenerator(seed: 9)
        let z = (0..<1001).map { _ in Double.random(in: -800...800, using: &generator) }
            + [0, -0, 707.9, -707.9, 708, -708, 708.1, -709, .nan]
        for (z, s) in zip(z, Self.sigmoid(z)) {
            let scalar = Activation.sigmoid(z)
            #expect(s.bitPattern == scalar.bitPattern || (s.isNaN && scalar.isNaN), "σ(\(z))")
        }
    }

    /// The derivative σ′(z) = σ(z)σ(−z) keeps its relative accuracy in the
    /// tails, where σ(z)(1 − σ(z)) would lose it.
    @Test func derivativeKeepsItsAccuracyInTheTails() {
        for z in [-40.0, -20, -5, 0, 5, 20, 40] {
            let reference = ScaledReference.logistic(z), mirrored = ScaledReference.logistic(-z)
            let exact = (reference.mantissa * mirrored.mantissa).scaled(by: reference.exponent + mirrored.exponent)
            expectClose(Activation.sigmoid.derivative(z), exact.hi, relative: 1e-15)
        }
    }
}
