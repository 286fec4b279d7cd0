import Neural
import Testing

/// `Network.forward` writes over the storage of the last outputs, but only
/// where nothing else holds them: values the caller kept must not change.
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

    @Test func keptGradientsKeepTheirValues() {
        var network = Self.network()
        _ = network.forward(Self.x)
        let g: Matrix = [[0.1], [-0.2], [0.3]]
        let kept = g
        _ = network.backward(g)
        #expect(g == kept)
    }
}
