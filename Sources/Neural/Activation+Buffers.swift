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
    /// computes it; `s` may be `z`.
    static func sigmoid(_ z: UnsafePointer<Double>, into s: UnsafeMutablePointer<Double>, count: Int) {
        Exponential.withTable { table in
            sigmoid(z, into: s, count: count, table: table)
        }
    }

    /// s[i] = σ(z[i]) as ``logistic(_:)`` computes it, two entries at a time
    /// (``Exponential/exp(_:_:)-(SIMD2<Double>,_)``), for i < count; `s` may
    /// be `z`.
    @inline(__always)
    static func sigmoid(
        _ z: UnsafePointer<Double>, into s: UnsafeMutablePointer<Double>, count: Int,
        table: UnsafePointer<UInt64>
    ) {
        var i = 0
        while i &+ 2 <= count {
            let y = sigmoid(SIMD2(z[i], z[i &+ 1]), table: table)
            s[i] = y[0]
            s[i &+ 1] = y[1]
            i &+= 2
        }
        if i < count {
            s[i] = logistic(z[i])
        }
    }

    /// σ of both lanes, as ``logistic(_:)`` computes each.
    @inline(__always)
    static func sigmoid(_ z: SIMD2<Double>, table: UnsafePointer<UInt64>) -> SIMD2<Double> {
        if _fastPath(all(z.magnitude .< 512)) {
            return 1 / (1 + Exponential.kernel(-z, table))
        }
        return SIMD2(logistic(z[0]), logistic(z[1]))
    }
}
