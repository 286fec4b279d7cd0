import Foundation
@testable import Neural
import Testing

/// ``Exponential`` must give the C library's `exp` to the last bit wherever it
/// gives a number at all; the kernels built on it must give what the plain
/// loops give.
@Suite struct ExponentialTests {
    /// exp by the vector kernel, with NaN where it leaves x to the C library.
    static func vectorExp(_ x: [Double]) -> [Double] {
        Exponential.withTable { table in
            stride(from: 0, to: x.count - 1, by: 2).flatMap { i in
                let pair = Exponential.expOrNaN(SIMD2(x[i], x[i + 1]), table)
                return [pair[0], pair[1]]
            }
        }
    }

    /// `count` inputs from `draw`, which maps uniform bits to a double.
    static func inputs(_ count: Int, seed: UInt64, _ draw: (UInt64) -> Double) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in draw(generator.next()) }
    }

    /// Uniform in [−40, 40] (range 0), uniform in [−720, 720] (1), or of
    /// any sign with magnitudes from 2⁻⁶³ to 2¹⁰ (2), from 64 uniform bits.
    static func draw(_ bits: UInt64, range: Int) -> Double {
        switch range {
        case 0: (Double(bits >> 11) * 0x1p-53 * 2 - 1) * 40
        case 1: (Double(bits >> 11) * 0x1p-53 * 2 - 1) * 720
        default: Double(bitPattern: (bits & 0x800f_ffff_ffff_ffff) | (0x3c0 + (bits >> 52) % 0x4a) << 52)
        }
    }

    @Test(arguments: 0..<3)
    func givesTheLibrarysBitsOrDeclines(range: Int) {
        let name = "range \(range)"
        let x = Self.inputs(400_000, seed: UInt64(range + 1)) { Self.draw($0, range: range) }
        let y = Self.vectorExp(x)
        var declined = 0
        for (x, y) in zip(x, y) {
            if y.isNaN {
                declined += 1
            } else {
                #expect(y.bitPattern == exp(x).bitPattern, "\(name): exp(\(x))")
            }
        }
        if range == 0 && Exponential.matchesLibrary {
            // Only the few results too close to a rounding boundary.
            #expect(declined < x.count / 10, "\(name): \(declined) of \(x.count) declined")
        }
    }

    @Test func declinesWhatTheLibraryComputesOtherwise() {
        let special: [Double] = [0, -0, 1e-300, -1e-17, 512, -512, 708, -745, 1000, .infinity, -.infinity, .nan]
        for y in Self.vectorExp(special) {
            #expect(y.isNaN)
        }
    }

    @Test func probesTellGlibcWithFusedMultiplyAdds() {
        // On this project's machines (glibc 2.28 or later, x86-64 with FMA)
        // the library is the fused algorithm.
        #if os(Linux) && arch(x86_64)
        #expect(Exponential.matchesLibrary)
        #endif
        if !Exponential.matchesLibrary {
            #expect(Self.vectorExp([1, 2]).allSatisfy { $0.isNaN })
        }
    }

    @Test func sigmoidOfABufferIsLogisticEntryByEntry() {
        let wide = Self.inputs(1001, seed: 9) { bits in (Double(bits >> 11) * 0x1p-53 * 2 - 1) * 800 }
        let z = wide + [0, -0, 708, -708, -709]
        var s = z
        s.withUnsafeMutableBufferPointer { s in
            Activation.sigmoid(s.baseAddress!, into: s.baseAddress!, count: s.count)
        }
        for (z, s) in zip(z, s) {
            #expect(s.bitPattern == logistic(z).bitPattern, "σ(\(z))")
        }
    }
}
