/// New matrices made from the entries of one: transposes, rows, columns.
extension Matrix {
    /// The transpose Aᵀ, an n×m matrix with `(Aᵀ)_ij = a_ji`.
    public func transposed() -> Matrix {
        Matrix(rows: columns, columns: rows) { i, j in elements[j * columns + i] }
    }

    /// Row i as a 1×n row vector.
    public func row(_ i: Int) -> Matrix {
        require((0..<rows).contains(i), "Matrix.row: row \(i) is outside a \(shape) matrix")
        return Matrix(row: Array(elements[(i * columns)..<((i + 1) * columns)]))
    }

    /// Column j as an m×1 column vector.
    public func column(_ j: Int) -> Matrix {
        columns([j])
    }

    /// The m×k matrix of the columns at `indices`, in that order (NumPy's
    /// `A[:, indices]`); an index may repeat.
    public func columns(_ indices: [Int]) -> Matrix {
        for j in indices {
            require((0..<columns).contains(j), "Matrix.columns: column \(j) is outside a \(shape) matrix")
        }
        return Matrix(rows: rows, columns: indices.count) { i, k in elements[i * columns + indices[k]] }
    }

    /// The m×(n+1) matrix `[A 1]`: this matrix with a last column of ones, so
    /// that θᵀx over the extended row x = (x_1, …, x_n, 1) carries a bias term.
    public func appendingBiasColumn() -> Matrix {
        Matrix(rows: rows, columns: columns + 1) { i, j in j < columns ? elements[i * columns + j] : 1 }
    }
}
