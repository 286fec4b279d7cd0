/// The loops behind the matrix products, on raw row-major storage.
///
/// Every entry is the sum Σₖ aᵢₖbₖⱼ added in order k = 0, 1, … starting from
/// 0, exactly as the textbook triple loop adds it, whatever the loop order: the
/// kernels only choose which independent sums advance together, so the
/// results are the same to the last bit.
extension Matrix {
    /// c = A·b for an m×p matrix A and a vector b of p entries.
    static func multiply(
        _ a: UnsafePointer<Double>, rows m: Int, columns p: Int,
        by b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>
    ) {
        var i = 0
        // Four rows at a time, so that four sums advance in each step.
        while i + 4 <= m {
            let a0 = a + i * p, a1 = a0 + p, a2 = a1 + p, a3 = a2 + p
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
            for k in 0..<p {
                s0 += a0[k] * b[k]
                s1 += a1[k] * b[k]
                s2 += a2[k] * b[k]
                s3 += a3[k] * b[k]
            }
            c[i] = s0; c[i + 1] = s1; c[i + 2] = s2; c[i + 3] = s3
            i += 4
        }
        while i < m {
            var s = 0.0
            for k in 0..<p {
                s += a[i * p + k] * b[k]
            }
            c[i] = s
            i += 1
        }
    }

    /// C = A·B for an m×p matrix A and a p×n matrix B, p ≥ 1: row i of C
    /// gathers aᵢₖ times row k of B, k = 0, 1, …, so the inner loop runs
    /// along rows.
    static func multiply(
        _ a: UnsafePointer<Double>, rows m: Int, columns p: Int,
        by b: UnsafePointer<Double>, columns n: Int, into c: UnsafeMutablePointer<Double>
    ) {
        if n == 1 {
            return multiply(a, rows: m, columns: p, by: b, into: c)
        }
        for i in 0..<m {
            let cRow = c + i &* n
            setMultiple(a[i &* p], of: b, to: cRow, count: n)
            for k in 1..<p {
                addMultiple(a[i &* p &+ k], of: b + k &* n, to: cRow, count: n)
            }
        }
    }

    /// y[j] = 0 + s · x[j] for j in 0..<count: the first term of a sum that
    /// starts from 0 (so that a product −0 gives +0, as in the plain loop).
    @inline(__always)
    private static func setMultiple(
        _ s: Double, of x: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>, count: Int
    ) {
        for j in 0..<count {
            y[j] = 0 + s * x[j]
        }
    }

    /// y[j] += s · x[j] for j in 0..<count.
    @inline(__always)
    private static func addMultiple(
        _ s: Double, of x: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>, count: Int
    ) {
        for j in 0..<count {
            y[j] += s * x[j]
        }
    }
}
