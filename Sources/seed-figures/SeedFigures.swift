import Charts
import Foundation
import Neural

/// The figures of the seed lecture, drawn with `Charts` from the `Neural`
/// library's data and models, by file name.
func seedFigures() -> [(name: String, figure: any Figure)] {
    let sepalLength = Iris.features.column(0).elements
    let sepalWidth = Iris.features.column(1).elements
    let setosaOrNot = Iris.setosaVersusRest.elements.map { Int($0) }
    let species = ["Setosa", "Non-setosa"]
    let neuron = trainedNeuron()
    let descent = descentOnOneExample()
    return [
        ("step", Plot.function(
            -5...5, points: 200, title: "Perceptron activation", xLabel: "z", yLabel: "f(z)", name: "step(z)", style: .steps
        ) { Activation.step($0) }),
        ("sigmoid", Plot.function(-5...5, points: 50, title: "Sigmoid", xLabel: "z", yLabel: "σ(z)", name: "σ(z)") {
            Activation.sigmoid($0)
        }),
        ("activations", Subplots([
            Plot.function(-5...5, points: 50, title: "tanh", xLabel: "z", name: "tanh(z)") { Activation.tanh($0) },
            Plot.function(-5...5, points: 50, title: "ReLU", xLabel: "z", name: "max(0, z)") { Activation.relu($0) },
        ])),
        ("iris", Plot(title: "Iris: setosa or not", xLabel: "Sepal length (cm)", yLabel: "Sepal width (cm)")
            .scatter(x: sepalLength, y: sepalWidth, categories: setosaOrNot, names: species)
            .legend(.bottomRight)),
        ("decision", Plot(title: "A sigmoid neuron's decision", xLabel: "Sepal length (cm)", yLabel: "Sepal width (cm)")
            .regions(x: 3.3...8.9, y: 1.0...5.4, step: 0.02) { x, y in
                neuron(Matrix(row: [x, y, 1])).elements[0] >= 0.5 ? 1 : 0
            }
            .scatter(x: sepalLength, y: sepalWidth, categories: setosaOrNot, names: species, radius: 3.5)),
        ("descent", Plot(title: "Gradient descent on one example", xLabel: "step")
            .line(descent.loss, name: "loss J")
            .dots(descent.score, name: "score y")),
        ("network", NetworkDiagram(
            layers: [2, 3, 1], title: "Backpropagation by hand", layerNames: ["input x", "hidden h", "output y"],
            nodeLabels: descent.values, edgeLabels: descent.weights)),
    ]
}

/// The seed's sigmoid neuron on sepal length, sepal width and a bias,
/// fitted by gradient ascent from θ = (1, 1, 1) with step 0.1 until a step is
/// shorter than 5·10⁻⁵.
private func trainedNeuron() -> Neuron {
    let model = LogisticRegression(features: Iris.features.columns([0, 1]).appendingBiasColumn(), labels: Iris.setosaVersusRest)
    let fit = model.fit(from: Matrix(column: [1, 1, 1]), using: GradientDescent(stepSize: 0.1, threshold: 5e-5))
    return model.neuron(fit.parameters)
}

/// The seed's two-layer network on x = (5, 3) with label 1: the values and
/// weights of its first forward pass, then loss and score over 100 steps of
/// gradient descent with learning rate 0.1.
private func descentOnOneExample() -> (values: [[String]], weights: [[[String]]], loss: [Double], score: [Double]) {
    var network = Network([
        Dense(weights: Matrix([[1.0, -1.0, 3.0], [2.0, 2.0, -1.0]]), activation: .sigmoid),
        Dense(weights: Matrix([[0.1], [0.5], [-0.1]]), activation: .sigmoid),
    ])
    let x = Matrix(row: [5.0, 3.0])
    let weights = network.layers.map { layer in
        (0..<layer.weights.rows).map { i in (0..<layer.weights.columns).map { j in format(layer.weights[i, j], digits: 4) } }
    }
    _ = network.forward(x)
    let values = [x.elements.map { format($0, digits: 4) }] + network.layers.map { $0.output?.elements.map { format($0, digits: 5) } ?? [] }
    var loss: [Double] = [], score: [Double] = []
    for _ in 0..<100 {
        score.append(network.forward(x).elements[0])
        loss.append(network.backward(loss: .binaryCrossEntropy, target: Matrix(row: [1])))
        network.step(learningRate: 0.1)
    }
    return (values, weights, loss, score)
}

/// `value` to `digits` significant digits, trailing zeros dropped.
private func format(_ value: Double, digits: Int) -> String {
    String(format: "%.\(digits)g", value)
}
