import Neural
import Testing

/// The seed lecture's backpropagation by hand: two sigmoid layers without
/// bias, x = [5, 3], label 1. Full-precision values come from NumPy
/// (reference/backprop_example.py) and are compared to 1e-8 relative; the
/// seed's printed values have 8 significant digits and are compared at that.
@Suite struct BackpropagationTests {
    static let x: Matrix = [[5, 3]]

    static func seedNetwork() -> Network {
        Network([
            Dense(weights: [[1, -1, 3], [2, 2, -1]], activation: .sigmoid),
            Dense(weights: [[0.1], [0.5], [-0.1]], activation: .sigmoid),
        ])
    }

    @Test func reproducesTheForwardPass() throws {
        var net = Self.seedNetwork()
        let y = net.forward(Self.x)
        let h = try #require(net.layers[0].output)
        expectClose(h.elements, [0.99998329857815205, 0.7310585786300049, 0.99999385582539779], relative: 1e-8)
        expectClose(y.elements, [0.5903780017149115], relative: 1e-8)
        // The seed: h₁ = 0.99998329857, y = 0.590378.
        expectClose(h[0, 0], 0.99998329857, relative: 1e-11)
        expectClose(y[0, 0], 0.590378, relative: 1e-6)
        #expect(net.predict(Self.x) == y)
    }

    @Test func reproducesTheLossAndItsGradient() {
        let y = Self.seedNetwork().predict(Self.x)
        let target: Matrix = [[1]]
        let loss = Loss.binaryCrossEntropy.value(of: y, target: target)
        let gradient = Loss.binaryCrossEntropy.gradient(of: y, target: target)
        expectClose(loss, 0.52699226635801244, relative: 1e-8)
        expectClose(loss, 0.52699227, relative: 1e-8)
        // dJ/dy = −1/y = −1.69383 in the seed.
        expectClose(gradient[0, 0], -1.6938300497227732, relative: 1e-8)
        expectClose(gradient[0, 0], -1.69383, relative: 1e-5)
    }

    @Test func reproducesTheWeightGradients() throws {
        var net = Self.seedNetwork()
        _ = net.forward(Self.x)
        let loss = net.backward(loss: .binaryCrossEntropy, target: [[1]])
        expectClose(loss, 0.52699226635801244, relative: 1e-8)

        let wGradient = net.layers[0].weightGradient, vGradient = net.layers[1].weightGradient
        #expect(wGradient.shape == Matrix.Shape(rows: 2, columns: 3))
        #expect(vGradient.shape == Matrix.Shape(rows: 3, columns: 1))
        expectClose(wGradient.elements, [
            -3.4205777663140535e-06, -0.20134143245267552, 1.2583868073885514e-06,
            -2.0523466597884324e-06, -0.12080485947160532, 7.5503208443313082e-07,
        ], relative: 1e-8)
        expectClose(vGradient.elements, [-0.40961515701529694, -0.2994576758418791, -0.40961948149601013], relative: 1e-8)

        // As the seed prints them: 8 digits after the point or 9 significant.
        expectClose(wGradient.elements, [
            -3.42057777e-06, -2.01341432e-01, 1.25838681e-06, -2.05234666e-06, -1.20804859e-01, 7.55032084e-07,
        ], relative: 5e-9)
        expectClose(vGradient.elements, [-0.40961516, -0.29945768, -0.40961948], relative: 5e-8)
        #expect(wGradient.description == "[[-3.42057777e-06 -2.01341432e-01  1.25838681e-06]\n [-2.05234666e-06 -1.20804859e-01  7.55032084e-07]]")
        #expect(vGradient.description == "[[-0.40961516]\n [-0.29945768]\n [-0.40961948]]")
    }

    @Test func returnsTheGradientForTheInput() {
        var net = Self.seedNetwork()
        _ = net.forward(Self.x)
        let yGradient = Loss.binaryCrossEntropy.gradient(of: net.layers[1].output!, target: [[1]])
        let hGradient = net.layers[1].backward(yGradient)
        // dJ/dh: the seed's −0.04096, −0.2048, 0.04096.
        expectClose(hGradient.elements, [-0.04096219982850885, -0.20481099914254425, 0.04096219982850885], relative: 1e-8)
        let xGradient = net.layers[0].backward(hGradient)
        expectClose(xGradient.elements, [0.040268357407066274, -0.080538192889538215], relative: 1e-8)
    }

    @Test func trainsTheSingleSampleTowardsItsLabel() {
        // The seed's sanity check: 100 steps of gradient descent, η = 0.1.
        for label in [0.0, 1.0] {
            var net = Self.seedNetwork()
            var losses: [Double] = []
            for _ in 0..<100 {
                _ = net.forward(Self.x)
                losses.append(net.backward(loss: .binaryCrossEntropy, target: [[label]]))
                net.step(learningRate: 0.1)
            }
            #expect(losses.last! < losses.first!, "label \(label): \(losses.first!) → \(losses.last!)")
            #expect(zip(losses, losses.dropFirst()).allSatisfy { $0 > $1 }, "label \(label): the loss must fall at every step")
        }
    }
}
