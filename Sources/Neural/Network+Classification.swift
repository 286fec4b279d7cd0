/// A network as a classifier into K classes: its last layer has K outputs
/// and the identity activation, so that it outputs scores (logits) Z = f(X),
/// which softmax turns into class probabilities, trained on the
/// categorical cross-entropy (see ``CategoricalCrossEntropy``).
extension Network {
    /// softmax(f(X)): row i holds the probabilities of the K classes for input i.
    public func classProbabilities(_ x: Matrix) -> Matrix {
        Softmax.probabilities(predict(x))
    }

    /// The class of largest score for each row of X (the largest probability
    /// too, since softmax keeps the order of the scores).
    public func classify(_ x: Matrix) -> [Int] {
        predict(x).rowArgmax()
    }

    /// The categorical cross-entropy J of the last `forward` pass's scores
    /// against `classes`, after backpropagating ∂J/∂Z = (softmax(Z) − Y)/n
    /// through the network.
    public mutating func backward(categoricalCrossEntropyFor classes: [Int]) -> Double {
        let last = layers[layers.count - 1]
        require(last.activation == .identity,
                "Network.backward(categoricalCrossEntropyFor:): the last layer must output scores (identity activation), not \(last.activation)")
        guard let scores = last.output else {
            fatalError("Network.backward: call forward(_:) first; predict(_:) keeps nothing to backpropagate")
        }
        _ = backward(CategoricalCrossEntropy.gradient(logits: scores, classes: classes))
        return CategoricalCrossEntropy.value(logits: scores, classes: classes)
    }
}

/// Mini-batch stochastic gradient descent on the categorical cross-entropy
/// of a classifying network (see ``Network/classProbabilities(_:)``).
///
/// An epoch visits every training example once, in a given order, cut into
/// consecutive batches of `batchSize` examples (the last one shorter when
/// the size does not divide n). For each batch B the network takes one step
/// θ ← θ − η ∇J_B(θ), where J_B is the mean loss over B alone: a noisy but
/// cheap estimate of the gradient of the mean loss over all n examples.
/// `batchSize` = n is full-batch gradient descent; 1 is the classic
/// stochastic gradient descent, one example per step.
public struct MiniBatchSGD: Sendable {
    /// The number of examples per step.
    public var batchSize: Int
    /// The step size η.
    public var learningRate: Double

    public init(batchSize: Int, learningRate: Double) {
        require(batchSize >= 1, "MiniBatchSGD: batchSize must be at least 1")
        self.batchSize = batchSize
        self.learningRate = learningRate
    }

    /// The batches of `order`, in order: runs of `batchSize` indices.
    public func batches(_ order: [Int]) -> [[Int]] {
        stride(from: 0, to: order.count, by: batchSize).map { Array(order[$0..<min($0 + batchSize, order.count)]) }
    }

    /// One epoch over the rows of `inputs` (n×d) with classes `classes`, in
    /// `order`; returns the mean of the batch losses weighted by their sizes,
    /// each computed before its step.
    public func epoch(_ network: inout Network, inputs: Matrix, classes: [Int], order: [Int]) -> Double {
        require(inputs.rows == classes.count,
                "MiniBatchSGD: \(classes.count) classes for inputs \(inputs.shape)")
        var total = 0.0
        for batch in batches(order) {
            _ = network.forward(inputs.rows(batch))
            let loss = network.backward(categoricalCrossEntropyFor: batch.map { classes[$0] })
            network.step(learningRate: learningRate)
            total += loss * Double(batch.count)
        }
        return total / Double(order.count)
    }

    /// One epoch over all the rows, in an order shuffled by `generator`
    /// (see ``Swift/Array/shuffled(reproduciblyUsing:)``).
    public func epoch(
        _ network: inout Network, inputs: Matrix, classes: [Int], using generator: inout some RandomNumberGenerator
    ) -> Double {
        let order = Array(0..<inputs.rows).shuffled(reproduciblyUsing: &generator)
        return epoch(&network, inputs: inputs, classes: classes, order: order)
    }
}
