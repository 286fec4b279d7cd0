/// Element-wise arithmetic with NumPy's broadcasting.
///
/// For matrices A and B, `A ∘ B` (∘ one of + − × ÷) has entries
/// `(A ∘ B)_ij = A_i'j' ∘ B_i"j"`, where an index into a dimension of size 1 is
/// always 0: so a 1×n row is added to every row, an m×1 column to every
/// column, and a 1×1 matrix to every entry. Shapes that do not broadcast trap
/// with a message naming both (see ``Matrix/Shape/broadcast(with:operation:)``).
/// With a scalar s, `A ∘ s` and `s ∘ A` apply ∘ between s and every entry.
extension Matrix {
    public static func + (lhs: Matrix, rhs: Matrix) -> Matrix { combine(lhs, rhs, "+", +) }
    public static func - (lhs: Matrix, rhs: Matrix) -> Matrix { combine(lhs, rhs, "-", -) }
    public static func * (lhs: Matrix, rhs: Matrix) -> Matrix { combine(lhs, rhs, "*", *) }
    public static func / (lhs: Matrix, rhs: Matrix) -> Matrix { combine(lhs, rhs, "/", /) }

    public static func + (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 + rhs } }
    public static func - (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 - rhs } }
    public static func * (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 * rhs } }
    public static func / (lhs: Matrix, rhs: Double) -> Matrix { lhs.map { $0 / rhs } }

    public static func + (lhs: Double, rhs: Matrix) -> Matrix { rhs.map { lhs + $0 } }
    public static func - (lhs: Double, rhs: Matrix) -> Matrix { rhs.map { lhs - $0 } }
    public static func * (lhs: Double, rhs: Matrix) -> Matrix { rhs.map { lhs * $0 } }
    public static func / (lhs: Double, rhs: Matrix) -> Matrix { rhs.map { lhs / $0 } }

    /// In place: `rhs` must broadcast to the shape of `lhs`, which does not change.
    public static func += (lhs: inout Matrix, rhs: Matrix) { lhs.formCombination(with: rhs, "+=", +) }
    public static func -= (lhs: inout Matrix, rhs: Matrix) { lhs.formCombination(with: rhs, "-=", -) }
    public static func *= (lhs: inout Matrix, rhs: Matrix) { lhs.formCombination(with: rhs, "*=", *) }
    public static func /= (lhs: inout Matrix, rhs: Matrix) { lhs.formCombination(with: rhs, "/=", /) }

    public static func += (lhs: inout Matrix, rhs: Double) { lhs.transform { $0 + rhs } }
    public static func -= (lhs: inout Matrix, rhs: Double) { lhs.transform { $0 - rhs } }
    public static func *= (lhs: inout Matrix, rhs: Double) { lhs.transform { $0 * rhs } }
    public static func /= (lhs: inout Matrix, rhs: Double) { lhs.transform { $0 / rhs } }

    /// −A, entry by entry.
    public static prefix func - (operand: Matrix) -> Matrix { operand.map { -$0 } }

    /// The matrix with entries f(a_ij).
    public func map(_ transform: (Double) throws -> Double) rethrows -> Matrix {
        Matrix(rows: rows, columns: columns, elements: try elements.map(transform))
    }

    /// Replaces every entry a_ij by f(a_ij), without allocating.
    mutating func transform(_ f: (Double) -> Double) {
        elements.withUnsafeMutableBufferPointer { entries in
            for index in entries.indices {
                entries[index] = f(entries[index])
            }
        }
    }

    /// This matrix repeated along its dimensions of size 1 to fill `shape`.
    func broadcast(to shape: Shape) -> Matrix {
        var result = Matrix(rows: shape.rows, columns: shape.columns, repeating: 0)
        result.formCombination(with: self, "broadcast") { _, value in value }
        return result
    }

    private static func combine(
        _ lhs: Matrix, _ rhs: Matrix, _ operation: String, _ f: (Double, Double) -> Double
    ) -> Matrix {
        let shape = lhs.shape.broadcast(with: rhs.shape, operation: operation).required
        var result = lhs.shape == shape ? lhs : lhs.broadcast(to: shape)
        result.formCombination(with: rhs, operation, f)
        return result
    }

    /// a_ij ← f(a_ij, b_i'j'), with `other` broadcast to this matrix's shape.
    private mutating func formCombination(
        with other: Matrix, _ operation: String, _ f: (Double, Double) -> Double
    ) {
        _ = shape.broadcastInPlace(other.shape, operation: operation).required
        guard !elements.isEmpty else { return }
        let n = columns
        let otherRowStride = other.rows == 1 ? 0 : other.columns
        let otherColumnStride = other.columns == 1 ? 0 : 1
        other.elements.withUnsafeBufferPointer { b in
            elements.withUnsafeMutableBufferPointer { a in
                for i in 0..<rows {
                    let aRow = a.baseAddress! + i * n
                    let bRow = b.baseAddress! + i * otherRowStride
                    for j in 0..<n {
                        aRow[j] = f(aRow[j], bRow[j * otherColumnStride])
                    }
                }
            }
        }
    }
}
