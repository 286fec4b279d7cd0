/// A dense (fully connected) layer: p neurons reading the same d inputs,
///
///     Y = σ(X W + b),
///
/// for a batch X of n inputs (n×d, one per row), weights W (d×p: column k
/// holds neuron k's weights), an optional bias row b (1×p, added to every
/// row) and an activation σ applied entry by entry; Y is n×p. Without bias and
/// with the sigmoid it is the seed lecture's `LinearSigmoidLayer`.
///
/// Backpropagation: given G = ∂J/∂Y (n×p), the layer forms
/// Δ = G ⊙ σ′ (σ′ from the stored output Y, see
/// ``Activation/derivative(atOutput:)``) and
///
///     ∂J/∂W = Xᵀ Δ (d×p),   ∂J/∂b = Σ_rows Δ (1×p),   ∂J/∂X = Δ Wᵀ (n×d).
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
    public private(set) var input: Matrix?
    /// The output Y = σ(XW + b) of the last `forward`.
    public private(set) var output: Matrix?
    /// ∂J/∂W from the last `backward` (zero before the first).
    public private(set) var weightGradient: Matrix
    /// ∂J/∂b from the last `backward` (zero before the first), `nil` without bias.
    public private(set) var biasGradient: Matrix?

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
        var storage: [Double] = []
        return evaluate(x, reusing: &storage)
    }

    /// Drops the input and output kept for `backward` and returns the
    /// output's storage, for the next pass to write over.
    mutating func releaseActivations() -> [Double] {
        input = nil
        return output.take()?.elements ?? []
    }

    /// Keeps X and Y of a pass computed by ``Network`` for `backward`.
    mutating func remember(input: Matrix, output: Matrix) {
        self.input = input
        self.output = output
    }

    /// Y = σ(XW + b), remembering X and Y for `backward`. Y is written over
    /// the last output's storage when nothing else holds it.
    public mutating func forward(_ x: Matrix) -> Matrix {
        var storage = output.take()?.elements ?? []
        let y = evaluate(x, reusing: &storage)
        input = x
        output = y
        return y
    }

    /// Stores ∂J/∂W = XᵀΔ and ∂J/∂b = Σ_rows Δ, with Δ = G ⊙ σ′, for the
    /// gradient G = ∂J/∂Y of the last output, and returns ∂J/∂X = ΔWᵀ.
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        backward(outputGradient, returningInputGradient: true)!
    }

    /// `backward(_:)`, skipping the product ΔWᵀ (and returning `nil`) when
    /// nothing reads ∂J/∂X, as for the first layer of a network being trained.
    mutating func backward(_ outputGradient: Matrix, returningInputGradient: Bool) -> Matrix? {
        guard input != nil, let output else {
            fatalError("Dense.backward: call forward(_:) first; callAsFunction keeps nothing to backpropagate")
        }
        _ = output.shape.same(as: outputGradient.shape, operation: "Dense.backward: output and its gradient").required
        let result = RowBackpropagation.run(
            [self], outputGradient: outputGradient, returningInputGradient: returningInputGradient)
        store(result.gradients[0])
        return result.inputGradient
    }

    /// Sets ∂J/∂W and ∂J/∂b, computed by ``RowBackpropagation``.
    mutating func store(_ gradients: (weight: Matrix, bias: Matrix?)) {
        weightGradient = gradients.weight
        biasGradient = gradients.bias
    }

    /// One step of gradient descent: W ← W − η ∂J/∂W, b ← b − η ∂J/∂b.
    public mutating func step(learningRate: Double) {
        weights -= learningRate * weightGradient
        if let biasGradient {
            bias! -= learningRate * biasGradient
        }
    }
}
