/// The matrix product, written `A • B` or `A.dot(B)` (NumPy's `A @ B`).
infix operator • : MultiplicationPrecedence

extension Matrix {
    /// The product C = A·B of an m×p matrix A and a p×n matrix B:
    /// `c_ij = Σ_k a_ik · b_kj`, an m×n matrix. Traps when the inner
    /// dimensions differ, naming both shapes.
    ///
    /// Every c_ij is the sum 0 + a_i0·b_0j + a_i1·b_1j + … taken in order of k,
    /// whichever way the loops are nested. For a wide B the loops run i-k-j:
    /// row i of C accumulates a_ik times row k of B, so the innermost loop
    /// walks two contiguous rows and vectorizes. For a narrow B (fewer than
    /// ``narrow`` columns, such as a single output) they run i-j-k: one dot
    /// product per entry, without the cost of starting a short inner loop.
    public func dot(_ other: Matrix) -> Matrix {
        let shape = shape.product(with: other.shape).required
        let (p, n) = (columns, shape.columns)
        return Matrix.product(shape, self, other) { a, b, c in
            for i in 0..<rows {
                if n < Matrix.narrow {
                    for j in 0..<n {
                        var sum = 0.0
                        for k in 0..<p {
                            sum += a[i * p + k] * b[k * n + j]
                        }
                        c[i * n + j] = sum
                    }
                } else {
                    for k in 0..<p {
                        Matrix.addScaledRow(c + i * n, a[i * p + k], b + k * n, n)
                    }
                }
            }
        }
    }

    /// `lhs.dot(rhs)`.
    public static func • (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.dot(rhs)
    }

    /// The product Aᵀ·B of this p×m matrix A and a p×n matrix B without
    /// forming Aᵀ: `(AᵀB)_ij = Σ_k a_ki · b_kj`, an m×n matrix, each entry
    /// summed in order of k. The loops run k-i-j, so the innermost loop again
    /// walks contiguous rows; for a narrow B, k-j-i, whose innermost loop
    /// walks row k of A.
    func transposedDot(_ other: Matrix) -> Matrix {
        let shape = Shape(rows: columns, columns: rows).product(with: other.shape).required
        let (m, n) = (columns, shape.columns)
        return Matrix.product(shape, self, other) { a, b, c in
            for k in 0..<rows {
                if n < Matrix.narrow {
                    for j in 0..<n {
                        let bkj = b[k * n + j]
                        for i in 0..<m {
                            c[i * n + j] += a[k * m + i] * bkj
                        }
                    }
                } else {
                    for i in 0..<m {
                        Matrix.addScaledRow(c + i * n, a[k * m + i], b + k * n, n)
                    }
                }
            }
        }
    }

    /// Below this many columns, a product's right factor counts as narrow.
    static let narrow = 8

    /// A zero matrix of `shape`, filled by `accumulate` from the entries of
    /// `a` and `b` (skipped when there is nothing to add).
    @inline(__always)
    private static func product(
        _ shape: Shape, _ a: Matrix, _ b: Matrix,
        _ accumulate: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>) -> Void
    ) -> Matrix {
        var result = Matrix(rows: shape.rows, columns: shape.columns, repeating: 0)
        guard !result.elements.isEmpty, !a.elements.isEmpty else { return result }
        a.elements.withUnsafeBufferPointer { a in
            b.elements.withUnsafeBufferPointer { b in
                result.elements.withUnsafeMutableBufferPointer { c in
                    accumulate(a.baseAddress!, b.baseAddress!, c.baseAddress!)
                }
            }
        }
        return result
    }

    /// `c[j] += s · b[j]` for j < n.
    @inline(__always)
    private static func addScaledRow(
        _ c: UnsafeMutablePointer<Double>, _ s: Double, _ b: UnsafePointer<Double>, _ n: Int
    ) {
        for j in 0..<n {
            c[j] += s * b[j]
        }
    }
}
