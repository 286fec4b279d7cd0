/// Activations over whole matrices: the same values as applying
/// ``Activation/callAsFunction(_:)-(Double)`` and
/// ``Activation/derivative(atOutput:)`` entry by entry, with the sigmoid's
/// exponentials computed together (``Exponential``).
extension Activation {
    /// Replaces every entry z of `matrix` by σ(z).
    func apply(to matrix: inout Matrix) {
        matrix.elements.withUnsafeMutableBufferPointer { z in
            guard let base = z.baseAddress else { return }
            apply(base, count: z.count)
        }
    }

    /// Replaces z[i] by σ(z[i]) for i < count.
    func apply(_ z: UnsafeMutablePointer<Double>, count: Int) {
        if self == .sigmoid {
            Activation.sigmoid(z, into: z, count: count)
        } else {
            for i in 0..<count {
                z[i] = callAsFunction(z[i])
            }
        }
    }

    /// δ[i] = g[i] · σ′ at the output y[i] (y(1 − y) for the sigmoid), for
    /// i < count: Δ = G ⊙ σ′ in backpropagation. `delta` may be `g`.
    @inline(__always)
    func multiplyByDerivative(
        _ g: UnsafePointer<Double>, atOutput y: UnsafePointer<Double>,
        into delta: UnsafeMutablePointer<Double>, count: Int
    ) {
        if self == .sigmoid {
            for i in 0..<count {
                delta[i] = g[i] * (y[i] * (1 - y[i]))
            }
        } else {
            for i in 0..<count {
                delta[i] = g[i] * derivative(atOutput: y[i])
            }
        }
    }

    /// s[i] = σ(z[i]) for the logistic σ and i < count, as ``logistic(_:)``
    /// computes it; `s` may be `z`. Works in chunks of 128 entries through a
    /// buffer on the stack (``sigmoidOrNaN(_:into:count:table:)``, then the few
    /// entries left to the C library).
    static func sigmoid(_ z: UnsafePointer<Double>, into s: UnsafeMutablePointer<Double>, count: Int) {
        let chunk = 128
        Exponential.withTable { table in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: chunk) { buffer in
                let t = buffer.baseAddress!
                var start = 0
                while start < count {
                    let n = min(chunk, count &- start)
                    let z = z + start
                    sigmoidOrNaN(z, into: t, count: n, table: table)
                    for i in 0..<n where t[i].isNaN {
                        t[i] = logistic(z[i])
                    }
                    (s + start).update(from: t, count: n)
                    start &+= n
                }
            }
        }
    }

    /// s[i] = σ(z[i]) as ``logistic(_:)`` computes it, 1 / (1 + e⁻ᶻ), or NaN
    /// where e⁻ᶻ is left to the C library (``Exponential/expOrNaN(_:_:)``,
    /// which also declines every z < −512, where `logistic` takes its other
    /// branch): the caller replaces those by `logistic(z[i])`. Two entries at
    /// a time; `s` must not be `z`.
    @inline(__always)
    static func sigmoidOrNaN(
        _ z: UnsafePointer<Double>, into s: UnsafeMutablePointer<Double>, count: Int,
        table: UnsafePointer<UInt64>?
    ) {
        // Two passes, each with short dependency chains, so that the
        // processor overlaps many entries: e⁻ᶻ, then 1 / (1 + e⁻ᶻ).
        var i = 0
        while i &+ 2 <= count {
            let e = Exponential.expOrNaN(-SIMD2(z[i], z[i &+ 1]), table)
            s[i] = e[0]
            s[i &+ 1] = e[1]
            i &+= 2
        }
        if i < count {
            s[i] = .nan
        }
        for i in 0..<count {
            s[i] = 1 / (1 + s[i])
        }
    }
}
