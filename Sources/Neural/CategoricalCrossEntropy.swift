/// The loss of a classifier into K classes that outputs scores (logits) Z,
/// n×K, turned into probabilities P = softmax(Z) row by row (see
/// ``Softmax``): the mean negative log-probability of the n true classes
/// c₁, …, cₙ ∈ {0, …, K − 1},
///
///     J = −(1/n) Σᵢ log Pᵢ,cᵢ,
///
/// and its gradient with respect to the scores,
///
///     ∂J/∂Z = (P − Y) / n,
///
/// where Y is the n×K one-hot matrix of the classes (``Matrix/init(oneHot:classes:)``).
/// The gradient is the multi-class form of a sigmoid output's dJ/dz = y − ŷ
/// under binary cross-entropy. Unlike ``Loss``, which averages over all the
/// n·K entries of an output, this averages over the n examples.
public enum CategoricalCrossEntropy {
    /// J for the scores Z and the classes c, computed from log-probabilities
    /// (``Softmax/logProbabilities(_:)``), so a wrong answer given with great
    /// confidence costs a large finite loss rather than infinity.
    public static func value(logits: Matrix, classes: [Int]) -> Double {
        checkShapes(logits, classes)
        let logP = Softmax.logProbabilities(logits)
        var total = 0.0
        for (i, c) in classes.enumerated() {
            total -= logP[i, c]
        }
        return total / Double(classes.count)
    }

    /// ∂J/∂Z = (softmax(Z) − Y) / n, n×K.
    public static func gradient(logits: Matrix, classes: [Int]) -> Matrix {
        checkShapes(logits, classes)
        var g = Softmax.probabilities(logits)
        for (i, c) in classes.enumerated() {
            g[i, c] -= 1
        }
        return g / Double(classes.count)
    }

    private static func checkShapes(_ logits: Matrix, _ classes: [Int]) {
        require(logits.rows == classes.count && logits.rows > 0,
                "categorical cross-entropy: \(classes.count) classes for scores \(logits.shape)")
        require(classes.allSatisfy { (0..<logits.columns).contains($0) },
                "categorical cross-entropy: a class outside 0..<\(logits.columns)")
    }
}
