import Foundation
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

    @Test func keptPredictionsKeepTheirValues() {
        var network = Self.network()
        let first = network.forward(Self.x)
        let kept = first
        let hidden = network.layers[0].output!
        let second = network.forward(2 * Self.x)
        #expect(first == kept && network.layers[0].output != hidden)
        #expect(second == network.predict(2 * Self.x))
        #expect(network.layers[1].input == network.layers[0].output)
    }

    /// The blocked forward pass through several layers of different widths,
    /// on a batch longer than one block, gives what the layers give one by one.
    @Test func blockedForwardMatchesLayerByLayer() {
        var generator = SeededGenerator(seed: 5)
        var network = Network([
            Dense(inputs: 3, outputs: 7, activation: .tanh, using: &generator),
            Dense(inputs: 7, outputs: 5, activation: .sigmoid, bias: false, using: &generator),
            Dense(inputs: 5, outputs: 2, activation: .relu, using: &generator),
        ])
        let x = Matrix(rows: 77, columns: 3) { i, j in Double(i * 3 + j).squareRoot() - 7 }
        let y = network.forward(x)
        let layerByLayer = network.layers.reduce(x) { h, layer in layer(h) }
        #expect(y == layerByLayer)
    }

    /// Backpropagation row by row gives, to the last bit, the gradients of
    /// the whole-matrix formulas Δ = G ⊙ σ′, XᵀΔ, Σ_rows Δ and ΔWᵀ, for a
    /// batch too small to be cut into blocks of rows (see `RowBlockTests`).
    @Test func backpropagationMatchesWholeMatrixFormulas() {
        var generator = SeededGenerator(seed: 6)
        var network = Network([
            Dense(inputs: 3, outputs: 9, activation: .sigmoid, using: &generator),
            Dense(inputs: 9, outputs: 4, activation: .tanh, using: &generator),
            Dense(inputs: 4, outputs: 1, activation: .sigmoid, using: &generator),
        ])
        let x = Matrix(rows: 41, columns: 3) { i, j in sin(Double(7 * i + j)) }
        _ = network.forward(x)
        var g = Matrix(rows: 41, columns: 1) { i, _ in cos(Double(i)) }
        let inputGradient = network.backward(g)
        for layer in network.layers.reversed() {
            let y = layer.output!
            let delta = g * y.map { layer.activation.derivative(atOutput: $0) }
            #expect(layer.weightGradient == (layer.input!.transposed() • delta))
            #expect(layer.biasGradient == delta.columnSums())
            g = delta • layer.weights.transposed()
        }
        #expect(inputGradient == g)
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
