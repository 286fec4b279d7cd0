import Neural

/// A 2 → hidden → 1 network of sigmoid ``Dense`` layers with biases, trained
/// by full-batch gradient descent on the mean binary cross-entropy, from the
/// points and initial weights in a ``PointsFile``; reports the loss after the
/// last step.
enum TwoLayerBenchmark {
    static func run(data: PointsFile, steps: Int, learningRate: Double) -> Measurement {
        let x = Matrix(rows: data.count, columns: data.inputs, elements: data.points)
        let target = Matrix(column: data.labels)
        var network = Network([
            Dense(weights: Matrix(rows: data.inputs, columns: data.hidden, elements: data.w1),
                  bias: Matrix(row: data.b1), activation: .sigmoid),
            Dense(weights: Matrix(column: data.w2), bias: Matrix(row: data.b2), activation: .sigmoid),
        ])
        return Measurement.timing {
            for _ in 0..<steps {
                _ = network.forward(x)
                _ = network.backward(loss: .binaryCrossEntropy, target: target)
                network.step(learningRate: learningRate)
            }
            let loss = Loss.binaryCrossEntropy.value(of: network.predict(x), target: target)
            return [("loss", json(loss))]
        }
    }
}
