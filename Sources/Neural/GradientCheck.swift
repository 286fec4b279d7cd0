/// A comparison of an analytic gradient (from backpropagation) with a
/// numerical one from central differences,
///
///     ∂f/∂θᵢ ≈ (f(θ + h eᵢ) − f(θ − h eᵢ)) / 2h,
///
/// whose truncation error is O(h²) (h³f‴/6 over 2h). The divisor is the
/// distance between the two points as actually rounded, (θᵢ + h) − (θᵢ − h),
/// rather than 2h. With h = 10⁻⁵ and f of order 1, truncation and rounding
/// errors are both near 10⁻¹⁰, so a correct gradient agrees to about 10⁻⁸
/// relative; components far smaller than that absolute noise (or f near a
/// kink such as ReLU's at 0) cannot be checked this way.
///
/// ``Network/gradientCheck(input:target:loss:step:)`` checks a whole network;
/// a single layer is checked as the network `Network([layer])`.
public struct GradientCheck: Sendable, Equatable {
    /// The gradient under test.
    public let analytic: [Double]
    /// The central-difference estimate.
    public let numerical: [Double]
    /// maxᵢ of ``relativeError(_:_:)`` between the two.
    public let maxRelativeError: Double

    /// Checks `analytic` against central differences of `f` at `point`.
    public init(analytic: [Double], at point: [Double], step h: Double = 1e-5, of f: ([Double]) -> Double) {
        require(analytic.count == point.count,
                     "GradientCheck: \(analytic.count) gradient components for \(point.count) parameters")
        var probe = point
        numerical = point.indices.map { i in
            let (up, down) = (point[i] + h, point[i] - h)
            probe[i] = up
            let above = f(probe)
            probe[i] = down
            let below = f(probe)
            probe[i] = point[i]
            return (above - below) / (up - down)
        }
        self.analytic = analytic
        maxRelativeError = zip(analytic, numerical).map(Self.relativeError).max() ?? 0
    }

    /// |a − b| / max(|a|, |b|), and 0 when a = b (including both 0).
    public static func relativeError(_ a: Double, _ b: Double) -> Double {
        a == b ? 0 : (a - b).magnitude / max(a.magnitude, b.magnitude)
    }
}

extension Network {
    /// Checks backpropagation on J(θ) = loss(f_θ(X), T), as a function of all
    /// ``parameters`` θ, at the network's current parameters. The network
    /// itself is left untouched: the work happens on copies.
    public func gradientCheck(input: Matrix, target: Matrix, loss: Loss, step h: Double = 1e-5) -> GradientCheck {
        var trained = self
        _ = trained.forward(input)
        _ = trained.backward(loss: loss, target: target)
        return GradientCheck(analytic: trained.parameterGradients, at: parameters, step: h) { theta in
            var probe = self
            probe.parameters = theta
            return loss.value(of: probe.predict(input), target: target)
        }
    }
}
