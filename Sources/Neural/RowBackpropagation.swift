/// Backpropagation through a stack of dense layers one row of the batch at a
/// time: for row k, from the last layer to the first, Δ = G ⊙ σ′ (σ′ from the
/// layer's output row), the running sums ∂J/∂W += xₖᵀΔ and ∂J/∂b += Δ, and
/// the row G = ΔWᵀ that the layer below receives.
///
/// Every sum adds its terms in the order the whole-matrix formulation adds
/// them — `x.transposed() • delta` and `delta.columnSums()` by row k of the
/// batch, `delta • weights.transposed()` by column j of W — so the gradients
/// are the same to the last bit. But each layer's outputs are read once,
/// while they are in the processor's cache, and the rows of Δ and G are
/// never stored whole: for a large batch this is what costs time. A layer with one output adds its
/// bias gradient pairwise over the whole column (``Matrix/columnSums()``): its
/// Δ column is kept and summed after the pass.
enum RowBackpropagation {
    /// The parameter gradients of every layer, input side first, and ∂J/∂X
    /// if `returningInputGradient`, for G = ∂J/∂Y of the last layer's output.
    /// Every layer must hold its last input and output.
    static func run(
        _ layers: [Dense], outputGradient g: Matrix, returningInputGradient: Bool
    ) -> (gradients: [(weight: Matrix, bias: Matrix?)], inputGradient: Matrix?) {
        let n = g.rows
        let widest = layers.map { max($0.inputCount, $0.outputCount) }.max() ?? 0
        let weightSums = layers.map { layer in
            UnsafeMutableBufferPointer<Double>.allocate(capacity: layer.inputCount * layer.outputCount)
        }
        // A layer with one output keeps its whole Δ column here; others their bias sums.
        let biasSums = layers.map { layer in
            UnsafeMutableBufferPointer<Double>.allocate(
                capacity: layer.bias == nil ? 0 : layer.outputCount == 1 ? n : layer.outputCount)
        }
        let rows = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * widest)
        defer {
            for buffer in weightSums + biasSums + [rows] {
                buffer.deallocate()
            }
        }
        for buffer in weightSums + biasSums {
            buffer.initialize(repeating: 0)
        }
        var inputGradient = [Double](repeating: 0, count: returningInputGradient ? n * layers[0].inputCount : 0)
        let arrays = [g.elements] + layers.flatMap { layer -> [[Double]] in
            guard let input = layer.input, let output = layer.output else {
                fatalError("Dense.backward: call forward(_:) first; callAsFunction keeps nothing to backpropagate")
            }
            return [input.elements, output.elements, layer.weights.elements]
        }
        let shapes = layers.map { layer in
            (d: layer.inputCount, p: layer.outputCount, bias: layer.bias != nil, activation: layer.activation)
        }
        StorageBuffers.reading(arrays[...]) { storage in
            inputGradient.withUnsafeMutableBufferPointer { inputGradient in
                // Δ's row goes to the first half of `rows`, G's for the layer below to the second.
                let deltaRow = rows.baseAddress!, gRow = deltaRow + widest
                for k in 0..<n {
                    var gk = UnsafePointer(storage[0].baseAddress! + k &* shapes[shapes.count - 1].p)
                    for l in shapes.indices.reversed() {
                        let (d, p, hasBias, activation) = shapes[l]
                        let (x, y, w) = (storage[3 &* l &+ 1], storage[3 &* l &+ 2], storage[3 &* l &+ 3])
                        let delta = p == 1 && hasBias ? biasSums[l].baseAddress! + k : deltaRow
                        activation.multiplyByDerivative(
                            gk, atOutput: y.baseAddress! + k &* p, into: delta, count: p)
                        if p > 1 && hasBias {
                            for j in 0..<p {
                                biasSums[l][j] += delta[j]
                            }
                        }
                        addOuterProduct(x.baseAddress! + k &* d, delta, to: weightSums[l].baseAddress!, d, p)
                        if l > 0 {
                            multiply(delta, byTransposeOf: w.baseAddress!, d, p, into: gRow)
                            gk = UnsafePointer(gRow)
                        } else if returningInputGradient {
                            multiply(delta, byTransposeOf: w.baseAddress!, d, p,
                                     into: inputGradient.baseAddress! + k &* d)
                        }
                    }
                }
            }
        }
        let gradients = layers.indices.map { l -> (weight: Matrix, bias: Matrix?) in
            let layer = layers[l]
            let weight = Matrix(rows: layer.inputCount, columns: layer.outputCount, elements: Array(weightSums[l]))
            guard layer.bias != nil else { return (weight, nil) }
            let sums = Array(biasSums[l])
            return (weight, layer.outputCount == 1 ? Matrix(column: sums).columnSums() : Matrix(row: sums))
        }
        guard returningInputGradient else { return (gradients, nil) }
        return (gradients, Matrix(rows: n, columns: layers[0].inputCount, elements: inputGradient))
    }

    /// c[i·p + j] += x[i] · δ[j] for i < d, j < p (with p = 1, along x).
    @inline(__always)
    private static func addOuterProduct(
        _ x: UnsafePointer<Double>, _ delta: UnsafePointer<Double>,
        to c: UnsafeMutablePointer<Double>, _ d: Int, _ p: Int
    ) {
        if p == 1 {
            let delta = delta[0]
            for i in 0..<d {
                c[i] += x[i] * delta
            }
            return
        }
        for i in 0..<d {
            let xi = x[i], row = c + i &* p
            for j in 0..<p {
                row[j] += xi * delta[j]
            }
        }
    }

    /// g[i] = 0 + Σⱼ δ[j] · w[i·p + j] for i < d, the sum in order of j: row k
    /// of ΔWᵀ for the d×p weights W.
    @inline(__always)
    private static func multiply(
        _ delta: UnsafePointer<Double>, byTransposeOf w: UnsafePointer<Double>, _ d: Int, _ p: Int,
        into g: UnsafeMutablePointer<Double>
    ) {
        if p == 1 {
            let delta = delta[0]
            for i in 0..<d {
                g[i] = 0 + delta * w[i]
            }
            return
        }
        for i in 0..<d {
            var sum = 0.0
            let row = w + i &* p
            for j in 0..<p {
                sum += delta[j] * row[j]
            }
            g[i] = sum
        }
    }
}
