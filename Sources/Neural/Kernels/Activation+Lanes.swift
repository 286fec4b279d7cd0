/// Activations applied to eight values at a time, for the kernels: the
/// values of ``Activation/callAsFunction(_:)-(Double)`` and
/// ``Activation/derivative(atOutput:)-(Double)`` lane by lane, to the last
/// bit (the sigmoid through ``Logistic``, whose lanes are its scalar values).
extension Activation {
    /// σ of every lane.
    @inline(__always)
    func apply(_ z: Lanes) -> Lanes {
        switch self {
        case .identity: return z
        case .sigmoid: return Logistic.sigmoid(z)
        default:
            var y = z
            for lane in 0..<8 {
                y[lane] = callAsFunction(z[lane])
            }
            return y
        }
    }

    /// σ of every lane of two vectors, side by side (``Logistic/sigmoid(_:_:)``).
    @inline(__always)
    func apply(_ a: Lanes, _ b: Lanes) -> (Lanes, Lanes) {
        self == .sigmoid ? Logistic.sigmoid(a, b) : (apply(a), apply(b))
    }

    /// σ′ of every lane, from the outputs y = σ(z): y ⊙ (1 − y) for the
    /// sigmoid (see ``derivative(atOutput:)-(Double)``).
    @inline(__always)
    func derivative(atOutput y: Lanes) -> Lanes {
        switch self {
        case .identity: return Lanes(repeating: 1)
        case .sigmoid: return y * (1 - y)
        default:
            var slope = y
            for lane in 0..<8 {
                slope[lane] = derivative(atOutput: y[lane])
            }
            return slope
        }
    }

    /// Replaces z[i] by σ(z[i]) for i < count.
    func apply(_ z: UnsafeMutablePointer<Double>, count: Int) {
        if self == .sigmoid {
            Logistic.sigmoid(z, into: z, count: count)
        } else {
            for i in 0..<count {
                z[i] = callAsFunction(z[i])
            }
        }
    }
}
