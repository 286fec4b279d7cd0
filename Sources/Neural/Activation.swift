#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The activation function σ: ℝ → ℝ that a neuron applies to its weighted
/// input z = wᵀx, with its derivative σ′ for backpropagation.
///
/// Every derivative here can also be written through the output y = σ(z)
/// alone (``derivative(atOutput:)``), which is what a layer stores for its
/// backward pass.
public enum Activation: Sendable, CaseIterable {
    /// σ(z) = z; σ′(z) = 1. The output of a regression network.
    case identity
    /// The perceptron's step: σ(z) = 1 if z > 0, else 0.
    /// σ′(z) = 0 wherever it exists (everywhere but z = 0, where 0 is
    /// returned too): no gradient flows through a step, which is why a
    /// perceptron is not trained by gradient descent.
    case step
    /// The logistic function σ(z) = 1 / (1 + e⁻ᶻ), with values in (0, 1);
    /// σ′(z) = σ(z)(1 − σ(z)). Computed within 2.6 ulp by ``Logistic``.
    case sigmoid
    /// The hyperbolic tangent σ(z) = (eᶻ − e⁻ᶻ) / (eᶻ + e⁻ᶻ), with values in
    /// (−1, 1); σ′(z) = 1 − tanh²(z).
    case tanh
    /// The rectified linear unit σ(z) = max(0, z); σ′(z) = 1 if z > 0, else 0
    /// (the kink at z = 0 is given the derivative 0).
    case relu

    /// σ(z).
    public func callAsFunction(_ z: Double) -> Double {
        switch self {
        case .identity: z
        case .step: z > 0 ? 1 : 0
        case .sigmoid: Logistic.sigmoid(z)
        case .tanh: hyperbolicTangent(z)
        case .relu: max(0, z)
        }
    }

    /// σ applied to every entry (the sigmoid eight entries at a time, each
    /// with the bits of the scalar σ).
    public func callAsFunction(_ z: Matrix) -> Matrix {
        var result = z
        result.elements.withUnsafeMutableBufferPointer { entries in
            guard let base = entries.baseAddress else { return }
            apply(base, count: entries.count)
        }
        return result
    }

    /// σ′(z). For the sigmoid this is σ(z)·σ(−z), which equals σ(z)(1 − σ(z))
    /// but keeps full relative accuracy for large |z|, where 1 − σ(z) would
    /// round to 0.
    public func derivative(_ z: Double) -> Double {
        switch self {
        case .sigmoid: Logistic.sigmoid(z) * Logistic.sigmoid(-z)
        default: derivative(atOutput: callAsFunction(z))
        }
    }

    /// σ′ applied to every entry.
    public func derivative(_ z: Matrix) -> Matrix {
        z.map { derivative($0) }
    }

    /// σ′ applied to every entry of the outputs Y = σ(Z), as
    /// ``derivative(atOutput:)-(Double)`` gives it: Y ⊙ (1 − Y) for the
    /// sigmoid, the factor of backpropagation.
    public func derivative(atOutput y: Matrix) -> Matrix {
        y.map { derivative(atOutput: $0) }
    }

    /// σ′(z) written through the output y = σ(z): 1 (identity), 0 (step),
    /// y(1 − y) (sigmoid), 1 − y² (tanh), 1 if y > 0 else 0 (ReLU).
    public func derivative(atOutput y: Double) -> Double {
        switch self {
        case .identity: 1
        case .step: 0
        case .sigmoid: y * (1 - y)
        case .tanh: 1 - y * y
        case .relu: y > 0 ? 1 : 0
        }
    }
}

/// tanh from the C library, named apart from the `Activation.tanh` case.
private func hyperbolicTangent(_ z: Double) -> Double {
    tanh(z)
}
