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
        ("neuron", NeuronDiagram(
            inputs: ["x₁", "x₂", "x₃", "1"], weights: ["w₁", "w₂", "w₃", "b"], title: "An artificial neuron",
            sumNote: "z = Σ wⱼxⱼ + b", output: "f(x) = σ(z)")),
        ("layer", layerSequence()),
        ("derivatives", Subplots([
            Plot.function(-5...5, points: 101, title: "σ′ of the sigmoid", xLabel: "z", name: "σ(z)(1 − σ(z))") {
                Activation.sigmoid.derivative($0)
            },
            Plot.function(-5...5, points: 101, title: "σ′ of tanh", xLabel: "z", name: "1 − tanh²(z)") {
                Activation.tanh.derivative($0)
            },
            Plot.function(-5...5, points: 200, title: "σ′ of ReLU", xLabel: "z", name: "1 if z > 0", style: .steps) {
                Activation.relu.derivative($0)
            },
        ], panelWidth: 300, panelHeight: 260)),
    ] + backpropagationSteps().enumerated().map { ("backpropagation-\($0 + 1)", $1 as any Figure) } + [
        ("graph", ComputationGraph(nodes: [
            .init(label: "x = 2", note: "∂f/∂x = 5"),
            .init(label: "a = x·x = 4", note: "∂f/∂a = 1", operation: "×", inputs: [0, 0]),
            .init(label: "f = a + x = 6", note: "∂f/∂f = 1", operation: "+", inputs: [1, 0]),
        ], title: "f = x·x + x")),
        ("graph-neuron", ComputationGraph(nodes: [
            .init(label: "x₁ = 2", note: "−0.35"),
            .init(label: "w₁ = 0.5", note: "−1.4"),
            .init(label: "x₂ = 1.5", note: "0.7"),
            .init(label: "w₂ = −1", note: "−1.05"),
            .init(label: "b = 0.25", note: "−0.7"),
            .init(label: "w₁x₁ = 1", note: "−0.7", operation: "×", inputs: [1, 0]),
            .init(label: "w₂x₂ = −1.5", note: "−0.7", operation: "×", inputs: [3, 2]),
            .init(label: "s = −0.5", note: "−0.7", operation: "+", inputs: [5, 6]),
            .init(label: "z = −0.25", note: "−0.7", operation: "+", inputs: [7, 4]),
            .init(label: "y = 0.438", note: "−2.28", operation: "σ", inputs: [8]),
            .init(label: "J = 0.826", note: "1", operation: "−log", inputs: [9]),
        ], title: "J = −log σ(w₁x₁ + w₂x₂ + b)")),
    ]
}

/// The seed's layer of three neurons on two inputs, one neuron at a time,
/// with the weights of chapter 2 on its edges.
private func layerSequence() -> DiagramRow {
    let weights = [[1.0, -1.0, 3.0], [2.0, 2.0, -1.0]]
    return DiagramRow((0..<3).map { k in
        NetworkDiagram(
            layers: [2, 3], title: "neuron \(k + 1): weights w\(["₁", "₂", "₃"][k])", layerNames: ["x", "f(x)"],
            nodeLabels: [["x₁", "x₂"], ["", "", ""]],
            edgeLabels: [(0..<2).map { j in (0..<3).map { $0 == k ? format(weights[j][k], digits: 3) : "" } }],
            highlighted: [.init(layer: 1, node: k)])
    }, title: "A layer: three neurons on the same inputs")
}

/// The seed's backpropagation by hand, one diagram per step: the forward
/// values, ∂J/∂y at the output, ∂J/∂V on the output edges with ∂J/∂h at the
/// hidden units, and ∂J/∂W on the first layer's edges.
private func backpropagationSteps() -> [NetworkDiagram] {
    var network = Network([
        Dense(weights: Matrix([[1.0, -1.0, 3.0], [2.0, 2.0, -1.0]]), activation: .sigmoid),
        Dense(weights: Matrix([[0.1], [0.5], [-0.1]]), activation: .sigmoid),
    ])
    let x = Matrix(row: [5.0, 3.0])
    let y = network.forward(x)
    let target = Matrix(row: [1])
    let dJdy = Loss.binaryCrossEntropy.gradient(of: y, target: target)
    let dJdh = network.layers[1].backward(dJdy)
    _ = network.layers[0].backward(dJdh)
    let names = ["input x", "hidden h", "output y"]
    let values = [x.elements, network.layers[0].output!.elements, y.elements].map { $0.map { format($0, digits: 4) } }
    func edges(_ m: Matrix) -> [[String]] {
        (0..<m.rows).map { i in (0..<m.columns).map { j in format(m[i, j], digits: 3) } }
    }
    let gradient = Palette.color(1)
    let hidden: Set<NetworkDiagram.NodeIndex> = [.init(layer: 1, node: 0), .init(layer: 1, node: 1), .init(layer: 1, node: 2)]
    return [
        NetworkDiagram(layers: [2, 3, 1], title: "1. Forward", layerNames: names, nodeLabels: values,
                       edgeLabels: network.layers.map { edges($0.weights) }),
        NetworkDiagram(layers: [2, 3, 1], title: "2. ∂J/∂y at the output", layerNames: names, nodeLabels: values,
                       nodeNotes: [[], [], ["∂J/∂y = " + format(dJdy[0, 0], digits: 4)]], noteColor: gradient,
                       highlighted: [.init(layer: 2, node: 0)], highlightColor: gradient),
        NetworkDiagram(layers: [2, 3, 1], title: "3. ∂J/∂V and ∂J/∂h", layerNames: names, nodeLabels: values,
                       edgeLabels: [[], edges(network.layers[1].weightGradient)], edgeLabelColor: gradient,
                       nodeNotes: [[], dJdh.elements.map { "∂J/∂h = " + format($0, digits: 3) }, ["∂J/∂y = " + format(dJdy[0, 0], digits: 4)]],
                       noteColor: gradient, highlighted: [.init(layer: 2, node: 0)], highlightColor: gradient),
        NetworkDiagram(layers: [2, 3, 1], title: "4. ∂J/∂W", layerNames: names, nodeLabels: values,
                       edgeLabels: [edges(network.layers[0].weightGradient)], edgeLabelColor: gradient,
                       nodeNotes: [[], dJdh.elements.map { "∂J/∂h = " + format($0, digits: 3) }, []],
                       noteColor: gradient, highlighted: hidden, highlightColor: gradient),
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
