import Neural
import Testing

@Suite struct LogisticRegressionTests {
    static let model = LogisticRegression(
        features: Iris.features.columns([0, 1]).appendingBiasColumn(),
        labels: Iris.setosaVersusRest
    )
    static let theta: Matrix = [[0.7], [-1.1], [0.4]]

    @Test func gradientIsTheGradientOfTheLogLikelihood() {
        let check = GradientCheck(analytic: Self.model.gradient(Self.theta).elements, at: Self.theta.elements) {
            Self.model.logLikelihood(Matrix(column: $0))
        }
        #expect(check.maxRelativeError <= 1e-6, "\(check)")
    }

    @Test func gradientIsTheMeanOfResidualsTimesInputs() {
        // The seed's np.mean((y - neuron(X, theta)) * X.T, axis=1), built from matrices.
        let x = Self.model.features
        let residuals = Self.model.labels - Activation.sigmoid(x • Self.theta)
        let expected = (residuals * x).columnMeans().transposed()
        expectClose(Self.model.gradient(Self.theta).elements, expected.elements, relative: 1e-12)
    }

    /// The kernel behind the in-place gradient adds the same terms
    /// tᵢⱼ = (yᵢ − σ(θᵀxᵢ))xᵢⱼ as the formula `Xᵀ(y − σ(Xθ))/n`, in eight
    /// interleaved sums instead of one: the two orders are each within
    /// (n − 1)·2⁻⁵³·Σᵢ|tᵢⱼ| and (n/8 + 3)·2⁻⁵³·Σᵢ|tᵢⱼ| of the exact sum, so
    /// they differ by at most the sum of those bounds, over n.
    @Test(arguments: [(1, 1), (7, 2), (8, 3), (9, 4), (150, 3), (1003, 5), (64, 8)])
    func inPlaceGradientMatchesTheFormula(rows: Int, columns: Int) {
        var generator = SeededGenerator(seed: UInt64(rows * 10 + columns))
        let x = Matrix(rows: rows, columns: columns, sampling: .standard, using: &generator)
        let y = Matrix(column: (0..<rows).map { _ in Double(Int.random(in: 0...1, using: &generator)) })
        let theta = Matrix(rows: columns, columns: 1, sampling: .standard, using: &generator)
        let model = LogisticRegression(features: x, labels: y)
        var g = Matrix(rows: columns, columns: 1, repeating: .nan)
        model.gradient(theta, into: &g)
        let formula = model.gradient(theta)
        let terms = (y - Activation.sigmoid(x • theta)) * x
        for j in 0..<columns {
            let magnitude = terms.column(j).map(\.magnitude).sum()
            let bound = Double(rows - 1 + rows / 8 + 3) * 0x1p-53 * magnitude / Double(rows)
            #expect((g[j, 0] - formula[j, 0]).magnitude <= bound, "g[\(j)] = \(g[j, 0]), formula \(formula[j, 0])")
        }
    }

    /// Up to four features keep the kernel's sums in registers, more go to
    /// memory; columns of zeros add only zero products, so the two must
    /// agree to the last bit.
    @Test func bothKernelPathsAgree() {
        let x = Self.model.features
        let wide = LogisticRegression(
            features: Matrix(rows: 150, columns: 6) { i, j in j < 3 ? x[i, j] : 0 },
            labels: Self.model.labels
        )
        let theta = Matrix(column: Self.theta.elements + [0.3, -0.2, 0.1])
        var narrowGradient = Matrix(rows: 3, columns: 1, repeating: .nan)
        var wideGradient = Matrix(rows: 6, columns: 1, repeating: .nan)
        Self.model.gradient(Self.theta, into: &narrowGradient)
        wide.gradient(theta, into: &wideGradient)
        #expect(Array(wideGradient.elements.prefix(3)) == narrowGradient.elements)

        let allFeatures = LogisticRegression(features: Iris.features.appendingBiasColumn(), labels: Self.model.labels)
        let theta5: Matrix = [[0.2], [-0.4], [0.3], [-0.1], [0.05]]
        let residuals = allFeatures.labels - Activation.sigmoid(allFeatures.features • theta5)
        let expected = (residuals * allFeatures.features).columnMeans().transposed()
        expectClose(allFeatures.gradient(theta5).elements, expected.elements, relative: 1e-12)
    }

    @Test func perceptronAndNeuronComputeTheirActivations() {
        let x: Matrix = [[1, 2, 1], [-3, 0.5, 1]]
        let w: Matrix = [[0.5], [-0.25], [0.1]]
        // wᵀx: 0.5 − 0.5 + 0.1 = 0.1 and −1.5 − 0.125 + 0.1 = −1.525.
        #expect(Neuron.perceptron(weights: w)(x) == [[1], [0]])
        #expect(Neuron(weights: w, activation: .identity)(x) == [[0.1], [-1.5 - 0.125 + 0.1]])
        #expect(Self.model.neuron(w)(x) == Activation.sigmoid(x • w))
    }
}
