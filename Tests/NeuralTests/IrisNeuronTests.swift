import Neural
import Testing

/// The seed's sigmoid neuron on Iris: sepal length and width plus a bias
/// column, setosa = 0 against the rest = 1, gradient ascent on the
/// log-likelihood with step size 0.1 and threshold 5e-5 from θ = (1, 1, 1).
///
/// The expected numbers are printed by reference/iris_neuron.py, which runs
/// the seed's vectorized NumPy algorithm (with an integer counter):
///
///     iterations: 237706
///     theta: 11.659901728839808, -12.815569813317813, -23.12048510068416
///     last two steps: 5.000003262133144e-05, 4.9999866664524177e-05
///
/// and then the same algorithm with `X.dot(theta)` spelled out as
/// (x₀θ₀ + x₁θ₁) + x₂θ₂, which gives θ = 11.659901728839783,
/// −12.815569813317776, −23.120485100684139 after as many iterations.
///
/// The library performs the second computation with the same products in the
/// same order and the seed's sigmoid formula, but its e⁻ᶻ (``Exponential``,
/// within 0.66 ulp) is not always the C library's, and it adds each
/// gradient's 150 terms in eight interleaved sums where NumPy's mean over
/// axis 1 of the (3, 150) product adds them in sample order: θ agrees to
/// about 6e-16 relative, and the test allows 1e-12. The seed's own θ differs by about
/// 2e-15 relative because OpenBLAS computes the dot product with fused
/// multiply-adds; the test allows 1e-9. The iteration count cannot move with
/// such differences: one step shortens the next by 3.3e-6 relative, and the
/// last step lies 2.7e-6 relative below the threshold, thousands of times any
/// rounding error in a step length (about 1e-11 relative). It must match
/// exactly.
@Suite struct IrisNeuronTests {
    static let model = LogisticRegression(
        features: Iris.features.columns([0, 1]).appendingBiasColumn(),
        labels: Iris.setosaVersusRest
    )
    static let start = Matrix(rows: 3, columns: 1, repeating: 1)
    static let descent = GradientDescent(stepSize: 0.1, threshold: 5e-5)

    @Test func reproducesTheSeedsTraining() {
        var report: [String] = []
        let result = Self.model.fit(from: Self.start, using: Self.descent) { iteration, _ in
            if iteration % 50_000 == 0 {
                report.append("Iteration \(iteration).")
            }
        }
        #expect(report == ["Iteration 0.", "Iteration 50000.", "Iteration 100000.", "Iteration 150000.", "Iteration 200000."])
        #expect(result.stopReason == .converged)
        #expect(result.iterations == 237_706)
        expectClose(result.parameters.elements, [11.659901728839808, -12.815569813317813, -23.12048510068416], relative: 1e-9)
        expectClose(result.parameters.elements, [11.659901728839783, -12.815569813317776, -23.120485100684139], relative: 1e-12)
        #expect(result.lastStepNorm <= 5e-5)
        expectClose(result.lastStepNorm, 4.9999866664524177e-05, relative: 1e-8)

        // The learned boundary separates setosa from the rest on all 150 flowers.
        let predictions = Self.model.neuron(result.parameters)(Self.model.features).map { $0 >= 0.5 ? 1 : 0 }
        #expect(predictions == Iris.setosaVersusRest)
    }

    @Test func allocatingAndInPlaceGradientsTakeTheSameSteps() {
        let short = GradientDescent(stepSize: 0.1, threshold: 5e-5, maximumIterations: 500)
        let inPlace = Self.model.fit(from: Self.start, using: short)
        let allocating = short.maximize(from: Self.start) { theta in Self.model.gradient(theta) }
        // The two gradients group their sums differently (see
        // LogisticRegressionTests): 500 steps apart by a few ulps.
        expectClose(inPlace.parameters.elements, allocating.parameters.elements, relative: 1e-13)
        #expect(inPlace.iterations == allocating.iterations)
        #expect(inPlace.stopReason == .reachedMaximumIterations)
    }
}
