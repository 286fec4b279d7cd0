extension Dense {
    /// σ(XW + b) for a batch X, with the same values as `x • weights`, then
    /// `+= bias`, then the activation, but computed ``blockRows`` rows at a
    /// time so that each block stays in the processor's cache from the
    /// product to the activation, and written into `storage` when it already
    /// has the right size (a large result then needs no new memory).
    func evaluate(_ x: Matrix, reusing storage: inout [Double]) -> Matrix {
        let shape = x.shape.product(with: weights.shape).required
        let (n, d, p) = (x.rows, x.columns, weights.columns)
        if storage.count != n * p {
            storage = [Double](repeating: 0, count: n * p)
        }
        if n * p == 0 {
            return Matrix(rows: shape.rows, columns: shape.columns, elements: storage)
        }
        guard d > 0 else {
            // XW is zero; the bias and the activation still apply.
            var z = Matrix(rows: shape.rows, columns: shape.columns, elements: storage)
            if let bias {
                z += bias
            }
            activation.apply(to: &z)
            return z
        }
        storage.withUnsafeMutableBufferPointer { y in
            x.elements.withUnsafeBufferPointer { x in
                withParameters { w, b in
                    var start = 0
                    while start < n {
                        let rows = min(Dense.blockRows, n - start)
                        evaluateRows(x.baseAddress! + start * d, rows: rows, weights: w, bias: b,
                                     into: y.baseAddress! + start * p)
                        start += rows
                    }
                }
            }
        }
        return Matrix(rows: shape.rows, columns: shape.columns, elements: storage)
    }

    /// The rows of a batch computed together: enough that the product's
    /// inner loop runs long, few enough that 64 outputs each fit in the
    /// processor's first-level cache.
    static let blockRows = 32

    /// y = σ(xW + b) for `rows` rows of x (d entries each) into y (p each).
    func evaluateRows(
        _ x: UnsafePointer<Double>, rows: Int, weights w: UnsafePointer<Double>, bias b: UnsafePointer<Double>?,
        into y: UnsafeMutablePointer<Double>
    ) {
        let (d, p) = (inputCount, outputCount)
        Matrix.multiply(x, rows: rows, columns: d, by: w, columns: p, into: y)
        if let b {
            for i in 0..<rows {
                for j in 0..<p {
                    y[i &* p &+ j] += b[j]
                }
            }
        }
        activation.apply(y, count: rows * p)
    }

    /// Calls `body` with the storage of W and of b (`nil` without bias).
    func withParameters<Result>(_ body: (UnsafePointer<Double>, UnsafePointer<Double>?) -> Result) -> Result {
        weights.elements.withUnsafeBufferPointer { w in
            guard let bias else { return body(w.baseAddress!, nil) }
            return bias.elements.withUnsafeBufferPointer { b in body(w.baseAddress!, b.baseAddress!) }
        }
    }
}
