extension LogisticRegression {
    /// gⱼ = Σᵢ (yᵢ − σ(zᵢ)) xᵢⱼ with zᵢ = θᵀxᵢ, over the n rows xᵢ of the
    /// row-major n×d matrix `x`: each zᵢ adds its products in order
    /// j = 1…d and each gⱼ its terms in sample order, as the plain double loop
    /// does, so the sums are the same to the last bit.
    ///
    /// The samples go in chunks of 64 through three short passes over two
    /// small buffers: zᵢ; σ(zᵢ), two at a time
    /// (``Activation/sigmoid(_:into:count:table:)``); the terms, added to
    /// sums that stay in registers for d ≤ 4. Short passes let the processor
    /// overlap many samples. The loops are compiled once for each d ≤ 4, so
    /// that they unroll.
    static func residualSums(
        _ x: UnsafePointer<Double>, labels y: UnsafePointer<Double>, rows n: Int, columns d: Int,
        theta: UnsafePointer<Double>, into g: UnsafeMutablePointer<Double>
    ) {
        let buffer = UnsafeMutablePointer<Double>.allocate(capacity: 2 * chunk)
        defer { buffer.deallocate() }
        Exponential.withTable { table in
            func sums<Width: ColumnCount>(_: Width.Type) {
                residualSums(x, labels: y, rows: n, columns: Width.value ?? d, theta: theta, into: g,
                             table: table, buffer: buffer)
            }
            switch d {
            case 1: sums(OneColumn.self)
            case 2: sums(TwoColumns.self)
            case 3: sums(ThreeColumns.self)
            case 4: sums(FourColumns.self)
            default: sums(AnyColumns.self)
            }
        }
    }

    /// The samples per pass.
    private static var chunk: Int { 64 }

    /// The body of ``residualSums(_:labels:rows:columns:theta:into:)``, with
    /// the exponential's table and a buffer of 2 × ``chunk`` doubles; inlined
    /// where d is a constant, so that its loops unroll.
    @inline(__always)
    private static func residualSums(
        _ x: UnsafePointer<Double>, labels y: UnsafePointer<Double>, rows n: Int, columns d: Int,
        theta: UnsafePointer<Double>, into g: UnsafeMutablePointer<Double>,
        table: UnsafePointer<UInt64>, buffer: UnsafeMutablePointer<Double>
    ) {
        // For d ≤ 4 the sums are the lanes of a vector; lanes past d repeat
        // column d − 1 and are dropped at the end.
        let c = (0, min(1, d - 1), min(2, d - 1), min(3, d - 1))
        var sums = SIMD4<Double>()
        g.update(repeating: 0, count: d)
        let z = buffer, s = buffer + chunk
        var start = 0
        while start < n {
            let count = min(chunk, n &- start)
            let rows = x + start &* d, labels = y + start
            for i in 0..<count {
                var zi = 0.0
                for j in 0..<d {
                    zi += rows[i &* d &+ j] * theta[j]
                }
                z[i] = zi
            }
            Activation.sigmoid(z, into: s, count: count, table: table)
            var row = rows
            for k in 0..<count {
                let residual = labels[k] - s[k]
                if d <= 4 {
                    sums += residual * SIMD4(row[c.0], row[c.1], row[c.2], row[c.3])
                } else {
                    for j in 0..<d {
                        g[j] += residual * row[j]
                    }
                }
                row += d
            }
            start &+= count
        }
        if d <= 4 {
            for j in 0..<d {
                g[j] = sums[j]
            }
        }
    }
}

/// A number of columns fixed when the code is compiled (`nil`: known only at
/// run time), so that a generic kernel is compiled once per count with its
/// loops over the columns unrolled.
private protocol ColumnCount {
    static var value: Int? { get }
}

private enum OneColumn: ColumnCount { static var value: Int? { 1 } }
private enum TwoColumns: ColumnCount { static var value: Int? { 2 } }
private enum ThreeColumns: ColumnCount { static var value: Int? { 3 } }
private enum FourColumns: ColumnCount { static var value: Int? { 4 } }
private enum AnyColumns: ColumnCount { static var value: Int? { nil } }
