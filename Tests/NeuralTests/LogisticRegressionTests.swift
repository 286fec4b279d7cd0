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

    @Test func inPlaceGradientEqualsTheAllocatingOne() {
        var g = Matrix(rows: 3, columns: 1, repeating: .nan)
        Self.model.gradient(Self.theta, into: &g)
        #expect(g == Self.model.gradient(Self.theta))
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
