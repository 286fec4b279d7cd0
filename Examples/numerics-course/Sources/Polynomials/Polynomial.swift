/// A polynomial with real coefficients, p(x) = c₀ + c₁x + … + cₙxⁿ, stored
/// from the constant term up.
public struct Polynomial: Sendable, Equatable, CustomStringConvertible {
    /// c₀, c₁, …, cₙ.
    public var coefficients: [Double]

    public init(_ coefficients: [Double]) {
        self.coefficients = coefficients
    }

    /// The degree: the index of the last nonzero coefficient (0 for a constant).
    public var degree: Int {
        coefficients.lastIndex { $0 != 0 } ?? 0
    }

    /// p(x) and p′(x) by Horner's rule: with bₙ = cₙ and bₖ = cₖ + x·bₖ₊₁, the
    /// value is b₀; differentiating the recurrence gives the derivative in the
    /// same pass. n multiplications and n additions for each, where expanding
    /// the powers takes about twice as many and loses more to rounding.
    public func evaluate(at x: Double) -> (value: Double, slope: Double) {
        var value = 0.0, slope = 0.0
        for coefficient in coefficients.reversed() {
            slope = slope * x + value
            value = value * x + coefficient
        }
        return (value, slope)
    }

    /// p(x).
    public func callAsFunction(_ x: Double) -> Double {
        evaluate(at: x).value
    }

    /// The iterates of Newton's method, xₖ₊₁ = xₖ − p(xₖ)/p′(xₖ), from `start`
    /// until a step is no longer than `tolerance` or after `limit` steps, the
    /// start included. Near a simple root each step about doubles the number of
    /// correct digits; at a point where p′ is zero the method stops.
    public func newtonIterates(from start: Double, tolerance: Double = 1e-14, limit: Int = 50) -> [Double] {
        var iterates = [start]
        var x = start
        for _ in 0..<limit {
            let (value, slope) = evaluate(at: x)
            guard slope != 0 else { break }
            let next = x - value / slope
            iterates.append(next)
            if abs(next - x) <= tolerance * max(1, abs(next)) { break }
            x = next
        }
        return iterates
    }

    /// The polynomial as it is written, highest power first: `x^3 - 2x - 5`.
    public var description: String {
        var text = ""
        for (power, coefficient) in coefficients.enumerated().reversed() where coefficient != 0 {
            let size = abs(coefficient)
            let number = size == size.rounded() ? String(Int(size)) : String(size)
            let shown = number == "1" && power > 0 ? "" : number
            let term = power == 0 ? number : power == 1 ? "\(shown)x" : "\(shown)x^\(power)"
            text += text.isEmpty ? (coefficient < 0 ? "-" : "") + term : (coefficient < 0 ? " - " : " + ") + term
        }
        return text.isEmpty ? "0" : text
    }
}
