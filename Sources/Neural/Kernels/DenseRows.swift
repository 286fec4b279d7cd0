/// Y = σ(XW + b) of one dense layer for consecutive rows of a batch, on raw
/// row-major storage, with the values of ``Dense/callAsFunction(_:)`` to
/// the last bit: every entry of XW is the sum 0 + x₀w₀ⱼ + x₁w₁ⱼ + … added in
/// order of k, as ``Matrix/dot(_:)`` adds it, then bⱼ is added and σ applied
/// (``Activation/apply(_:)-(Lanes)``).
///
/// With p ≥ 2 outputs, sixteen of them (two vectors, whose sigmoids run side
/// by side, ``Logistic/sigmoid(_:_:)``), then eight, then the rest advance
/// together along a row of W; with at most ``fewInputs`` inputs, a row's sums
/// are formed a term at a time for all its outputs first
/// (``evaluateFewInputs(_:rows:into:activation:)``). With one output, eight rows advance together:
/// their inputs are read as 8×8 tiles and transposed in registers, so that
/// each lane still adds its own row's terms in order.
struct DenseRows {
    /// The numbers d of inputs and p of outputs.
    let d: Int, p: Int
    /// W, d×p row-major.
    let weights: UnsafePointer<Double>
    /// b, p entries, or `nil` for a layer without bias.
    let bias: UnsafePointer<Double>?
    let activation: Activation

    /// y = σ(xW + b) for `rows` rows of x (d entries each, d ≥ 1) into y (p each).
    func evaluate(_ x: UnsafePointer<Double>, rows: Int, into y: UnsafeMutablePointer<Double>) {
        // The loops are compiled once for each activation type (see LaneActivation).
        switch activation {
        case .sigmoid: evaluate(x, rows: rows, into: y, activation: SigmoidLanes())
        case .identity: evaluate(x, rows: rows, into: y, activation: IdentityLanes())
        default: evaluate(x, rows: rows, into: y, activation: activation)
        }
    }

    /// ``evaluate(_:rows:into:)`` for the layer's activation as a type.
    private func evaluate<A: LaneActivation>(
        _ x: UnsafePointer<Double>, rows: Int, into y: UnsafeMutablePointer<Double>, activation: A
    ) {
        if p == 1 {
            evaluateOneOutput(x, rows: rows, into: y, activation: activation)
            return
        }
        if d <= Self.fewInputs {
            evaluateFewInputs(x, rows: rows, into: y, activation: activation)
            return
        }
        for i in 0..<rows {
            let row = x + i &* d, out = y + i &* p
            var j = applySixteenAtATime(activation, into: out) { preactivation(row, columns: $0) }
            if j &+ 8 <= p {
                activation.apply(preactivation(row, columns: j)).store(to: out + j)
                j &+= 8
            }
            if j < p {
                evaluateLastColumns(row, from: j, into: out)
            }
        }
    }

    /// The largest number of inputs for which a row's sums over the inputs
    /// are formed a term at a time for all its outputs.
    static let fewInputs = 4

    /// The layer with p ≥ 2 outputs and d ≤ ``fewInputs`` inputs, row by
    /// row: 0 + x₀w₀ⱼ for every output j into a row of sums, then + xₖwₖⱼ
    /// for k = 1, …, d − 1, then σ(zⱼ + bⱼ), sixteen outputs at a time: the
    /// sums of ``preactivation(_:columns:)`` in its order, in loops that are
    /// plain and long. For 2 inputs and 64 outputs this forward pass is 3 %
    /// faster than the loop over the inputs inside the loop over the outputs
    /// (per-step minima of the two-layer benchmark on one core), whose
    /// control cost more than its two terms; through the output row itself,
    /// which is not aligned to the cache's lines, it was 27 % slower.
    @inline(__always)
    private func evaluateFewInputs<A: LaneActivation>(
        _ x: UnsafePointer<Double>, rows: Int, into y: UnsafeMutablePointer<Double>, activation: A
    ) {
        // A row of sums aligned to the cache's lines: a store across two
        // lines is not forwarded to the load that follows it at once.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: p &+ 8) { buffer in
            let start = Int(bitPattern: buffer.baseAddress!)
            let z = buffer.baseAddress! + ((start &+ 63) & ~63 &- start) / 8
            for i in 0..<rows {
                let row = x + i &* d, out = y + i &* p
                forEachLanes(p) { j, lanes in
                    (Lanes() + row[0] * Lanes(loading: weights + j, count: lanes)).store(to: z + j, count: lanes)
                }
                for k in 1..<d {
                    let w = weights + k &* p
                    forEachLanes(p) { j, lanes in
                        (Lanes(loading: z + j, count: lanes) + row[k] * Lanes(loading: w + j, count: lanes))
                            .store(to: z + j, count: lanes)
                    }
                }
                let j = applySixteenAtATime(activation, into: out) { biased(z, columns: $0) }
                forEachLanes(p &- j) { start, lanes in
                    let sum = Lanes(loading: z + (j &+ start), count: lanes)
                    let b = bias.map { Lanes(loading: $0 + (j &+ start), count: lanes) }
                    activation.apply(b.map { sum + $0 } ?? sum).store(to: out + (j &+ start), count: lanes)
                }
            }
        }
    }

    /// out[j] = σ(zⱼ) for the outputs j of a row sixteen at a time, two
    /// vectors z(j) and z(j + 8) whose sigmoids run side by side
    /// (``Logistic/sigmoid(_:_:)``); returns the first j left, with fewer
    /// than sixteen outputs after it.
    @inline(__always)
    private func applySixteenAtATime<A: LaneActivation>(
        _ activation: A, into out: UnsafeMutablePointer<Double>, _ z: (Int) -> Lanes
    ) -> Int {
        var j = 0
        while j &+ 16 <= p {
            let (a, b) = activation.apply(z(j), z(j &+ 8))
            a.store(to: out + j)
            b.store(to: out + (j &+ 8))
            j &+= 16
        }
        return j
    }

    /// zⱼ + bⱼ for the eight entries j, j + 1, … of `z` (zⱼ without bias).
    @inline(__always)
    private func biased(_ z: UnsafePointer<Double>, columns j: Int) -> Lanes {
        let sum = Lanes(loading: z + j)
        guard let bias else { return sum }
        return sum + Lanes(loading: bias + j)
    }

    /// zⱼ = (0 + x₀w₀ⱼ + x₁w₁ⱼ + …) + bⱼ for the eight outputs j, j + 1, … of a row.
    @inline(__always)
    private func preactivation(_ row: UnsafePointer<Double>, columns j: Int) -> Lanes {
        var z = Lanes() + row[0] * Lanes(loading: weights + j)
        for k in 1..<d {
            z += row[k] * Lanes(loading: weights + (k &* p &+ j))
        }
        if let bias {
            z += Lanes(loading: bias + j)
        }
        return z
    }

    /// Entries j..<p of one row's output, fewer than eight (p ≥ 2).
    @inline(never)
    private func evaluateLastColumns(_ row: UnsafePointer<Double>, from j: Int, into out: UnsafeMutablePointer<Double>) {
        let lanes = p &- j
        var z = Lanes() + row[0] * Lanes(loading: weights + j, count: lanes)
        for k in 1..<d {
            z += row[k] * Lanes(loading: weights + (k &* p &+ j), count: lanes)
        }
        if let bias {
            z += Lanes(loading: bias + j, count: lanes)
        }
        activation.apply(z).store(to: out + j, count: lanes)
    }

    /// The layer with one output: eight rows at a time, then row by row.
    @inline(__always)
    private func evaluateOneOutput<A: LaneActivation>(
        _ x: UnsafePointer<Double>, rows: Int, into y: UnsafeMutablePointer<Double>, activation: A
    ) {
        let b = bias?[0]
        var i = 0
        while i &+ 8 <= rows {
            var z = dotOfEightRows(x + i &* d)
            if let b {
                z += b
            }
            activation.apply(z).store(to: y + i)
            i &+= 8
        }
        while i < rows {
            var z = 0.0
            for k in 0..<d {
                z += x[i &* d &+ k] * weights[k]
            }
            if let b {
                z += b
            }
            y[i] = activation(z)
            i &+= 1
        }
    }

    /// Lane r: 0 + x_r0·w₀ + x_r1·w₁ + … in order of k, for the eight rows
    /// of x starting at `rows` (p = 1, so w is a column of d entries).
    @inline(__always)
    private func dotOfEightRows(_ rows: UnsafePointer<Double>) -> Lanes {
        var z = Lanes()
        var k = 0
        while k &+ 8 <= d {
            let tile = Tile(rows: rows + k, stride: d).transposed()
            z += tile.r0 * weights[k]
            z += tile.r1 * weights[k &+ 1]
            z += tile.r2 * weights[k &+ 2]
            z += tile.r3 * weights[k &+ 3]
            z += tile.r4 * weights[k &+ 4]
            z += tile.r5 * weights[k &+ 5]
            z += tile.r6 * weights[k &+ 6]
            z += tile.r7 * weights[k &+ 7]
            k &+= 8
        }
        while k < d {
            let column = Lanes(rows[k], rows[d &+ k], rows[2 &* d &+ k], rows[3 &* d &+ k],
                               rows[4 &* d &+ k], rows[5 &* d &+ k], rows[6 &* d &+ k], rows[7 &* d &+ k])
            z += column * weights[k]
            k &+= 1
        }
        return z
    }
}

/// An 8×8 block of doubles, one ``Lanes`` per row.
struct Tile {
    var r0, r1, r2, r3, r4, r5, r6, r7: Lanes

    /// The eight rows of eight entries starting at `rows`, `stride` apart.
    @inline(__always)
    init(rows: UnsafePointer<Double>, stride: Int) {
        r0 = Lanes(loading: rows)
        r1 = Lanes(loading: rows + stride)
        r2 = Lanes(loading: rows + 2 &* stride)
        r3 = Lanes(loading: rows + 3 &* stride)
        r4 = Lanes(loading: rows + 4 &* stride)
        r5 = Lanes(loading: rows + 5 &* stride)
        r6 = Lanes(loading: rows + 6 &* stride)
        r7 = Lanes(loading: rows + 7 &* stride)
    }

    @inline(__always)
    init(_ r0: Lanes, _ r1: Lanes, _ r2: Lanes, _ r3: Lanes, _ r4: Lanes, _ r5: Lanes, _ r6: Lanes, _ r7: Lanes) {
        (self.r0, self.r1, self.r2, self.r3, self.r4, self.r5, self.r6, self.r7) = (r0, r1, r2, r3, r4, r5, r6, r7)
    }

    /// Writes the rows to `rows`, `stride` apart.
    @inline(__always)
    func store(to rows: UnsafeMutablePointer<Double>, stride: Int) {
        r0.store(to: rows)
        r1.store(to: rows + stride)
        r2.store(to: rows + 2 &* stride)
        r3.store(to: rows + 3 &* stride)
        r4.store(to: rows + 4 &* stride)
        r5.store(to: rows + 5 &* stride)
        r6.store(to: rows + 6 &* stride)
        r7.store(to: rows + 7 &* stride)
    }

    /// f applied to every row.
    @inline(__always)
    func map(_ f: (Lanes) -> Lanes) -> Tile {
        Tile(f(r0), f(r1), f(r2), f(r3), f(r4), f(r5), f(r6), f(r7))
    }

    /// The entry-by-entry product with `other`.
    @inline(__always)
    func multiplied(by other: Tile) -> Tile {
        Tile(r0 * other.r0, r1 * other.r1, r2 * other.r2, r3 * other.r3,
             r4 * other.r4, r5 * other.r5, r6 * other.r6, r7 * other.r7)
    }

    /// self + w·other entry by entry, the product rounded before the sum.
    @inline(__always)
    func adding(_ w: Double, times other: Tile) -> Tile {
        Tile(r0 + w * other.r0, r1 + w * other.r1, r2 + w * other.r2, r3 + w * other.r3,
             r4 + w * other.r4, r5 + w * other.r5, r6 + w * other.r6, r7 + w * other.r7)
    }

    /// s + row 0 + row 1 + … + row 7, added in that order.
    @inline(__always)
    func rowSum(from s: Lanes) -> Lanes {
        ((((((((s + r0) + r1) + r2) + r3) + r4) + r5) + r6) + r7)
    }

    /// s + w₀·row 0 + w₁·row 1 + … + w₇·row 7, added in that order, for the
    /// scalars wᵣ at `weights[r·stride]`.
    @inline(__always)
    func weightedRowSum(from s: Lanes, weights w: UnsafePointer<Double>, stride: Int) -> Lanes {
        var sum = s + w[0] * r0
        sum += w[stride] * r1
        sum += w[2 &* stride] * r2
        sum += w[3 &* stride] * r3
        sum += w[4 &* stride] * r4
        sum += w[5 &* stride] * r5
        sum += w[6 &* stride] * r6
        sum += w[7 &* stride] * r7
        return sum
    }

    /// The transpose. Seen as one array of 64 entries, row after row, an
    /// entry's index has the bits of its row above those of its column; each
    /// ``unzipped()`` rotates the six bits right by one, so three of them
    /// swap row and column.
    @inline(__always)
    func transposed() -> Tile {
        unzipped().unzipped().unzipped()
    }

    /// The entries at even indices of the 64, then those at odd indices.
    @inline(__always)
    private func unzipped() -> Tile {
        Tile(Lanes(lowHalf: r0.evenHalf, highHalf: r1.evenHalf), Lanes(lowHalf: r2.evenHalf, highHalf: r3.evenHalf),
             Lanes(lowHalf: r4.evenHalf, highHalf: r5.evenHalf), Lanes(lowHalf: r6.evenHalf, highHalf: r7.evenHalf),
             Lanes(lowHalf: r0.oddHalf, highHalf: r1.oddHalf), Lanes(lowHalf: r2.oddHalf, highHalf: r3.oddHalf),
             Lanes(lowHalf: r4.oddHalf, highHalf: r5.oddHalf), Lanes(lowHalf: r6.oddHalf, highHalf: r7.oddHalf))
    }
}
