import Neural
import Testing

/// `forward` writes over the storage of the last output and `backward` scales
/// the incoming gradient in place, but only where nothing else holds them:
/// values the caller kept must not change.
@Suite struct StorageReuseTests {
    static let x: Matrix = [[0.5, -1], [2, 0.25], [-0.75, 1.5]]

    static func network() -> Network {
        var generator = SeededGenerator(seed: 3)
        return Network([
            Dense(inputs: 2, outputs: 4, activation: .sigmoid, using: &generator),
            Dense(inputs: 4, outputs: 1, activation: .sigmoid, using: &generator),
        ])
    }

    @Test func keptOutputsKeepTheirValues() {
        var layer = Self.network().layers[0]
        let first = layer.forward(Self.x)
        let kept = first
        _ = layer.forward(2 * Self.x)
        #expect(first == kept)
        #expect(first == layer(Self.x))
        #expect(layer.output == layer(2 * Self.x))
    }

    @Test func keptGradientsKeepTheirValues() {
        var network = Self.network()
        _ = network.forward(Self.x)
        let g: Matrix = [[0.1], [-0.2], [0.3]]
        let kept = g
        _ = network.backward(g)
        #expect(g == kept)
    }

    /// `backward(loss:target:)` skips the first layer's ∂J/∂X; the parameter
    /// gradients are those of backpropagating the loss's gradient in full.
    @Test func lossBackwardMatchesFullBackpropagation() {
        let target: Matrix = [[1], [0], [1]]
        var short = Self.network(), full = Self.network()
        _ = short.forward(Self.x)
        _ = full.forward(Self.x)
        _ = short.backward(loss: .binaryCrossEntropy, target: target)
        _ = full.backward(Loss.binaryCrossEntropy.gradient(of: full.layers[1].output!, target: target))
        #expect(short.parameterGradients == full.parameterGradients)
    }
}
