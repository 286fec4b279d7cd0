/// An artificial neuron f: ℝᵈ → ℝ, f(x) = σ(wᵀx): a weighted sum of the
/// inputs followed by an activation σ.
///
/// A bias is a weight like any other on an input that is always 1 (see
/// ``Matrix/appendingBiasColumn()``). With the step activation the neuron is
/// the perceptron; with the sigmoid it is logistic regression.
public struct Neuron: Sendable, Equatable {
    /// The d×1 weight vector w.
    public var weights: Matrix
    /// The activation σ.
    public var activation: Activation

    /// The neuron σ(wᵀx) with a d×1 column of weights.
    public init(weights: Matrix, activation: Activation) {
        require(weights.columns == 1, "Neuron: weights must be a column vector, got \(weights.shape)")
        self.weights = weights
        self.activation = activation
    }

    /// The perceptron, f(x) = 1 if wᵀx > 0, else 0.
    public static func perceptron(weights: Matrix) -> Neuron {
        Neuron(weights: weights, activation: .step)
    }

    /// The outputs σ(Xw) for the n×d matrix X whose rows are n inputs: an n×1
    /// column, entry i being σ(wᵀxᵢ).
    public func callAsFunction(_ inputs: Matrix) -> Matrix {
        activation(inputs • weights)
    }
}
