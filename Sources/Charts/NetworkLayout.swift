/// Where the nodes of a `NetworkDiagram` go: layers as evenly spaced
/// columns, each column centred vertically, nodes big enough for their labels
/// and columns far enough apart for the edge labels between them, or for
/// those of the diagram's `room` when they are wider.
struct NetworkLayout {
    static let padding = 14.0

    let radius: Double
    /// `centers[l][i]` is the centre of node `i` of layer `l`.
    let centers: [[Point]]
    let width: Double
    let height: Double
    /// The baseline of the layer names.
    let namesBaseline: Double
    let titleBaseline: Double
    /// The height of the band under a node that holds its note, 0 without notes.
    let noteHeight: Double

    init(_ diagram: NetworkDiagram) {
        let nodeLabels = diagram.layers.indices.flatMap { l in (0..<diagram.layers[l]).map { diagram.nodeLabel(layer: l, node: $0) } }
        let nodeLabelWidth = (nodeLabels + [diagram.room.nodeLabel]).map {
            TextMetrics.width(of: $0, fontSize: Stylesheet.labelSize)
        }.max() ?? 0
        let edgeLabels = diagram.edges.map { diagram.edgeLabel(layer: $0.layer, from: $0.from, to: $0.to) }
        let edgeLabelWidth = (edgeLabels + [diagram.room.edgeLabel]).map {
            TextMetrics.width(of: $0, fontSize: Stylesheet.tickSize)
        }.max() ?? 0
        let radius = max(14, nodeLabelWidth / 2 + 6)
        let columnGap = max(150, 2 * radius + 3 * edgeLabelWidth + 40)
        let noteHeight = diagram.hasNotes || diagram.room.notes ? Stylesheet.tickSize + 8 : 0
        let rowGap = 2 * radius + (edgeLabelWidth > 0 ? 34 : 22) + noteHeight
        let titleHeight = diagram.title.isEmpty ? 0 : Stylesheet.titleSize + PlotLayout.lineGap
        let namesHeight = diagram.layerNames.contains { !$0.isEmpty } ? Stylesheet.labelSize + PlotLayout.lineGap : 0
        let top = Self.padding + titleHeight + namesHeight
        let tallest = Double(diagram.layers.max() ?? 0)
        self.radius = radius
        self.centers = diagram.layers.enumerated().map { l, count in
            let x = Self.padding + radius + Double(l) * columnGap
            return (0..<count).map { i in
                Point(x: x, y: top + radius + ((tallest - Double(count)) / 2 + Double(i)) * rowGap)
            }
        }
        self.width = 2 * Self.padding + 2 * radius + Double(max(diagram.layers.count - 1, 0)) * columnGap
        self.noteHeight = noteHeight
        self.height = top + max(tallest - 1, 0) * rowGap + 2 * radius + noteHeight + Self.padding
        self.titleBaseline = Self.padding + Stylesheet.titleSize * 0.8
        self.namesBaseline = Self.padding + titleHeight + Stylesheet.labelSize * 0.8
    }

    /// The baseline of the note under the node at `center`.
    func noteBaseline(under center: Point) -> Double {
        center.y + radius + 4 + Stylesheet.tickSize * 0.8
    }

    /// The box of the note `text` under the node at `center`.
    func noteBox(_ text: String, under center: Point) -> Rect {
        let width = TextMetrics.width(of: text, fontSize: Stylesheet.tickSize)
        return Rect(x: center.x - width / 2, y: center.y + radius + 2, width: width, height: Stylesheet.tickSize + 4)
    }
}
