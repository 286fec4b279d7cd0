import CellOutput

// Diagrams are shown like charts, but marked as diagrams, as a network
// diagram is by `show(_:caption:label:)`, so that the site can style them as
// such. `caption` and `label` number them as figures.

/// Shows an artificial neuron's diagram.
public func show(_ diagram: NeuronDiagram, caption: String? = nil, label: String? = nil) {
    emitFigure(diagram, kind: .diagram, caption: caption, label: label)
}

/// Shows network diagrams side by side.
public func show(_ row: DiagramRow, caption: String? = nil, label: String? = nil) {
    emitFigure(row, kind: .diagram, caption: caption, label: label)
}

/// Shows the graph of a computation.
public func show(_ graph: ComputationGraph, caption: String? = nil, label: String? = nil) {
    emitFigure(graph, kind: .diagram, caption: caption, label: label)
}
