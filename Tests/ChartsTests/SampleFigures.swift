import Charts
import Foundation

/// Figures of every kind over deterministic data, shared by the tests.
enum SampleFigures {
    /// Two clouds of points laid out by a deterministic spiral.
    static let cloud: (x: [Double], y: [Double], category: [Int]) = {
        let indices = 0..<60
        let category = indices.map { $0 % 3 == 0 ? 0 : 1 }
        let x = indices.map { i in (category[i] == 0 ? 5.0 : 6.3) + 0.6 * cos(Double(i) * 2.4) * Double(i % 7) / 7 }
        let y = indices.map { i in (category[i] == 0 ? 3.4 : 2.8) + 0.5 * sin(Double(i) * 2.4) * Double(i % 5) / 5 }
        return (x, y, category)
    }()

    static let line = Plot.function(-5...5, points: 50, title: "Sigmoid", xLabel: "z", yLabel: "σ(z)", name: "σ(z)") {
        1 / (1 + exp(-$0))
    }

    static let steps = Plot.function(-5...5, points: 40, title: "Step", name: "step", style: .steps) { $0 > 0 ? 1 : 0 }

    static let seriesWithDots = Plot(title: "Descent", xLabel: "step")
        .line((0..<40).map { 0.5 * exp(-Double($0) / 10) }, name: "loss")
        .dots((0..<40).map { 1 - 0.4 * exp(-Double($0) / 12) }, name: "score")

    static let scatter = Plot(title: "Two species", xLabel: "Sepal length (cm)", yLabel: "Sepal width (cm)")
        .scatter(x: cloud.x, y: cloud.y, categories: cloud.category, names: ["Setosa", "Non-setosa"])
        .legend(.bottomRight)

    static let regions = Plot(title: "Decision", xLabel: "Sepal length (cm)", yLabel: "Sepal width (cm)")
        .regions(x: 3.3...8.9, y: 1.0...5.4, step: 0.02) { x, y in 1.2 * x - 1.3 * y - 2.3 >= 0 ? 1 : 0 }
        .scatter(x: cloud.x, y: cloud.y, categories: cloud.category, names: ["Setosa", "Non-setosa"], radius: 3.5)

    static let subplots = Subplots([
        Plot.function(-5...5, points: 30, title: "tanh", xLabel: "z") { tanh($0) },
        Plot.function(-5...5, points: 30, title: "ReLU", xLabel: "z") { max(0, $0) },
    ], title: "Activations")

    static let network = NetworkDiagram(
        layers: [2, 3, 1], title: "Backpropagation", layerNames: ["x", "h", "y"],
        nodeLabels: [["5.0", "3.0"], ["0.99998", "0.7311", "0.99999"], ["0.5904"]],
        edgeLabels: [[["1.0", "-1.0", "3.0"], ["2.0", "2.0", "-1.0"]], [["0.1"], ["0.5"], ["-0.1"]]])

    static let neuron = NeuronDiagram(
        inputs: ["x₁", "x₂", "1"], weights: ["0.5", "-1", "0.25"], title: "A neuron", sumNote: "z = -0.25", output: "f(x) = 0.438")

    /// The output layer of `network` after its gradient: notes under the
    /// nodes, gradient labels on the last layer's edges, the output highlighted.
    static let backwardStep = NetworkDiagram(
        layers: [2, 3, 1], title: "∂J/∂V and ∂J/∂h", layerNames: ["x", "h", "y"],
        nodeLabels: [["5.0", "3.0"], ["0.99998", "0.7311", "0.99999"], ["0.5904"]],
        edgeLabels: [[], [["-0.41"], ["-0.299"], ["-0.41"]]], edgeLabelColor: Palette.color(1),
        nodeNotes: [[], ["∂J/∂h₁ = -0.041", "∂J/∂h₂ = -0.205", "∂J/∂h₃ = 0.041"], ["∂J/∂y = -1.694"]],
        noteColor: Palette.color(1), highlighted: [.init(layer: 2, node: 0)], highlightColor: Palette.color(1))

    /// A layer's three neurons, one at a time.
    static let layerRow = DiagramRow((0..<3).map { k in
        NetworkDiagram(layers: [2, 3], title: "neuron \(k + 1)", nodeLabels: [["x₁", "x₂"]],
                       edgeLabels: [[["1", "-1", "3"], ["2", "2", "-1"]].map { row in row.indices.map { $0 == k ? row[$0] : "" } }],
                       highlighted: [.init(layer: 1, node: k)])
    }, title: "A layer")

    /// f = (a·b + a)·c: `a` is used twice, and the edge from `c` skips a row.
    static let graph = ComputationGraph(nodes: [
        .init(label: "a = 2", note: "∂f/∂a = 16"),
        .init(label: "b = 3", note: "∂f/∂b = 8"),
        .init(label: "c = 4", note: "∂f/∂c = 8"),
        .init(label: "d = a·b = 6", note: "∂f/∂d = 4", operation: "×", inputs: [0, 1]),
        .init(label: "e = d + a = 8", note: "∂f/∂e = 4", operation: "+", inputs: [3, 0]),
        .init(label: "f = e·c = 32", note: "∂f/∂f = 1", operation: "×", inputs: [4, 2]),
    ], title: "f = (a·b + a)·c")

    /// Every sample by the name of its golden file.
    static let all: [(name: String, figure: any Figure)] = [
        ("line", line), ("steps", steps), ("series-with-dots", seriesWithDots), ("scatter", scatter),
        ("regions", regions), ("subplots", subplots), ("network", network), ("neuron", neuron),
        ("backward-step", backwardStep), ("layer-row", layerRow), ("graph", graph),
    ]
}
