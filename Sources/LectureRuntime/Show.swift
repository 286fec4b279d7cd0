import CellOutput

/// Shows a chart or diagram: the site draws its SVG, the recorded output holds its
/// one-line summary, and `lecture run` draws it in the terminal.
public func show(_ figure: some Figure) {
    let kind: Display.Kind = figure is NetworkDiagram ? .diagram : .chart
    emit(.display(Display(kind: kind, text: figure.summary, svg: figure.svg())))
}
