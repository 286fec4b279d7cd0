@testable import Neural
import Testing

/// The library's own arithmetic gives the same bits on every CPU and in every
/// build — debug or optimized, for plain x86-64 (SSE2, fused multiply-adds
/// by the C library's `fma`), AVX2 or AVX-512 (`-target-cpu`), on one
/// thread or several: the kernels fix their width at eight lanes in the
/// code, write every fused multiply-add out (``Exponential``), fix every
/// order of summation, and cut batches into a fixed number of blocks
/// (``RowBlocks``). So the bit-exact tests of a debug `swift test` hold for
/// the optimized library that chapter programs link.
///
/// This test pins that: one FNV-1a digest of the bits of eˣ and σ over the
/// whole range, of matrix products, of a network trained for three steps on
/// a batch large enough to be cut into blocks, and of 2,000 steps of the
/// Iris fit. The digest is a golden value: it was printed by this test, and
/// every build of these sources must reproduce it; a change to the
/// arithmetic changes it, and then the new value (printed on failure) is
/// the one to record, after the accuracy tests pass.
///
/// What the C library computes is left out: `log` in ``Loss/value(of:target:)``,
/// `tanh`, and `log1p` in ``LogisticRegression/logLikelihood(_:)`` may come
/// from different code on different CPUs (glibc chooses an FMA or an SSE2
/// variant at run time), so the numbers that depend on them, such as a
/// printed loss, are compared with tolerances.
@Suite struct DeterminismTests {
    static let recordedDigest: UInt64 = 0x13ed_7ac0_cab8_7b80

    /// FNV-1a over the bit patterns of `values`.
    static func digest(_ values: [Double], into hash: inout UInt64) {
        for value in values {
            var bits = value.bitPattern
            for _ in 0..<8 {
                hash = (hash ^ (bits & 0xff)) &* 0x100_0000_01b3
                bits >>= 8
            }
        }
    }

    static func results() -> [[Double]] {
        let x = ExponentialTests.sweep(-746...710, count: 2048, seed: 41)
            + [0, -0, .leastNonzeroMagnitude, 708, -708, 709.78, -745.13, .infinity, -.infinity]
        var generator = SeededGenerator(seed: 43)
        let a = Matrix(rows: 13, columns: 9, sampling: .standard, using: &generator)
        let b = Matrix(rows: 9, columns: 11, sampling: .standard, using: &generator)

        var network = Network([
            Dense(inputs: 2, outputs: 16, activation: .sigmoid, using: &generator),
            Dense(inputs: 16, outputs: 1, activation: .sigmoid, using: &generator),
        ])
        let batch = Matrix(rows: 5003, columns: 2, sampling: .standard, using: &generator)
        let labels = Matrix(column: (0..<5003).map { Double($0 % 3 == 0 ? 1 : 0) })
        for _ in 0..<3 {
            let prediction = network.forward(batch)
            _ = network.backward(Loss.binaryCrossEntropy.gradient(of: prediction, target: labels))
            network.step(learningRate: 0.5)
        }

        let iris = LogisticRegression(features: Iris.features.columns([0, 1]).appendingBiasColumn(),
                                      labels: Iris.setosaVersusRest)
        let fit = iris.fit(from: Matrix(column: [1, 1, 1]),
                           using: GradientDescent(stepSize: 0.1, threshold: 0, maximumIterations: 2000))

        return [ExponentialTests.exp(x), LogisticTests.sigmoid(x), (a • b).elements, network.parameters,
                network.predict(batch).elements, fit.parameters.elements]
    }

    @Test func theLibrarysBitsAreTheRecordedOnes() {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for values in Self.results() {
            Self.digest(values, into: &hash)
        }
        #expect(hash == Self.recordedDigest, "digest 0x\(String(hash, radix: 16))")
    }
}
