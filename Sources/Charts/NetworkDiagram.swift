/// A layered neural network drawn as columns of nodes with an edge from every
/// node of a layer to every node of the next, optionally labelled with values
/// on nodes and weights or gradients on edges: the figures that explain a
/// forward and a backward pass.
///
/// It takes plain data, not a network type, so any library can describe its
/// network to it.
///
/// ```swift
/// NetworkDiagram(
///     layers: [2, 3, 1], layerNames: ["x", "h", "y"],
///     nodeLabels: [["5.0", "3.0"], ["0.9999", "0.7311", "0.9999"], ["0.5904"]],
///     edgeLabels: [[["1.0", "-1.0", "3.0"], ["2.0", "2.0", "-1.0"]], [["0.1"], ["0.5"], ["-0.1"]]])
/// ```
public struct NetworkDiagram: Sendable, Hashable {
    public var title: String
    /// The number of nodes in each layer, input first.
    public var layers: [Int]
    /// A name above each layer's column; missing names are left blank.
    public var layerNames: [String]
    /// `nodeLabels[l][i]` is written inside node `i` of layer `l`; missing
    /// labels are left blank.
    public var nodeLabels: [[String]]
    /// `edgeLabels[l][i][j]` is written along the edge from node `i` of layer
    /// `l` to node `j` of layer `l + 1`; missing labels are left blank.
    public var edgeLabels: [[[String]]]
    /// The colour of edge labels (say, `Palette.color(1)` for gradients);
    /// `nil` for the ink colour.
    public var edgeLabelColor: Color?
    /// `nodeNotes[l][i]` is written under node `i` of layer `l`, in
    /// `noteColor`: say, the gradient of the loss with respect to the node's
    /// value. Missing notes are left blank.
    public var nodeNotes: [[String]]
    /// The colour of the notes; `nil` for the ink colour.
    public var noteColor: Color?
    /// Nodes drawn emphasised, with the edges into them drawn strong in
    /// `highlightColor` and every other edge faded: one neuron of a layer
    /// and its weights, or the layer that a step of backpropagation reaches.
    public var highlighted: Set<NodeIndex>
    /// The colour of highlighted edges; `nil` for `Palette.color(0)`.
    public var highlightColor: Color?
    /// Room the layout keeps for labels and notes wider than this diagram's
    /// own, or that it does not have.
    public var room: Room
    /// The prefix of every id in the SVG (see `Plot.id`).
    public var id: String?

    /// Room for labels and notes that a diagram may not have itself: the
    /// diagrams of one network drawn step by step (its values, then each
    /// layer's gradients), given the same room, have the same size and
    /// every node in the same place, so that a reader sees what changed.
    ///
    /// ```swift
    /// let steps = NetworkDiagram.Room(nodeLabel: "0.00000", edgeLabel: "-0.00e-00", notes: true)
    /// ```
    public struct Room: Sendable, Hashable {
        /// The widest node label to make room for, as text of that width.
        public var nodeLabel: String
        /// The widest edge label to make room for, as text of that width.
        public var edgeLabel: String
        /// Whether a band under every node is kept for notes.
        public var notes: Bool

        public init(nodeLabel: String = "", edgeLabel: String = "", notes: Bool = false) {
            self.nodeLabel = nodeLabel
            self.edgeLabel = edgeLabel
            self.notes = notes
        }
    }

    /// Node `node` of layer `layer`, both counted from 0, inputs being layer 0.
    public struct NodeIndex: Sendable, Hashable, Comparable {
        public var layer: Int
        public var node: Int

        public init(layer: Int, node: Int) {
            self.layer = layer
            self.node = node
        }

        public static func < (a: NodeIndex, b: NodeIndex) -> Bool {
            (a.layer, a.node) < (b.layer, b.node)
        }
    }

    public init(
        layers: [Int], title: String = "", layerNames: [String] = [], nodeLabels: [[String]] = [],
        edgeLabels: [[[String]]] = [], edgeLabelColor: Color? = nil, nodeNotes: [[String]] = [],
        noteColor: Color? = nil, highlighted: Set<NodeIndex> = [], highlightColor: Color? = nil, room: Room = Room()
    ) {
        self.title = title
        self.layers = layers.map { max(0, $0) }
        self.layerNames = layerNames
        self.nodeLabels = nodeLabels
        self.edgeLabels = edgeLabels
        self.edgeLabelColor = edgeLabelColor
        self.nodeNotes = nodeNotes
        self.noteColor = noteColor
        self.highlighted = highlighted
        self.highlightColor = highlightColor
        self.room = room
    }

    /// The label of node `node` of layer `layer`, empty when there is none.
    public func nodeLabel(layer: Int, node: Int) -> String {
        nodeLabels.indices.contains(layer) && nodeLabels[layer].indices.contains(node) ? nodeLabels[layer][node] : ""
    }

    /// The note under node `node` of layer `layer`, empty when there is none.
    public func nodeNote(layer: Int, node: Int) -> String {
        nodeNotes.indices.contains(layer) && nodeNotes[layer].indices.contains(node) ? nodeNotes[layer][node] : ""
    }

    /// Whether any node carries a note.
    var hasNotes: Bool { nodeNotes.joined().contains { !$0.isEmpty } }

    /// Whether the edge from node `from` of layer `layer` leads into a
    /// highlighted node.
    func isHighlighted(layer: Int, to: Int) -> Bool {
        highlighted.contains(NodeIndex(layer: layer + 1, node: to))
    }

    /// The label of the edge from node `from` of layer `layer` to node `to` of
    /// layer `layer + 1`, empty when there is none.
    public func edgeLabel(layer: Int, from: Int, to: Int) -> String {
        guard edgeLabels.indices.contains(layer), edgeLabels[layer].indices.contains(from) else { return "" }
        return edgeLabels[layer][from].indices.contains(to) ? edgeLabels[layer][from][to] : ""
    }

    /// Every edge as (layer, from, to), layer by layer, then by source, then
    /// by target.
    var edges: [(layer: Int, from: Int, to: Int)] {
        layers.indices.dropLast().flatMap { l in
            (0..<layers[l]).flatMap { i in (0..<layers[l + 1]).map { j in (layer: l, from: i, to: j) } }
        }
    }
}

extension NetworkDiagram {
    /// `network "Title": layers 2-3-1, 9 edges; nodes: 5.0, 3.0 | …; edges: 1.0, -1.0, … | …`,
    /// the labels layer by layer (edges by source, then target), where there
    /// are any, then the notes that are not blank as `notes: 2.0 ∂J/∂y = −1.69, …`
    /// and the highlighted nodes as `highlighted: 1.0, 1.1`, each node named
    /// layer.node (counted from 0).
    public var summary: String {
        let head = "network" + (title.isEmpty ? "" : " " + title.summaryQuoted)
        var parts = ["layers " + layers.map(String.init).joined(separator: "-") + ", \(edges.count) edges"]
        let nodes = layers.indices.map { l in (0..<layers[l]).map { nodeLabel(layer: l, node: $0) } }
        if nodes.joined().contains(where: { !$0.isEmpty }) {
            parts.append("nodes: " + nodes.map { $0.joined(separator: ", ") }.joined(separator: " | "))
        }
        let edgeTexts = layers.indices.dropLast().map { l in edges.filter { $0.layer == l }.map { edgeLabel(layer: l, from: $0.from, to: $0.to) } }
        if edgeTexts.joined().contains(where: { !$0.isEmpty }) {
            parts.append("edges: " + edgeTexts.map { $0.joined(separator: ", ") }.joined(separator: " | "))
        }
        if hasNotes {
            let notes = layers.indices.flatMap { l in
                (0..<layers[l]).compactMap { i in nodeNote(layer: l, node: i).isEmpty ? nil : "\(l).\(i) " + nodeNote(layer: l, node: i) }
            }
            parts.append("notes: " + notes.joined(separator: ", "))
        }
        if !highlighted.isEmpty {
            parts.append("highlighted: " + highlighted.sorted().map { "\($0.layer).\($0.node)" }.joined(separator: ", "))
        }
        return head + ": " + parts.joined(separator: "; ")
    }
}
