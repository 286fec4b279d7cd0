/// The matrix product, written `A • B` or `A.dot(B)` (NumPy's `A @ B`).
infix operator • : MultiplicationPrecedence

extension Matrix {
    /// The product C = A·B of an m×p matrix A and a p×n matrix B:
    /// `c_ij = Σ_k a_ik · b_kj`, an m×n matrix. Traps when the inner
    /// dimensions differ, naming both shapes.
    ///
    /// Every c_ij is the sum 0 + a_i0·b_0j + a_i1·b_1j + … taken in order of k,
    /// whichever way the loops are nested (see ``multiply(_:rows:columns:by:columns:into:)``).
    public func dot(_ other: Matrix) -> Matrix {
        let shape = shape.product(with: other.shape).required
        let count = shape.rows * shape.columns
        guard count > 0, columns > 0 else {
            return Matrix(rows: shape.rows, columns: shape.columns, repeating: 0)
        }
        let product = [Double](unsafeUninitializedCapacity: count) { c, initialized in
            elements.withUnsafeBufferPointer { a in
                other.elements.withUnsafeBufferPointer { b in
                    Matrix.multiply(a.baseAddress!, rows: rows, columns: columns,
                                    by: b.baseAddress!, columns: shape.columns, into: c.baseAddress!)
                }
            }
            initialized = count
        }
        return Matrix(rows: shape.rows, columns: shape.columns, elements: product)
    }

    /// `lhs.dot(rhs)`.
    public static func • (lhs: Matrix, rhs: Matrix) -> Matrix {
        lhs.dot(rhs)
    }
}
