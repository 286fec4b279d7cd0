/// The backward pass of a ``Network``, one row of the batch at a time: for
/// row k, from the last layer to the first, the formulas of
/// ``Dense/backward(_:)`` restricted to that row — Δ = G ⊙ σ′ (σ′ from the
/// layer's output row), the running sums ∂J/∂W += xₖᵀΔ and ∂J/∂b += Δ, and
/// the row G = ΔWᵀ that the layer below receives.
///
/// Every sum adds its terms in the order the whole-matrix formulas add them —
/// `x.transposed() • delta` and `delta.columnSums()` by row k of the batch,
/// `delta • weights.transposed()` by column j of W — and eight independent
/// sums advance together (eight outputs j, or eight inputs i for ΔWᵀ, read
/// from a transposed copy of W). So for a batch of fewer than
/// ``parallelRows`` rows the gradients are those of calling `backward` on
/// each layer in turn, to the last bit. But each layer's input and output
/// rows are read once, while they are in the processor's cache, and the rows
/// of Δ and G are never stored whole. A layer with one output adds its bias
/// gradient pairwise over the whole column (``Matrix/columnSums()``): its Δ
/// column is kept and summed after the pass.
///
/// A batch of at least ``parallelRows`` rows is cut into ``RowBlocks/count``
/// blocks of consecutive rows, a number fixed here and not taken from the
/// machine, which run on as many threads as the system gives
/// (``BlockWorkers``): each block sums its own rows in order, and the
/// blocks' sums are then added in block order. The gradients are the same on
/// every machine and for every thread count, but for such a batch they differ
/// from the whole-matrix products' in the last bits (the terms are grouped
/// differently), by a few units of 2⁻⁵² relative to the sum of the terms'
/// magnitudes.
///
/// The pass can start from a ``Loss`` instead of a given G: each group of
/// rows then first forms its rows of G = ∂J/∂Y and of J's terms, entry by
/// entry by the formulas of ``Loss/gradient(of:target:)`` and
/// ``Loss/value(of:target:)``, and J is the terms added one after the other
/// from the first after the pass, as `value` adds them: the same bits as
/// computing both whole, without a pass of their own over the batch.
enum NetworkBackward {
    /// Where the pass takes G = ∂J/∂Y of the last layer's output from.
    enum Start {
        /// G given whole (n×p).
        case gradient(Matrix)
        /// G of `loss` for the last layer's output against `target` (n×p).
        case loss(Loss, target: Matrix)

        /// G, or the target: n×p either way.
        var matrix: Matrix {
            switch self {
            case .gradient(let g): g
            case .loss(_, let target): target
            }
        }

        var loss: Loss? {
            if case .loss(let loss, _) = self { loss } else { nil }
        }
    }

    /// The smallest batch whose rows are cut into blocks (see
    /// ``NetworkBackward``); smaller batches are one block.
    static let parallelRows = 4096

    /// The rows that go through the layers together: their terms are added
    /// to the running sums one row after the other, as for single rows, but
    /// each sum is loaded and stored once for all of them.
    static let groupRows = 8

    /// The parameter gradients of every layer, input side first, ∂J/∂X if
    /// `returningInputGradient`, and J when the pass starts from a loss.
    /// Every layer must hold its last input and output, of the start's batch.
    static func run(
        _ layers: [Dense], from start: Start, returningInputGradient: Bool
    ) -> (gradients: [(weight: Matrix, bias: Matrix?)], inputGradient: Matrix?, loss: Double?) {
        let (given, loss) = (start.matrix, start.loss)
        let n = given.rows
        let blocks = RowBlocks(rows: n, parallel: n >= parallelRows)
        let shapes = layers.map { LayerShape($0) }
        let sums = BlockSums(shapes, blocks: blocks.count)
        defer { sums.deallocate() }
        // A layer with one output and a bias keeps its whole Δ column here.
        let deltaColumns = shapes.map { shape in
            UnsafeMutableBufferPointer<Double>.allocate(capacity: shape.keepsDeltaColumn ? n : 0)
        }
        // Wᵀ (p×d) of every layer with several outputs whose G = ΔWᵀ is needed.
        let transposedWeights = layers.indices.map { l -> [Double] in
            let needed = (l > 0 || returningInputGradient) && shapes[l].p > 1
            return needed ? layers[l].weights.transposed().elements : []
        }
        defer {
            for buffer in deltaColumns {
                buffer.deallocate()
            }
        }
        // J's terms, one per entry of the last layer's output, when the pass starts from a loss.
        let terms = UnsafeMutableBufferPointer<Double>.allocate(capacity: loss == nil ? 0 : given.elements.count)
        defer { terms.deallocate() }
        var inputGradient = [Double](repeating: 0, count: returningInputGradient ? n * shapes[0].d : 0)
        let arrays = [given.elements] + transposedWeights + layers.flatMap { layer -> [[Double]] in
            guard let input = layer.input, let output = layer.output else {
                fatalError("Dense.backward: call forward(_:) first; callAsFunction keeps nothing to backpropagate")
            }
            return [input.elements, output.elements, layer.weights.elements]
        }
        StorageBuffers.reading(arrays[...]) { storage in
            inputGradient.withUnsafeMutableBufferPointer { inputGradient in
                let rows = layers.indices.map { l in
                    LayerRows(shape: shapes[l],
                              input: storage[1 + layers.count + 3 * l].baseAddress!,
                              output: storage[2 + layers.count + 3 * l].baseAddress!,
                              weights: storage[3 + layers.count + 3 * l].baseAddress!,
                              transposedWeights: transposedWeights[l].isEmpty ? nil : storage[1 + l].baseAddress,
                              deltaColumn: shapes[l].keepsDeltaColumn ? deltaColumns[l].baseAddress : nil)
                }
                let inputGradient = returningInputGradient ? inputGradient.baseAddress : nil
                let last = shapes[shapes.count - 1].p
                let (given, prediction) = (storage[0].baseAddress!, rows[rows.count - 1].output)
                let size = Double(terms.count)
                blocks.forEach { b in
                    let block = sums.block(b)
                    let range = blocks.range(b)
                    var k = range.lowerBound
                    while k < range.upperBound {
                        let count = min(groupRows, range.upperBound - k)
                        var g = UnsafePointer(given + k * last)
                        if let loss {
                            // This group's rows of G and of J's terms.
                            let first = k * last
                            forEachLanes(count * last) { e, lanes in
                                loss.derivative(Lanes(loading: prediction + (first + e), count: lanes),
                                                Lanes(loading: given + (first + e), count: lanes), count: size)
                                    .store(to: block.gRows + e, count: lanes)
                            }
                            for e in first..<first + count * last {
                                terms[e] = loss.term(prediction[e], given[e])
                            }
                            g = UnsafePointer(block.gRows)
                        }
                        for l in rows.indices.reversed() {
                            let below = l > 0 ? block.gRows : inputGradient.map { $0 + k * shapes[0].d }
                            rows[l].backpropagate(rows: k, count: count, gradient: g, sums: block.layers[l],
                                                  deltas: block.deltaRows, into: below)
                            g = UnsafePointer(block.gRows)
                        }
                        k += count
                    }
                }
            }
        }
        let total = sums.combined()
        let gradients = layers.indices.map { l -> (weight: Matrix, bias: Matrix?) in
            let shape = shapes[l]
            let weight = Matrix(rows: shape.d, columns: shape.p,
                                elements: Array(UnsafeBufferPointer(start: total[l].weight, count: shape.d * shape.p)))
            guard shape.hasBias else { return (weight, nil) }
            if shape.keepsDeltaColumn {
                // Matrix.columnSums() of one column: 0 + its pairwise sum.
                return (weight, Matrix(row: [0.0 + Matrix.pairwiseSum(deltaColumns[l].baseAddress, n)]))
            }
            return (weight, Matrix(row: Array(UnsafeBufferPointer(start: total[l].bias, count: shape.p))))
        }
        let value = loss.map { _ in Loss.mean(of: terms) }
        guard returningInputGradient else { return (gradients, nil, value) }
        return (gradients, Matrix(rows: n, columns: shapes[0].d, elements: inputGradient), value)
    }
}

/// What the backward kernel needs to know of a layer's shape.
private struct LayerShape {
    let d: Int, p: Int, hasBias: Bool, activation: Activation

    init(_ layer: Dense) {
        (d, p, hasBias, activation) = (layer.inputCount, layer.outputCount, layer.bias != nil, layer.activation)
    }

    /// A layer with one output and a bias sums its Δ column pairwise after
    /// the pass instead of row by row.
    var keepsDeltaColumn: Bool { hasBias && p == 1 }
    /// The running bias sums a block keeps: p, or none.
    var biasSumCount: Int { hasBias && p > 1 ? p : 0 }
}

/// The running sums of every block: for each layer its weight sums, then
/// its bias sums; then the block's buffers for the Δ and the G of a group of
/// ``NetworkBackward/groupRows`` rows.
private struct BlockSums {
    let shapes: [LayerShape]
    let blocks: Int
    let widest: Int
    let perBlock: Int
    let storage: UnsafeMutableBufferPointer<Double>

    init(_ shapes: [LayerShape], blocks: Int) {
        self.shapes = shapes
        self.blocks = blocks
        widest = shapes.map { max($0.d, $0.p) }.max() ?? 0
        perBlock = shapes.reduce(0) { $0 + $1.d * $1.p + $1.biasSumCount } + 2 * NetworkBackward.groupRows * widest
        storage = .allocate(capacity: blocks * perBlock)
        storage.initialize(repeating: 0)
    }

    func deallocate() { storage.deallocate() }

    /// Where block b keeps each layer's sums, and its group buffers.
    func block(_ b: Int) -> (layers: [(weight: UnsafeMutablePointer<Double>, bias: UnsafeMutablePointer<Double>)],
                             deltaRows: UnsafeMutablePointer<Double>, gRows: UnsafeMutablePointer<Double>) {
        var next = storage.baseAddress! + b * perBlock
        let layers = shapes.map { shape in
            defer { next += shape.d * shape.p + shape.biasSumCount }
            return (next, next + shape.d * shape.p)
        }
        return (layers, next, next + NetworkBackward.groupRows * widest)
    }

    /// The blocks' sums added in block order into block 0's, which it returns.
    func combined() -> [(weight: UnsafeMutablePointer<Double>, bias: UnsafeMutablePointer<Double>)] {
        let total = block(0).layers
        for b in 1..<blocks {
            for (l, sums) in block(b).layers.enumerated() {
                for i in 0..<shapes[l].d * shapes[l].p {
                    total[l].weight[i] += sums.weight[i]
                }
                for j in 0..<shapes[l].biasSumCount {
                    total[l].bias[j] += sums.bias[j]
                }
            }
        }
        return total
    }
}

/// One layer's rows on raw storage, for ``NetworkBackward``.
private struct LayerRows {
    let shape: LayerShape
    /// X (n×d), Y (n×p), W (d×p), row-major.
    let input: UnsafePointer<Double>, output: UnsafePointer<Double>, weights: UnsafePointer<Double>
    /// Wᵀ (p×d), where G = ΔWᵀ is needed and p > 1.
    let transposedWeights: UnsafePointer<Double>?
    /// Δ's column (n entries) for a layer that keeps it.
    let deltaColumn: UnsafeMutablePointer<Double>?

    /// Rows k..<k + count: Δ = G ⊙ σ′ from those rows of G (`gradient`,
    /// p entries each) into `deltas`, their terms added to the running sums
    /// row after row, and their G = ΔWᵀ into `below` (d entries each) unless
    /// nil. `below` may be `gradient`: Δ is formed first.
    @inline(__always)
    func backpropagate(
        rows k: Int, count: Int, gradient g: UnsafePointer<Double>,
        sums: (weight: UnsafeMutablePointer<Double>, bias: UnsafeMutablePointer<Double>),
        deltas: UnsafeMutablePointer<Double>, into below: UnsafeMutablePointer<Double>?
    ) {
        let (d, p) = (shape.d, shape.p)
        let x = input + k &* d, y = output + k &* p
        if p == 1 {
            for r in 0..<count {
                deltas[r] = g[r] * shape.activation.derivative(atOutput: y[r])
                deltaColumn?[k &+ r] = deltas[r]
            }
            // ∂J/∂W += xᵀδ along x, row after row. For a full group, 64
            // inputs at a time, their sums in registers and each row's 64
            // read in the order they are stored: x is the layer below's
            // output, which the forward pass left in the last-level cache,
            // and eight short runs at a row's stride each (the 8×8 tiles of
            // the rest) made the backward pass 7 % slower for 64 inputs.
            var i = 0
            if count == 8 {
                while i &+ 64 <= d {
                    var sum = Tile(rows: sums.weight + i, stride: 8)
                    for r in 0..<8 {
                        sum = sum.adding(deltas[r], times: Tile(rows: x + (r &* d &+ i), stride: 8))
                    }
                    sum.store(to: sums.weight + i, stride: 8)
                    i &+= 64
                }
                while i &+ 8 <= d {
                    Tile(rows: x + i, stride: d)
                        .weightedRowSum(from: Lanes(loading: sums.weight + i), weights: deltas, stride: 1)
                        .store(to: sums.weight + i)
                    i &+= 8
                }
            }
            forEachLanes(d &- i) { start, lanes in
                var sum = Lanes(loading: sums.weight + (i &+ start), count: lanes)
                for r in 0..<count {
                    sum += deltas[r] * Lanes(loading: x + (r &* d &+ i &+ start), count: lanes)
                }
                sum.store(to: sums.weight + (i &+ start), count: lanes)
            }
            // G = 0 + δ·wᵢ.
            if let below {
                forEachLanes(d) { i, lanes in
                    let w = Lanes(loading: weights + i, count: lanes)
                    for r in 0..<count {
                        (Lanes() + deltas[r] * w).store(to: below + (r &* d &+ i), count: lanes)
                    }
                }
            }
            return
        }
        if count == 8 {
            // The loop over the chunks is compiled once for each activation
            // type (see LaneActivation).
            let keepingDeltas = below != nil
            switch shape.activation {
            case .sigmoid:
                backpropagateTiles(rows: k, gradient: g, sums: sums, deltas: deltas, keepingDeltas: keepingDeltas,
                                   activation: SigmoidLanes())
            case .identity:
                backpropagateTiles(rows: k, gradient: g, sums: sums, deltas: deltas, keepingDeltas: keepingDeltas,
                                   activation: IdentityLanes())
            default:
                backpropagateTiles(rows: k, gradient: g, sums: sums, deltas: deltas, keepingDeltas: keepingDeltas,
                                   activation: shape.activation)
            }
        } else {
            backpropagate(rows: k, count: count, columns: 0..<p, gradient: g, sums: sums, deltas: deltas)
        }
        guard let below, let transposed = transposedWeights else { return }
        // G's entry i = 0 + δ₀w_i0 + δ₁w_i1 + …, eight entries i at a time,
        // from the Δ rows kept in `deltas`.
        for r in 0..<count {
            let delta = deltas + r &* p
            forEachLanes(d) { i, lanes in
                var sum = Lanes() + delta[0] * Lanes(loading: transposed + i, count: lanes)
                for j in 1..<p {
                    sum += delta[j] * Lanes(loading: transposed + (j &* d &+ i), count: lanes)
                }
                sum.store(to: below + (r &* d &+ i), count: lanes)
            }
        }
    }

    /// A full group of eight rows k..<k + 8 (p ≥ 2): each chunk of eight
    /// outputs with the eight rows' Δ in registers, then the partial last
    /// chunk, if any.
    private func backpropagateTiles<A: LaneActivation>(
        rows k: Int, gradient g: UnsafePointer<Double>,
        sums: (weight: UnsafeMutablePointer<Double>, bias: UnsafeMutablePointer<Double>),
        deltas: UnsafeMutablePointer<Double>, keepingDeltas: Bool, activation: A
    ) {
        let p = shape.p
        var j = 0
        while j &+ 8 <= p {
            backpropagateTile(rows: k, columns: j, gradient: g, sums: sums, deltas: deltas,
                              keepingDeltas: keepingDeltas, activation: activation)
            j &+= 8
        }
        if j < p {
            backpropagate(rows: k, count: 8, columns: j..<p, gradient: g, sums: sums, deltas: deltas)
        }
    }

    /// Outputs j..<j + 8 of a full group of eight rows k..<k + 8 (p ≥ 2):
    /// Δ = G ⊙ σ′ for the eight rows in registers, added to the bias and
    /// weight sums row after row; Δ also kept in `deltas` if G = ΔWᵀ follows.
    @inline(__always)
    private func backpropagateTile<A: LaneActivation>(
        rows k: Int, columns j: Int, gradient g: UnsafePointer<Double>,
        sums: (weight: UnsafeMutablePointer<Double>, bias: UnsafeMutablePointer<Double>),
        deltas: UnsafeMutablePointer<Double>, keepingDeltas: Bool, activation: A
    ) {
        let (d, p) = (shape.d, shape.p)
        let x = input + k &* d
        let slopes = Tile(rows: output + (k &* p &+ j), stride: p).map { activation.derivative(atOutput: $0) }
        let delta = Tile(rows: g + j, stride: p).multiplied(by: slopes)
        if keepingDeltas {
            delta.store(to: deltas + j, stride: p)
        }
        if shape.hasBias {
            delta.rowSum(from: Lanes(loading: sums.bias + j)).store(to: sums.bias + j)
        }
        for i in 0..<d {
            let weightSums = sums.weight + (i &* p &+ j)
            delta.weightedRowSum(from: Lanes(loading: weightSums), weights: x + i, stride: d).store(to: weightSums)
        }
    }

    /// The `columns` of rows k..<k + count (p ≥ 2), each row's Δ through
    /// `deltas`: the same sums in the same order as
    /// ``backpropagateTile(rows:columns:gradient:sums:deltas:keepingDeltas:activation:)``.
    @inline(never)
    private func backpropagate(
        rows k: Int, count: Int, columns: Range<Int>, gradient g: UnsafePointer<Double>,
        sums: (weight: UnsafeMutablePointer<Double>, bias: UnsafeMutablePointer<Double>),
        deltas: UnsafeMutablePointer<Double>
    ) {
        let (d, p) = (shape.d, shape.p)
        let x = input + k &* d, y = output + k &* p
        var j = columns.lowerBound
        while j < columns.upperBound {
            let lanes = min(8, columns.upperBound &- j)
            for r in 0..<count {
                let slope = shape.activation.derivative(atOutput: Lanes(loading: y + (r &* p &+ j), count: lanes))
                (Lanes(loading: g + (r &* p &+ j), count: lanes) * slope).store(to: deltas + (r &* p &+ j), count: lanes)
            }
            if shape.hasBias {
                var sum = Lanes(loading: sums.bias + j, count: lanes)
                for r in 0..<count {
                    sum += Lanes(loading: deltas + (r &* p &+ j), count: lanes)
                }
                sum.store(to: sums.bias + j, count: lanes)
            }
            for i in 0..<d {
                let weightSums = sums.weight + (i &* p &+ j)
                var sum = Lanes(loading: weightSums, count: lanes)
                for r in 0..<count {
                    sum += x[r &* d &+ i] * Lanes(loading: deltas + (r &* p &+ j), count: lanes)
                }
                sum.store(to: weightSums, count: lanes)
            }
            j &+= 8
        }
    }
}

/// Calls `body(start, 8)` for every full chunk of eight of 0..<count, then
/// `body(start, lanes)` for the `lanes` < 8 that remain, if any: inlined, the
/// full chunks' loads and stores need no test of their length.
@inline(__always)
func forEachLanes(_ count: Int, _ body: (_ start: Int, _ lanes: Int) -> Void) {
    var start = 0
    while start &+ 8 <= count {
        body(start, 8)
        start &+= 8
    }
    if start < count {
        body(start, count &- start)
    }
}
