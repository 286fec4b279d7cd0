#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Logistic regression on a data set: the sigmoid neuron f(x) = σ(θᵀx) fitted
/// by maximizing the mean log-likelihood of labels y ∈ {0, 1},
///
///     ℓ(θ) = (1/n) Σᵢ [ yᵢ log σ(θᵀxᵢ) + (1 − yᵢ) log(1 − σ(θᵀxᵢ)) ],
///
/// whose gradient is ∇ℓ(θ) = (1/n) Σᵢ (yᵢ − σ(θᵀxᵢ)) xᵢ, by gradient ascent
/// θ ← θ + α ∇ℓ(θ).
public struct LogisticRegression: Sendable {
    /// The n×d matrix X whose rows are the inputs xᵢ (with a column of ones
    /// when the model has a bias).
    public let features: Matrix
    /// The n×1 column of labels yᵢ ∈ {0, 1}.
    public let labels: Matrix
    /// The samples as the gradient's kernel reads them.
    private let kernel: LogisticGradient

    public init(features: Matrix, labels: Matrix) {
        require(!features.elements.isEmpty, "LogisticRegression: no samples in features \(features.shape)")
        require(
            labels.shape == Matrix.Shape(rows: features.rows, columns: 1),
            "LogisticRegression: labels \(labels.shape) must be one column with a row per sample of \(features.shape)"
        )
        self.features = features
        self.labels = labels
        kernel = LogisticGradient(features: features, labels: labels)
    }

    /// The sigmoid neuron with weights θ, whose outputs σ(Xθ) are the
    /// predicted probabilities P(y = 1 | x).
    public func neuron(_ theta: Matrix) -> Neuron {
        Neuron(weights: theta, activation: .sigmoid)
    }

    /// ℓ(θ), the mean log-likelihood, with log σ(z) = −log(1 + e⁻ᶻ) and
    /// log(1 − σ(z)) = log σ(−z) evaluated without overflow for any z.
    public func logLikelihood(_ theta: Matrix) -> Double {
        let z = features • theta
        var total = 0.0
        for i in 0..<features.rows {
            let y = labels.elements[i]
            total += y * logSigmoid(z.elements[i]) + (1 - y) * logSigmoid(-z.elements[i])
        }
        return total / Double(features.rows)
    }

    /// The gradient of the mean log-likelihood, a d×1 column:
    ///
    ///     ∇ℓ(θ) = (1/n) Xᵀ (y − σ(Xθ))
    ///
    /// with X (n×d), θ (d×1), y (n×1): each sample's residual yᵢ − σ(θᵀxᵢ)
    /// times the sample, averaged (NumPy:
    /// `np.mean((y - sigmoid(X.dot(theta))) * X.T, axis=1)`).
    public func gradient(_ theta: Matrix) -> Matrix {
        let residuals = labels - neuron(theta)(features)
        return features.transposed() • residuals / Double(features.rows)
    }

    /// Stores ∇ℓ(θ) in the d×1 matrix `g`, without allocating: the sums
    /// Xᵀ(y − σ(Xθ)) of ``gradient(_:)`` by the eight-lane kernel
    /// ``LogisticGradient`` (the same residuals, the sums grouped otherwise:
    /// equal to it within a few units of 2⁻⁵² relative to the terms), then
    /// divided by n. This is what ``fit(from:using:onIteration:)`` runs.
    public func gradient(_ theta: Matrix, into g: inout Matrix) {
        let d = features.columns
        require(theta.shape == Matrix.Shape(rows: d, columns: 1),
                "LogisticRegression: θ \(theta.shape) must be a (\(d)×1) column for features \(features.shape)")
        require(g.shape == theta.shape, "LogisticRegression: gradient buffer \(g.shape) must match θ \(theta.shape)")
        let n = Double(features.rows)
        theta.elements.withUnsafeBufferPointer { theta in
            g.elements.withUnsafeMutableBufferPointer { g in
                kernel.sums(theta: theta.baseAddress!, into: g.baseAddress!)
                for j in 0..<d {
                    g[j] /= n
                }
            }
        }
    }

    /// Fits θ by gradient ascent on ℓ from `start` (see ``GradientDescent``).
    public func fit(
        from start: Matrix,
        using descent: GradientDescent,
        onIteration: (_ iteration: Int, _ parameters: Matrix) -> Void = { _, _ in }
    ) -> GradientDescent.Result {
        descent.maximize(from: start, gradient: gradient(_:into:), onIteration: onIteration)
    }
}

/// log σ(z) = −log(1 + e⁻ᶻ) = min(z, 0) − log(1 + e^−|z|), finite for every z.
private func logSigmoid(_ z: Double) -> Double {
    min(z, 0) - log1p(exp(-z.magnitude))
}
