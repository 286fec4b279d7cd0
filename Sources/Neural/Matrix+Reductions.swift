#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Sums, means and the norm.
///
/// Sums add in the order NumPy uses for a C-contiguous array, so that printed
/// results agree with NumPy to the last digit: a run of entries that are
/// adjacent in memory (the whole matrix, a row, an m×1 column) is added
/// pairwise (see ``Matrix/pairwiseSum(_:_:)``); the columns of a matrix with
/// n > 1 are added row after row. Means divide the sum by the count.
extension Matrix {
    /// Σ_ij a_ij.
    public func sum() -> Double {
        elements.withUnsafeBufferPointer { a in 0.0 + Matrix.pairwiseSum(a.baseAddress, a.count) }
    }

    /// (1 / mn) Σ_ij a_ij.
    public func mean() -> Double {
        sum() / Double(elements.count)
    }

    /// The m×1 column of row sums, `s_i = Σ_j a_ij` (NumPy's `sum(axis=1)`).
    public func rowSums() -> Matrix {
        elements.withUnsafeBufferPointer { a in
            Matrix(rows: rows, columns: 1) { i, _ in
                0.0 + Matrix.pairwiseSum(a.baseAddress.map { $0 + i * columns }, columns)
            }
        }
    }

    /// The 1×n row of column sums, `s_j = Σ_i a_ij` (NumPy's `sum(axis=0)`).
    public func columnSums() -> Matrix {
        if columns == 1 {
            return Matrix(row: [sum()])
        }
        var sums = [Double](repeating: 0, count: columns)
        elements.withUnsafeBufferPointer { a in
            sums.withUnsafeMutableBufferPointer { sums in
                for i in 0..<rows {
                    for j in 0..<columns {
                        sums[j] += a[i * columns + j]
                    }
                }
            }
        }
        return Matrix(row: sums)
    }

    /// The m×1 column of row means, `(1/n) Σ_j a_ij` (NumPy's `mean(axis=1)`).
    public func rowMeans() -> Matrix {
        rowSums() / Double(columns)
    }

    /// The 1×n row of column means, `(1/m) Σ_i a_ij` (NumPy's `mean(axis=0)`).
    public func columnMeans() -> Matrix {
        columnSums() / Double(rows)
    }

    /// The Frobenius norm `‖A‖ = √(Σ_ij a_ij²)`, the Euclidean 2-norm for a
    /// vector (NumPy's `np.linalg.norm` with its defaults).
    public func norm() -> Double {
        var squares = 0.0
        for a in elements {
            squares += a * a
        }
        return sqrt(squares)
    }

    /// NumPy's pairwise summation of `x[0..<n]` (`pairwise_sum` in
    /// `numpy/_core/src/umath/loops_utils.h.src`): fewer than 8 terms are added
    /// in order; up to 128 terms go to 8 interleaved partial sums, combined as
    /// ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)), then the remaining n mod 8 terms;
    /// longer runs are split at n/2 rounded down to a multiple of 8. The
    /// rounding error grows as O(log n) rather than O(n).
    static func pairwiseSum(_ x: UnsafePointer<Double>?, _ n: Int) -> Double {
        guard let x, n > 0 else { return 0 }
        if n < 8 {
            var sum = -0.0
            for i in 0..<n {
                sum += x[i]
            }
            return sum
        }
        if n <= 128 {
            var r = (x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7])
            var i = 8
            while i < n - n % 8 {
                r.0 += x[i]; r.1 += x[i + 1]; r.2 += x[i + 2]; r.3 += x[i + 3]
                r.4 += x[i + 4]; r.5 += x[i + 5]; r.6 += x[i + 6]; r.7 += x[i + 7]
                i += 8
            }
            var sum = ((r.0 + r.1) + (r.2 + r.3)) + ((r.4 + r.5) + (r.6 + r.7))
            while i < n {
                sum += x[i]
                i += 1
            }
            return sum
        }
        let half = n / 2 - (n / 2) % 8
        return pairwiseSum(x, half) + pairwiseSum(x + half, n - half)
    }
}
