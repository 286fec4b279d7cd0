import Neural
import Testing

/// A batch large enough to be cut into blocks of rows that run on several
/// threads: the forward pass must give the layer-by-layer values exactly,
/// the gradients the whole-matrix formulas' to rounding, and every run the
/// same bits.
@Suite struct RowBlockTests {
    /// 2 → 16 → 1 sigmoid layers with biases and 5,003 inputs (not a
    /// multiple of the number of blocks).
    static func setUp() -> (Network, x: Matrix, target: Matrix) {
        var generator = SeededGenerator(seed: 21)
        var hidden = Dense(inputs: 2, outputs: 16, activation: .sigmoid, using: &generator)
        var last = Dense(inputs: 16, outputs: 1, activation: .sigmoid, using: &generator)
        hidden.bias = Matrix(rows: 1, columns: 16, sampling: .standard, using: &generator)
        last.bias = Matrix(rows: 1, columns: 1, sampling: .standard, using: &generator)
        let x = Matrix(rows: 5003, columns: 2, sampling: .standard, using: &generator)
        let target = Matrix(column: (0..<5003).map { Double($0 % 3 == 0 ? 1 : 0) })
        return (Network([hidden, last]), x, target)
    }

    @Test func blockedPassesAgreeWithTheLayerFormulas() {
        var (network, x, target) = Self.setUp()
        let y = network.forward(x)
        let h = network.layers[0](x)
        #expect(y == network.layers[1](h))
        _ = network.backward(loss: .binaryCrossEntropy, target: target)

        // The whole-matrix formulas, layer by layer.
        let g = Loss.binaryCrossEntropy.gradient(of: y, target: target)
        let delta1 = g * y * (1 - y)
        let w1 = network.layers[1].weights
        let delta0 = (delta1 • w1.transposed()) * h * (1 - h)
        // Blocks group the terms of each sum differently: the gradients
        // agree to a few units of 2⁻⁵² relative to the sum of the terms'
        // magnitudes, which here is within 1e-12 of each gradient entry.
        expectClose(network.layers[1].weightGradient.elements, (h.transposed() • delta1).elements, relative: 1e-12)
        expectClose(network.layers[0].weightGradient.elements, (x.transposed() • delta0).elements, relative: 1e-12)
        expectClose(network.layers[0].biasGradient!.elements, delta0.columnSums().elements, relative: 1e-12)
        expectClose(network.layers[1].biasGradient!.elements, delta1.columnSums().elements, relative: 1e-12)
    }

    /// Starting from a loss, the pass forms ∂J/∂y and J itself, block by
    /// block: the loss it returns and the gradients it leaves are those of
    /// the loss's own formulas, to the last bit, for both losses.
    @Test(arguments: Loss.allCases)
    func aPassFromALossIsThePassFromItsGradient(_ loss: Loss) {
        var (short, x, target) = Self.setUp()
        var full = short
        let y = short.forward(x)
        _ = full.forward(x)
        let value = short.backward(loss: loss, target: target)
        _ = full.backward(loss.gradient(of: y, target: target))
        #expect(value.bitPattern == loss.value(of: y, target: target).bitPattern)
        #expect(short.parameterGradients.map(\.bitPattern) == full.parameterGradients.map(\.bitPattern))
    }

    @Test func everyRunGivesTheSameBits() {
        var (first, x, target) = Self.setUp()
        var second = first
        for _ in 0..<3 {
            _ = first.forward(x)
            _ = first.backward(loss: .binaryCrossEntropy, target: target)
            first.step(learningRate: 0.5)
            _ = second.forward(x)
            _ = second.backward(loss: .binaryCrossEntropy, target: target)
            second.step(learningRate: 0.5)
        }
        #expect(first.parameters.map(\.bitPattern) == second.parameters.map(\.bitPattern))
    }
}
