import CellOutput

// Diagrams are shown like charts, but marked as diagrams, as a network
// diagram is by `show(_:)`, so that the site can style them as such.

/// Shows an artificial neuron's diagram.
public func show(_ diagram: NeuronDiagram) {
    showDiagram(diagram)
}

/// Shows network diagrams side by side.
public func show(_ row: DiagramRow) {
    showDiagram(row)
}

/// Shows the graph of a computation.
public func show(_ graph: ComputationGraph) {
    showDiagram(graph)
}

private func showDiagram(_ figure: some Figure & TerminalDrawable) {
    let terminal = underRunner ? figure.terminal(width: 72) : nil
    emit(.display(Display(kind: .diagram, text: figure.summary, svg: figure.svg(), terminal: terminal)))
}
