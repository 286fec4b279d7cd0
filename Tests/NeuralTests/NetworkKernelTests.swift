import Neural
import Testing

/// The kernels behind `Network.forward` and `Network.backward`
/// (`NetworkForward`, `NetworkBackward`, `DenseRows`) against the readable
/// formulas of `Dense.forward` and `Dense.backward` applied layer by layer:
/// for a batch of fewer than 4096 rows they must give the same bits, since
/// every sum adds the same terms in the same order. Larger batches are
/// summed in blocks of rows: see `RowBlockTests`.
///
/// The shapes cover each path of the kernels: one output (eight rows at a
/// time through transposed 8×8 tiles, with inputs that are and are not a
/// multiple of eight) and several (sixteen or eight at a time, with a
/// partial last chunk; Δ of eight rows in registers, or through memory),
/// every activation, with and without bias, batches shorter than eight rows
/// and not a multiple of the kernels' groups.
@Suite struct NetworkKernelTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var widths: [Int]
        var activations: [Activation]
        var rows: Int
        var testDescription: String { "\(widths.map(String.init).joined(separator: "→")), \(activations), \(rows) rows" }
    }

    static let cases: [Case] = [
        Case(widths: [2, 64, 1], activations: [.sigmoid, .sigmoid], rows: 77),
        Case(widths: [3, 9, 4, 1], activations: [.sigmoid, .tanh, .sigmoid], rows: 41),
        Case(widths: [64, 17, 1], activations: [.relu, .identity], rows: 9),
        Case(widths: [9, 1, 7], activations: [.sigmoid, .tanh], rows: 33),
        Case(widths: [5, 8, 16], activations: [.step, .sigmoid], rows: 8),
        Case(widths: [1, 3, 2], activations: [.identity, .relu], rows: 1),
        Case(widths: [20, 12, 1], activations: [.tanh, .sigmoid], rows: 7),
        Case(widths: [5, 16, 8, 1], activations: [.tanh, .sigmoid, .sigmoid], rows: 50),
        Case(widths: [3, 75, 1], activations: [.tanh, .sigmoid], rows: 29),
    ]

    /// The network of `widths`, every second layer without bias, weights and
    /// biases drawn from N(0, 1), and a batch X and gradient G of the output.
    static func setUp(_ c: Case) -> (Network, x: Matrix, g: Matrix) {
        var generator = SeededGenerator(seed: UInt64(c.rows * 31 + c.widths.reduce(0, +)))
        let layers = c.activations.indices.map { l in
            var layer = Dense(inputs: c.widths[l], outputs: c.widths[l + 1], activation: c.activations[l],
                              bias: l % 2 == 0, using: &generator)
            if layer.bias != nil {
                layer.bias = Matrix(rows: 1, columns: c.widths[l + 1], sampling: .standard, using: &generator)
            }
            return layer
        }
        let x = Matrix(rows: c.rows, columns: c.widths[0], sampling: .standard, using: &generator)
        let g = Matrix(rows: c.rows, columns: c.widths[c.widths.count - 1], sampling: .standard, using: &generator)
        return (Network(layers), x, g)
    }

    static func same(_ a: Matrix?, _ b: Matrix?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.shape == b.shape && zip(a.elements, b.elements).allSatisfy { $0.bitPattern == $1.bitPattern }
    }

    @Test(arguments: cases)
    func forwardIsTheLayersFormulas(_ c: Case) {
        var (network, x, _) = Self.setUp(c)
        var layers = network.layers
        let y = network.forward(x)
        var h = x
        for index in layers.indices {
            h = layers[index].forward(h)
            #expect(Self.same(network.layers[index].output, h), "layer \(index)'s output")
            #expect(Self.same(network.layers[index].input, layers[index].input), "layer \(index)'s input")
        }
        #expect(Self.same(y, h))
        #expect(Self.same(network.predict(x), y))
    }

    @Test(arguments: cases)
    func backwardIsTheLayersFormulas(_ c: Case) {
        var (network, x, g) = Self.setUp(c)
        var layers = network.layers
        _ = network.forward(x)
        let inputGradient = network.backward(g)
        var h = x
        for index in layers.indices {
            h = layers[index].forward(h)
        }
        var gradient = g
        for index in layers.indices.reversed() {
            gradient = layers[index].backward(gradient)
            #expect(Self.same(network.layers[index].weightGradient, layers[index].weightGradient), "layer \(index)'s ∂J/∂W")
            #expect(Self.same(network.layers[index].biasGradient, layers[index].biasGradient), "layer \(index)'s ∂J/∂b")
        }
        #expect(Self.same(inputGradient, gradient), "∂J/∂X")
    }

    /// `backward(loss:target:)` skips the first layer's ∂J/∂X; the parameter
    /// gradients are those of backpropagating the loss's gradient in full.
    /// Every case with the squared error, and those whose outputs are
    /// probabilities (a sigmoid last) with the cross-entropy too.
    static let lossCases = cases.flatMap { c in
        Loss.allCases.filter { $0 == .meanSquaredError || c.activations.last == .sigmoid }.map { (c, $0) }
    }

    @Test(arguments: lossCases)
    func lossBackwardMatchesFullBackpropagation(_ c: Case, _ loss: Loss) {
        var (short, x, _) = Self.setUp(c)
        var full = short
        let target = Matrix(rows: c.rows, columns: c.widths[c.widths.count - 1]) { i, j in Double((i + j) % 2) }
        let prediction = short.forward(x)
        _ = full.forward(x)
        let value = short.backward(loss: loss, target: target)
        _ = full.backward(loss.gradient(of: prediction, target: target))
        #expect(short.parameterGradients.map(\.bitPattern) == full.parameterGradients.map(\.bitPattern))
        #expect(value.bitPattern == loss.value(of: prediction, target: target).bitPattern)
    }
}
