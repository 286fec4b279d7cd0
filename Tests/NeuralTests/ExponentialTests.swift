import Foundation
@testable import Neural
import Testing

/// ``Exponential`` against the double-double reference (``ScaledReference``,
/// itself held to mpmath by `DoubleDoubleTests`): the error in units in the
/// last place over a dense sweep of the whole range, and the values at the
/// edges.
@Suite struct ExponentialTests {
    /// eˣ by the eight-lane kernel, for any number of arguments.
    static func exp(_ x: [Double]) -> [Double] {
        var y = x
        y.withUnsafeMutableBufferPointer { y in
            forEachLanes(y.count) { i, lanes in
                Exponential.exp(Lanes(loading: y.baseAddress! + i, count: lanes)).store(to: y.baseAddress! + i, count: lanes)
            }
        }
        return y
    }

    /// Arguments for the sweeps: `count` evenly spaced in `range` (their
    /// last bits vary, since the step is not a power of two), then as many
    /// drawn uniformly from it.
    static func sweep(_ range: ClosedRange<Double>, count: Int, seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        let step = (range.upperBound - range.lowerBound) / Double(count - 1)
        let even = (0..<count).map { range.lowerBound + Double($0) * step }
        let drawn = (0..<count).map { _ in Double.random(in: range, using: &generator) }
        return even + drawn
    }

    /// The largest error in ulps of `f` over `x`, and where.
    static func worst(_ x: [Double], _ y: [Double], reference: (Double) -> ScaledReference) -> (ulps: Double, at: Double) {
        zip(x, y).reduce((0, .nan)) { worst, pair in
            let error = reference(pair.0).ulps(of: pair.1)
            return error > worst.0 ? (error, pair.0) : worst
        }
    }

    /// The stated bounds hold over the whole range: 0.66 ulp for normal
    /// results (the sweeps measure at most 0.641, and the worst argument
    /// found, 311.89229986173996, is checked in ``edges()``: the final rounding's 0.5,
    /// the polynomial's error, below 2⁻⁵⁶ of the result, and the roundings
    /// of r and of T·s + t, each relative to a term below 2⁻⁵ of the
    /// result), and 1.16 of the smallest subnormal 2⁻¹⁰⁷⁴ for subnormal
    /// ones, x < −708.4: 2^(j/16)eʳ, within 0.66 of its last place, is
    /// rounded again to fewer bits, and near 2⁻¹⁰²² the spacing of the
    /// subnormals is that of its last place, so its error carries over in
    /// full (the sweeps measure at most 0.792).
    @Test(arguments: [(-745.13, 709.78), (-1.0, 1.0), (-0.35, 0.35), (-0.022, 0.022), (-708.5, -700.0), (700.0, 709.78),
                      (-745.13, -708.3)])
    func withinTheStatedBound(lower: Double, upper: Double) {
        let x = Self.sweep(lower...upper, count: 50_000, seed: UInt64(bitPattern: Int64(lower * 1000)))
        let y = Self.exp(x)
        let normal = zip(x, y).filter { $0.1 >= .leastNormalMagnitude }, subnormal = zip(x, y).filter { $0.1 < .leastNormalMagnitude }
        let worstNormal = Self.worst(normal.map(\.0), normal.map(\.1), reference: ScaledReference.exp)
        let worstSubnormal = Self.worst(subnormal.map(\.0), subnormal.map(\.1), reference: ScaledReference.exp)
        #expect(worstNormal.ulps <= 0.66, "\(worstNormal.ulps) ulp at x = \(worstNormal.at)")
        #expect(worstSubnormal.ulps <= 1.16, "\(worstSubnormal.ulps) × 2⁻¹⁰⁷⁴ at x = \(worstSubnormal.at)")
    }

    /// Tiny arguments, 2⁻⁶⁰ ≤ |x| ≤ 2⁻¹ of both signs, where eˣ − 1 ≈ x is
    /// held in the low half of 1 + r.
    @Test func tinyArgumentsWithinTheStatedBound() {
        var generator = SeededGenerator(seed: 17)
        let x = (0..<50_000).map { _ -> Double in
            let magnitude = Double(sign: .plus, exponent: Int.random(in: -60 ... -1, using: &generator),
                                   significand: Double.random(in: 1..<2, using: &generator))
            return Bool.random(using: &generator) ? magnitude : -magnitude
        }
        let worst = Self.worst(x, Self.exp(x), reference: ScaledReference.exp)
        #expect(worst.ulps <= 0.66, "\(worst.ulps) ulp at x = \(worst.at)")
    }

    @Test func edges() {
        let largest = 709.782712893384, overflow = 709.7827128933841
        let smallest = -745.1332191019411, underflow = -745.1332191019412
        let x: [Double] = [0, -0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
                           largest, overflow, smallest, underflow, 1000, -1000, .infinity, -.infinity, .nan, -.nan,
                           707.9999999999999, 708, -707.9999999999999, -708, 311.89229986173996]
        let y = Self.exp(x)
        #expect(y[0] == 1 && y[1] == 1, "e⁰ = 1 exactly")
        #expect(y[2] == 1 && y[3] == 1 && y[4] == 1, "e^subnormal = 1")
        #expect(y[5].isFinite && ScaledReference.exp(largest).ulps(of: y[5]) <= 0.66, "e^709.782712893384 = \(y[5])")
        #expect(y[6] == .infinity, "overflow")
        #expect(y[7] == .leastNonzeroMagnitude, "e^−745.1332191019411 is the smallest subnormal: \(y[7])")
        #expect(y[8] == 0, "underflow: \(y[8])")
        #expect(y[9] == .infinity && y[10] == 0)
        #expect(y[11] == .infinity && y[12] == 0)
        #expect(y[13].isNaN && y[14].isNaN)
        // Both sides of the fast path's bound |x| < 708, and the worst argument found.
        for (x, y) in zip(x[15...], y[15...]) {
            #expect(ScaledReference.exp(x).ulps(of: y) <= 0.66, "e^\(x) = \(y)")
        }
    }

    /// A lane's value does not depend on its neighbours or its position:
    /// the same argument gives the same bits in a vector that takes the fast
    /// path and in one that a single large lane sends to the other path.
    @Test func lanesAreIndependent() {
        let x = Self.sweep(-40 ... 40, count: 64, seed: 29)
        for (index, value) in x.enumerated() {
            var fast = Lanes(repeating: 0.5), slow = Lanes(repeating: 0.5)
            slow[(index + 3) % 8] = 1000
            fast[index % 8] = value
            slow[index % 8] = value
            let alone = Exponential.exp(Lanes(repeating: value))[0]
            #expect(Exponential.exp(fast)[index % 8].bitPattern == alone.bitPattern)
            #expect(Exponential.exp(slow)[index % 8].bitPattern == alone.bitPattern)
            #expect(Exponential.exp(value).bitPattern == alone.bitPattern)
        }
    }

    /// The C library's `exp` (glibc's, within 0.52 ulp) agrees with the
    /// kernel within 0.66 + 0.52 ulp: a check of the sweeps' reference by a
    /// third implementation.
    @Test func agreesWithTheCLibrary() {
        let x = Self.sweep(-700 ... 700, count: 20_000, seed: 31)
        for (x, y) in zip(x, Self.exp(x)) {
            let library = Foundation.exp(x)
            #expect((y - library).magnitude <= 1.18 * library.ulp, "e^\(x): \(y) against \(library)")
        }
    }
}
