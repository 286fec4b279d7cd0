import Neural
import Testing

/// The seed's sigmoid neuron on Iris: sepal length and width plus a bias
/// column, setosa = 0 against the rest = 1, gradient ascent on the
/// log-likelihood with step size 0.1 and threshold 5e-5 from θ = (1, 1, 1).
///
/// The expected numbers are printed by reference/iris_neuron.py, the seed's
/// vectorized NumPy algorithm with an integer counter:
///
///     iterations: 237706
///     theta: 11.659901728839808, -12.815569813317813, -23.12048510068416
///     last two steps: 5.000003262133144e-05, 4.9999866664524177e-05
///
/// The library does not add in exactly NumPy's order: OpenBLAS computes Xθ
/// with a fused multiply-add, and the sigmoid is evaluated as eᶻ/(1 + eᶻ) for
/// z < 0. (NumPy's mean over axis 1 of the (3, 150) product is, like the
/// library's, a plain sum in sample order: that array is laid out column by
/// column, so NumPy does not sum it pairwise.) The rounding differences stay
/// near 1e-15 relative in θ, and the iteration count is robust to them: one
/// step shortens the step length by 3.3e-6 relative, while the last step lies
/// 2.7e-6 relative below the threshold, thousands of times any rounding
/// error in a step length (about 1e-11 relative). So the count must match
/// exactly and θ to 1e-9 relative.
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
        #expect(inPlace == allocating)
        #expect(inPlace.stopReason == .reachedMaximumIterations)
    }
}
