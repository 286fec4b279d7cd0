/// A feed-forward network f(x) = f_L ∘ … ∘ f₁(x) of dense layers, trained by
/// backpropagation: the chain rule carries ∂J/∂y_L from the loss back through
/// each layer, which stores the gradients of its own parameters on the way.
///
/// Like ``Dense``, a network is a value: `var net = Network(...)` owns its
/// layers, `net.layers[0].weights = ...` edits one in place, and a copy is an
/// independent snapshot.
public struct Network: Sendable, Equatable {
    /// The layers f₁, …, f_L, input side first.
    public var layers: [Dense]

    /// The network of `layers`; each layer's outputs must match the next one's inputs.
    public init(_ layers: [Dense]) {
        require(!layers.isEmpty, "Network: needs at least one layer")
        for (index, (layer, next)) in zip(layers, layers.dropFirst()).enumerated() {
            require(
                layer.outputCount == next.inputCount,
                "Network: layer \(index) has \(layer.outputCount) outputs"
                    + " but layer \(index + 1) has \(next.inputCount) inputs"
            )
        }
        self.layers = layers
    }

    /// f(X) for a batch X (one input per row), remembering nothing: the
    /// values of `h = layers[l](h)` for l = 0, 1, … from h = X, to the last
    /// bit, computed as ``forward(_:)`` computes them.
    public func predict(_ x: Matrix) -> Matrix {
        _ = x.shape.product(with: layers[0].weights.shape).required
        return NetworkForward.predict(layers, x)
    }

    /// f(X), with every layer remembering its input and output for
    /// `backward`: the values of `h = layers[l].forward(h)` for l = 0, 1, …
    /// from h = X (``Dense/forward(_:)``), to the last bit, computed by
    /// ``NetworkForward`` a block of rows at a time through all the layers.
    public mutating func forward(_ x: Matrix) -> Matrix {
        _ = x.shape.product(with: layers[0].weights.shape).required
        return NetworkForward.run(&layers, x)
    }

    /// Backpropagates G = ∂J/∂y_L from the last layer to the first, storing
    /// each layer's parameter gradients, and returns ∂J/∂X: the values of
    /// `g = layers[l].backward(g)` for l = L−1, …, 0 (``Dense/backward(_:)``),
    /// computed by ``NetworkBackward`` row by row; to the last bit for a
    /// batch of fewer than ``NetworkBackward/parallelRows`` rows, to a few
    /// units of 2⁻⁵² relative to the sums' terms for a larger one.
    public mutating func backward(_ outputGradient: Matrix) -> Matrix {
        backpropagate(from: .gradient(outputGradient), returningInputGradient: true).inputGradient!
    }

    /// The loss J of the last `forward` output against `target`, after
    /// backpropagating ∂J/∂y_L through the network (the seed's
    /// `Net.backward(label)`). The first layer's ∂J/∂X, which nothing reads,
    /// is not computed.
    public mutating func backward(loss: Loss, target: Matrix) -> Double {
        guard let prediction = layers[layers.count - 1].output else {
            fatalError("Network.backward: call forward(_:) first; predict(_:) keeps nothing to backpropagate")
        }
        _ = loss.checkedShape(prediction, target)
        // ∂J/∂y_L and J are formed row by row inside the pass, with the bits
        // of loss.gradient(of:target:) and loss.value(of:target:).
        return backpropagate(from: .loss(loss, target: target), returningInputGradient: false).loss!
    }

    /// Backpropagation by ``NetworkBackward``, after checking that every
    /// layer holds its part of one `forward` pass of the start's batch.
    private mutating func backpropagate(
        from start: NetworkBackward.Start, returningInputGradient: Bool
    ) -> (inputGradient: Matrix?, loss: Double?) {
        // G, or the target, whose shape G has.
        let outputGradient = start.matrix
        if let output = layers[layers.count - 1].output {
            _ = output.shape.same(as: outputGradient.shape, operation: "Dense.backward: output and its gradient").required
        }
        for (index, layer) in layers.enumerated() {
            guard let input = layer.input, let output = layer.output else {
                fatalError("Dense.backward: call forward(_:) first; callAsFunction keeps nothing to backpropagate")
            }
            let batch = outputGradient.rows
            _ = output.shape.same(as: Matrix.Shape(rows: batch, columns: layer.outputCount),
                                  operation: "Network.backward: layer \(index)'s output and the gradient").required
            _ = input.shape.same(as: Matrix.Shape(rows: batch, columns: layer.inputCount),
                                 operation: "Network.backward: layer \(index)'s input and the gradient").required
        }
        let result = NetworkBackward.run(layers, from: start, returningInputGradient: returningInputGradient)
        for (index, gradients) in result.gradients.enumerated() {
            layers[index].weightGradient = gradients.weight
            layers[index].biasGradient = gradients.bias
        }
        return (result.inputGradient, result.loss)
    }

    /// One step of gradient descent on every layer: θ ← θ − η ∂J/∂θ.
    public mutating func step(learningRate: Double) {
        for index in layers.indices {
            layers[index].step(learningRate: learningRate)
        }
    }

    /// All parameters in one array: each layer's weights (row-major), then
    /// its bias, input side first. Setting it writes them back in that order.
    public var parameters: [Double] {
        get {
            layers.flatMap { layer in layer.weights.elements + (layer.bias?.elements ?? []) }
        }
        set {
            require(newValue.count == parameters.count,
                         "Network.parameters: \(newValue.count) values for \(parameters.count) parameters")
            var rest = newValue[...]
            func take(_ shape: Matrix.Shape) -> Matrix {
                defer { rest = rest.dropFirst(shape.rows * shape.columns) }
                return Matrix(rows: shape.rows, columns: shape.columns, elements: Array(rest.prefix(shape.rows * shape.columns)))
            }
            for index in layers.indices {
                layers[index].weights = take(layers[index].weights.shape)
                if let bias = layers[index].bias {
                    layers[index].bias = take(bias.shape)
                }
            }
        }
    }

    /// ∂J/∂θ from the last `backward`, in the order of ``parameters``.
    public var parameterGradients: [Double] {
        layers.flatMap { layer in layer.weightGradient.elements + (layer.biasGradient?.elements ?? []) }
    }
}
