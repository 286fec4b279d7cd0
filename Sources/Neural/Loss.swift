#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A loss J(y, t) comparing a network's outputs y with targets t of the same
/// shape, averaged over all N entries, with its gradient ∂J/∂y, from which
/// backpropagation starts.
public enum Loss: Sendable, CaseIterable {
    /// Binary cross-entropy for outputs y ∈ (0, 1) and labels t ∈ {0, 1}
    /// (or probabilities in [0, 1]):
    ///
    ///     J = (1/N) Σ −[ t log y + (1 − t) log(1 − y) ],
    ///     ∂J/∂y = (1/N) (−t / y + (1 − t) / (1 − y)),
    ///
    /// so for one output J = −log y and ∂J/∂y = −1/y when t = 1, and
    /// J = −log(1 − y), ∂J/∂y = 1/(1 − y) when t = 0. A term whose weight
    /// (t or 1 − t) is 0 is left out, so y = 1 with t = 1 gives 0, not NaN.
    case binaryCrossEntropy
    /// Mean squared error: J = (1/N) Σ (y − t)², ∂J/∂y = (2/N)(y − t).
    case meanSquaredError

    /// J(y, t).
    public func value(of prediction: Matrix, target: Matrix) -> Double {
        _ = checkedShape(prediction, target)
        return Self.mean(of: zip(prediction.elements, target.elements).lazy.map(term))
    }

    /// (1/N) Σ of the N terms, added one after the other from the first: the
    /// one order in which J's terms are added, wherever they were formed.
    static func mean(of terms: some Collection<Double>) -> Double {
        var total = 0.0
        for term in terms {
            total += term
        }
        return total / Double(terms.count)
    }

    /// ∂J/∂y, with the shape of y.
    public func gradient(of prediction: Matrix, target: Matrix) -> Matrix {
        let shape = checkedShape(prediction, target)
        let count = Double(prediction.elements.count)
        let entries = zip(prediction.elements, target.elements).map { y, t in derivative(y, t, count: count) }
        return Matrix(rows: shape.rows, columns: shape.columns, elements: entries)
    }

    /// The term of one entry in J's sum, before the mean.
    @inline(__always)
    func term(_ y: Double, _ t: Double) -> Double {
        switch self {
        case .binaryCrossEntropy: (t > 0 ? -t * log(y) : 0) + (t < 1 ? -(1 - t) * log(1 - y) : 0)
        case .meanSquaredError: (y - t) * (y - t)
        }
    }

    /// ∂J/∂y of one entry, for a mean over `count` entries.
    @inline(__always)
    func derivative(_ y: Double, _ t: Double, count: Double) -> Double {
        switch self {
        case .binaryCrossEntropy: ((t > 0 ? -t / y : 0) + (t < 1 ? (1 - t) / (1 - y) : 0)) / count
        case .meanSquaredError: 2 * (y - t) / count
        }
    }

    func checkedShape(_ prediction: Matrix, _ target: Matrix) -> Matrix.Shape {
        let name = self == .binaryCrossEntropy ? "binary cross-entropy" : "mean squared error"
        return prediction.shape.same(as: target.shape, operation: "\(name): prediction and target").required
    }
}
