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

    /// Every sample by the name of its golden file.
    static let all: [(name: String, figure: any Figure)] = [
        ("line", line), ("steps", steps), ("series-with-dots", seriesWithDots), ("scatter", scatter),
        ("regions", regions), ("subplots", subplots), ("network", network),
    ]
}
