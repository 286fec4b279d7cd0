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
///
/// A batch of at least ``parallelRows`` rows is cut into ``RowBlocks/count``
/// blocks of consecutive rows, a number fixed here and not taken from the
/// machine, which run on as many threads as the system gives
/// (`concurrentPerform`): each block sums its own rows in order, and the
/// blocks' sums are then added in block order. The gradients are the same on
/// every machine and for every thread count, but for such a batch they differ
/// from the whole-matrix products' in the last bits (the terms are grouped
/// differently), by a few units of 2⁻⁵² relative to the sum of the terms'
/// magnitudes.
enum RowBackpropagation {
    /// The smallest batch whose rows are cut into blocks (see
    /// ``RowBackpropagation``); smaller batches are one block.
    static let parallelRows = 4096

    /// The parameter gradients of every layer, input side first, and ∂J/∂X
    /// if `returningInputGradient`, for G = ∂J/∂Y of the last layer's output.
    /// Every layer must hold its last input and output.
    static func run(
        _ layers: [Dense], outputGradient g: Matrix, returningInputGradient: Bool
    ) -> (gradients: [(weight: Matrix, bias: Matrix?)], inputGradient: Matrix?) {
        let n = g.rows
        let blocks = RowBlocks(rows: n, parallel: n >= parallelRows)
        let widest = layers.map { max($0.inputCount, $0.outputCount) }.max() ?? 0
        // Each block's sums: the weight sums of every layer, then the bias
        // sums of every layer with bias and more than one output.
        let sizes = layers.map { layer in
            (weight: layer.inputCount * layer.outputCount,
             bias: layer.bias != nil && layer.outputCount > 1 ? layer.outputCount : 0)
        }
        let perBlock = sizes.reduce(0) { $0 + $1.weight + $1.bias } + 2 * widest
        let sums = UnsafeMutableBufferPointer<Double>.allocate(capacity: blocks.count * perBlock)
        sums.initialize(repeating: 0)
        // A layer with one output and a bias keeps its whole Δ column here.
        let deltaColumns = layers.map { layer in
            UnsafeMutableBufferPointer<Double>.allocate(
                capacity: layer.bias != nil && layer.outputCount == 1 ? n : 0)
        }
        defer {
            for buffer in deltaColumns + [sums] {
                buffer.deallocate()
            }
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
        /// Where block b keeps layer l's weight sums and bias sums.
        func sumPointers(_ b: Int) -> [(weight: UnsafeMutablePointer<Double>, bias: UnsafeMutablePointer<Double>)] {
            var next = sums.baseAddress! + b * perBlock
            return sizes.map { size in
                defer { next += size.weight + size.bias }
                return (next, next + size.weight)
            }
        }
        StorageBuffers.reading(arrays[...]) { storage in
            inputGradient.withUnsafeMutableBufferPointer { inputGradient in
                let inputGradient = returningInputGradient ? inputGradient.baseAddress : nil
                blocks.forEach { b in
                    let sums = sumPointers(b)
                    // Δ's row goes to the first half of the row buffer, G's for the layer below to the second.
                    let deltaRow = sums[sums.count - 1].bias + sizes[sizes.count - 1].bias, gRow = deltaRow + widest
                    for k in blocks.range(b) {
                        var gk = UnsafePointer(storage[0].baseAddress! + k &* shapes[shapes.count - 1].p)
                        for l in shapes.indices.reversed() {
                            let (d, p, hasBias, activation) = shapes[l]
                            let (x, y, w) = (storage[3 &* l &+ 1], storage[3 &* l &+ 2], storage[3 &* l &+ 3])
                            let delta = p == 1 && hasBias ? deltaColumns[l].baseAddress! + k : deltaRow
                            activation.multiplyByDerivative(
                                gk, atOutput: y.baseAddress! + k &* p, into: delta, count: p)
                            if p > 1 && hasBias {
                                let biasSums = sums[l].bias
                                for j in 0..<p {
                                    biasSums[j] += delta[j]
                                }
                            }
                            addOuterProduct(x.baseAddress! + k &* d, delta, to: sums[l].weight, d, p)
                            if l > 0 {
                                multiply(delta, byTransposeOf: w.baseAddress!, d, p, into: gRow)
                                gk = UnsafePointer(gRow)
                            } else if let inputGradient {
                                multiply(delta, byTransposeOf: w.baseAddress!, d, p, into: inputGradient + k &* d)
                            }
                        }
                    }
                }
            }
        }
        // The blocks' sums, added in block order into block 0's.
        let total = sumPointers(0)
        for b in 1..<blocks.count {
            for (l, block) in sumPointers(b).enumerated() {
                for i in 0..<sizes[l].weight {
                    total[l].weight[i] += block.weight[i]
                }
                for i in 0..<sizes[l].bias {
                    total[l].bias[i] += block.bias[i]
                }
            }
        }
        let gradients = layers.indices.map { l -> (weight: Matrix, bias: Matrix?) in
            let layer = layers[l]
            let weight = Matrix(rows: layer.inputCount, columns: layer.outputCount,
                                elements: Array(UnsafeBufferPointer(start: total[l].weight, count: sizes[l].weight)))
            guard layer.bias != nil else { return (weight, nil) }
            if layer.outputCount == 1 {
                return (weight, Matrix(column: Array(deltaColumns[l])).columnSums())
            }
            return (weight, Matrix(row: Array(UnsafeBufferPointer(start: total[l].bias, count: sizes[l].bias))))
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
