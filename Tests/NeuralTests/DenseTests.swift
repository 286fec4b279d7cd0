import Neural
import Testing

@Suite struct DenseTests {
    static let configurations = Activation.allCases.flatMap { activation in [(activation, true), (activation, false)] }

    /// A layer 4 → 3 with random weights and (if any) a random bias, an input
    /// batch X (5×4) and a fixed gradient R (5×3) of the scalar J = Σ Y ⊙ R.
    static func setUp(_ activation: Activation, bias: Bool) -> (Dense, x: Matrix, r: Matrix) {
        var generator = SeededGenerator(seed: 2024)
        var layer = Dense(inputs: 4, outputs: 3, activation: activation, bias: bias, using: &generator)
        if bias {
            layer.bias = Matrix(rows: 1, columns: 3, sampling: .standard, using: &generator)
        }
        let x = Matrix(rows: 5, columns: 4, sampling: .standard, using: &generator)
        let r = Matrix(rows: 5, columns: 3, sampling: .standard, using: &generator)
        return (layer, x, r)
    }

    @Test func computesTheActivationOfXWPlusB() {
        let layer = Dense(weights: [[1, -1], [2, 0.5]], bias: [[0.5, -2]], activation: .relu)
        // XW + b for x = [1, 2]: [1 + 4 + 0.5, −1 + 1 − 2] = [5.5, −2] → ReLU [5.5, 0].
        #expect(layer([[1, 2]]) == [[5.5, 0]])
        #expect(layer.inputCount == 2 && layer.outputCount == 2)
    }

    @Test(arguments: configurations)
    func parameterGradientsMatchCentralDifferences(activation: Activation, bias: Bool) {
        var (layer, x, r) = Self.setUp(activation, bias: bias)
        _ = layer.forward(x)
        _ = layer.backward(r)
        let analytic = layer.weightGradient.elements + (layer.biasGradient?.elements ?? [])
        let parameters = layer.weights.elements + (layer.bias?.elements ?? [])
        let check = GradientCheck(analytic: analytic, at: parameters) { theta in
            var network = Network([layer])
            network.parameters = theta
            return (network.predict(x) * r).sum()
        }
        #expect(check.maxRelativeError <= 1e-6, "\(activation), bias \(bias): \(check)")
        #expect((layer.biasGradient == nil) == !bias)
    }

    @Test(arguments: configurations)
    func inputGradientMatchesCentralDifferences(activation: Activation, bias: Bool) {
        var (layer, x, r) = Self.setUp(activation, bias: bias)
        _ = layer.forward(x)
        let inputGradient = layer.backward(r)
        #expect(inputGradient.shape == x.shape)
        let check = GradientCheck(analytic: inputGradient.elements, at: x.elements) { entries in
            (layer(Matrix(rows: 5, columns: 4, elements: entries)) * r).sum()
        }
        #expect(check.maxRelativeError <= 1e-6, "\(activation), bias \(bias): \(check)")
    }

    /// With the identity activation Δ = G, so ∂J/∂W = XᵀG and ∂J/∂X = GWᵀ,
    /// computed in the same order as the explicit products (narrow and wide G).
    @Test(arguments: [2, 10])
    func gradientsAreTheProductsOfTheDefinition(outputs: Int) {
        var generator = SeededGenerator(seed: 3)
        var layer = Dense(inputs: 6, outputs: outputs, activation: .identity, using: &generator)
        let x = Matrix(rows: 20, columns: 6, sampling: .standard, using: &generator)
        let g = Matrix(rows: 20, columns: outputs, sampling: .standard, using: &generator)
        _ = layer.forward(x)
        let inputGradient = layer.backward(g)
        #expect(layer.weightGradient == (x.transposed() • g))
        #expect(inputGradient == (g • layer.weights.transposed()))
        #expect(layer.biasGradient == g.columnSums())
    }

    @Test func stepsAgainstTheGradient() {
        var (layer, x, r) = Self.setUp(.tanh, bias: true)
        _ = layer.forward(x)
        _ = layer.backward(r)
        let before = layer
        layer.step(learningRate: 0.1)
        #expect(layer.weights == before.weights - 0.1 * before.weightGradient)
        #expect(layer.bias == before.bias! - 0.1 * before.biasGradient!)
    }

    @Test func isReproducibleFromItsSeed() {
        var first = SeededGenerator(seed: 5), second = SeededGenerator(seed: 5)
        let a = Dense(inputs: 3, outputs: 2, activation: .sigmoid, using: &first)
        let b = Dense(inputs: 3, outputs: 2, activation: .sigmoid, using: &second)
        #expect(a == b)
        #expect(a.bias == Matrix(rows: 1, columns: 2, repeating: 0))
    }
}
