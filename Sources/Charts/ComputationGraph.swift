/// The graph of a computation: every value as a box, and for a value that an
/// operation made, the operation as a small circle above its box with an
/// arrow from each operand. Values flow down the page, from the inputs at
/// the top to the result at the bottom; a value used twice has two arrows
/// leaving it, which is where backpropagation adds two contributions.
///
/// It takes plain data, so that any implementation of automatic
/// differentiation can describe its graph to it: the nodes in an order where
/// every operand comes before the values made from it (a topological order).
///
/// ```swift
/// ComputationGraph(nodes: [
///     .init(label: "a = 2", note: "∂f/∂a = 3"),
///     .init(label: "b = 3", note: "∂f/∂a = 2"),
///     .init(label: "f = 6", note: "∂f/∂f = 1", operation: "×", inputs: [0, 1]),
/// ])
/// ```
public struct ComputationGraph: Sendable, Hashable {
    /// One value of the computation.
    public struct Node: Sendable, Hashable {
        /// The first line of the box: the value's name and value.
        public var label: String
        /// The second line, in `noteColor`: say, the gradient at this value.
        public var note: String
        /// The operation that made the value, empty for an input.
        public var operation: String
        /// The operands, as indices of earlier nodes, in order (one may repeat).
        public var inputs: [Int]

        public init(label: String, note: String = "", operation: String = "", inputs: [Int] = []) {
            self.label = label
            self.note = note
            self.operation = operation
            self.inputs = inputs
        }
    }

    public var title: String
    public var nodes: [Node]
    /// The colour of the notes; `nil` for `Palette.color(1)`.
    public var noteColor: Color?
    /// The prefix of every id in the SVG (see `Plot.id`).
    public var id: String?

    public init(nodes: [Node], title: String = "", noteColor: Color? = nil) {
        for (index, node) in nodes.enumerated() {
            guard node.inputs.allSatisfy({ (0..<index).contains($0) }) else {
                fatalError("ComputationGraph: node \(index) uses a node that does not come before it")
            }
        }
        self.title = title
        self.nodes = nodes
        self.noteColor = noteColor
    }

    /// Every arrow, as (operand, result), by result then operand.
    var edges: [(from: Int, to: Int)] {
        nodes.indices.flatMap { to in nodes[to].inputs.map { (from: $0, to: to) } }
    }

    /// `graph "Title": 5 nodes, 4 edges; a = 2 [∂f/∂a = 3]; … ; (×: 0, 1) f = 6 [∂f/∂f = 1]`,
    /// each node with its operation and operands, its label and its note.
    public var summary: String {
        let head = "graph" + (title.isEmpty ? "" : " " + title.summaryQuoted)
        let parts = nodes.map { node in
            (node.operation.isEmpty ? "" : "(\(node.operation): \(node.inputs.map(String.init).joined(separator: ", "))) ")
                + node.label + (node.note.isEmpty ? "" : " [\(node.note)]")
        }
        return head + ": \(nodes.count) nodes, \(edges.count) edges; " + parts.joined(separator: "; ")
    }
}

extension ComputationGraph: TerminalDrawable {
    /// One line per value, in order: its number, label, note, and the
    /// operation with the numbers of its operands.
    public func terminal(width: Int) -> String {
        let lines = nodes.enumerated().map { index, node in
            let made = node.operation.isEmpty ? "input" : node.operation + "(" + node.inputs.map { "#\($0)" }.joined(separator: ", ") + ")"
            return "  #\(index) \(node.label)" + (node.note.isEmpty ? "" : "   \(node.note)") + "   ← " + made
        }
        return ([title].filter { !$0.isEmpty } + lines).joined(separator: "\n")
    }
}
