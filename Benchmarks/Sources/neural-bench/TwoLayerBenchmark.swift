import Neural

/// A 2 → hidden → 1 network of sigmoid ``Dense`` layers with biases, trained
/// by full-batch gradient descent on the mean binary cross-entropy, from the
/// points and initial weights in a ``PointsFile``; reports the loss after the
/// last step.
enum TwoLayerBenchmark {
    static func run(data: PointsFile, steps: Int, learningRate: Double) -> Measurement {
        let (x, target) = (inputs(data), Matrix(column: data.labels))
        var network = network(data)
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

    /// The same training, each step's forward pass, backward pass and update
    /// timed apart: their minimum, tenth percentile and median over the
    /// steps, in microseconds, as a JSON object. On a shared machine whose
    /// speed changes from one moment to the next, the minimum over a run's
    /// steps is the steadiest measure of a change to one of the passes.
    static func phases(data: PointsFile, steps: Int, learningRate: Double) -> String {
        let (x, target) = (inputs(data), Matrix(column: data.labels))
        var network = network(data)
        var times: [(String, [Double])] = [("forward", []), ("backward", []), ("step", [])]
        for _ in 0..<steps {
            var start = Measurement.monotonicSeconds()
            func lap(_ phase: Int) {
                let now = Measurement.monotonicSeconds()
                times[phase].1.append(now - start)
                start = now
            }
            _ = network.forward(x)
            lap(0)
            _ = network.backward(loss: .binaryCrossEntropy, target: target)
            lap(1)
            network.step(learningRate: learningRate)
            lap(2)
        }
        let fields = times.map { name, seconds in
            let sorted = seconds.sorted().map { ($0 * 1e6).rounded() }
            return "\"\(name)\": {\"min\": \(sorted[0]), \"p10\": \(sorted[sorted.count / 10]), "
                + "\"median\": \(sorted[sorted.count / 2])}"
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private static func inputs(_ data: PointsFile) -> Matrix {
        Matrix(rows: data.count, columns: data.inputs, elements: data.points)
    }

    private static func network(_ data: PointsFile) -> Network {
        Network([
            Dense(weights: Matrix(rows: data.inputs, columns: data.hidden, elements: data.w1),
                  bias: Matrix(row: data.b1), activation: .sigmoid),
            Dense(weights: Matrix(column: data.w2), bias: Matrix(row: data.b2), activation: .sigmoid),
        ])
    }
}
