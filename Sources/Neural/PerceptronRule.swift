/// Rosenblatt's learning rule for the perceptron f(x) = step(θᵀx): visit the
/// examples in order and, after each prediction ŷᵢ = step(θᵀxᵢ), set
///
///     θ ← θ + α (yᵢ − ŷᵢ) xᵢ,
///
/// which leaves θ alone when the prediction is right, adds α xᵢ when a label 1
/// was called 0 (raising θᵀxᵢ) and subtracts it when a label 0 was called 1.
/// An epoch is one pass over the n examples; training stops after the first
/// epoch without a mistake, or after `maximumEpochs`.
///
/// When a hyperplane through the origin separates the classes with a margin
/// γ (some unit vector u has (2yᵢ − 1) uᵀxᵢ ≥ γ for every i) and ‖xᵢ‖ ≤ R,
/// the rule makes at most (R/γ)² updates from θ = 0, whatever α (Novikoff,
/// 1962). On data that no hyperplane separates it never stops by itself.
public struct PerceptronRule: Sendable {
    /// The step α; with θ₀ = 0 it only scales θ, and never changes a prediction.
    public var learningRate: Double
    /// The most passes over the data.
    public var maximumEpochs: Int

    public init(learningRate: Double = 1, maximumEpochs: Int = 100_000) {
        require(maximumEpochs >= 1, "PerceptronRule: maximumEpochs must be at least 1")
        self.learningRate = learningRate
        self.maximumEpochs = maximumEpochs
    }

    /// Where training ended.
    public struct Result: Sendable, Equatable {
        /// The final weights θ, a d×1 column.
        public var parameters: Matrix
        /// The number of passes over the data.
        public var epochs: Int
        /// The mistakes (updates) in each epoch; the last is 0 when it converged.
        public var mistakesPerEpoch: [Int]
        /// Whether the last epoch made no mistake.
        public var converged: Bool { mistakesPerEpoch.last == 0 }
        /// The number of updates over all epochs.
        public var updates: Int { mistakesPerEpoch.reduce(0, +) }
    }

    /// Trains on the n×d inputs X (one per row, with a column of ones for a
    /// bias) and the n×1 labels y ∈ {0, 1}, from the d×1 weights `start`;
    /// after each epoch, `onEpoch(k, θ)` is called with the number k of epochs
    /// done so far and the weights θ they ended with.
    public func fit(
        features: Matrix, labels: Matrix, from start: Matrix,
        onEpoch: (_ epoch: Int, _ parameters: Matrix) -> Void = { _, _ in }
    ) -> Result {
        let (n, d) = (features.rows, features.columns)
        require(labels.shape == Matrix.Shape(rows: n, columns: 1),
                "PerceptronRule: labels \(labels.shape) must be one column with a row per sample of \(features.shape)")
        require(start.shape == Matrix.Shape(rows: d, columns: 1),
                "PerceptronRule: start \(start.shape) must be a (\(d)×1) column for features \(features.shape)")
        var theta = start.elements
        var mistakes: [Int] = []
        let x = features.elements, y = labels.elements
        repeat {
            var count = 0
            for i in 0..<n {
                var z = 0.0
                for j in 0..<d {
                    z += x[i * d + j] * theta[j]
                }
                let error = y[i] - (z > 0 ? 1 : 0)
                guard error != 0 else { continue }
                count += 1
                for j in 0..<d {
                    theta[j] += learningRate * error * x[i * d + j]
                }
            }
            mistakes.append(count)
            onEpoch(mistakes.count, Matrix(column: theta))
        } while mistakes.last != 0 && mistakes.count < maximumEpochs
        return Result(parameters: Matrix(column: theta), epochs: mistakes.count, mistakesPerEpoch: mistakes)
    }
}
