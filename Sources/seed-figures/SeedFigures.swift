import Charts
import Foundation

/// The figures of the seed lecture, drawn with `Charts`, by file name.
func seedFigures(_ data: SeedData) -> [(name: String, figure: any Figure)] {
    let sigmoid = { (z: Double) in 1 / (1 + exp(-z)) }
    let setosa = data.species.map { $0 == 0 ? 0 : 1 }
    let classes = ["Setosa", "Non-setosa"]
    let theta = data.theta
    return [
        ("step", Plot.function(-5...5, points: 200, title: "Perceptron activation", xLabel: "z", yLabel: "f(z)", name: "step(z)", style: .steps) {
            $0 > 0 ? 1 : 0
        }),
        ("sigmoid", Plot.function(-5...5, points: 50, title: "Sigmoid", xLabel: "z", yLabel: "σ(z)", name: "σ(z)", sigmoid)),
        ("activations", Subplots([
            Plot.function(-5...5, points: 50, title: "tanh", xLabel: "z", name: "tanh(z)") { tanh($0) },
            Plot.function(-5...5, points: 50, title: "ReLU", xLabel: "z", name: "max(0, z)") { max(0, $0) },
        ])),
        ("iris", Plot(title: "Iris: setosa or not", xLabel: "Sepal length (cm)", yLabel: "Sepal width (cm)")
            .scatter(x: data.length, y: data.width, categories: setosa, names: classes)
            .legend(.bottomRight)),
        ("decision", Plot(title: "A sigmoid neuron's decision", xLabel: "Sepal length (cm)", yLabel: "Sepal width (cm)")
            .regions(x: 3.3...8.9, y: 1.0...5.4, step: 0.02) { x, y in
                sigmoid(theta[0] * x + theta[1] * y + theta[2]) >= 0.5 ? 1 : 0
            }
            .scatter(x: data.length, y: data.width, categories: setosa, names: classes, radius: 3.5)),
        ("descent", Plot(title: "Gradient descent on one example", xLabel: "step")
            .line(data.loss, name: "loss J")
            .dots(data.score, name: "score y")),
        ("network", NetworkDiagram(
            layers: [2, 3, 1], title: "Backpropagation by hand", layerNames: ["input x", "hidden h", "output y"],
            nodeLabels: [["5.0", "3.0"], ["0.99998", "0.7311", "0.99999"], ["0.5904"]],
            edgeLabels: [[["1.0", "-1.0", "3.0"], ["2.0", "2.0", "-1.0"]], [["0.1"], ["0.5"], ["-0.1"]]])),
    ]
}
