import Neural
import Testing

@Suite struct NetworkTests {
    /// A two-layer network 3 → 4 → 2 with biases and a batch of 6 inputs.
    static func setUp(output: Activation) -> (Network, x: Matrix) {
        var generator = SeededGenerator(seed: 11)
        var hidden = Dense(inputs: 3, outputs: 4, activation: .tanh, using: &generator)
        var last = Dense(inputs: 4, outputs: 2, activation: output, using: &generator)
        hidden.bias = Matrix(rows: 1, columns: 4, sampling: .standard, using: &generator)
        last.bias = Matrix(rows: 1, columns: 2, sampling: .standard, using: &generator)
        let x = Matrix(rows: 6, columns: 3, sampling: .standard, using: &generator)
        return (Network([hidden, last]), x)
    }

    @Test func backpropagatesBinaryCrossEntropy() {
        let (network, x) = Self.setUp(output: .sigmoid)
        let labels: Matrix = [[1, 0], [0, 0], [1, 1], [0, 1], [1, 0], [0, 1]]
        let check = network.gradientCheck(input: x, target: labels, loss: .binaryCrossEntropy)
        #expect(check.analytic.count == 3 * 4 + 4 + 4 * 2 + 2)
        #expect(check.maxRelativeError <= 1e-6, "\(check)")
    }

    @Test func backpropagatesMeanSquaredError() {
        let (network, x) = Self.setUp(output: .identity)
        let targets = Matrix(rows: 6, columns: 2) { i, j in Double(i) / 3 - Double(j) }
        let check = network.gradientCheck(input: x, target: targets, loss: .meanSquaredError)
        #expect(check.maxRelativeError <= 1e-6, "\(check)")
    }

    @Test func gradientCheckCatchesAWrongGradient() {
        // The check must be able to fail: compare against a perturbed gradient.
        let (network, x) = Self.setUp(output: .sigmoid)
        let target = Matrix(rows: 6, columns: 2, repeating: 1)
        let good = network.gradientCheck(input: x, target: target, loss: .binaryCrossEntropy)
        var wrong = good.analytic
        wrong[3] *= 1.001
        let bad = GradientCheck(analytic: wrong, at: network.parameters) { theta in
            var probe = network
            probe.parameters = theta
            return Loss.binaryCrossEntropy.value(of: probe.predict(x), target: target)
        }
        #expect(bad.maxRelativeError > 1e-4)
    }

    @Test func readsAndWritesParametersInOrder() {
        var (network, _) = Self.setUp(output: .sigmoid)
        let parameters = network.parameters
        #expect(Array(parameters.prefix(12)) == network.layers[0].weights.elements)
        #expect(Array(parameters[12..<16]) == network.layers[0].bias!.elements)
        network.parameters = parameters.map { $0 * 2 }
        #expect(network.layers[1].bias! == Self.setUp(output: .sigmoid).0.layers[1].bias! * 2)
    }

    @Test func predictsWithoutRemembering() {
        var (network, x) = Self.setUp(output: .sigmoid)
        let prediction = network.predict(x)
        #expect(network.layers[1].output == nil)
        #expect(network.forward(x) == prediction)
        #expect(network.layers[1].output == prediction)
    }

    @Test func learnsAndKeepsCopiesApart() {
        var (network, x) = Self.setUp(output: .sigmoid)
        let labels = Matrix(rows: 6, columns: 2) { i, j in Double((i + j) % 2) }
        let snapshot = network
        var losses: [Double] = []
        for _ in 0..<200 {
            _ = network.forward(x)
            losses.append(network.backward(loss: .binaryCrossEntropy, target: labels))
            network.step(learningRate: 0.5)
        }
        #expect(losses.last! < 0.5 * losses.first!, "loss \(losses.first!) → \(losses.last!)")
        #expect(snapshot == Self.setUp(output: .sigmoid).0)
    }
}
