/// Classes as matrices and back: one-hot rows, and the class of largest score.
extension Matrix {
    /// The n×K matrix Y with Yᵢₖ = 1 if classes[i] = k, else 0: one row per
    /// example, a single 1 in the column of its class.
    public init(oneHot classes: [Int], classes count: Int) {
        require(classes.allSatisfy { (0..<count).contains($0) },
                "Matrix(oneHot:): a class outside 0..<\(count)")
        self.init(rows: classes.count, columns: count) { i, k in classes[i] == k ? 1 : 0 }
    }

    /// For each row, the column of its largest entry, the first one on a tie
    /// (NumPy's `argmax(axis=1)`): the predicted class of each row of scores
    /// or probabilities.
    public func rowArgmax() -> [Int] {
        require(columns > 0, "Matrix.rowArgmax: a \(shape) matrix has no columns")
        return (0..<rows).map { i in
            var best = 0
            for j in 1..<columns where elements[i * columns + j] > elements[i * columns + best] {
                best = j
            }
            return best
        }
    }

    /// The k×n matrix of the rows at `indices`, in that order (NumPy's
    /// `A[indices]`); an index may repeat.
    public func rows(_ indices: [Int]) -> Matrix {
        for i in indices {
            require((0..<rows).contains(i), "Matrix.rows: row \(i) is outside a \(shape) matrix")
        }
        var picked: [Double] = []
        picked.reserveCapacity(indices.count * columns)
        for i in indices {
            picked.append(contentsOf: elements[(i * columns)..<((i + 1) * columns)])
        }
        return Matrix(rows: indices.count, columns: columns, elements: picked)
    }
}
