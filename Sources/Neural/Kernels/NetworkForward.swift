/// The forward pass of a ``Network``: every layer's output for a batch X,
/// with the values of calling ``Dense/forward(_:)`` on each layer in turn,
/// to the last bit, whatever the batch size.
///
/// The rows go ``blockRows`` at a time through all the layers
/// (``DenseRows``), so that a block of one layer's output is still in the
/// processor's cache when the next layer reads it. A batch of at least
/// ``NetworkBackward/parallelRows`` rows is first cut into ``RowBlocks``
/// that run on several threads; every row is computed alone, so the cut
/// changes nothing in the values. The outputs are written over the last
/// pass's outputs when nothing else holds them.
enum NetworkForward {
    /// The rows of a block that goes through all the layers: enough that the
    /// kernels' loops run long, few enough that a block of 64 outputs fits in
    /// the processor's first-level cache.
    static let blockRows = 32

    /// f(X), with every layer remembering its input and output.
    static func run(_ layers: inout [Dense], _ x: Matrix) -> Matrix {
        // The last pass's outputs are written over; each was also the next
        // layer's input, which is dropped first so that nothing else holds them.
        var storages = layers.indices.map { index -> [Double] in
            layers[index].input = nil
            return layers[index].output.take()?.elements ?? []
        }
        let n = x.rows
        guard blocks(layers, x) else {
            return layers.indices.reduce(x) { h, index in layers[index].forward(h) }
        }
        for index in layers.indices where storages[index].count != n * layers[index].outputCount {
            storages[index] = [Double](repeating: 0, count: n * layers[index].outputCount)
        }
        evaluate(layers, x, into: &storages)
        var h = x
        for index in layers.indices {
            let y = Matrix(rows: n, columns: layers[index].outputCount, elements: storages[index])
            layers[index].input = h
            layers[index].output = y
            h = y
        }
        return h
    }

    /// f(X), with the values of ``run(_:_:)``, remembering nothing.
    static func predict(_ layers: [Dense], _ x: Matrix) -> Matrix {
        let n = x.rows
        guard blocks(layers, x) else {
            return layers.reduce(x) { h, layer in layer(h) }
        }
        var storages = layers.map { [Double](repeating: 0, count: n * $0.outputCount) }
        evaluate(layers, x, into: &storages)
        return Matrix(rows: n, columns: layers[layers.count - 1].outputCount, elements: storages[layers.count - 1])
    }

    /// Whether there is anything to cut into blocks: rows, and layers with
    /// inputs and outputs. Otherwise the layers' own formulas run.
    private static func blocks(_ layers: [Dense], _ x: Matrix) -> Bool {
        x.rows > 0 && !layers.contains { $0.inputCount == 0 || $0.outputCount == 0 }
    }

    /// Every layer's output for the batch X into `storages` (n×p each).
    private static func evaluate(_ layers: [Dense], _ x: Matrix, into storages: inout [[Double]]) {
        let parameters = layers.flatMap { [$0.weights.elements, $0.bias?.elements ?? []] }
        let n = x.rows
        StorageBuffers.reading(parameters[...]) { parameters in
            let kernels = layers.indices.map { index in
                DenseRows(d: layers[index].inputCount, p: layers[index].outputCount,
                          weights: parameters[2 * index].baseAddress!,
                          bias: layers[index].bias == nil ? nil : parameters[2 * index + 1].baseAddress,
                          activation: layers[index].activation)
            }
            StorageBuffers.writing(&storages) { outputs in
                x.elements.withUnsafeBufferPointer { x in
                    let blocks = RowBlocks(rows: n, parallel: n >= NetworkBackward.parallelRows)
                    blocks.forEach { b in
                        let range = blocks.range(b)
                        var start = range.lowerBound
                        while start < range.upperBound {
                            let rows = min(blockRows, range.upperBound - start)
                            for (index, kernel) in kernels.enumerated() {
                                let input = index == 0 ? x.baseAddress! : UnsafePointer(outputs[index - 1].baseAddress!)
                                kernel.evaluate(input + start * kernel.d, rows: rows,
                                                into: outputs[index].baseAddress! + start * kernel.p)
                            }
                            start += rows
                        }
                    }
                }
            }
        }
    }
}
