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

    /// Up to four features take a path that keeps its sums in registers, more
    /// take a general one; columns of zeros add only zero products, so the
    /// two must agree to the last bit.
    @Test func bothGradientPathsAgree() {
        let x = Self.model.features
        let wide = LogisticRegression(
            features: Matrix(rows: 150, columns: 6) { i, j in j < 3 ? x[i, j] : 0 },
            labels: Self.model.labels
        )
        let theta = Matrix(column: Self.theta.elements + [0.3, -0.2, 0.1])
        #expect(Array(wide.gradient(theta).elements.prefix(3)) == Self.model.gradient(Self.theta).elements)

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
