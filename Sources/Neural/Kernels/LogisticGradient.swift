/// The kernel of ``LogisticRegression/gradient(_:into:)``: the sums
///
///     gⱼ = Σᵢ (yᵢ − σ(zᵢ)) xᵢⱼ,   zᵢ = θᵀxᵢ,
///
/// over the n samples, eight samples at a time. Each zᵢ adds its products in
/// order j = 0, 1, …, as ``Matrix/dot(_:)`` does, and σ is ``Logistic``'s,
/// so the residuals yᵢ − σ(zᵢ) are those of the whole-matrix formula to the
/// last bit. Each sum gⱼ runs in eight lanes, lane l adding the samples
/// i ≡ l (mod 8) in order, and the lanes are added at the end in the fixed
/// order of ``Lanes/pairwiseSum``: the same on every CPU, but grouped
/// differently from the formula's `Xᵀ • r`, so gⱼ differs from it by a few
/// units of 2⁻⁵² relative to Σᵢ |rᵢxᵢⱼ| (``LogisticGradientTests``).
///
/// The samples are stored column by column (``columns``), each column padded
/// with zeros to a multiple of eight rows: a padded sample adds
/// r·0 = ±0 to every sum, which changes no sum.
struct LogisticGradient: Sendable {
    /// The number n of samples and d of features.
    let rows: Int, columns: Int
    /// n rounded up to a multiple of 8.
    let paddedRows: Int
    /// X column-major: column j at `features[j·paddedRows ..< (j+1)·paddedRows]`.
    private let features: [Double]
    /// y, padded like a column.
    private let labels: [Double]

    /// The kernel for the n×d features X and the n×1 labels y.
    init(features x: Matrix, labels y: Matrix) {
        (rows, columns) = (x.rows, x.columns)
        paddedRows = (rows + 7) / 8 * 8
        var features = [Double](repeating: 0, count: paddedRows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                features[j * paddedRows + i] = x.elements[i * columns + j]
            }
        }
        self.features = features
        labels = y.elements + [Double](repeating: 0, count: paddedRows - rows)
    }

    /// g = Σᵢ (yᵢ − σ(θᵀxᵢ)) xᵢ into g[0..<d], for θ at theta[0..<d].
    func sums(theta: UnsafePointer<Double>, into g: UnsafeMutablePointer<Double>) {
        features.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { y in
                // Written out for each small d so that the loops over the
                // columns unroll and the eight-lane sums stay in registers.
                switch columns {
                case 1: sums(x.baseAddress!, y.baseAddress!, columns: 1, theta: theta, into: g)
                case 2: sums(x.baseAddress!, y.baseAddress!, columns: 2, theta: theta, into: g)
                case 3: sums(x.baseAddress!, y.baseAddress!, columns: 3, theta: theta, into: g)
                case 4: sums(x.baseAddress!, y.baseAddress!, columns: 4, theta: theta, into: g)
                default: sums(x.baseAddress!, y.baseAddress!, columns: columns, theta: theta, into: g)
                }
            }
        }
    }

    /// The sums, for `columns` = d; inlined where d is a constant.
    @inline(__always)
    private func sums(
        _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, columns d: Int,
        theta: UnsafePointer<Double>, into g: UnsafeMutablePointer<Double>
    ) {
        if d > 4 {
            return wideSums(x, y, columns: d, theta: theta, into: g)
        }
        // Lanes past d repeat column d − 1 and are dropped at the end.
        let c = (0, min(1, d - 1), min(2, d - 1), min(3, d - 1))
        let t = (theta[c.0], theta[c.1], theta[c.2], theta[c.3])
        var s0 = Lanes(), s1 = Lanes(), s2 = Lanes(), s3 = Lanes()
        var i = 0
        while i < paddedRows {
            let x0 = Lanes(loading: x + (c.0 &* paddedRows &+ i)), x1 = Lanes(loading: x + (c.1 &* paddedRows &+ i))
            let x2 = Lanes(loading: x + (c.2 &* paddedRows &+ i)), x3 = Lanes(loading: x + (c.3 &* paddedRows &+ i))
            var z = Lanes() + x0 * t.0
            if d > 1 { z += x1 * t.1 }
            if d > 2 { z += x2 * t.2 }
            if d > 3 { z += x3 * t.3 }
            let r = Lanes(loading: y + i) - Logistic.sigmoid(z)
            s0 += r * x0
            if d > 1 { s1 += r * x1 }
            if d > 2 { s2 += r * x2 }
            if d > 3 { s3 += r * x3 }
            i &+= 8
        }
        let sums = (s0.pairwiseSum, s1.pairwiseSum, s2.pairwiseSum, s3.pairwiseSum)
        g[0] = sums.0
        if d > 1 { g[1] = sums.1 }
        if d > 2 { g[2] = sums.2 }
        if d > 3 { g[3] = sums.3 }
    }

    /// The sums for d > 4, with the eight-lane sums in memory.
    private func wideSums(
        _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, columns d: Int,
        theta: UnsafePointer<Double>, into g: UnsafeMutablePointer<Double>
    ) {
        let sums = UnsafeMutablePointer<Lanes>.allocate(capacity: d)
        defer { sums.deallocate() }
        sums.initialize(repeating: Lanes(), count: d)
        var i = 0
        while i < paddedRows {
            var z = Lanes() + Lanes(loading: x + i) * theta[0]
            for j in 1..<d {
                z += Lanes(loading: x + (j &* paddedRows &+ i)) * theta[j]
            }
            let r = Lanes(loading: y + i) - Logistic.sigmoid(z)
            for j in 0..<d {
                sums[j] += r * Lanes(loading: x + (j &* paddedRows &+ i))
            }
            i &+= 8
        }
        for j in 0..<d {
            g[j] = sums[j].pairwiseSum
        }
    }
}
