/// A dense (fully connected) layer: p neurons reading the same d inputs.
/// For a batch X of n inputs, one per row,
///
///     Y = σ(X W + b)
///
/// with weights W (d×p: column k holds neuron k's weights), an optional bias
/// row b (1×p, added to every row) and an activation σ applied entry by
/// entry; Y is n×p. Without bias and with the sigmoid it is the seed
/// lecture's `LinearSigmoidLayer`.
///
/// `forward` and `backward` below are the formulas of chapter 3, on whole
/// matrices. A ``Network`` computes the same values with the kernels of
/// `Kernels/` (``NetworkForward``, ``NetworkBackward``), which the tests
/// hold to these formulas.
///
/// `Dense` is a value: `forward` and `backward` are `mutating` because the
/// layer remembers its last input and output and its gradients, and a
/// ``Network`` changes its layers in place through its `layers` array. A copy
/// is a snapshot that training the original does not touch, which is how
/// gradient checking perturbs weights safely.
public struct Dense: Sendable, Equatable {
    /// The d×p weight matrix W.
    public var weights: Matrix
    /// The 1×p bias row b, or `nil` for a layer without bias.
    public var bias: Matrix?
    /// The activation σ.
    public var activation: Activation

    /// The input X of the last `forward`, kept for `backward`.
    public internal(set) var input: Matrix?
    /// The output Y = σ(XW + b) of the last `forward`.
    public internal(set) var output: Matrix?
    /// ∂J/∂W from the last `backward` (zero before the first).
    public internal(set) var weightGradient: Matrix
    /// ∂J/∂b from the last `backward` (zero before the first), `nil` without bias.
    public internal(set) var biasGradient: Matrix?

    /// The layer with the given weights (d×p) and, optionally, bias (1×p).
    public init(weights: Matrix, bias: Matrix? = nil, activation: Activation) {
        if let bias {
            require(
                bias.shape == Matrix.Shape(rows: 1, columns: weights.columns),
                "Dense: bias \(bias.shape) must be a (1×\(weights.columns)) row for weights \(weights.shape)"
            )
        }
        self.weights = weights
        self.bias = bias
        self.activation = activation
        weightGradient = Matrix(rows: weights.rows, columns: weights.columns, repeating: 0)
        biasGradient = bias.map { Matrix(rows: 1, columns: $0.columns, repeating: 0) }
    }

    /// A layer from d = `inputs` to p = `outputs` with weights drawn from
    /// N(0, 1) row by row, as the seed's `np.random.normal(size=(d, p))`, and,
    /// if `bias` is true, a zero bias.
    public init(
        inputs: Int, outputs: Int, activation: Activation, bias: Bool = true,
        using generator: inout some RandomNumberGenerator
    ) {
        self.init(
            weights: Matrix(rows: inputs, columns: outputs, sampling: .standard, using: &generator),
            bias: bias ? Matrix(rows: 1, columns: outputs, repeating: 0) : nil,
            activation: activation
        )
    }

    /// The number d of inputs.
    public var inputCount: Int { weights.rows }
    /// The number p of outputs (neurons).
    public var outputCount: Int { weights.columns }

    /// Y = σ(XW + b), remembering nothing.
    public func callAsFunction(_ x: Matrix) -> Matrix {
        let z = x • weights
        return activation(bias.map { z + $0 } ?? z)
    }

    /// The forward pass for a batch X (n×d):
    ///
    ///     Z = X W + b     (n×d)·(d×p), plus b (1×p) on every row: n×p
    ///     Y = σ(Z)        entry by entry: n×p
    ///
    /// Returns Y and remembers X and Y for `backward`.
    public mutating func forward(_ x: Matrix) -> Matrix {
        let y = self(x)
        input = x
        output = y
        return y
    }

    /// The backward pass for G = ∂J/∂Y (n×p), the gradient of a loss J with
    /// respect to the output Y of the last `forward`, by the chain rule:
    ///
    ///     Δ     = G ⊙ σ′(Z)    entry by entry, σ′ read from Y: Y ⊙ (1 − Y)
    ///                          for the sigmoid (n×p)
    ///     ∂J/∂W = Xᵀ Δ         (d×n)·(n×p): d×p
    ///     ∂J/∂b = Σ_rows Δ     the column sums of Δ: 1×p
    ///     ∂J/∂X = Δ Wᵀ         (n×p)·(p×d): n×d
    ///
    /// Stores ∂J/∂W and ∂J/∂b for `step` and returns ∂J/∂X, the G of the
    /// layer below.
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        guard let x = input, let y = output else {
            fatalError("Dense.backward: call forward(_:) first; callAsFunction keeps nothing to backpropagate")
        }
        _ = y.shape.same(as: outputGradient.shape, operation: "Dense.backward: output and its gradient").required
        let delta = outputGradient * activation.derivative(atOutput: y)
        weightGradient = x.transposed() • delta
        biasGradient = bias == nil ? nil : delta.columnSums()
        return delta • weights.transposed()
    }

    /// One step of gradient descent: W ← W − η ∂J/∂W, b ← b − η ∂J/∂b.
    public mutating func step(learningRate: Double) {
        weights -= learningRate * weightGradient
        if let biasGradient {
            bias! -= learningRate * biasGradient
        }
    }
}
