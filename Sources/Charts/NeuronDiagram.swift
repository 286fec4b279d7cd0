/// One artificial neuron drawn as the seed lecture draws it: its inputs as a
/// column of nodes, an edge from each to the sum labelled with its weight,
/// the sum Σ wⱼxⱼ, the activation σ in a box, and the output.
///
/// ```swift
/// NeuronDiagram(inputs: ["x₁", "x₂", "1"], weights: ["w₁", "w₂", "b"],
///               sumNote: "z = wᵀx", output: "f(x) = σ(z)")
/// ```
public struct NeuronDiagram: Sendable, Hashable {
    public var title: String
    /// The label inside each input node, top to bottom.
    public var inputs: [String]
    /// The label on the edge from each input to the sum; missing labels are
    /// left blank.
    public var weights: [String]
    /// Inside the sum node.
    public var sum: String
    /// Under the sum node: the weighted sum, or its value.
    public var sumNote: String
    /// Inside the activation's box.
    public var activation: String
    /// After the arrow out of the activation.
    public var output: String
    /// Above the inputs, the weights, the sum, the activation and the output;
    /// missing captions are left blank.
    public var captions: [String]
    /// The prefix of every id in the SVG (see `Plot.id`).
    public var id: String?

    public init(
        inputs: [String], weights: [String], title: String = "", sum: String = "Σ", sumNote: String = "",
        activation: String = "σ", output: String = "f(x)",
        captions: [String] = ["inputs", "weights", "sum", "activation", "output"]
    ) {
        self.title = title
        self.inputs = inputs
        self.weights = weights
        self.sum = sum
        self.sumNote = sumNote
        self.activation = activation
        self.output = output
        self.captions = captions
    }

    /// The label of input `j`'s edge, empty when there is none.
    public func weight(_ j: Int) -> String {
        weights.indices.contains(j) ? weights[j] : ""
    }

    /// `neuron "Title": inputs x₁, x₂, 1; weights w₁, w₂, b; sum Σ (z = wᵀx); activation σ; output f(x)`.
    public var summary: String {
        let head = "neuron" + (title.isEmpty ? "" : " " + title.summaryQuoted)
        let parts = [
            "inputs " + inputs.joined(separator: ", "),
            "weights " + inputs.indices.map(weight).joined(separator: ", "),
            "sum " + sum + (sumNote.isEmpty ? "" : " (\(sumNote))"),
            "activation " + activation,
            "output " + output,
        ]
        return head + ": " + parts.joined(separator: "; ")
    }
}

extension NeuronDiagram: TerminalDrawable {
    /// Each input with its weight, then the sum, the activation and the output.
    public func terminal(width: Int) -> String {
        var lines = title.isEmpty ? [] : [title]
        let inputWidth = inputs.map(\.count).max() ?? 0
        for (j, input) in inputs.enumerated() {
            lines.append("  " + input + String(repeating: " ", count: inputWidth - input.count) + " ─ " + weight(j) + " ─┐")
        }
        lines.append("  " + sum + (sumNote.isEmpty ? "" : " (\(sumNote))") + " → " + activation + " → " + output)
        return lines.joined(separator: "\n")
    }
}
