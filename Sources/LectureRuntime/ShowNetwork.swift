import Foundation

/// What a network diagram writes on its edges.
public enum EdgeLabels: Sendable {
    case none
    /// Each weight `W[i, j]`, on the edge from input `i` to unit `j`.
    case weights
    /// Each weight's gradient `∂J/∂W[i, j]`, from the last `backward`.
    case gradients
}

/// Shows a network as a diagram: its layers as columns of nodes and every weight
/// as an edge, labelled as asked. With `values`, each node shows its value for
/// the first sample of the last `forward` (inputs, then each layer's outputs).
/// `caption` and `label` number it as a figure.
public func show(_ network: Network, title: String = "", layerNames: [String] = [], edges: EdgeLabels = .none,
                 values: Bool = false, digits: Int = 3, caption: String? = nil, label: String? = nil) {
    func written(_ value: Double) -> String {
        String(format: "%.\(digits)g", value)
    }
    let layers = network.layers
    let sizes = (layers.first.map { [$0.inputCount] } ?? []) + layers.map(\.outputCount)
    let edgeLabels: [[[String]]] = layers.map { layer in
        let matrix: Matrix? = switch edges {
        case .none: nil
        case .weights: layer.weights
        case .gradients: layer.weightGradient
        }
        guard let matrix else { return [] }
        return (0..<matrix.rows).map { i in (0..<matrix.columns).map { j in written(matrix[i, j]) } }
    }
    var nodeLabels: [[String]] = []
    if values, let input = layers.first?.input {
        let outputs = [input] + layers.compactMap(\.output)
        nodeLabels = outputs.map { matrix in (0..<matrix.columns).map { written(matrix[0, $0]) } }
    }
    show(NetworkDiagram(layers: sizes, title: title, layerNames: layerNames, nodeLabels: nodeLabels, edgeLabels: edgeLabels),
         caption: caption, label: label)
}
